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

    // Tag-name classes as switches: set lookups hashed the name for every open element on every start tag.
    static func closesParagraph(_ name: String) -> Bool {
        switch name {
        case "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
             "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
             "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul": return true
        default: return false
        }
    }

    // The implied-end-tag scopes.
    static func paragraphScope(_ name: String) -> Bool {
        switch name { case "td", "th", "table", "body", "div", "li", "blockquote": return true; default: return false }
    }
    static func listScope(_ name: String) -> Bool {
        switch name { case "ul", "ol", "menu", "table": return true; default: return false }
    }
    static func isDefinition(_ name: String) -> Bool { name == "dt" || name == "dd" }
    static func isCell(_ name: String) -> Bool { name == "td" || name == "th" }
    static func isTable(_ name: String) -> Bool { name == "table" }
    static func rowScope(_ name: String) -> Bool { name == "tr" || name == "table" }
    static func definitionScope(_ name: String) -> Bool { name == "dl" || name == "table" }
    static func isRowGroup(_ name: String) -> Bool { name == "tbody" || name == "thead" || name == "tfoot" }
    static func isRowOrGroup(_ name: String) -> Bool { name == "tr" || isRowGroup(name) }
    static func isTableScoped(_ name: String) -> Bool {
        switch name { case "td", "th", "tr", "tbody", "thead", "tfoot", "caption": return true; default: return false }
    }

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
        func openIndex(_ names: (String) -> Bool, stopAt stops: (String) -> Bool) -> Int? {
            var k = stack.count - 1
            while k >= 0 {
                let name = elements[stack[k]].name
                if names(name) { return k }
                if stops(name) { return nil }
                k -= 1
            }
            return nil
        }
        for (t, token) in tokens.enumerated() {
            switch token.kind {
            case .startTag:
                let name = token.name
                // Implied end tags, as browsers do for the common cases.
                if HTMLTree.closesParagraph(name), let k = openIndex({ $0 == "p" }, stopAt: HTMLTree.paragraphScope) {
                    popUntil(k, endToken: t)
                }
                if name == "li", let k = openIndex({ $0 == "li" }, stopAt: HTMLTree.listScope) { popUntil(k, endToken: t) }
                if HTMLTree.isDefinition(name), let k = openIndex(HTMLTree.isDefinition, stopAt: HTMLTree.definitionScope) { popUntil(k, endToken: t) }
                if HTMLTree.isCell(name), let k = openIndex(HTMLTree.isCell, stopAt: HTMLTree.rowScope) { popUntil(k, endToken: t) }
                if name == "tr", let k = openIndex(HTMLTree.isCell, stopAt: HTMLTree.isTable) { popUntil(k, endToken: t) }
                if name == "tr", let k = openIndex({ $0 == "tr" }, stopAt: HTMLTree.isTable) { popUntil(k, endToken: t) }
                // A row group closes the open row (and its cell); so does a new row whose previous one is still open.
                if HTMLTree.isRowGroup(name), let k = openIndex(HTMLTree.isRowOrGroup, stopAt: HTMLTree.isTable) {
                    popUntil(k, endToken: t)
                }
                if name == "option", let k = openIndex({ $0 == "option" }, stopAt: { $0 == "select" }) { popUntil(k, endToken: t) }
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
                if !(token.selfClosing || HTMLTokenizer.isVoid(name)) { stack.append(index) }
            case .endTag:
                // A stray cell or row end tag never closes anything outside the innermost open table.
                let name = token.name
                let scoped = HTMLTree.isTableScoped(name)
                if let k = scoped ? openIndex({ $0 == name }, stopAt: HTMLTree.isTable) : stack.lastIndex(where: { elements[$0].name == name }) {
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
