/// A small JSON reader producing `LiquidValue`s with object keys in document order. A leading UTF-8 byte
/// order mark is skipped; errors are `JSONReader.Failure`s with the line and column.
public enum JSONReader {
    /// Malformed JSON: what was expected, where (1-based line and column, the column counting characters).
    public struct Failure: Error, Equatable, CustomStringConvertible, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
        public init(line: Int, column: Int, message: String) {
            self.line = line; self.column = column; self.message = message
        }
        /// `FILE:LINE:COLUMN: message` for a data file named `file`.
        public func description(file: String) -> String { "\(file):\(line):\(column): \(message)" }
        public var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
    }

    public static func parse(_ text: String) throws -> LiquidValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(b: buffer)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { reader.i = 3 }
            reader.skipSpace()
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.i == buffer.count else { throw reader.fail("expected the end of the data after the JSON value, \(reader.found)") }
            return value
        }
    }

    struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        /// A failure at byte `offset` (default: the current byte), located by line and column.
        func fail(_ message: String, at offset: Int? = nil) -> Failure {
            let end = Swift.min(offset ?? i, b.count)
            var line = 1
            var column = 1
            // Columns count from after a byte order mark, as editors show the line.
            var k = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
            while k < end {
                if b[k] == 10 { line += 1; column = 1 } else if b[k] & 0xC0 != 0x80 { column += 1 }
                k += 1
            }
            return Failure(line: line, column: column, message: message)
        }

        /// "found 'x'" or "found the end of the data", for messages.
        var found: String {
            guard i < b.count else { return "found the end of the data" }
            var end = i + 1
            while end < b.count, b[end] & 0xC0 == 0x80 { end += 1 }
            return "found '\(String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self))'"
        }

        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
        }

        mutating func value(depth: Int) throws -> LiquidValue {
            guard depth < 512 else { throw fail("JSON nested more than 512 levels deep") }
            guard i < b.count else { throw fail("expected a JSON value, found the end of the data") }
            switch b[i] {
            case 123:
                i += 1
                var object = LiquidObject()
                skipSpace()
                if i < b.count, b[i] == 125 { i += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard i < b.count, b[i] == 34 else { throw fail("expected a quoted key in the JSON object, \(found)") }
                    let key = try string()
                    skipSpace()
                    guard i < b.count, b[i] == 58 else { throw fail("expected ':' after the key '\(key)', \(found)") }
                    i += 1
                    skipSpace()
                    object[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < b.count, b[i] == 44 || b[i] == 125 else { throw fail("expected ',' or '}' in the JSON object, \(found)") }
                    i += 1
                    if b[i - 1] == 125 { return .object(object) }
                }
            case 91:
                i += 1
                var items: [LiquidValue] = []
                skipSpace()
                if i < b.count, b[i] == 93 { i += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard i < b.count, b[i] == 44 || b[i] == 93 else { throw fail("expected ',' or ']' in the JSON array, \(found)") }
                    i += 1
                    if b[i - 1] == 93 { return .array(items) }
                }
            case 34:
                return .string(try string())
            case 116:
                guard literal("true") else { throw fail("expected the literal true") }
                return .bool(true)
            case 102:
                guard literal("false") else { throw fail("expected the literal false") }
                return .bool(false)
            case 110:
                guard literal("null") else { throw fail("expected the literal null") }
                return .null
            case 45, 48...57:
                return try number()
            default:
                throw fail("expected a JSON value (object, array, string, number, true, false or null), \(found)")
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            for k in 0..<n where b[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func number() throws -> LiquidValue {
            let start = i
            var isFloat = false
            if i < b.count, b[i] == 45 { i += 1 }
            while i < b.count {
                let c = b[i]
                if c >= 48 && c <= 57 { i += 1 } else if c == 46 || c == 101 || c == 69 || c == 43 || c == 45 {
                    isFloat = true; i += 1
                } else { break }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
            if !isFloat, let v = Int(text) { return .int(v) }
            guard let d = Double(text) else { throw fail("expected a number, found '\(text)'", at: start) }
            return .double(d)
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == 34 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 92 {
                    i += 1
                    guard i < b.count else { break }
                    switch b[i] {
                    case 110: out.append(10)
                    case 116: out.append(9)
                    case 114: out.append(13)
                    case 98: out.append(8)
                    case 102: out.append(12)
                    case 117:
                        var scalar = try hex4()
                        if scalar >= 0xD800 && scalar < 0xDC00, i + 2 < b.count, b[i + 1] == 92, b[i + 2] == 117 {
                            i += 2
                            let low = try hex4()
                            // A high surrogate without a low one is invalid: U+FFFD, not an underflow trap.
                            scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                        }
                        out.append(contentsOf: String(UnicodeScalar(scalar) ?? "\u{FFFD}").utf8)
                    default: out.append(b[i])
                    }
                    i += 1
                    continue
                }
                out.append(c)
                i += 1
            }
            throw fail("expected the closing quote of the string, found the end of the data")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 < b.count else { throw fail("expected four hex digits after \\u") }
            var v: UInt32 = 0
            for k in 1...4 {
                let c = b[i + k]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 65...70: d = UInt32(c - 55)
                case 97...102: d = UInt32(c - 87)
                default: throw fail("expected four hex digits after \\u")
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }
    }
}
