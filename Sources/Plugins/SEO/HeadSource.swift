/// What only the source bytes tell about a document's `<head>`: libxml2's HTML parser quietly moves an element that
/// does not belong in `<head>` (an `<img>`, a `<div>`, stray text) into `<body>`, together with everything after it.
/// Browsers and Google do the same, so a canonical, hreflang or meta robots after such an element is read as body
/// content and ignored. The tree cannot show that; this scan of the bytes can.
public struct HeadSource: Sendable, Hashable {
    /// The first element (or text) that ends `<head>` early: its start tag (or the text, cut to 60 bytes), its line.
    public var invalidElement: (evidence: String, line: Int)?
    /// The byte offset of the first `<meta>` in `<head>` that declares a charset (`charset=` anywhere in the tag:
    /// `<meta charset>` or `http-equiv="Content-Type"`), nil when there is none.
    public var charsetMetaOffset: Int?

    /// Elements the HTML standard allows in `<head>` ("in head" insertion mode; `noscript` holds `link`, `meta`,
    /// `style`).
    static let headElements: Set<String> = ["base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style",
                                            "template", "title", "html", "head"]
    /// Elements whose content is text, skipped up to their end tag.
    static let rawText: Set<String> = ["script", "style", "title", "template", "textarea", "xmp"]

    public static func == (a: HeadSource, b: HeadSource) -> Bool {
        a.invalidElement?.evidence == b.invalidElement?.evidence && a.invalidElement?.line == b.invalidElement?.line
            && a.charsetMetaOffset == b.charsetMetaOffset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(invalidElement?.evidence)
        hasher.combine(charsetMetaOffset)
    }

    /// Scans `bytes` (UTF-8) from the start to `</head>`, `<body>` or the first element or text that ends the head.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { HeadSource.scan($0) }
    }

    private init(invalidElement: (evidence: String, line: Int)?, charsetMetaOffset: Int?) {
        self.invalidElement = invalidElement
        self.charsetMetaOffset = charsetMetaOffset
    }

    private static func scan(_ b: UnsafeBufferPointer<UInt8>) -> HeadSource {
        var result = HeadSource(invalidElement: nil, charsetMetaOffset: nil)
        let n = b.count
        var i = 0
        var line = 1
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        /// Index of the first occurrence of `needle` (lower case) at or after `from`, ASCII case-insensitively.
        func find(_ needle: [UInt8], from: Int) -> Int? {
            var j = from
            while j + needle.count <= n {
                var k = 0
                while k < needle.count, b[j + k] | (isLetter(b[j + k]) ? 0x20 : 0) == needle[k] { k += 1 }
                if k == needle.count { return j }
                j += 1
            }
            return nil
        }
        /// Moves `i` to `to`, counting lines.
        func advance(to: Int) {
            while i < to && i < n {
                if b[i] == 0x0A { line += 1 }
                i += 1
            }
        }
        /// The end of the tag starting at `start` (index after `>`), quotes respected.
        func tagEnd(_ start: Int) -> Int {
            var j = start
            var quote: UInt8 = 0
            while j < n {
                let c = b[j]
                if quote != 0 { if c == quote { quote = 0 } } else if c == 0x22 || c == 0x27 { quote = c } else if c == 0x3E { return j + 1 }
                j += 1
            }
            return n
        }
        while i < n {
            let c = b[i]
            if isSpace(c) { advance(to: i + 1); continue }
            if c != 0x3C {
                // Text in the head ends it.
                var j = i
                while j < n, b[j] != 0x3C, j - i < 60 { j += 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)
                    .split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
                result.invalidElement = ("text \"" + text + "\"", line)
                return result
            }
            guard i + 1 < n else { break }
            let next = b[i + 1]
            if next == 0x21 {  // <!-- … --> or <!DOCTYPE …>
                if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    advance(to: (find(Array("-->".utf8), from: i + 4) ?? n) + 3)
                } else {
                    advance(to: tagEnd(i))
                }
                continue
            }
            if next == 0x3F { advance(to: tagEnd(i)); continue }
            let closing = next == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            var j = nameStart
            while j < n, !isSpace(b[j]), b[j] != 0x3E, b[j] != 0x2F { j += 1 }
            guard j > nameStart, isLetter(b[nameStart]) else {
                // `<` not starting a tag is text.
                result.invalidElement = ("text \"<\"", line)
                return result
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<j]), as: UTF8.self).lowercased()
            let end = tagEnd(j)
            if closing {
                if name == "head" || name == "html" { return result }
                advance(to: end)
                continue
            }
            if name == "body" || name == "frameset" { return result }
            guard headElements.contains(name) else {
                let tag = String(decoding: UnsafeBufferPointer(rebasing: b[i..<min(end, i + 200)]), as: UTF8.self)
                result.invalidElement = (tag, line)
                return result
            }
            if name == "meta", result.charsetMetaOffset == nil, let at = find(Array("charset".utf8), from: j), at < end {
                result.charsetMetaOffset = i
            }
            advance(to: end)
            if rawText.contains(name) {
                advance(to: find(Array("</\(name)".utf8), from: i) ?? n)
            }
        }
        return result
    }
}
