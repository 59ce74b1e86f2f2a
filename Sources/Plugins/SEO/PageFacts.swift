import Foundation
import Markup

/// What the audit (and the sitemap) need to know about one HTML document, collected in one walk of its tree.
public struct PageFacts: Sendable, Equatable {
    /// An element of interest: its start tag as evidence, its line, and the value the rules look at.
    public struct Item: Sendable, Hashable {
        public var name: String
        /// The attributes as `name NUL value NUL …` bytes (names lower-cased; libxml2's values hold no NUL): one
        /// allocation per element, where an array of `HTMLAttribute` took one per attribute value and name as well.
        var packedAttributes: [UInt8]
        public var line: Int
        /// Text content (collapsed) for title/h1, `content` for meta, `href` for links, `alt` for images.
        public var value: String?
        /// The collapsed text of an `<a>` (the `alt` of an `<area>`): what link-text judges. Nil for other elements.
        public var text: String?

        public init(_ element: HTMLElement, value: String?) {
            self.init(name: element.name, attributes: element.attributes, line: element.line, value: value)
        }

        public init(name: String, attributes: [HTMLAttribute], line: Int, value: String?) {
            var packed: [UInt8] = []
            for attribute in attributes {
                packed += attribute.name.utf8
                packed.append(0)
                packed += attribute.value.utf8
                packed.append(0)
            }
            self.init(name: name, packedAttributes: packed, line: line, value: value)
        }

        init(name: String, packedAttributes: [UInt8], line: Int, value: String?) {
            self.name = name
            self.packedAttributes = packedAttributes
            self.line = line
            self.value = value
        }

        /// The attributes in source order.
        public var attributes: [HTMLAttribute] {
            var out: [HTMLAttribute] = []
            let bytes = packedAttributes
            var i = 0
            while i < bytes.count {
                let nameStart = i
                while bytes[i] != 0 { i += 1 }
                let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
                i += 1
                let valueStart = i
                while bytes[i] != 0 { i += 1 }
                out.append(HTMLAttribute(name: name, value: String(decoding: bytes[valueStart..<i], as: UTF8.self)))
                i += 1
            }
            return out
        }

        /// The value of the first attribute called `name` (lower case), nil when absent; read from the packed bytes.
        public func attribute(_ name: String) -> String? {
            var name = name
            return name.withUTF8 { wanted in
                packedAttributes.withUnsafeBufferPointer { bytes in
                    var i = 0
                    while i < bytes.count {
                        let nameStart = i
                        while bytes[i] != 0 { i += 1 }
                        let matches = i - nameStart == wanted.count && memcmp(bytes.baseAddress! + nameStart, wanted.baseAddress!, wanted.count) == 0
                        i += 1
                        let valueStart = i
                        while bytes[i] != 0 { i += 1 }
                        if matches { return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self) }
                        i += 1
                    }
                    return nil
                }
            }
        }

