/// Escaping for HTML text and attribute values, on UTF-8 bytes.
public enum HTMLEscape {
    /// Escapes `& < > " '`; safe in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        if !needs { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for URLs safe to put in `href`/`src`: http(s), mailto, tel, relative and fragment links.
    /// `javascript:`, `data:`, `vbscript:` and other schemes are not.
    public static func isSafeURL(_ url: String) -> Bool {
        if let safe = url.utf8.withContiguousStorageIfAvailable(isSafeASCIIURL), let safe { return safe }
        return isSafeUnicodeURL(url)
    }

    /// `isSafeURL` of ASCII text, decided on its bytes in one pass; nil for any other text. (In ASCII each Character
    /// is a byte once CR LF is dropped, and lower-casing maps A-Z only: the same decision as `isSafeUnicodeURL`,
    /// without a filtered, lower-cased copy and Foundation's substring searches, which a report paid per URL.)
    static func isSafeASCIIURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where byte >= 0x80 { return nil }
        // The scheme's first eight bytes, lower-cased, packed little-endian.
        var scheme: UInt64 = 0
        var length = 0
        for byte in bytes where byte > 0x20 {
            switch byte {
            case 0x3A: return length <= 8 && safeSchemes.contains(scheme)
            case 0x2F, 0x3F, 0x23: return true  // a path, query or fragment before any colon: relative
            default:
                if length < 8 { scheme |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * length) }
                length += 1
            }
        }
        return true
    }

    private static let safeSchemes: [UInt64] = ["http", "https", "mailto", "tel"].map { name in
        name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }

    /// `isSafeURL` on Characters, for text that is not ASCII (a combining mark can join the colon, and
    /// lower-casing is Unicode's).
    static func isSafeUnicodeURL(_ url: String) -> Bool {
        // Browsers ignore ASCII whitespace and control characters inside the scheme.
        let cleaned = String(decoding: url.utf8.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[..<colon]
        if beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#") { return true }
        return ["http", "https", "mailto", "tel"].contains(String(beforeColon))
    }
}
