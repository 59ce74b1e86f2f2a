/// A parsed HTML tree as plain values, so plugins can walk it without touching libxml2.
public indirect enum HTMLNode: Sendable, Hashable {
    case element(HTMLElement)
    case text(String)
    case comment(String)
}

public struct HTMLElement: Sendable, Hashable {
    /// Lower-case tag name.
    public var name: String
    /// Attributes in source order; names lower-case.
    public var attributes: [HTMLAttribute]
    public var children: [HTMLNode]
    /// 1-based source line of the start tag (0 when unknown).
    public var line: Int

    public init(name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The first attribute with this name.
    public subscript(attribute name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    public func has(_ attribute: String) -> Bool { attributes.contains { $0.name == attribute } }

    /// The concatenated text of all descendants.
    public var textContent: String {
        var out = ""
        func walk(_ nodes: [HTMLNode]) {
            for node in nodes {
                switch node {
                case let .text(t): out += t
                case let .element(e): walk(e.children)
                case .comment: break
                }
            }
        }
        walk(children)
        return out
    }

    /// The words of the element's text, as `WordCounter` counts them (the same count as `HTMLElementView.wordCount`).
    public var wordCount: Int {
        var counter = WordCounter()
        func walk(_ nodes: [HTMLNode]) {
            for node in nodes {
                switch node {
                case let .text(t):
                    var t = t
                    t.withUTF8 { counter.add($0) }
                case let .element(e):
                    var name = e.name
                    let kind = name.withUTF8 { bytes in
                        (Array(bytes) + [0]).withUnsafeBufferPointer { WordCounter.Kind($0.baseAddress!) }
                    }
                    if kind == .skipped { continue }
                    if kind == .block { counter.breakWord() }
                    walk(e.children)
                    if kind == .block { counter.breakWord() }
                case .comment: break
                }
            }
        }
        walk(children)
        return counter.count
    }

    /// All descendant elements (depth-first, document order), optionally filtered by tag name.
    public func descendants(named name: String? = nil) -> [HTMLElement] {
        var out: [HTMLElement] = []
        func walk(_ element: HTMLElement) {
            for case let .element(child) in element.children {
                if name == nil || child.name == name { out.append(child) }
                walk(child)
            }
        }
        walk(self)
        return out
    }

    /// The first descendant element with this name.
    public func first(_ name: String) -> HTMLElement? {
        for case let .element(child) in children {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }
}

public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
