import Markup

/// What the audit (and the sitemap) need to know about one HTML document, collected in one walk of its tree.
public struct PageFacts: Sendable {
    /// An element of interest: its start tag as evidence, its line, and the value the rules look at.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var attributes: [HTMLAttribute]
        public var line: Int
        /// Text content (collapsed) for title/h1, `content` for meta, `href` for links, `alt` for images.
        public var value: String?

        public init(_ element: HTMLElement, value: String?) {
            self.name = element.name
            self.attributes = element.attributes
            self.line = element.line
            self.value = value
        }

        /// The start tag (attributes in source order), for evidence. Built on demand: most links never need it.
        public var tag: String { StartTag.text(name: name, attributes: attributes) }
    }

    public var htmlTag = Item(HTMLElement(name: "html"), value: nil)
    public var headTag: Item?
    public var bodyTag: Item?
    /// `<title>` elements outside SVG/MathML, value = collapsed text.
    public var titles: [Item] = []
    /// `<meta name="description">`, value = collapsed `content` (nil when the attribute is absent).
    public var descriptions: [Item] = []
    public var viewports: [Item] = []
    /// `<meta name="robots">` (generic only; bot-specific names are issue 4), value = `content`.
    public var robots: [Item] = []
    /// `<link rel="canonical">`, value = `href`.
    public var canonicals: [Item] = []
    public var h1s: [Item] = []
    /// `<img>`, value = `alt` (nil when the attribute is absent).
    public var images: [Item] = []
    /// `<a href>` and `<area href>`, value = `href`.
    public var links: [Item] = []
    /// The first `<base href>`, which changes how relative links resolve.
    public var baseHref: String?

    public init() {}

    /// Walks the parsed document once.
    public init(document root: HTMLElement) {
        htmlTag = Item(root, value: root[attribute: "lang"])
        visit(root, foreign: false)
    }

    private mutating func visit(_ element: HTMLElement, foreign: Bool) {
        for case let .element(child) in element.children {
            var childForeign = foreign
            switch child.name {
            case "svg", "math":
                childForeign = true
            case "head":
                if headTag == nil { headTag = Item(child, value: nil) }
            case "body":
                if bodyTag == nil { bodyTag = Item(child, value: nil) }
            case "title" where !foreign:
                titles.append(Item(child, value: TextNormalization.collapse(child.textContent)))
            case "h1" where !foreign:
                h1s.append(Item(child, value: TextNormalization.collapse(child.textContent)))
            case "meta":
                if let name = child[attribute: "name"] {
                    switch name.lowercased() {
                    case "description":
                        descriptions.append(Item(child, value: child[attribute: "content"].map(TextNormalization.collapse)))
                    case "viewport":
                        viewports.append(Item(child, value: child[attribute: "content"]))
                    case "robots":
                        robots.append(Item(child, value: child[attribute: "content"]))
                    default: break
                    }
                }
            case "link":
                if let rel = child[attribute: "rel"], Self.relContains(rel, "canonical") {
                    canonicals.append(Item(child, value: child[attribute: "href"]))
                }
            case "img":
                images.append(Item(child, value: child[attribute: "alt"]))
            case "a", "area":
                if let href = child[attribute: "href"] {
                    links.append(Item(child, value: href))
                }
            case "base":
                if baseHref == nil, let href = child[attribute: "href"] { baseHref = href }
            default:
                break
            }
            if !child.children.isEmpty { visit(child, foreign: childForeign) }
        }
    }

    /// True when the space-separated `rel` list holds `token` (ASCII case-insensitive).
    static func relContains(_ rel: String, _ token: String) -> Bool {
        rel.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .contains { $0.lowercased() == token }
    }

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
    public static func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
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
}
