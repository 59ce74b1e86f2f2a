import CLibXML2

/// An XML document as plain values (libxml2's parser, no network, no entity expansion from outside), for checks that
/// need element names, namespaces and source lines, such as `herald sitemap check`.
public struct XMLElementNode: Sendable, Hashable {
    /// The local name; for a prefix with no namespace declaration, the qualified name as written (`xhtml:link`).
    public var name: String
    public var prefix: String?
    /// The namespace URI, nil when the element is in no namespace.
    public var namespace: String?
    public var attributes: [XMLAttributeNode]
    public var children: [XMLElementNode]
    /// The text and CDATA directly inside the element, concatenated.
    public var text: String
    /// 1-based line of the start tag.
    public var line: Int

    public subscript(attribute name: String) -> String? { attributes.first { $0.name == name && $0.namespace == nil }?.value }
}

public struct XMLAttributeNode: Sendable, Hashable {
    public var name: String
    public var namespace: String?
    public var value: String
}

/// A well-formedness (or namespace) problem libxml2 reported, with its line.
public struct XMLSyntaxError: Sendable, Hashable {
    public var line: Int
    public var message: String
    /// True for namespace problems (an undeclared prefix), which leave the document readable.
    public var isNamespaceError: Bool
}

public enum XMLTree {
    private final class Errors: @unchecked Sendable {
        var items: [XMLSyntaxError] = []
    }

    /// The root element (nil when the document is not well-formed) and every problem libxml2 reported.
    public static func parse(_ bytes: [UInt8]) -> (root: XMLElementNode?, errors: [XMLSyntaxError]) {
        let errors = Errors()
        let context = Unmanaged.passUnretained(errors).toOpaque()
        let handler: xmlStructuredErrorFunc = { userData, error in
            guard let userData, let error else { return }
            let box = Unmanaged<Errors>.fromOpaque(userData).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
            var trimmed = Substring(message)
            while trimmed.last == "\n" || trimmed.last == " " { trimmed.removeLast() }
            box.items.append(XMLSyntaxError(line: Int(error.pointee.line), message: String(trimmed),
                                            isNamespaceError: error.pointee.domain == Int32(XML_FROM_NAMESPACE.rawValue)))
        }
        LibXML.initialize()
        xmlSetStructuredErrorFunc(context, handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(clamping: buffer.count), "document.xml", nil, options)
            }
        }
        withExtendedLifetime(errors) {}
        guard let document else {
            if errors.items.isEmpty { errors.items.append(XMLSyntaxError(line: 1, message: "the document is empty", isNamespaceError: false)) }
            return (nil, errors.items)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            return (nil, errors.items + [XMLSyntaxError(line: 1, message: "the document has no root element", isNamespaceError: false)])
        }
        return (convert(root), errors.items)
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? { pointer.map { String(cString: $0) } }

    private static func convert(_ node: xmlNodePtr) -> XMLElementNode {
        var attributes: [XMLAttributeNode] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            var value = ""
            if let content = xmlNodeListGetString(node.pointee.doc, a.pointee.children, 1) {
                value = String(cString: content)
                herald_xml_free(content)
            }
            attributes.append(XMLAttributeNode(name: string(a.pointee.name) ?? "", namespace: string(a.pointee.ns?.pointee.href), value: value))
            attribute = a.pointee.next
        }
        var children: [XMLElementNode] = []
        var text: [UInt8] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(convert(c))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    text.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            default:
                break
            }
            child = c.pointee.next
        }
        return XMLElementNode(name: string(node.pointee.name) ?? "", prefix: string(node.pointee.ns?.pointee.prefix),
                              namespace: string(node.pointee.ns?.pointee.href), attributes: attributes, children: children,
                              text: String(decoding: text, as: UTF8.self), line: Int(xmlGetLineNo(node)))
    }
}
