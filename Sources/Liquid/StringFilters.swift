#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// String filters with Ruby's semantics (lengths and offsets count Unicode scalars, like Ruby characters).
enum StringFilters {
    enum ReplaceMode { case all, first, last }

    static func capitalize(_ s: String) -> String {
        // ASCII fast path on bytes; Unicode case mapping only when needed.
        var text = s
        if let ascii = text.withUTF8({ u -> String? in
            guard !u.isEmpty, u.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: u.count) { out in
                for (i, c) in u.enumerated() {
                    let lower = c >= 65 && c <= 90 ? c + 32 : c
                    out[i] = i == 0 && lower >= 97 && lower <= 122 ? lower - 32 : lower
                }
                return u.count
            }
        }) { return ascii }
        guard let first = s.unicodeScalars.first else { return s }
        let rest = String(String.UnicodeScalarView(s.unicodeScalars.dropFirst()))
        return String(first).uppercased() + rest.lowercased()
    }

    /// `upcase` / `downcase`: ASCII on bytes (Swift's Unicode case mapping costs several times more), the
    /// rest with the standard library's mapping.
    static func changeCase(_ s: String, upper: Bool) -> String {
        var text = s
        if let ascii = text.withUTF8({ u -> String? in
            guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
            let (from, to): (UInt8, UInt8) = upper ? (97, 122) : (65, 90)
            guard u.contains(where: { $0 >= from && $0 <= to }) else { return s }
            return String(unsafeUninitializedCapacity: u.count) { out in
                for i in 0..<u.count {
                    let c = u[i]
                    out[i] = c >= from && c <= to ? (upper ? c - 32 : c + 32) : c
                }
                return u.count
            }
        }) { return ascii }
        return upper ? s.uppercased() : s.lowercased()
    }

    static func strip(_ s: String, leading: Bool, trailing: Bool) -> String {
        let u = Array(s.utf8)
        var a = 0
        var z = u.count
        if leading { while a < z, isRubySpace(u[a]) || u[a] == 0 { a += 1 } }
        if trailing { while z > a, isRubySpace(u[z - 1]) || u[z - 1] == 0 { z -= 1 } }
        if a == 0 && z == u.count { return s }
        return String(decoding: u[a..<z], as: UTF8.self)
    }

    static func newlineToBr(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 13, i + 1 < u.count, u[i + 1] == 10 {
                out.append(contentsOf: "<br />\n".utf8); i += 2
            } else if u[i] == 10 {
                out.append(contentsOf: "<br />\n".utf8); i += 1
            } else {
                out.append(u[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func stripNewlines(_ s: String) -> String {
        let u = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if u[i] == 13, i + 1 < u.count, u[i + 1] == 10 { i += 2; continue }
            if u[i] == 10 { i += 1; continue }
            out.append(u[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Finds `needle` in `hay` starting at `from`; returns the byte index.
    static func find(_ hay: [UInt8], _ needle: [UInt8], from: Int = 0) -> Int? {
        if needle.isEmpty { return from <= hay.count ? from : nil }
        if needle.count > hay.count { return nil }
        let first = needle[0]
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func findLast(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
        if needle.count > hay.count { return nil }
        var i = hay.count - needle.count
        while i >= 0 {
            var k = 0
            while k < needle.count, hay[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
            i -= 1
        }
        return nil
    }

    static func replace(_ s: String, _ target: String, _ replacement: String, mode: ReplaceMode) -> String {
        let hay = Array(s.utf8)
        let needle = Array(target.utf8)
        let rep = Array(replacement.utf8)
        switch mode {
        case .first:
            guard let i = find(hay, needle) else { return s }
            return String(decoding: hay[..<i] + rep + hay[(i + needle.count)...], as: UTF8.self)
        case .last:
            guard let i = findLast(hay, needle) else { return s }
            return String(decoding: hay[..<i] + rep + hay[(i + needle.count)...], as: UTF8.self)
        case .all:
            if needle.isEmpty {
                // Ruby inserts the replacement around every character.
                var out = rep
                for scalar in s.unicodeScalars {
                    out.append(contentsOf: String(scalar).utf8)
                    out.append(contentsOf: rep)
                }
                return String(decoding: out, as: UTF8.self)
            }
            var out: [UInt8] = []
            out.reserveCapacity(hay.count)
            var i = 0
            while let j = find(hay, needle, from: i) {
                out.append(contentsOf: hay[i..<j])
                out.append(contentsOf: rep)
                i = j + needle.count
            }
            out.append(contentsOf: hay[i...])
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Ruby `String#split(pattern)`.
    static func split(_ s: String, _ pattern: String) -> LiquidValue {
        if s.isEmpty { return .array([]) }
        var parts: [LiquidValue] = []
        let u = Array(s.utf8)
        if pattern == " " {
            var i = 0
            while i < u.count {
                while i < u.count, isRubySpace(u[i]) || u[i] == 0 { i += 1 }
                if i >= u.count { break }
                let start = i
                while i < u.count, !(isRubySpace(u[i]) || u[i] == 0) { i += 1 }
                parts.append(.string(String(decoding: u[start..<i], as: UTF8.self)))
            }
            return .array(parts)
        }
        if pattern.isEmpty {
            return .array(s.unicodeScalars.map { .string(String($0)) })
        }
        let needle = Array(pattern.utf8)
        var i = 0
        while let j = find(u, needle, from: i) {
            parts.append(.string(String(decoding: u[i..<j], as: UTF8.self)))
            i = j + needle.count
        }
        parts.append(.string(String(decoding: u[i...], as: UTF8.self)))
        while let last = parts.last, case .string(let text) = last, text.isEmpty { parts.removeLast() }
        return .array(parts)
    }

    static func truncate(_ s: String, _ length: Int, _ ellipsis: String) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > length else { return s }
        // `length` may be any Int (Int.min from a template must not overflow the subtraction).
        let keep = length <= 0 ? 0 : max(0, length - ellipsis.unicodeScalars.count)
        return String(String.UnicodeScalarView(scalars.prefix(keep))) + ellipsis
    }

    static func truncateWords(_ s: String, _ count: Int, _ ellipsis: String) -> String {
        let words = max(count, 1)
        guard case .array(let parts) = split(s, " ") else { return s }
        if parts.count <= words { return s }
        return parts.prefix(words).map(\.liquidString).joined(separator: " ") + ellipsis
    }

    static func escapeOnce(_ s: String) -> String {
        let u = Array(s.utf8)
        var out = OutputBuffer(capacity: u.count)
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == 38 {
                // Keep existing entities: &name; or &#digits;
                var j = i + 1
                if j < u.count, u[j] == 35 {
                    j += 1
                    let start = j
                    while j < u.count, u[j] >= 48 && u[j] <= 57 { j += 1 }
                    if j > start, j < u.count, u[j] == 59 { u.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[i...j])) }; i = j + 1; continue }
                } else {
                    let start = j
                    while j < u.count, (u[j] >= 65 && u[j] <= 90) || (u[j] >= 97 && u[j] <= 122) { j += 1 }
                    if j > start, j < u.count, u[j] == 59 { u.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[i...j])) }; i = j + 1; continue }
                }
                out.append("&amp;" as StaticString)
            } else if c == 60 || c == 62 || c == 34 || c == 39 {
                appendEscaped(String(UnicodeScalar(c)), to: &out)
            } else {
                out.append(c)
            }
            i += 1
        }
        return out.string()
    }

    static func stripHTML(_ s: String) -> String {
        var u = Array(s.utf8)
        u = removeBlocks(u, open: Array("<script".utf8), close: Array("</script>".utf8))
        u = removeBlocks(u, open: Array("<!--".utf8), close: Array("-->".utf8))
        u = removeBlocks(u, open: Array("<style".utf8), close: Array("</style>".utf8))
        u = removeBlocks(u, open: [60], close: [62])
        return String(decoding: u, as: UTF8.self)
    }

    private static func removeBlocks(_ u: [UInt8], open: [UInt8], close: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if let j = find(u, open, from: i), let k = find(u, close, from: j + open.count) {
                out.append(contentsOf: u[i..<j])
                i = k + close.count
            } else {
                out.append(contentsOf: u[i...])
                break
            }
        }
        return out
    }

    static func urlEncode(_ s: String) -> String {
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for c in s.utf8 {
            if isWordByte(c) || c == 46 || c == 45 || c == 126 {
                out.append(c)
            } else if c == 32 {
                out.append(43)
            } else {
                out.append(37); out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func urlDecode(_ s: String) -> String {
        let u = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 65...70: return c - 55
            case 97...102: return c - 87
            default: return nil
            }
        }
        while i < u.count {
            if u[i] == 43 { out.append(32); i += 1; continue }
            if u[i] == 37, i + 2 < u.count, let h = hexValue(u[i + 1]), let l = hexValue(u[i + 2]) {
                out.append(h << 4 | l); i += 3; continue
            }
            out.append(u[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func slice(_ input: LiquidValue, _ offsetValue: LiquidValue, _ lengthValue: LiquidValue?) throws -> LiquidValue {
        let offset = try toInteger(offsetValue)
        let length = try lengthValue.map { try toInteger($0) } ?? 1
        if case .array(let items) = input {
            guard let range = rubySliceRange(count: items.count, offset: offset, length: length) else { return .array([]) }
            return .array(Array(items[range]))
        }
        return .string(ScalarOffsets.slice(input.liquidString, offset: offset, length: length))
    }

    static func rubySliceRange(count: Int, offset: Int, length: Int) -> Range<Int>? {
        var start = offset
        if start < 0 { start += count }
        if start < 0 || start > count || length < 0 { return nil }
        let end = start + min(length, count - start)
        return start..<end
    }
}

enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8], urlSafe: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        func ch(_ v: UInt8) -> UInt8 {
            let c = alphabet[Int(v)]
            if urlSafe { if c == 43 { return 45 }; if c == 47 { return 95 } }
            return c
        }
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(ch(UInt8(n >> 18 & 63))); out.append(ch(UInt8(n >> 12 & 63)))
            out.append(ch(UInt8(n >> 6 & 63))); out.append(ch(UInt8(n & 63)))
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out.append(ch(UInt8(n >> 18 & 63))); out.append(ch(UInt8(n >> 12 & 63))); out.append(61); out.append(61)
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out.append(ch(UInt8(n >> 18 & 63))); out.append(ch(UInt8(n >> 12 & 63)))
            out.append(ch(UInt8(n >> 6 & 63))); out.append(61)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Strict decoding (padding required, except that url-safe input may omit it).
    static func decode(_ s: String, urlSafe: Bool) -> [UInt8]? {
        var u = Array(s.utf8)
        if urlSafe {
            u = u.map { $0 == 45 ? 43 : ($0 == 95 ? 47 : $0) }
            if u.count % 4 != 0, u.last != 61 { u.append(contentsOf: repeatElement(61, count: 4 - u.count % 4)) }
        }
        guard u.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        func value(_ c: UInt8) -> UInt32? {
            switch c {
            case 65...90: return UInt32(c - 65)
            case 97...122: return UInt32(c - 71)
            case 48...57: return UInt32(c + 4)
            case 43: return 62
            case 47: return 63
            default: return nil
            }
        }
        while i < u.count {
            let last = i + 4 == u.count
            guard let a = value(u[i]), let b = value(u[i + 1]) else { return nil }
            if last && u[i + 2] == 61 {
                guard u[i + 3] == 61, b & 15 == 0 else { return nil }
                out.append(UInt8(a << 2 | b >> 4))
            } else if last && u[i + 3] == 61 {
                guard let c = value(u[i + 2]), c & 3 == 0 else { return nil }
                out.append(UInt8(a << 2 | b >> 4)); out.append(UInt8((b & 15) << 4 | c >> 2))
            } else {
                guard let c = value(u[i + 2]), let d = value(u[i + 3]) else { return nil }
                let n = a << 18 | b << 12 | c << 6 | d
                out.append(UInt8(n >> 16 & 255)); out.append(UInt8(n >> 8 & 255)); out.append(UInt8(n & 255))
            }
            i += 4
        }
        return out
    }
}

enum JSONText {
    static func encode(_ value: LiquidValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? "\(d)" : "null"
        case .string(let s), .safe(let s): return quote(s)
        case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .range(let r): return "[" + r.map(String.init).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.map { quote($0) + ":" + encode(o[$0] ?? .null) }.joined(separator: ",") + "}"
        case .drop(let d):
            return "{" + d.keys.map { quote($0) + ":" + encode(d.value(forKey: $0) ?? .null) }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension StringFilters {
    /// Substring test on UTF-8 bytes, memchr to candidates then memcmp (the generic `firstRange(of:)` costs
    /// ~30k instructions a call).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard h.count >= n.count, let hb = h.baseAddress, let nb = n.baseAddress else { return false }
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    guard let hit = memchr(hb + i, Int32(nb[0]), last - i + 1) else { return false }
                    i = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + i, nb, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