        /// The start tag (attributes in source order), for evidence. Built on demand: most links never need it.
        public var tag: String { StartTag.text(name: name, attributes: attributes) }
    }

    public var htmlTag = Item(name: "html", attributes: [], line: 0, value: nil)
    public var headTag: Item?
    public var bodyTag: Item?
    /// `<title>` elements outside SVG/MathML, value = collapsed text.
    public var titles: [Item] = []
    /// `<meta name="description">`, value = collapsed `content` (nil when the attribute is absent).
    public var descriptions: [Item] = []
    public var viewports: [Item] = []
    /// `<meta name="robots">` (generic only; bot-specific names are issue 4), value = `content`.
    public var robots: [Item] = []
    /// `<meta name>` in `<head>` whose name (lower-cased) is `robots` or one of `Crawlability.agents`
    /// (`googlebot`…), value = `content`. Lighthouse reads only these.
    public var robotsMeta: [Item] = []
    /// `<link rel="alternate" hreflang>` in `<head>`, value = `href`.
    public var hreflangLinks: [Item] = []
    /// `<a>` without `href` but with an `onclick` attribute (crawlable-anchors).
    public var clickAnchors: [Item] = []
    /// Subresources requested over plain `http:` (img, script, stylesheet/icon/preload links, iframe, media, embed),
    /// value = the `http:` URL. Only these are kept: mixed content needs nothing else.
    public var httpSubresources: [Item] = []
    /// `<form>` whose `action` is an `http:` URL, value = `action`.
    public var httpForms: [Item] = []
    /// `<script type="application/ld+json">`, value = the script text.
    public var jsonLD: [Item] = []
    /// `<link rel="canonical">`, value = `href`.
    public var canonicals: [Item] = []
    /// `<h1>`…`<h6>` outside SVG/MathML in document order, name = `h1`…, value = collapsed text (the `alt` of the
    /// images inside when it has no text).
    public var headings: [Item] = []
    public var h1s: [Item] { headings.filter { $0.name == "h1" } }
    /// `<meta property|name="og:…">` and `<meta name|property="twitter:…">`, value = `content`.
    public var socialTags: [SocialTag] = []
    /// Words in `<body>` (see `WordCounter`); nil when the document has no `<body>` element.
    public var wordCount: Int?
    /// `<img>`, value = `alt` (nil when the attribute is absent).
    public var images: [Item] = []
    /// `<a href>` and `<area href>`, value = `href`.
    public var links: [Item] = []
    /// The first `<base href>`, which changes how relative links resolve.
    public var baseHref: String?

    /// An Open Graph or Twitter card property.
    public struct SocialTag: Sendable, Hashable {
        /// The property, lower-cased: `og:title`, `twitter:card`…
        public var key: String
        public var item: Item
    }

    public init() {}

    /// Walks the parsed document once.
    public init(document root: HTMLElement) {
        htmlTag = Item(root, value: root[attribute: "lang"])
        var collector = Collector()
        collector.visit(root)
        self = collector.finish(htmlTag: htmlTag)
    }

    /// Parses `html` once, streaming, without building a tree (a tree walk for the rare document the stream cannot
    /// read as the tree would).
    public init(html: [UInt8]) {
        var stream = StreamCollector()
        if HTMLParser.stream(html, &stream) {
            self = stream.finish()
            return
        }
        var collector = Collector()
        HTMLParser.walk(html, &collector)
        self = collector.finish(htmlTag: collector.htmlTag ?? Item(name: "html", attributes: [], line: 0, value: nil))
    }

    /// Gathers the facts from either an `HTMLElement` tree or a streaming walk, with one set of rules.
    struct Collector: HTMLVisitor {
        var facts = PageFacts()
        var htmlTag: Item?
        /// Depth inside `<svg>`/`<math>`, where `title` and `h1` are not the document's.
        var foreignDepth = 0
        /// Depth inside `<head>`.
        var headDepth = 0
        /// Index in `facts.headings` of the heading being walked, and the depth of nested headings.
        var openHeading: Int?
        var headingDepth = 0

        mutating func root(_ element: HTMLElementView) {
            htmlTag = Item(name: element.name, packedAttributes: element.packedAttributes, line: element.line,
                           value: element[attribute: "lang"])
        }

        mutating func enter(_ element: HTMLElementView) -> Bool {
            let tag = element.tag
            if tag != .other {
                note(tag, attribute: { element[attribute: $0] }, text: { element.collapsedText }, raw: { element.textContent },
                     words: { element.wordCount },
                     item: { Item(name: tag.name, packedAttributes: element.packedAttributes, line: element.line, value: $0) })
                if tag == .svg || tag == .math { foreignDepth += 1 }
                if tag == .head { headDepth += 1 }
            }
            return element.hasChildren
        }

        mutating func leave(_ element: HTMLElementView) {
            let tag = element.tag
            if tag == .svg || tag == .math { foreignDepth -= 1 }
            if tag == .head { headDepth -= 1 }
            if tag.headingLevel != nil { closeHeading() }
        }

        mutating func closeHeading() {
            if headingDepth > 0 { headingDepth -= 1 }
            if headingDepth == 0 { openHeading = nil }
        }

        /// The tree form: the same rules over `HTMLElement` children.
        mutating func visit(_ element: HTMLElement) {
            for case let .element(child) in element.children {
                let tag = HTMLTag(name: child.name)
                note(tag, attribute: { child[attribute: $0] }, text: { TextNormalization.collapse(child.textContent) },
                     raw: { child.textContent }, words: { child.wordCount },
                     item: { Item(child, value: $0) })
                let foreign = tag == .svg || tag == .math
                if foreign { foreignDepth += 1 }
                if tag == .head { headDepth += 1 }
                if !child.children.isEmpty { visit(child) }
                if foreign { foreignDepth -= 1 }
                if tag == .head { headDepth -= 1 }
                if tag.headingLevel != nil { closeHeading() }
            }
        }

        /// `text` gives the element's text collapsed (`TextNormalization.collapse`), `raw` as it is.
        mutating func note(_ tag: HTMLTag, attribute: (String) -> String?, text: () -> String, raw: () -> String,
                                   words: () -> Int,
                                   item: (String?) -> Item) {
            let foreign = foreignDepth > 0
            switch tag {
            case .head:
                if facts.headTag == nil { facts.headTag = item(nil) }
            case .body:
                if facts.bodyTag == nil {
                    facts.bodyTag = item(nil)
                    facts.wordCount = words()
                }
            case .title where !foreign:
                facts.titles.append(item(text()))
            case .h1 where !foreign, .h2 where !foreign, .h3 where !foreign, .h4 where !foreign, .h5 where !foreign,
                 .h6 where !foreign:
                headingDepth += 1
                if openHeading == nil {
                    openHeading = facts.headings.count
                    facts.headings.append(item(text()))
                }
            case .h1, .h2, .h3, .h4, .h5, .h6:
                headingDepth += 1
            case .meta:
                if let key = attribute("property") ?? attribute("name"), let first = key.utf8.first,
                   first | 0x20 == UInt8(ascii: "o") || first | 0x20 == UInt8(ascii: "t") {
                    let lower = key.lowercased()
                    if lower.hasPrefix("og:") || lower.hasPrefix("twitter:") {
                        facts.socialTags.append(SocialTag(key: lower, item: item(attribute("content"))))
                    }
                }
                if let metaName = attribute("name") {
                    let lower = metaName.lowercased()
                    if headDepth > 0, lower == "robots" || Crawlability.agents.contains(lower) {
                        facts.robotsMeta.append(item(attribute("content")))
                    }
                    switch lower {
                    case "description":
                        facts.descriptions.append(item(attribute("content").map(TextNormalization.collapse)))
                    case "viewport":
                        facts.viewports.append(item(attribute("content")))
                    case "robots":
                        facts.robots.append(item(attribute("content")))
                    default: break
                    }
                }
            case .link:
                if let rel = attribute("rel") {
                    if PageFacts.relContains(rel, "canonical") { facts.canonicals.append(item(attribute("href"))) }
                    if ["stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"].contains(where: { PageFacts.relContains(rel, $0) }) {
                        noteHTTP(item, attribute("href"))
                    }
                    if headDepth > 0, attribute("hreflang") != nil, PageFacts.relContains(rel, "alternate") {
                        facts.hreflangLinks.append(item(attribute("href")))
                    }
                }
            case .img:
                let alt = attribute("alt")
                facts.images.append(item(alt))
                // An image in a heading with no text names the heading (as its accessible name would).
                if let openHeading, let alt, facts.headings[openHeading].value?.isEmpty ?? true {
                    facts.headings[openHeading].value = TextNormalization.collapse(alt)
                }
                noteHTTP(item, attribute("src"), attribute("srcset"))
            case .script:
                if let type = attribute("type"), type.trimmingASCIISpace.lowercased() == "application/ld+json" {
                    facts.jsonLD.append(item(raw()))
                } else {
                    noteHTTP(item, attribute("src"))
                }
            case .iframe, .embed, .audio:
                noteHTTP(item, attribute("src"))
            case .video:
                noteHTTP(item, attribute("src"), attribute("poster"))
            case .source:
                noteHTTP(item, attribute("src"), attribute("srcset"))
            case .form:
                if let action = attribute("action"), PageFacts.isHTTPURL(action) { facts.httpForms.append(item(action)) }
            case .a:
                if let href = attribute("href") {
                    var link = item(href)
                    link.text = text()
                    facts.links.append(link)
                } else if attribute("onclick") != nil {
                    facts.clickAnchors.append(item(nil))
                }
            case .area:
                if let href = attribute("href") {
                    var link = item(href)
                    link.text = attribute("alt").map(TextNormalization.collapse)
                    facts.links.append(link)
                }
            case .base:
                if facts.baseHref == nil, let href = attribute("href") { facts.baseHref = href }
            default:
                break
            }
        }

        /// Keeps the element when one of `values` (a URL, or a srcset's candidates) is an `http:` URL.
        private mutating func noteHTTP(_ item: (String?) -> Item, _ values: String?...) {
            // An http: URL holds a ":"; most values are relative paths that hold none.
            for case let value? in values where value.utf8.contains(0x3A) {
                for candidate in value.split(separator: ",") {
                    let url = candidate.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").first.map(String.init) ?? ""
                    if PageFacts.isHTTPURL(url) {
                        facts.httpSubresources.append(item(url))
                        return
                    }
                }
            }
        }

        func finish(htmlTag: Item) -> PageFacts {
            var result = facts
            result.htmlTag = htmlTag
            return result
        }
    }

    /// True for `http:` URLs (scheme case-insensitive, leading whitespace ignored), without allocating.
    static func isHTTPURL(_ text: String) -> Bool {
        var utf8 = Substring(text).utf8.drop { $0 <= 0x20 }
        for letter: UInt8 in [0x68, 0x74, 0x74, 0x70] {  // "http", any case
            guard let b = utf8.first, b | 0x20 == letter else { return false }
            utf8 = utf8.dropFirst()
        }
        return utf8.first == 0x3A
    }

    /// True when the space-separated `rel` list holds `token` (ASCII case-insensitive).
    static func relContains(_ rel: String, _ token: String) -> Bool {
        // ASCII (every rel seen in practice): compared as bytes, without a String per token. Not with a CR: the
        // Character split below keeps "\r\n" (one Character) inside a token, which bytes would not.
        if rel.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }), token.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) {
            let tokenBytes = token.utf8
            var start = rel.utf8.startIndex
            let end = rel.utf8.endIndex
            let utf8 = rel.utf8
            while start < end {
                while start < end, isRelSeparator(utf8[start]) { start = utf8.index(after: start) }
                var stop = start
                while stop < end, !isRelSeparator(utf8[stop]) { stop = utf8.index(after: stop) }
                if start < stop, utf8[start..<stop].elementsEqual(tokenBytes, by: { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) {
                    return true
                }
                start = stop
            }
            return false
        }
        return rel.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .contains { $0.lowercased() == token }
    }

    /// The separators of a `rel` list: space, tab, LF, CR, FF.
    static func isRelSeparator(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    /// The first title's text, when there is a title.
    public var title: String? { titles.first?.value }

    /// The URL relative links resolve against: `<base href>` resolved against the page URL, else the page URL.
    public func linkBase(pageURL: WebURL) -> WebURL {
        guard let baseHref else { return pageURL }
        let base = WebURL(baseHref).resolved(against: pageURL)
        return base.isAbsolute && base.authority != nil ? base : pageURL
    }
}

