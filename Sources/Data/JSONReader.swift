/// A strict JSON reader on UTF-8 bytes producing `ConfigNode`s with file:line:column, used for NDJSON files.
/// Duplicate keys are errors. Integers without fraction or exponent become `.int`.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let line: Int
    /// Byte offset of `line`'s start in `bytes`.
    let lineStart: Int
    var i: Int

    /// Parses one JSON value filling `range` of `bytes` (one NDJSON line).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, file: String, line: Int) throws(Diagnostic) -> ConfigNode {
        var reader = JSONReader(bytes: UnsafeBufferPointer(rebasing: bytes[range]), file: file, line: line, lineStart: 0, i: 0)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.i < reader.bytes.count { throw reader.error("expected the end of the line after the JSON value") }
        return value
    }

    func location(_ offset: Int) -> SourceLocation {
        var column = 1
        var k = 0
        while k < offset && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    func error(_ message: String, at offset: Int? = nil) -> Diagnostic {
        Diagnostic(message, at: location(offset ?? i))
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D || bytes[i] == 0x0A { i += 1 }
    }

    mutating func value(depth: Int) throws(Diagnostic) -> ConfigNode {
        guard depth < 64 else { throw error("JSON nested too deeply") }
        guard i < bytes.count else { throw error("expected a JSON value, found the end of the line") }
        let start = i
        let at = location(start)
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(key: String, value: ConfigNode)] = []
            var keys: [String: SourceLocation] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return ConfigNode(.map([]), at: at) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a quoted key in the JSON object") }
                let keyOffset = i
                let key = try string()
                if let first = keys[key] {
                    throw error("duplicate key '\(key)' (first at column \(first.column ?? 0))", at: keyOffset)
                }
                keys[key] = location(keyOffset)
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key '\(key)'") }
                i += 1
                skipSpace()
                let item = try value(depth: depth + 1)
                pairs.append((key, item))
                skipSpace()
                guard i < bytes.count else { throw error("expected ',' or '}', found the end of the line") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw error("expected ',' or '}' in the JSON object")
            }
            return ConfigNode(.map(pairs), at: at)
        case UInt8(ascii: "["):
            i += 1
            var items: [ConfigNode] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return ConfigNode(.array([]), at: at) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw error("expected ',' or ']', found the end of the line") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw error("expected ',' or ']' in the JSON array")
            }
            return ConfigNode(.array(items), at: at)
        case UInt8(ascii: "\""):
            return ConfigNode(.string(try string()), at: at)
        case UInt8(ascii: "t"):
            try literal("true"); return ConfigNode(.bool(true), at: at)
        case UInt8(ascii: "f"):
            try literal("false"); return ConfigNode(.bool(false), at: at)
        case UInt8(ascii: "n"):
            try literal("null"); return ConfigNode(.null, at: at)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try number(at)
        default:
            throw error("expected a JSON value")
        }
    }

    mutating func literal(_ word: String) throws(Diagnostic) {
        let start = i
        for b in word.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error("expected a JSON value", at: start) }
            i += 1
        }
    }

    mutating func number(_ at: SourceLocation) throws(Diagnostic) -> ConfigNode {
        let start = i
        var isInteger = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            let s = r.i
            while r.i < r.bytes.count, r.bytes[r.i] >= 0x30, r.bytes[r.i] <= 0x39 { r.i += 1 }
            return r.i - s
        }
        let intStart = i
        guard digits(&self) > 0 else { throw error("expected digits in the number", at: start) }
        if bytes[intStart] == UInt8(ascii: "0"), i - intStart > 1 { throw error("a JSON number may not have leading zeros", at: start) }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard digits(&self) > 0 else { throw error("expected digits after the decimal point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if isInteger, let v = Int(text) { return ConfigNode(.int(v), at: at) }
        guard let v = Double(text), v.isFinite else { throw error("number out of range (beyond ±1.8e308)", at: start) }
        return ConfigNode(.double(v), at: at)
    }

    mutating func string() throws(Diagnostic) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        var start = i
        while true {
            guard i < bytes.count else { throw error("unterminated string: expected a closing '\"'", at: open) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                i += 1
                break
            }
            if b < 0x20 { throw error("control character in a string; escape it") }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                i += 1
                guard i < bytes.count else { throw error("unterminated escape sequence") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"), UInt8(ascii: "f"):
                    throw error(TextEncoding.describeControl(e == UInt8(ascii: "b") ? 0x08 : 0x0C) + " in a string; remove it", at: i - 2)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    } else if TextEncoding.isForbiddenControl(scalar) {
                        // Valid JSON, but no HTML page, XML feed or e-mail can carry it.
                        throw error(TextEncoding.describeControl(scalar) + " in a string; remove it", at: i - 6)
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default:
                    throw error("unknown escape sequence '\\\(Character(Unicode.Scalar(e)))'", at: i - 2)
                }
                start = i
                continue
            }
            i += 1
        }
        guard let text = String(validating: out, as: UTF8.self) else { throw error("string is not valid UTF-8", at: open) }
        return text
    }

    mutating func hex4() throws(Diagnostic) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("expected four hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw error("expected four hex digits after \\u")
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}

/// Splits NDJSON bytes into lines and parses each non-blank line, in line order.
func readNDJSON(_ input: [UInt8], file: String) -> [(line: Int, node: Result<ConfigNode, Diagnostic>)] {
    var out: [(Int, Result<ConfigNode, Diagnostic>)] = []
    if let problem = TextEncoding.byteOrderMarkProblem(input, file: file) { return [(1, .failure(problem))] }
    let bytes = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? Array(input[3...]) : input
    bytes.withUnsafeBufferPointer { buf in
        var start = 0
        var line = 1
        while start < buf.count {
            var end = start
            while end < buf.count, buf[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start, buf[stop - 1] == 0x0D { stop -= 1 }
            var blank = true
            for k in start..<stop where buf[k] != 0x20 && buf[k] != 0x09 { blank = false; break }
            if !blank {
                do throws(Diagnostic) {
                    out.append((line, .success(try JSONReader.parse(buf, range: start..<stop, file: file, line: line))))
                } catch {
                    out.append((line, .failure(error)))
                }
            }
            start = end + 1
            line += 1
        }
    }
    return out
}
