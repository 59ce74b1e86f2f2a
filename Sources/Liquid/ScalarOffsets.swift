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
            if offset >= 0, length >= 0 {
                // Where the bytes up to the end of the slice are ASCII, scalar offsets are byte offsets.
                let end = min(offset.saturatingAdd(length), u.count)
                if offset <= u.count, asciiPrefix(u, end) {
                    return String(decoding: UnsafeBufferPointer(rebasing: u[min(offset, end)..<end]), as: UTF8.self)
                }
            }
            var start = offset
            if start < 0 { start = start.saturatingAdd(count(u)) }
            guard start >= 0, length >= 0, let a = byteIndex(u, skipping: start, from: 0) else { return "" }
            let z = byteIndex(u, skipping: length, from: a) ?? u.count
            return String(decoding: UnsafeBufferPointer(rebasing: u[a..<z]), as: UTF8.self)
        }
    }

    /// Bytes that are not continuation bytes (10xxxxxx), eight at a time.
    static func count(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = u.baseAddress else { return 0 }
        var continuation = 0
        var i = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= u.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Bit 7 set and bit 6 clear: shifting left by one moves each byte's bit 6 onto its bit 7.
            continuation &+= (w & ~(w << 1) & high).nonzeroBitCount
            i += 8
        }
        while i < u.count {
            if u[i] & 0xC0 == 0x80 { continuation += 1 }
            i += 1
        }
        return u.count - continuation
    }

    /// Whether the first `n` bytes are ASCII, eight at a time.
    static func asciiPrefix(_ u: UnsafeBufferPointer<UInt8>, _ n: Int) -> Bool {
        guard let base = u.baseAddress else { return true }
        var bits: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            bits |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < n {
            bits |= UInt64(u[i])
            i += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }
}
