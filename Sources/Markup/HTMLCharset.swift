/// The character encoding of an HTML document and its conversion to UTF-8, which the parser and the audit read.
///
/// Order, as the HTML standard's encoding sniffing: a byte order mark, then the `charset` parameter of the
/// `Content-Type` header, then `<meta charset>` / `<meta http-equiv="Content-Type" content="…; charset=…">` in the
/// first 1,024 bytes, else UTF-8.
public enum HTMLCharset {
    public enum Source: String, Sendable, Hashable {
        case byteOrderMark = "byte order mark"
        case header = "Content-Type header"
        case meta = "<meta charset>"
        case assumed = "none declared; UTF-8 assumed"
    }

    public struct Detected: Sendable, Hashable {
        /// The label as found, lower-cased (`utf-8`, `iso-8859-1`, `shift_jis`…).
        public var label: String
        public var source: Source
        public init(label: String, source: Source) {
            self.label = label
            self.source = source
        }
    }

    /// The body as UTF-8 and what went wrong converting it.
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        public var charset: Detected
        /// Why the body is not cleanly in its charset (invalid bytes, an unknown label); nil when it is.
        public var problem: String?
    }

    public static func detect(contentType: String?, body: [UInt8]) -> Detected {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return Detected(label: "utf-8", source: .byteOrderMark) }
        if body.starts(with: [0xFE, 0xFF]) { return Detected(label: "utf-16be", source: .byteOrderMark) }
        if body.starts(with: [0xFF, 0xFE]) { return Detected(label: "utf-16le", source: .byteOrderMark) }
        if let contentType, let label = charsetParameter(Array(contentType.utf8)) { return Detected(label: label, source: .header) }
        if let label = prescan(body) { return Detected(label: label, source: .meta) }
        return Detected(label: "utf-8", source: .assumed)
    }

    /// Detects the charset and converts `body` to UTF-8. Invalid bytes become U+FFFD and are reported in `problem`
    /// with the offset of the first one; an unknown label is read as UTF-8 and reported.
    public static func decode(contentType: String?, body: [UInt8]) -> Decoded {
        let charset = detect(contentType: contentType, body: body)
        switch canonical(charset.label) {
        case "utf-8":
            var bytes = body
            if charset.source == .byteOrderMark { bytes.removeFirst(3) }
            if let bad = firstInvalidUTF8(bytes) {
                return Decoded(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), charset: charset,
                               problem: "the body is not valid UTF-8 (charset from the \(charset.source.rawValue)): first bad byte at offset \(bad + (body.count - bytes.count))")
            }
            return Decoded(utf8: bytes, charset: charset, problem: nil)
        case "windows-1252":
            return Decoded(utf8: windows1252(body), charset: charset, problem: nil)
        case "utf-16le", "utf-16be":
            let little = canonical(charset.label) == "utf-16le"
            var units: [UInt16] = []
            var i = charset.source == .byteOrderMark ? 2 : 0
            while i + 1 < body.count {
                units.append(little ? UInt16(body[i]) | UInt16(body[i + 1]) << 8 : UInt16(body[i]) << 8 | UInt16(body[i + 1]))
                i += 2
            }
            let text = String(decoding: units, as: UTF16.self)
            let odd = body.count % 2 == 1 ? "an odd number of bytes" : nil
            let invalid = text.unicodeScalars.contains("\u{FFFD}") && !units.contains(0xFFFD) ? "unpaired surrogates" : nil
            let problem = [odd, invalid].compactMap { $0 }.first.map { "the body is not valid \(charset.label.uppercased()): \($0)" }
            return Decoded(utf8: Array(text.utf8), charset: charset, problem: problem)
        default:
            let fixed = Array(String(decoding: body, as: UTF8.self).utf8)
            return Decoded(utf8: fixed, charset: charset,
                           problem: "the charset '\(charset.label)' (from the \(charset.source.rawValue)) is not supported; the body was read as UTF-8")
        }
    }

    /// The encoding a label names, per the WHATWG Encoding standard's aliases for the ones Herald converts
    /// (US-ASCII and ISO-8859-1 are windows-1252 there). Other labels come back as given.
    public static func canonical(_ label: String) -> String {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8": "utf-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp1252",
             "windows-1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591", "iso_8859-1:1987": "windows-1252"
        case "utf-16", "utf-16le": "utf-16le"
        case "utf-16be": "utf-16be"
        default: label
        }
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence, nil when all are valid.
    public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            guard let base = b.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var i = 0
            let n = b.count
            while i < n {
                // Eight ASCII bytes at a time: most of a page is ASCII markup.
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < n else { break }
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch c {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return i
                }
                guard i + length <= n else { return i }
                if b[i + 1] < lower || b[i + 1] > upper { return i }
                for k in 2..<max(length, 2) where b[i + k] < 0x80 || b[i + k] > 0xBF { return i }
                i += length
            }
            return nil
        }
    }

    /// windows-1252 → UTF-8 (0x80–0x9F are the typographic characters, five undefined bytes map to C1 controls).
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
                              0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
                              0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
            out += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        return out
    }

    /// `text/html; charset="ISO-8859-1"` → `iso-8859-1`.
    static func charsetParameter(_ value: [UInt8]) -> String? {
        let lower = value.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= lower.count {
            if Array(lower[i..<(i + key.count)]) == key {
                var j = i + key.count
                while j < lower.count, lower[j] == 0x20 || lower[j] == 0x09 { j += 1 }
                if j < lower.count, lower[j] == 0x3D {
                    j += 1
                    while j < lower.count, lower[j] == 0x20 || lower[j] == 0x09 { j += 1 }
                    var quote: UInt8?
                    if j < lower.count, lower[j] == 0x22 || lower[j] == 0x27 { quote = lower[j]; j += 1 }
                    var end = j
                    let stops: [UInt8] = quote.map { [$0] } ?? [0x3B, 0x20, 0x09, 0x2C, 0x22, 0x27, 0x3E, 0x2F, 0x0A, 0x0D]
                    while end < lower.count, !stops.contains(lower[end]) { end += 1 }
                    if end > j { return String(decoding: lower[j..<end], as: UTF8.self) }
                }
            }
            i += 1
        }
        return nil
    }

    /// `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` in the first 1,024 bytes.
    static func prescan(_ body: [UInt8]) -> String? {
        let head = body.prefix(1024).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let meta = Array("<meta".utf8)
        var i = 0
        while i + meta.count < head.count {
            if head[i] == 0x3C, Array(head[i..<(i + meta.count)]) == meta,
               head[i + meta.count] == 0x20 || head[i + meta.count] == 0x09 || head[i + meta.count] == 0x0A || head[i + meta.count] == 0x0D
               || head[i + meta.count] == 0x2F {
                let end = head[i...].firstIndex(of: 0x3E) ?? head.count
                let tag = Array(head[i..<end])
                if let label = charsetParameter(tag) { return label }
                i = end
            }
            i += 1
        }
        return nil
    }
}
