import Markup

/// What the pages plugin needs to know about a rendered body: its first heading, its first paragraph
/// (as plain text) and whether it has an `<h1>`. Read from the HTML bytes, without building a tree.
public struct PageOutline: Sendable, Equatable {
    public var firstHeading: String?
    public var firstParagraph: String?
    public var hasH1: Bool

    public init(firstHeading: String? = nil, firstParagraph: String? = nil, hasH1: Bool = false) {
        self.firstHeading = firstHeading
        self.firstParagraph = firstParagraph
        self.hasH1 = hasH1
    }

    public init(html: [UInt8]) {
        hasH1 = false
        let n = html.count
        var i = 0
        while i < n, firstHeading == nil || firstParagraph == nil || !hasH1 {
            guard html[i] == 0x3C, i + 2 < n else { i += 1; continue }
            let c1 = html[i + 1] | 0x20, c2 = html[i + 2]
            let afterName = i + 3 < n ? html[i + 3] : 0
            if c1 == 0x68, c2 >= 0x31, c2 <= 0x36, afterName == 0x3E || afterName == 0x20 {  // <h1…<h6
                if c2 == 0x31 { hasH1 = true }
                let closing: [UInt8] = [0x3C, 0x2F, 0x68, c2]
                let (text, end) = Self.text(html, from: i, until: closing)
                if firstHeading == nil, !text.isEmpty { firstHeading = text }
                i = end
            } else if c1 == 0x70, c2 == 0x3E || c2 == 0x20 {  // <p
                let (text, end) = Self.text(html, from: i, until: [0x3C, 0x2F, 0x70, 0x3E])
                if firstParagraph == nil, !text.isEmpty { firstParagraph = text }
                i = end
            } else if c1 == 0x73, Self.startsWith(html, at: i, Self.footnotes) {
                break  // footnotes never describe the page
            } else {
                i += 1
            }
        }
    }

    static let footnotes = Array("<section class=\"footnotes\"".utf8)

    /// The text of the element starting at `start` up to `closing`, tags removed (with `<sup>` footnote
    /// markers skipped), character references decoded and whitespace collapsed.
    static func text(_ b: [UInt8], from start: Int, until closing: [UInt8]) -> (String, Int) {
        let n = b.count
        var i = start
        while i < n, b[i] != 0x3E { i += 1 }
        i += 1
        var raw: [UInt8] = []
        var skipDepth = 0
        while i < n {
            if b[i] == 0x3C {
                if startsWith(b, at: i, closing) { break }
                let isEnd = i + 1 < n && b[i + 1] == 0x2F
                let nameAt = isEnd ? i + 2 : i + 1
                if nameAt + 3 <= n, b[nameAt] | 0x20 == 0x73, b[nameAt + 1] | 0x20 == 0x75, b[nameAt + 2] | 0x20 == 0x70 {
                    skipDepth += isEnd ? -1 : 1
                    skipDepth = max(skipDepth, 0)
                }
                if nameAt + 2 <= n, b[nameAt] | 0x20 == 0x62, b[nameAt + 1] | 0x20 == 0x72 { raw.append(0x20) }  // <br>
                while i < n, b[i] != 0x3E { i += 1 }
                i += 1
                continue
            }
            if skipDepth == 0 { raw.append(b[i]) }
            i += 1
        }
        return (collapse(decode(raw)), min(i + closing.count, n))
    }

    static func startsWith(_ b: [UInt8], at i: Int, _ prefix: [UInt8]) -> Bool {
        guard i + prefix.count <= b.count else { return false }
        for k in 0..<prefix.count where b[i + k] | (k >= 2 ? 0x20 : 0) != prefix[k] { return false }
        return true
    }

    static func decode(_ raw: [UInt8]) -> String {
        HTMLSanitizer.decodeReferences(raw[...])
    }

    static func collapse(_ text: String) -> String {
        text.collapsingWhitespace
    }
}
