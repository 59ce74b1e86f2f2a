/// Element structure over a token stream: enough for selector matching and text conversion, while the tokens
/// keep the source ranges for byte-preserving rewrites.
public struct HTMLTree: Sendable {
    public struct Element: Sendable {
        public var name: String
        /// Index of the start tag in `tokens`.
        public var token: Int
        /// Index of the end tag (or the start tag itself for void elements / implied ends).
        public var endToken: Int
        public var parent: Int
        public var children: [Int]
        /// Position among the parent's element children.
        public var siblingIndex: Int
        public var id: String?
        public var classes: [String]
    }

    public let source: [UInt8]
    public let tokens: [HTMLToken]
    public private(set) var elements: [Element] = []
    /// Element indices at the top level.
    public private(set) var roots: [Int] = []

    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    ]

    // The implied-end-tag scopes, built once (set literals in the loop would be rebuilt for every tag).
    static let paragraph: Set<String> = ["p"]
    static let paragraphScope: Set<String> = ["td", "th", "table", "body", "div", "li", "blockquote"]
    static let listItem: Set<String> = ["li"], listScope: Set<String> = ["ul", "ol", "menu", "table"]
    static let definition: Set<String> = ["dt", "dd"], definitionScope: Set<String> = ["dl", "table"]
    static let cell: Set<String> = ["td", "th"], rowScope: Set<String> = ["tr", "table"], table: Set<String> = ["table"]
    static let row: Set<String> = ["tr"], rowOrGroup: Set<String> = ["tr", "tbody", "thead", "tfoot"]
    static let rowGroup: Set<String> = ["tbody", "thead", "tfoot"]
    static let tableScoped: Set<String> = ["td", "th", "tr", "tbody", "thead", "tfoot", "caption"]
    static let option: Set<String> = ["option"], select: Set<String> = ["select"]

    public init(_ source: [UInt8]) {
        self.source = source
        self.tokens = HTMLTokenizer.tokenize(source)
        build()
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    private mutating func build() {
        var stack: [Int] = []
        func close(_ index: Int, at token: Int) {
            elements[index].endToken = token
        }
        func popUntil(_ position: Int, endToken: Int) {
            while stack.count > position {
                let e = stack.removeLast()
                close(e, at: endToken)
            }
        }
        func openIndex(_ names: Set<String>, stopAt stops: Set<String>) -> Int? {
            var k = stack.count - 1
            while k >= 0 {
                let name = elements[stack[k]].name
                if names.contains(name) { return k }
                if stops.contains(name) { return nil }
                k -= 1
            }
            return nil
        }
        for (t, token) in tokens.enumerated() {
            switch token.kind {
            case .startTag:
                let name = token.name
                // Implied end tags, as browsers do for the common cases.
                if HTMLTree.closesParagraph.contains(name), let k = openIndex(HTMLTree.paragraph, stopAt: HTMLTree.paragraphScope) {
                    popUntil(k, endToken: t)
                }
                if name == "li", let k = openIndex(HTMLTree.listItem, stopAt: HTMLTree.listScope) { popUntil(k, endToken: t) }
                if name == "dt" || name == "dd", let k = openIndex(HTMLTree.definition, stopAt: HTMLTree.definitionScope) { popUntil(k, endToken: t) }
                if name == "td" || name == "th", let k = openIndex(HTMLTree.cell, stopAt: HTMLTree.rowScope) { popUntil(k, endToken: t) }
                if name == "tr", let k = openIndex(HTMLTree.cell, stopAt: HTMLTree.table) { popUntil(k, endToken: t) }
                if name == "tr", let k = openIndex(HTMLTree.row, stopAt: HTMLTree.table) { popUntil(k, endToken: t) }
                // A row group closes the open row (and its cell); so does a new row whose previous one is still open.
                if HTMLTree.rowGroup.contains(name), let k = openIndex(HTMLTree.rowOrGroup, stopAt: HTMLTree.table) {
                    popUntil(k, endToken: t)
                }
                if name == "option", let k = openIndex(HTMLTree.option, stopAt: HTMLTree.select) { popUntil(k, endToken: t) }
                let parent = stack.last ?? -1
                var classes: [String] = []
                if let c = token.attribute("class") {
                    classes = c.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
                }
                let siblingIndex = parent >= 0 ? elements[parent].children.count : roots.count
                let element = Element(name: name, token: t, endToken: t, parent: parent, children: [], siblingIndex: siblingIndex,
                                      id: token.attribute("id")?.value, classes: classes)
                let index = elements.count
                elements.append(element)
                if parent >= 0 { elements[parent].children.append(index) } else { roots.append(index) }
                if !(token.selfClosing || HTMLTokenizer.voidElements.contains(name)) { stack.append(index) }
            case .endTag:
                // A stray cell or row end tag never closes anything outside the innermost open table.
                let scoped = HTMLTree.tableScoped.contains(token.name)
                if let k = scoped ? openIndex([token.name], stopAt: HTMLTree.table) : stack.lastIndex(where: { elements[$0].name == token.name }) {
                    popUntil(k, endToken: t)
                }
            default:
                break
            }
        }
        popUntil(0, endToken: tokens.count)
    }

    public func startTag(_ element: Int) -> HTMLToken { tokens[elements[element].token] }

    /// The element's attribute value (decoded).
    public func attribute(_ element: Int, _ name: String) -> String? { startTag(element).attribute(name)?.value }
}
