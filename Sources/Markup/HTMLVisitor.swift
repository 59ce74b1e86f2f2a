import CLibXML2

/// Receives the elements of a document from `HTMLParser.walk`, in document order.
public protocol HTMLVisitor {
    /// The document's `<html>` element, before its children (not called for a fragment without one).
    mutating func root(_ element: HTMLElementView)
    /// An element; return false to skip its descendants.
    mutating func enter(_ element: HTMLElementView) -> Bool
    /// After the element's descendants.
    mutating func leave(_ element: HTMLElementView)
}

extension HTMLVisitor {
    public mutating func root(_ element: HTMLElementView) {}
    public mutating func leave(_ element: HTMLElementView) {}
}

/// One element of a document being walked. Valid only inside the visitor call that received it: it points into
/// libxml2's tree, which is freed when the walk ends. Everything it returns is a copy.
public struct HTMLElementView {
    private let node: xmlNodePtr

    init(_ node: xmlNodePtr) { self.node = node }

    /// The tag name, lower-cased.
    public var name: String { HTMLElementView.lowercasedASCII(HTMLParser.string(node.pointee.name)) }

    /// The line of the start tag (1-based).
    public var line: Int { Int(node.pointee.line) }

    /// The attributes in source order, names lower-cased.
    public var attributes: [HTMLAttribute] {
        var out: [HTMLAttribute] = []
        var attribute = node.pointee.properties
        while let attr = attribute {
            out.append(HTMLAttribute(name: HTMLElementView.lowercasedASCII(HTMLParser.string(attr.pointee.name)),
                                     value: Self.value(of: attr)))
            attribute = attr.pointee.next
        }
        return out
    }

    /// The value of the first attribute called `name` (lower case), nil when absent.
    public subscript(attribute name: String) -> String? {
        var attribute = node.pointee.properties
        while let attr = attribute {
            if HTMLElementView.lowercasedASCII(HTMLParser.string(attr.pointee.name)) == name { return Self.value(of: attr) }
            attribute = attr.pointee.next
        }
        return nil
    }

    /// True when the element has at least one child element or text.
    public var hasChildren: Bool { node.pointee.children != nil }

    /// The concatenated text of all descendants, as `HTMLElement.textContent` gives it.
    public var textContent: String {
        var out: [UInt8] = []
        func collect(_ first: xmlNodePtr?) {
            var child = first
            while let c = child {
                switch c.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content { out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))) }
                case XML_ELEMENT_NODE:
                    collect(c.pointee.children)
                default:
                    break
                }
                child = c.pointee.next
            }
        }
        collect(node.pointee.children)
        return String(decoding: out, as: UTF8.self)
    }

    private static func value(of attr: xmlAttrPtr) -> String {
        guard let content = xmlNodeListGetString(attr.pointee.doc, attr.pointee.children, 1) else { return "" }
        defer { herald_xml_free(content) }
        return String(cString: content)
    }

    /// libxml2's HTML parser already lower-cases names; only names it kept (foreign content) pay for a copy.
    static func lowercasedASCII(_ name: String) -> String {
        name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
    }
}