/// Start tags rebuilt as evidence text, e.g. `<link rel="canonical" href="file:///x">`.
enum StartTag {
    /// Longest attribute value kept in evidence; longer ones are cut with an ellipsis.
    static let maxValueLength = 200

    static func text(name: String, attributes: [HTMLAttribute]) -> String {
        var out = "<" + name
        for attribute in attributes {
            out += " " + attribute.name + "=\""
            var value = attribute.value
            if value.utf8.count > maxValueLength {
                value = String(value.prefix(maxValueLength)) + "…"
            }
            if value.utf8.contains(0x22) {
                value = String(decoding: value.utf8.flatMap { $0 == 0x22 ? Array("&quot;".utf8) : [$0] }, as: UTF8.self)
            }
            out += value + "\""
        }
        return out + ">"
    }
}

/// Title and description text as search engines measure it.
public enum TextNormalization {
    /// Collapses runs of ASCII whitespace to one space and trims the ends. (libxml2 has already decoded entities.)
    public static func collapse(_ text: String) -> String { collapse(text.utf8) }

    /// `collapse` over UTF-8 bytes.
    static func collapse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Length in user-perceived characters.
    public static func length(_ text: String) -> Int { text.count }

    /// Whether `text` is longer than `maximum` characters. A character takes at least one UTF-8 byte, so a text of
    /// `maximum` bytes or fewer is not counted: counting characters means finding grapheme breaks, costly for
    /// non-ASCII text, and most texts are well under their maximum.
    static func isLonger(_ text: String, than maximum: Int) -> Bool {
        text.utf8.count > maximum && length(text) > maximum
    }
}
