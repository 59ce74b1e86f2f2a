/// Character references: decoding for text and attribute values (on bytes), and escaping.
public enum HTMLEntities {
    /// The named references that appear in practice in newsletters and Markdown output.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "sect": "§", "para": "¶", "deg": "°", "plusmn": "±", "times": "×",
        "divide": "÷", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{AD}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
        "check": "✓", "hearts": "♥", "star": "☆", "iexcl": "¡", "iquest": "¿", "auml": "ä", "ouml": "ö",
        "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "eacute": "é", "egrave": "è",
        "aacute": "á", "agrave": "à", "ccedil": "ç", "ntilde": "ñ", "oacute": "ó", "iacute": "í", "uacute": "ú",
    ]

    /// Decodes `&name;`, `&#NNN;` and `&#xHH;`; unknown references stay literal.
    public static func decode(_ text: String) -> String {
        if !text.utf8.contains(0x26) { return text }
        return String(decoding: decode(Array(text.utf8)[...]), as: UTF8.self)
    }

    public static func decode(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = s.startIndex
        let end = s.endIndex
        while i < end {
            let b = s[i]
            guard b == 0x26 else { out.append(b); i += 1; continue }
            // Find the terminating ';' within a short window.
            var j = i + 1
            while j < end, j - i <= 32, s[j] != 0x3B, s[j] != 0x26, !HTMLTokenizer.isSpace(s[j]) { j += 1 }
            guard j < end, s[j] == 0x3B, j > i + 1 else { out.append(b); i += 1; continue }
            let body = s[(i + 1)..<j]
            var scalar: Unicode.Scalar?
            if body.first == 0x23 {  // '#'
                var value: UInt32 = 0
                var digits = body.dropFirst()
                var radix: UInt32 = 10
                if let x = digits.first, x | 0x20 == 0x78 { radix = 16; digits = digits.dropFirst() }
                var valid = !digits.isEmpty
                for d in digits {
                    let v: UInt32
                    switch d {
                    case 0x30...0x39: v = UInt32(d - 0x30)
                    case 0x61...0x66 where radix == 16: v = UInt32(d - 0x61 + 10)
                    case 0x41...0x46 where radix == 16: v = UInt32(d - 0x41 + 10)
                    default: valid = false; v = 0
                    }
                    if !valid || value > 0x10FFFF { valid = false; break }
                    value = value * radix + v
                }
                if valid { scalar = Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? Unicode.Scalar(0xFFFD) }
            } else if let text = named[String(decoding: body, as: UTF8.self)] {
                out.append(contentsOf: text.utf8)
                i = j + 1
                continue
            }
            if let scalar {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i = j + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    /// Escapes text for an attribute value in double quotes (`&` and `"`; `<`/`>` too, for old parsers).
    public static func escapeAttribute(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 0x26 || b == 0x22 || b == 0x3C || b == 0x3E { needs = true; break }
        if !needs { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for b in text.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
