/// Writes JSON straight into bytes, in exactly the format of Foundation's `JSONEncoder` with
/// `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` (the format `findings.json` has always had):
/// two-space indentation, `"key" : value`, an empty container as `[`, a blank line, `]`, `"` `\` and control
/// characters escaped (`\b \t \n \f \r`, else `\u00xx` in lower-case hex), everything else (slashes, DEL, non-ASCII)
/// as is, and a `Double` as its `description` without a trailing `.0`.
///
/// `JSONEncoder` builds a tree of boxed values and a `Data` before the bytes; for a 10 MB export that was most of the
/// report's time. Callers write keys in sorted order themselves (tests compare with `JSONEncoder`).
struct PrettyJSON {
    private let buffer: ByteBuffer
    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer.base, count: buffer.count)) }
    private var depth = 0
    /// No member written yet in the innermost open container.
    private var empty = true

    struct NonFiniteNumber: Error, CustomStringConvertible {
        var value: Double
        var description: String { "cannot write \(value) as JSON" }
    }

    init(capacity: Int = 0) { buffer = ByteBuffer(capacity: capacity) }

    // MARK: Containers

    mutating func openObject() { open(0x7B) }
    mutating func closeObject() { close(0x7D) }
    mutating func openArray() { open(0x5B) }
    mutating func closeArray() { close(0x5D) }

    private mutating func open(_ bracket: UInt8) {
        buffer.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty { buffer.append(0x0A) }
        newlineAndIndent()
        buffer.append(bracket)
        empty = false
    }

    /// Starts the next member of an object: separator, indentation, the quoted key and ` : `.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.append(0x22)
        name.withUTF8Buffer { buffer.append($0) }
        buffer.append("\" : " as StaticString)
    }


    /// A key that is not a literal (escaped like any string).
    mutating func key(_ name: String) {
        separate()
        string(name)
        buffer.append(" : " as StaticString)
    }

    /// Starts the next element of an array.
    mutating func element() { separate() }

    private mutating func separate() {
        if !empty { buffer.append(0x2C) }
        empty = false
        newlineAndIndent()
    }

    /// A line feed and two spaces per level, copied in one piece from `Self.indentation` (up to its depth).
    private mutating func newlineAndIndent() {
        let count = 1 + 2 * depth
        if count <= Self.indentation.count {
            Self.indentation.withUnsafeBufferPointer { buffer.append(UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            buffer.append(0x0A)
            for _ in 0..<depth { buffer.append(0x20); buffer.append(0x20) }
        }
    }

    private static let indentation: [UInt8] = [0x0A] + [UInt8](repeating: 0x20, count: 32)

    // MARK: Values

    mutating func null() { buffer.append("null" as StaticString) }

    mutating func int(_ value: Int) {
        if value >= 0 && value < 10 {
            buffer.append(0x30 + UInt8(value))
        } else {
            var digits = String(value)
            digits.withUTF8 { buffer.append($0) }
        }
    }

    mutating func double(_ value: Double) throws {
        guard value.isFinite else { throw NonFiniteNumber(value: value) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { buffer.append($0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        buffer.append(0x22)
        var start = 0
        var index = 0
        while index < text.count {
            // Eight bytes at a time while none needs escaping (the common case: whole strings).
            if index + 8 <= text.count, !Self.mayNeedEscape(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            index += 1
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if start < index - 1 { buffer.append(UnsafeBufferPointer(rebasing: text[start..<(index - 1)])) }
            start = index
            buffer.append(0x5C)
            switch byte {
            case 0x22, 0x5C: buffer.append(byte)
            case 0x08: buffer.append(0x62)
            case 0x09: buffer.append(0x74)
            case 0x0A: buffer.append(0x6E)
            case 0x0C: buffer.append(0x66)
            case 0x0D: buffer.append(0x72)
            default:
                func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? 0x30 + digit : 0x57 + digit }
                buffer.append("u00" as StaticString)
                buffer.append(hex(byte >> 4))
                buffer.append(hex(byte & 0x0F))
            }
        }
        if start < text.count { buffer.append(UnsafeBufferPointer(rebasing: text[start...])) }
        buffer.append(0x22)
    }

    /// False only when none of the eight bytes of `word` is below 0x20, `"` or `\` (the classic "has a byte less
    /// than" and "has a zero byte" tests: they can report a byte that is not there, never miss one).
    @inline(__always) static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs) != 0
    }

    // MARK: Members

    mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    mutating func member(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func member(_ name: StaticString, _ value: Double) throws { key(name); try double(value) }

    /// An array of strings.
    mutating func member(_ name: StaticString, _ values: [String]) {
        key(name)
        openArray()
        for value in values { element(); string(value) }
        closeArray()
    }

    /// Optional members are left out when nil, as `JSONEncoder` does for synthesized `Encodable`.
    mutating func memberIfPresent(_ name: StaticString, _ value: String?) { if let value { member(name, value) } }
    mutating func memberIfPresent(_ name: StaticString, _ value: Int?) { if let value { member(name, value) } }
    mutating func memberIfPresent(_ name: StaticString, _ value: Double?) throws { if let value { try member(name, value) } }

    /// An array of values each written by `write`.
    mutating func member<T>(_ name: StaticString, _ values: [T], _ write: (inout PrettyJSON, T) throws -> Void) rethrows {
        key(name)
        openArray()
        for value in values {
            element()
            try write(&self, value)
        }
        closeArray()
    }

    /// An object whose members `write` adds.
    mutating func object(_ write: (inout PrettyJSON) throws -> Void) rethrows {
        openObject()
        try write(&self)
        closeObject()
    }

    /// The document with a final newline.
    static func document(capacity: Int = 0, _ write: (inout PrettyJSON) throws -> Void) rethrows -> [UInt8] {
        var json = PrettyJSON(capacity: capacity)
        try json.object(write)
        json.buffer.append(0x0A)
        return [UInt8](unsafeUninitializedCapacity: json.buffer.count) { memory, count in
            memory.baseAddress!.update(from: json.buffer.base, count: json.buffer.count)
            count = json.buffer.count
        }
    }
}

/// `PrettyJSON`'s output, in memory of its own: `Array.append` spent about 40 instructions per call on uniqueness and
/// capacity checks, more than the copy, at a dozen calls per finding of a ten-megabyte export. A `PrettyJSON` is
/// only ever used `inout`, never copied, so the buffer has one writer.
private final class ByteBuffer {
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        if bytes.count > capacity &- count { grow(to: count + bytes.count) }
        (base + count).update(from: start, count: bytes.count)
        count &+= bytes.count
    }

    @inline(__always) func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(never) private func grow(to needed: Int) {
        let size = max(needed, capacity * 2)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        memory.update(from: base, count: count)
        base.deallocate()
        base = memory
        capacity = size
    }
}
