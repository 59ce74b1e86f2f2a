/// A small JSON reader producing `LiquidValue`s with object keys in document order.
public enum JSONReader {
    public static func parse(_ text: String) throws -> LiquidValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(b: buffer)
            reader.skipSpace()
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.i == buffer.count else { throw reader.fail("trailing characters") }
            return value
        }
    }

    struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        func fail(_ message: String) -> LiquidError {
            LiquidError(.syntax, "invalid JSON at byte \(i): \(message)", template: "<json>")
        }

        mutating func skipSpace() {
            while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
        }

        mutating func value(depth: Int) throws -> LiquidValue {
            guard depth < 512 else { throw fail("nesting too deep") }
            guard i < b.count else { throw fail("unexpected end") }
            switch b[i] {
            case 123:
                i += 1
                var object = LiquidObject()
                skipSpace()
                if i < b.count, b[i] == 125 { i += 1; return .object(object) }
                while true {
                    skipSpace()
                    guard i < b.count, b[i] == 34 else { throw fail("expected a key") }
                    let key = try string()
                    skipSpace()
                    guard i < b.count, b[i] == 58 else { throw fail("expected ':'") }
                    i += 1
                    skipSpace()
                    object[key] = try value(depth: depth + 1)
                    skipSpace()
                    guard i < b.count else { throw fail("unexpected end") }
                    if b[i] == 44 { i += 1; continue }
                    if b[i] == 125 { i += 1; return .object(object) }
                    throw fail("expected ',' or '}'")
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
                    guard i < b.count else { throw fail("unexpected end") }
                    if b[i] == 44 { i += 1; continue }
                    if b[i] == 93 { i += 1; return .array(items) }
                    throw fail("expected ',' or ']'")
                }
            case 34:
                return .string(try string())
            case 116:
                guard literal("true") else { throw fail("bad literal") }
                return .bool(true)
            case 102:
                guard literal("false") else { throw fail("bad literal") }
                return .bool(false)
            case 110:
                guard literal("null") else { throw fail("bad literal") }
                return .null
            default:
                return try number()
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
            guard let d = Double(text) else { throw fail("bad number '\(text)'") }
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
            throw fail("unterminated string")
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 < b.count else { throw fail("bad escape") }
            var v: UInt32 = 0
            for k in 1...4 {
                let c = b[i + k]
                let d: UInt32
                switch c {
                case 48...57: d = UInt32(c - 48)
                case 65...70: d = UInt32(c - 55)
                case 97...102: d = UInt32(c - 87)
                default: throw fail("bad escape")
                }
                v = v << 4 | d
            }
            i += 4
            return v
        }
    }
}
