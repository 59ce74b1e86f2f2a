/// Reads TOML (the subset Hugo and Zola front matter uses, which is most of TOML 1.0) into a `ConfigNode` map with
/// file:line:column on every node.
///
/// Supported: comments; bare, quoted and dotted keys; basic and literal strings (single- and multi-line, with
/// escapes); integers (decimal with `_`, `0x`, `0o`, `0b`); floats (incl. `inf`, `nan`); booleans; offset and local
/// date-times, dates and times (kept as strings, as written); arrays (multi-line, trailing comma); inline tables;
/// `[table]`, `[table.sub]` and `[[array.of.tables]]` headers. Duplicate keys and tables defined twice are errors.
public enum TOMLReader {
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> ConfigNode {
        try parse(Array(text.utf8), file: file, lineOffset: lineOffset)
    }

    public static func parse(_ bytes: [UInt8], file: String, lineOffset: Int = 0) throws(Diagnostic) -> ConfigNode {
        var parser = TOMLParser(bytes: bytes, file: file, line: 1 + lineOffset)
        let root = try parser.document()
        return root.node()
    }
}

private final class TTable {
    var pairs: [(key: String, item: TItem)] = []
    var index: [String: Int] = [:]
    let location: SourceLocation
    /// Defined by a `[header]` (defining it again is an error).
    var explicit = false
    /// Created by dotted keys (may not be reopened with a header).
    var dotted = false
    /// Inline tables are complete when written.
    var inline = false

    init(_ location: SourceLocation) { self.location = location }

    subscript(_ key: String) -> TItem? { index[key].map { pairs[$0].item } }

    func set(_ key: String, _ item: TItem) {
        index[key] = pairs.count
        pairs.append((key, item))
    }

    func node() -> ConfigNode {
        ConfigNode(.map(pairs.map { ($0.key, $0.item.node()) }), at: location)
    }
}

private final class TArray {
    var tables: [TTable] = []
    let location: SourceLocation
    init(_ location: SourceLocation) { self.location = location }
}

private enum TItem {
    case value(ConfigNode)
    case table(TTable)
    case tableArray(TArray)

    func node() -> ConfigNode {
        switch self {
        case let .value(n): n
        case let .table(t): t.node()
        case let .tableArray(a): ConfigNode(.array(a.tables.map { $0.node() }), at: a.location)
        }
    }
}

private struct TOMLParser {
    let bytes: [UInt8]
    let file: String
    var i = 0
    var line: Int
    var lineStart = 0

    init(bytes: [UInt8], file: String, line: Int) {
        self.bytes = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? Array(bytes[3...]) : bytes
        self.file = file
        self.line = line
    }

    var here: SourceLocation { location(i) }

