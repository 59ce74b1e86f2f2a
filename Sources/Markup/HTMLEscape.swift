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
        // Browsers ignore ASCII whitespace and control characters inside the scheme.
        let cleaned = String(decoding: url.utf8.filter { $0 > 0x20 }, as: UTF8.self).lowercased()
        guard let colon = cleaned.firstIndex(of: ":") else { return true }
        let beforeColon = cleaned[..<colon]
        if beforeColon.contains("/") || beforeColon.contains("?") || beforeColon.contains("#") { return true }
        return ["http", "https", "mailto", "tel"].contains(String(beforeColon))
    }
}
