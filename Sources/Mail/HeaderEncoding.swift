import HeraldData

/// RFC 5322 header lines and RFC 2047 encoded-words.
///
/// Encoded-words are `=?UTF-8?B?…?=`, at most 75 characters, each decoding to whole UTF-8 characters; the
/// spaces of the text are inside the words (whitespace between adjacent encoded-words is dropped when
/// decoding). Lines are folded (CRLF + space) at whitespace near 78 characters and never inside `<…>` or a
/// quoted string; header lines are returned without their final CRLF.
public enum HeaderEncoding {
    static let maxLine = 78
    static let prefix = "=?UTF-8?B?"

    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Splits `text` into encoded-words; the first fits in `firstBudget` characters, the others in 75.
    public static func encodedWords(_ text: String, firstBudget: Int = 75) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func capacity(_ budget: Int) -> Int { max(1, (budget - 12) / 4) * 3 }  // bytes that fit as base64
        var budget = capacity(min(firstBudget, 75))
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > budget, !chunk.isEmpty {
                words.append(prefix + Base64.encode(chunk) + "?=")
                chunk.removeAll()
                budget = capacity(75)
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(prefix + Base64.encode(chunk) + "?=") }
        return words
    }

    /// An unstructured header (`Subject`): plain ASCII is folded at spaces, anything else becomes encoded-words.
    public static func unstructured(_ name: String, _ value: String) -> String {
        let clean = value.replacingControlCharacters()
        if isPlainASCII(clean), !clean.contains("=?"), !clean.hasPrefix(" "), !clean.contains("  ") {
            return fold("\(name): \(clean)")
        }
        let words = encodedWords(clean, firstBudget: 76 - name.utf8.count - 2)
        return "\(name): " + words.joined(separator: "\r\n ")
    }

    /// A display name as an RFC 5322 phrase: an atom sequence, a quoted string, or encoded-words.
    public static func phrase(_ name: String, headerLength: Int = 0) -> String {
        let clean = name.replacingControlCharacters().trimmingASCIISpace()
        if clean.isEmpty { return "" }
        if isPlainASCII(clean), !clean.contains("=?") {
            let specials: Set<UInt8> = Set("()<>[]:;@\\,.\"".utf8)
            if !clean.utf8.contains(where: { specials.contains($0) }), !clean.contains("  ") { return clean }
            var out = "\""
            for c in clean {
                if c == "\"" || c == "\\" { out.append("\\") }
                out.append(c)
            }
            return out + "\""
        }
        return encodedWords(clean, firstBudget: max(20, 76 - headerLength)).joined(separator: " ")
    }

    /// `Name <address>` (or the bare address), folded.
    public static func address(_ headerName: String, displayName: String?, email: String) -> String {
        let phrase = displayName.map { self.phrase($0, headerLength: headerName.utf8.count + 2) } ?? ""
        let value = phrase.isEmpty ? email : "\(phrase) <\(email)>"
        return fold("\(headerName): \(value)")
    }

    /// Folds a header line at spaces outside `<…>` and quoted strings so lines stay near `maxLine`.
    /// A single unbreakable run longer than that (a long URL in angle brackets) stays whole (≤ 998).
    public static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        if bytes.count <= maxLine { return line }
        // Candidate break points: spaces at depth 0.
        var breaks: [Int] = []
        var inQuote = false, angle = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inQuote {
                if b == 0x5C { i += 2; continue }
                if b == 0x22 { inQuote = false }
            } else if b == 0x22 { inQuote = true }
            else if b == 0x3C { angle += 1 }
            else if b == 0x3E { angle = max(0, angle - 1) }
            else if b == 0x20, angle == 0, i > 0 { breaks.append(i) }
            i += 1
        }
        let nameEnd = bytes.firstIndex(of: 0x3A).map { $0 + 1 } ?? 0
        var out: [UInt8] = []
        var lineStart = 0
        var lastBreak: Int? = nil
        for position in breaks where position > nameEnd {
            if position - lineStart > maxLine, let b = lastBreak, b > lineStart {
                out.append(contentsOf: bytes[lineStart..<b])
                out.append(0x0D); out.append(0x0A)
                lineStart = b  // the space starts the continuation line
            }
            lastBreak = position
        }
        if bytes.count - lineStart > maxLine, let b = lastBreak, b > lineStart {
            out.append(contentsOf: bytes[lineStart..<b])
            out.append(0x0D); out.append(0x0A)
            lineStart = b
        }
        out.append(contentsOf: bytes[lineStart...])
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 5322 date-time: `Thu, 07 Aug 2025 09:00:00 +0200`.
    public static func date(millisecondsSinceEpoch ms: Int64, offsetSeconds: Int) -> String {
        let seconds = Int64((Double(ms) / 1000).rounded(.down)) + Int64(offsetSeconds)
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        let (y, m, d) = CivilCalendar.civilFromDays(days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Int(m) - 1]
        func pad(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let off = Int64(abs(offsetSeconds)) / 60
        return "\(weekday), \(pad(d)) \(month) \(y) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) \(sign)\(pad(off / 60))\(pad(off % 60))"
    }
}

extension String {
    /// CR, LF and other control characters would break a header: they become spaces.
    public func replacingControlCharacters() -> String {
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return self }
        return String(decoding: utf8.map { $0 < 0x20 || $0 == 0x7F ? 0x20 : $0 }, as: UTF8.self)
    }
}