    func location(_ offset: Int) -> SourceLocation {
        var column = 1
        var k = lineStart
        while k < offset, k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    func fail(_ message: String) -> Diagnostic { Diagnostic(message, at: here) }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    func peek(_ ahead: Int) -> UInt8? { i + ahead < bytes.count ? bytes[i + ahead] : nil }

    mutating func skipBlanks() {
        while let b = peek, b == 0x20 || b == 0x09 { i += 1 }
    }

    mutating func skipComment() {
        if peek == UInt8(ascii: "#") { while let b = peek, b != 0x0A { i += 1 } }
    }

    /// Consumes a line end (LF or CRLF); false if not at one.
    mutating func newline() -> Bool {
        if peek == 0x0A { i += 1; line += 1; lineStart = i; return true }
        if peek == 0x0D, peek(1) == 0x0A { i += 2; line += 1; lineStart = i; return true }
        return false
    }

    /// Blanks, comments and line ends (inside arrays).
    mutating func skipAll() {
        while true {
            skipBlanks()
            skipComment()
            if !newline() { return }
        }
    }

    mutating func endOfLine() throws(Diagnostic) {
        skipBlanks()
        skipComment()
        if i >= bytes.count || newline() { return }
        throw fail("expected the end of the line, found '\(Character(Unicode.Scalar(bytes[i])))'")
    }

    mutating func document() throws(Diagnostic) -> TTable {
        let root = TTable(SourceLocation(file: file, line: line, column: 1))
        var current = root
        while true {
            skipAll()
            guard let b = peek else { break }
            if b == UInt8(ascii: "[") {
                let at = here
                if peek(1) == UInt8(ascii: "[") {
                    i += 2
                    skipBlanks()
                    let keys = try key()
                    guard peek == UInt8(ascii: "]"), peek(1) == UInt8(ascii: "]") else { throw fail("expected ']]' to close the table header") }
                    i += 2
                    current = try arrayTable(root, keys, at)
                } else {
                    i += 1
                    skipBlanks()
                    let keys = try key()
                    guard peek == UInt8(ascii: "]") else { throw fail("expected ']' to close the table header") }
                    i += 1
                    current = try table(root, keys, at)
                }
                try endOfLine()
            } else {
                try keyValue(into: current)
                try endOfLine()
            }
        }
        return root
    }

    func describe(_ keys: [(String, SourceLocation)]) -> String { keys.map(\.0).joined(separator: ".") }

    /// Walks to the parent of the last key, creating implicit tables.
    func walk(_ root: TTable, _ keys: ArraySlice<(String, SourceLocation)>, all: [(String, SourceLocation)]) throws(Diagnostic) -> TTable {
        var t = root
        for (name, at) in keys {
            switch t[name] {
            case nil:
                let child = TTable(at)
                t.set(name, .table(child))
                t = child
            case let .table(child)?:
                if child.inline { throw Diagnostic("cannot extend the inline table '\(name)'", at: at) }
                t = child
            case let .tableArray(array)?:
                t = array.tables[array.tables.count - 1]
            case .value?:
                throw Diagnostic("'\(describe(all))': '\(name)' is already a value, not a table", at: at)
            }
        }
        return t
    }

    func table(_ root: TTable, _ keys: [(String, SourceLocation)], _ at: SourceLocation) throws(Diagnostic) -> TTable {
        let parent = try walk(root, keys.dropLast(), all: keys)
        let (name, _) = keys[keys.count - 1]
        switch parent[name] {
        case nil:
            let t = TTable(at)
            t.explicit = true
            parent.set(name, .table(t))
            return t
        case let .table(t)?:
            if t.explicit || t.dotted || t.inline { throw Diagnostic("table [\(describe(keys))] is defined twice (first at line \(t.location.line ?? 0))", at: at) }
            t.explicit = true
            return t
        default:
            throw Diagnostic("[\(describe(keys))] is already defined as something other than a table", at: at)
        }
    }

    func arrayTable(_ root: TTable, _ keys: [(String, SourceLocation)], _ at: SourceLocation) throws(Diagnostic) -> TTable {
        let parent = try walk(root, keys.dropLast(), all: keys)
        let (name, _) = keys[keys.count - 1]
        let t = TTable(at)
        t.explicit = true
        switch parent[name] {
        case nil:
            let array = TArray(at)
            array.tables.append(t)
            parent.set(name, .tableArray(array))
        case let .tableArray(array)?:
            array.tables.append(t)
        default:
            throw Diagnostic("[[\(describe(keys))]] is already defined as something other than an array of tables", at: at)
        }
        return t
    }

    mutating func keyValue(into table: TTable) throws(Diagnostic) {
        let keys = try key()
        guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after the key '\(describe(keys))'") }
        i += 1
        skipBlanks()
        let value = try self.value(depth: 0)
        var t = table
        for (name, at) in keys.dropLast() {
            switch t[name] {
            case nil:
                let child = TTable(at)
                child.dotted = true
                t.set(name, .table(child))
                t = child
            case let .table(child)? where !child.inline && !child.explicit:
                t = child
            default:
                throw Diagnostic("'\(describe(keys))': '\(name)' is already defined and cannot be extended", at: at)
            }
        }
        let (name, at) = keys[keys.count - 1]
        if let existing = t.index[name] {
            let first: SourceLocation
            switch t.pairs[existing].item {
            case let .value(n): first = n.location
            case let .table(x): first = x.location
            case let .tableArray(a): first = a.location
            }
            throw Diagnostic("duplicate key '\(describe(keys))' (first at line \(first.line ?? 0))", at: at)
        }
        t.set(name, value)
    }

    /// `a.b."c d"` → [(a), (b), (c d)]; stops before `=` or `]`.
    mutating func key() throws(Diagnostic) -> [(String, SourceLocation)] {
        var keys: [(String, SourceLocation)] = []
        while true {
            skipBlanks()
            let at = here
            guard let b = peek else { throw fail("expected a key, found the end of the file") }
            if b == UInt8(ascii: "\"") {
                i += 1
                keys.append((try basicString(multiline: false), at))
            } else if b == UInt8(ascii: "'") {
                i += 1
                keys.append((try literalString(multiline: false), at))
            } else {
                let start = i
                while let c = peek, isBareKeyByte(c) { i += 1 }
                guard i > start else { throw fail("expected a key (letters, digits, '_' or '-', or a quoted key)") }
                keys.append((String(decoding: bytes[start..<i], as: UTF8.self), at))
            }
            skipBlanks()
            if peek == UInt8(ascii: ".") { i += 1; continue }
            return keys
        }
    }

    func isBareKeyByte(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    mutating func value(depth: Int) throws(Diagnostic) -> TItem {
        guard depth < 64 else { throw fail("values nested too deeply") }
        let at = here
        guard let b = peek else { throw fail("expected a value, found the end of the file") }
        switch b {
        case UInt8(ascii: "\""):
            if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                i += 3
                return .value(ConfigNode(.string(try basicString(multiline: true)), at: at))
            }
            i += 1
            return .value(ConfigNode(.string(try basicString(multiline: false)), at: at))
        case UInt8(ascii: "'"):
            if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                i += 3
                return .value(ConfigNode(.string(try literalString(multiline: true)), at: at))
            }
            i += 1
            return .value(ConfigNode(.string(try literalString(multiline: false)), at: at))
        case UInt8(ascii: "["):
            i += 1
            var items: [ConfigNode] = []
            while true {
                skipAll()
                if peek == UInt8(ascii: "]") { i += 1; break }
                items.append(try value(depth: depth + 1).node())
                skipAll()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "]") { i += 1; break }
                throw fail("expected ',' or ']' in the array")
            }
            return .value(ConfigNode(.array(items), at: at))
        case UInt8(ascii: "{"):
            i += 1
            let t = TTable(at)
            skipAll()
            if peek == UInt8(ascii: "}") { i += 1; t.inline = true; return .table(t) }
            while true {
                skipAll()
                try keyValue(into: t)
                skipAll()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "}") { i += 1; break }
                throw fail("expected ',' or '}' in the inline table")
            }
            t.inline = true
            return .table(t)
        default:
            return .value(ConfigNode(try scalar(), at: at))
        }
    }

    /// Booleans, numbers and dates.
    mutating func scalar() throws(Diagnostic) -> ConfigValue {
        let start = i
        func isTokenByte(_ c: UInt8) -> Bool {
            isBareKeyByte(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
        }
        while let c = peek, isTokenByte(c) { i += 1 }
        // A date-time may use a space instead of 'T'.
        if i - start == 10, peek == 0x20, let d = peek(1), d >= 0x30, d <= 0x39, bytes[start + 4] == UInt8(ascii: "-") {
            i += 1
            while let c = peek, isTokenByte(c) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        let at = location(start)
        if text.isEmpty { throw fail("expected a value (a string, number, boolean, date, array or inline table)") }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "inf", "+inf": return .double(.infinity)
        case "-inf": return .double(-.infinity)
        case "nan", "+nan", "-nan": return .double(.nan)
        default: break
        }
        let u = Array(text.utf8)
        if (u.count >= 10 && u[4] == UInt8(ascii: "-")) || (u.count >= 8 && u[2] == UInt8(ascii: ":")) {
            if isTOMLDateTime(text) { return .string(text) }
            throw Diagnostic("'\(text)' is not a valid TOML date or time (e.g. 2026-03-29T02:30:00+02:00, 2026-03-29)", at: at)
        }
        if let v = integer(u) { return .int(v) }
        if let v = float(u) { return .double(v) }
        throw Diagnostic("expected a value (a string, number, boolean, date, array or inline table), found '\(text)'", at: at)
    }

    func isTOMLDateTime(_ text: String) -> Bool {
        if TimestampFormat.isDate(text) { return true }
        if case .success = TimestampFormat.parse(text) { return true }
        func isTime(_ t: Substring) -> Bool {
            let u = Array(t.utf8)
            guard u.count >= 8, u[2] == UInt8(ascii: ":"), u[5] == UInt8(ascii: ":") else { return false }
            let digits = [0, 1, 3, 4, 6, 7].allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 }
            guard digits else { return false }
            let h = Int(u[0] - 0x30) * 10 + Int(u[1] - 0x30), m = Int(u[3] - 0x30) * 10 + Int(u[4] - 0x30)
            let s = Int(u[6] - 0x30) * 10 + Int(u[7] - 0x30)
            guard h < 24, m < 60, s < 60 else { return false }
            if u.count == 8 { return true }
            return u[8] == UInt8(ascii: ".") && u.count > 9 && u[9...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if isTime(Substring(text)) { return true }
        // Local date-time.
        let u = Array(text.utf8)
        if u.count > 11, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") || u[10] == 0x20 {
            return TimestampFormat.isDate(String(text.prefix(10))) && isTime(text.dropFirst(11))
        }
        return false
    }

    /// Underscores only between digits.
    func stripUnderscores(_ u: ArraySlice<UInt8>, digit: (UInt8) -> Bool) -> String? {
        var out = ""
        var previousDigit = false
        for (k, c) in zip(u.indices, u) {
            if c == UInt8(ascii: "_") {
                guard previousDigit, k + 1 < u.endIndex, digit(u[k + 1]) else { return nil }
                previousDigit = false
                continue
            }
            previousDigit = digit(c)
            out.unicodeScalars.append(Unicode.Scalar(c))
        }
        return out
    }

    func integer(_ u: [UInt8]) -> Int? {
        let dec: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if u.count > 2, u[0] == UInt8(ascii: "0") {
            let rest = u[2...]
            switch u[1] {
            case UInt8(ascii: "x"):
                let hex: (UInt8) -> Bool = { dec($0) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }
                return stripUnderscores(rest, digit: hex).flatMap { Int($0, radix: 16) }
            case UInt8(ascii: "o"): return stripUnderscores(rest, digit: { $0 >= 0x30 && $0 <= 0x37 }).flatMap { Int($0, radix: 8) }
            case UInt8(ascii: "b"): return stripUnderscores(rest, digit: { $0 == 0x30 || $0 == 0x31 }).flatMap { Int($0, radix: 2) }
            default: break
            }
        }
        let signed = u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-")
        let body = signed ? u[1...] : u[...]
        guard !body.isEmpty, body.allSatisfy({ dec($0) || $0 == UInt8(ascii: "_") }) else { return nil }
        if body.count > 1, body.first == UInt8(ascii: "0") { return nil }
        guard let digits = stripUnderscores(body, digit: dec), !digits.isEmpty else { return nil }
        return Int((u.first == UInt8(ascii: "-") ? "-" : "") + digits)
    }

    func float(_ u: [UInt8]) -> Double? {
        let dec: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        let signed = u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-")
        let body = signed ? u[1...] : u[...]
        guard let first = body.first, dec(first) else { return nil }
        guard let text = stripUnderscores(body, digit: dec) else { return nil }
        // int part, then '.' digits and/or exponent.
        let t = Array(text.utf8)
        var k = 0
        while k < t.count, dec(t[k]) { k += 1 }
        if k > 1, t[0] == UInt8(ascii: "0") { return nil }
        var hasFraction = false, hasExponent = false
        if k < t.count, t[k] == UInt8(ascii: ".") {
            k += 1
            let s = k
            while k < t.count, dec(t[k]) { k += 1 }
            guard k > s else { return nil }
            hasFraction = true
        }
        if k < t.count, t[k] == UInt8(ascii: "e") || t[k] == UInt8(ascii: "E") {
            k += 1
            if k < t.count, t[k] == UInt8(ascii: "+") || t[k] == UInt8(ascii: "-") { k += 1 }
            let s = k
            while k < t.count, dec(t[k]) { k += 1 }
            guard k > s else { return nil }
            hasExponent = true
        }
        guard k == t.count, hasFraction || hasExponent else { return nil }
        return Double((u.first == UInt8(ascii: "-") ? "-" : "") + text)
    }

    mutating func basicString(multiline: Bool) throws(Diagnostic) -> String {
        var out: [UInt8] = []
        if multiline { _ = newline() }
        while true {
            guard let b = peek else { throw fail("unterminated string: expected a closing \(multiline ? "'\"\"\"'" : "'\"'")") }
            if b == UInt8(ascii: "\"") {
                if !multiline { i += 1; break }
                if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
                    // Up to two extra quotes may end the content.
                    var extra = 0
                    while peek(3 + extra) == UInt8(ascii: "\""), extra < 2 { extra += 1 }
                    out.append(contentsOf: Array(repeating: UInt8(ascii: "\""), count: extra))
                    i += 3 + extra
                    break
                }
                out.append(b)
                i += 1
                continue
            }
            if b == UInt8(ascii: "\\") {
                i += 1
                guard let e = peek else { throw fail("unterminated escape sequence") }
                switch e {
                // Valid TOML, but no HTML page, XML feed or e-mail can carry these controls.
                case UInt8(ascii: "b"): throw fail(TextEncoding.describeControl(0x08) + " (\\b) in a string; remove it")
                case UInt8(ascii: "f"): throw fail(TextEncoding.describeControl(0x0C) + " (\\f) in a string; remove it")
                case UInt8(ascii: "e"): throw fail(TextEncoding.describeControl(0x1B) + " (\\e) in a string; remove it")
                case UInt8(ascii: "t"): out.append(0x09); i += 1
                case UInt8(ascii: "n"): out.append(0x0A); i += 1
                case UInt8(ascii: "r"): out.append(0x0D); i += 1
                case UInt8(ascii: "\""): out.append(0x22); i += 1
                case UInt8(ascii: "\\"): out.append(0x5C); i += 1
                case UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let count = e == UInt8(ascii: "u") ? 4 : 8
                    i += 1
                    var v: UInt32 = 0
                    for _ in 0..<count {
                        guard let h = peek, let d = hexValue(h) else { throw fail("expected \(count) hex digits in the \\\(Character(Unicode.Scalar(e))) escape") }
                        v = v * 16 + d
                        i += 1
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw fail("\\\(Character(Unicode.Scalar(e))) escape is not a Unicode scalar value") }
                    if TextEncoding.isForbiddenControl(v) { throw fail(TextEncoding.describeControl(v) + " in a string; remove it") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                case let w where multiline && (w == 0x20 || w == 0x09 || w == 0x0A || w == 0x0D):
                    // Line-ending backslash: trim whitespace and newlines up to the next non-blank.
                    var k = i
                    while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
                    guard k < bytes.count, bytes[k] == 0x0A || (bytes[k] == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A) else {
                        throw fail("unknown escape sequence '\\ '")
                    }
                    i = k
                    while true {
                        skipBlanks()
                        if !newline() { break }
                    }
                default:
                    throw fail("unknown escape sequence '\\\(Character(Unicode.Scalar(e)))'")
                }
                continue
            }
            if b == 0x0A || (b == 0x0D && peek(1) == 0x0A) {
                guard multiline else { throw fail("unterminated string: a basic string must end on the same line") }
                if b == 0x0D { out.append(0x0D) }
                out.append(0x0A)
                _ = newline()
                continue
            }
            if b < 0x20 && b != 0x09 { throw fail("control character in a string; escape it") }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
        return s
    }

    mutating func literalString(multiline: Bool) throws(Diagnostic) -> String {
        var out: [UInt8] = []
        if multiline { _ = newline() }
        while true {
            guard let b = peek else { throw fail("unterminated string: expected a closing \(multiline ? "\"'''\"" : "\"'\"")") }
            if b == UInt8(ascii: "'") {
                if !multiline { i += 1; break }
                if peek(1) == UInt8(ascii: "'"), peek(2) == UInt8(ascii: "'") {
                    var extra = 0
                    while peek(3 + extra) == UInt8(ascii: "'"), extra < 2 { extra += 1 }
                    out.append(contentsOf: Array(repeating: UInt8(ascii: "'"), count: extra))
                    i += 3 + extra
                    break
                }
            }
            if b == 0x0A || (b == 0x0D && peek(1) == 0x0A) {
                guard multiline else { throw fail("unterminated string: a literal string must end on the same line") }
                if b == 0x0D { out.append(0x0D) }
                out.append(0x0A)
                _ = newline()
                continue
            }
            out.append(b)
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8") }
        return s
    }

    func hexValue(_ h: UInt8) -> UInt32? {
        switch h {
        case 0x30...0x39: UInt32(h - 0x30)
        case 0x41...0x46: UInt32(h - 0x41 + 10)
        case 0x61...0x66: UInt32(h - 0x61 + 10)
        default: nil
        }
    }
}
