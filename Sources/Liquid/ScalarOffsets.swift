/// Ruby counts string lengths and offsets in characters (Unicode scalars here). These work on the UTF-8
/// bytes directly: a scalar starts at every byte that is not a continuation byte (10xxxxxx).
enum ScalarOffsets {
    /// Number of Unicode scalars in `s`.
    static func count(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { count($0) }
    }

    /// The byte index reached by skipping `n` scalars from byte `from`, or nil when fewer than `n` remain.
    static func byteIndex(_ u: UnsafeBufferPointer<UInt8>, skipping n: Int, from: Int) -> Int? {
        var i = from
        var left = n
        while left > 0 {
            if i >= u.count { return nil }
            i += 1
            while i < u.count, u[i] & 0xC0 == 0x80 { i += 1 }
            left -= 1
        }
        return i
    }

    /// Ruby's `String#slice(offset, length)` in scalars; "" where Ruby gives nil.
    static func slice(_ s: String, offset: Int, length: Int) -> String {
        var s = s
        return s.withUTF8 { u in
            var start = offset
            if start < 0 { start = start.saturatingAdd(count(u)) }
            guard start >= 0, length >= 0, let a = byteIndex(u, skipping: start, from: 0) else { return "" }
            let z = byteIndex(u, skipping: length, from: a) ?? u.count
            return String(decoding: UnsafeBufferPointer(rebasing: u[a..<z]), as: UTF8.self)
        }
    }

    static func count(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for byte in u where byte & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
