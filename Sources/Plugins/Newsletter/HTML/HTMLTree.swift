/// Element structure over a token stream: enough for selector matching and text conversion, while the tokens
/// keep the source ranges for byte-preserving rewrites.
public struct HTMLTree: Sendable {
    public struct Element: Sendable {
        public var name: String
        /// The name as a small integer (`.other` for names `HTMLTag` does not list).
        public var tag: HTMLTag
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

        /// Whether the element has `token`'s tag name (names are compared only for tags `HTMLTag` does not list).
        public func isNamed(_ token: HTMLToken) -> Bool { tag == token.tag && (tag != .other || name == token.name) }
    }

    public let source: [UInt8]
    public let tokens: [HTMLToken]
    public private(set) var elements: [Element] = []
    /// Element indices at the top level.
    public private(set) var roots: [Int] = []

    // Tag-name classes on `HTMLTag`: set lookups hashed the name for every open element on every start tag.
    static func closesParagraph(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl, .fieldset,
             .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6, .header, .hgroup, .hr,
             .main, .menu, .nav, .ol, .p, .pre, .section, .summary, .table, .ul: return true
        default: return false
        }
    }

    // The implied-end-tag scopes.
    static func paragraphScope(_ tag: HTMLTag) -> Bool {
        switch tag { case .td, .th, .table, .body, .div, .li, .blockquote: return true; default: return false }
    }
    static func listScope(_ tag: HTMLTag) -> Bool {
        switch tag { case .ul, .ol, .menu, .table: return true; default: return false }
    }
    static func isDefinition(_ tag: HTMLTag) -> Bool { tag == .dt || tag == .dd }
    static func isCell(_ tag: HTMLTag) -> Bool { tag == .td || tag == .th }
    static func isTable(_ tag: HTMLTag) -> Bool { tag == .table }
    static func rowScope(_ tag: HTMLTag) -> Bool { tag == .tr || tag == .table }
    static func definitionScope(_ tag: HTMLTag) -> Bool { tag == .dl || tag == .table }
    static func isRowGroup(_ tag: HTMLTag) -> Bool { tag == .tbody || tag == .thead || tag == .tfoot }
    static func isRowOrGroup(_ tag: HTMLTag) -> Bool { tag == .tr || isRowGroup(tag) }
    static func isTableScoped(_ tag: HTMLTag) -> Bool {
        switch tag { case .td, .th, .tr, .tbody, .thead, .tfoot, .caption: return true; default: return false }
    }

    public init(_ source: [UInt8]) {
        self.source = source
        self.tokens = HTMLTokenizer.tokenize(source)
        build()
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    private mutating func build() {
        var stack: [Int] = []
        elements.reserveCapacity(tokens.count / 2 + 1)  // at most one element per start tag; no regrowth
        func close(_ index: Int, at token: Int) {
            elements[index].endToken = token
        }
        func popUntil(_ position: Int, endToken: Int) {
            while stack.count > position {
                let e = stack.removeLast()
                close(e, at: endToken)
            }
        }
        func openIndex(_ tags: (HTMLTag) -> Bool, stopAt stops: (HTMLTag) -> Bool) -> Int? {
            var k = stack.count - 1
            while k >= 0 {
                let tag = elements[stack[k]].tag
                if tags(tag) { return k }
                if stops(tag) { return nil }
                k -= 1
            }
            return nil
        }
        for (t, token) in tokens.enumerated() {
            switch token.kind {
            case .startTag:
                let name = token.name, tag = token.tag
                // Implied end tags, as browsers do for the common cases.
                if HTMLTree.closesParagraph(tag), let k = openIndex({ $0 == .p }, stopAt: HTMLTree.paragraphScope) {
                    popUntil(k, endToken: t)
                }
                if tag == .li, let k = openIndex({ $0 == .li }, stopAt: HTMLTree.listScope) { popUntil(k, endToken: t) }
                if HTMLTree.isDefinition(tag), let k = openIndex(HTMLTree.isDefinition, stopAt: HTMLTree.definitionScope) { popUntil(k, endToken: t) }
                if HTMLTree.isCell(tag), let k = openIndex(HTMLTree.isCell, stopAt: HTMLTree.rowScope) { popUntil(k, endToken: t) }
                if tag == .tr, let k = openIndex(HTMLTree.isCell, stopAt: HTMLTree.isTable) { popUntil(k, endToken: t) }
                if tag == .tr, let k = openIndex({ $0 == .tr }, stopAt: HTMLTree.isTable) { popUntil(k, endToken: t) }
                // A row group closes the open row (and its cell); so does a new row whose previous one is still open.
                if HTMLTree.isRowGroup(tag), let k = openIndex(HTMLTree.isRowOrGroup, stopAt: HTMLTree.isTable) {
                    popUntil(k, endToken: t)
                }
                if tag == .option, let k = openIndex({ $0 == .option }, stopAt: { $0 == .select }) { popUntil(k, endToken: t) }
                let parent = stack.last ?? -1
                var classes: [String] = []
                if let c = token.attribute("class") { classes = HTMLTree.classNames(c) }
                let siblingIndex = parent >= 0 ? elements[parent].children.count : roots.count
                let element = Element(name: name, tag: tag, token: t, endToken: t, parent: parent, children: [], siblingIndex: siblingIndex,
                                      id: token.attribute("id")?.value, classes: classes)
                let index = elements.count
                elements.append(element)
                if parent >= 0 { elements[parent].children.append(index) } else { roots.append(index) }
                if !(token.selfClosing || HTMLTokenizer.isVoid(tag)) { stack.append(index) }
            case .endTag:
                // A stray cell or row end tag never closes anything outside the innermost open table.
                let tag = token.tag
                let scoped = HTMLTree.isTableScoped(tag)
                if let k = scoped ? openIndex({ $0 == tag }, stopAt: HTMLTree.isTable) : stack.lastIndex(where: { elements[$0].isNamed(token) }) {
                    popUntil(k, endToken: t)
                }
            default:
                break
            }
        }
        popUntil(0, endToken: tokens.count)
    }

    /// The class names of a `class` attribute, split at ASCII whitespace on bytes.
    static func classNames(_ attribute: HTMLTokenAttribute) -> [String] {
        var value = attribute.rawValue.utf8.contains(0x26) ? attribute.value : attribute.rawValue
        return value.withUTF8 { bytes in
            var names: [String] = []
            var start = 0
            for k in 0...bytes.count where k == bytes.count || HTMLTokenizer.isSpace(bytes[k]) {
                if k > start { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<k]), as: UTF8.self)) }
                start = k + 1
            }
            return names
        }
    }

    public func startTag(_ element: Int) -> HTMLToken { tokens[elements[element].token] }

    /// The element's attribute value (decoded).
    public func attribute(_ element: Int, _ name: String) -> String? { startTag(element).attribute(name)?.value }
}
