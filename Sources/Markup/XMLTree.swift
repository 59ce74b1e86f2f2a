import Foundation
import CLibXML2

/// An XML document as plain values (libxml2's parser, no network, no entity expansion), for checks that need element
/// names, namespaces and source lines, such as `herald sitemap check`. A document type declaration stops the parse
/// before its internal subset is read: no entity is declared, expanded or loaded, so billion laughs, quadratic
/// blowup and external entities (XXE) cost nothing; the caller gets `doctypeLine` and no root.
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
        /// The line of a `<!DOCTYPE`, where parsing stopped.
        var doctypeLine: Int?
    }

    /// The root element (nil when the document is not well-formed or declares a DTD), every problem libxml2 reported
    /// (one line each, repeats dropped), and the line of a `<!DOCTYPE` declaration when there is one.
    public static func parse(_ bytes: [UInt8]) -> (root: XMLElementNode?, errors: [XMLSyntaxError], doctypeLine: Int?) {
        let errors = Errors()
        let context = Unmanaged.passUnretained(errors).toOpaque()
        LibXML.initialize()
        xmlSetStructuredErrorFunc(context, collect)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                read($0, count: buffer.count, options: options, context: context)
            }
        }
        withExtendedLifetime(errors) {}
        if let line = errors.doctypeLine { return (nil, [], line) }
        guard let document else {
            if errors.items.isEmpty { errors.items.append(XMLSyntaxError(line: 1, message: "the document is empty", isNamespaceError: false)) }
            return (nil, errors.items, nil)
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else {
            return (nil, errors.items + [XMLSyntaxError(line: 1, message: "the document has no root element", isNamespaceError: false)], nil)
        }
        return (convert(root), errors.items, nil)
    }

    /// libxml2's message on one line, without advice meant for programmers: "Input is not proper UTF-8, indicate
    /// encoding !\nBytes: 0xFF" becomes "Input is not proper UTF-8; bytes: 0xFF", and "Excessive depth in document:
    /// 256 use XML_PARSE_HUGE option" becomes "Excessive depth in document: 256 (over libxml2's safety limit)".
    static func oneLine(_ message: String) -> String {
        var text = message.split(whereSeparator: { $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        text = text.replacingOccurrences(of: ", indicate encoding ! Bytes:", with: "; bytes:")
        for advice in [", use XML_PARSE_HUGE option", " use XML_PARSE_HUGE option", "use XML_PARSE_HUGE option"]
        where text.contains(advice) {
            text = text.replacingOccurrences(of: advice, with: "").trimmingCharacters(in: .whitespaces) + " (over libxml2's safety limit)"
        }
        return text
    }

    /// Parses with a context whose `internalSubset` handler stops at `<!DOCTYPE name ids`, before `[`, so that no
    /// declaration is ever read. Nil when the document is not well-formed or declares a DTD.
    private static func read(_ base: UnsafePointer<CChar>, count: Int, options: Int32, context: UnsafeMutableRawPointer) -> xmlDocPtr? {
        guard let parser = xmlCreateMemoryParserCtxt(base, Int32(clamping: count)) else { return nil }
        defer { xmlFreeParserCtxt(parser) }
        xmlCtxtUseOptions(parser, options)
        parser.pointee._private = context
        parser.pointee.sax.pointee.internalSubset = stopAtDoctype
        xmlParseDocument(parser)
        let document = parser.pointee.myDoc
        parser.pointee.myDoc = nil
        guard parser.pointee.wellFormed != 0, Unmanaged<Errors>.fromOpaque(context).takeUnretainedValue().doctypeLine == nil else {
            if let document { xmlFreeDoc(document) }
            return nil
        }
        return document
    }

    /// libxml2's error handler: one line per problem, repeats dropped, nothing after a DTD stopped the parse.
    private static let collect: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let box = Unmanaged<Errors>.fromOpaque(userData).takeUnretainedValue()
        guard box.doctypeLine == nil, error.pointee.code != Int32(XML_ERR_USER_STOP.rawValue) else { return }
        let message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
        let item = XMLSyntaxError(line: Int(error.pointee.line), message: oneLine(message),
                                  isNamespaceError: error.pointee.domain == Int32(XML_FROM_NAMESPACE.rawValue))
        if !box.items.contains(item) { box.items.append(item) }
    }

    private static let stopAtDoctype: internalSubsetSAXFunc = { ctx, _, _, _ in
        guard let ctx else { return }
        let parser = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        if let box = parser.pointee._private {
            Unmanaged<Errors>.fromOpaque(box).takeUnretainedValue().doctypeLine = Int(parser.pointee.input?.pointee.line ?? 1)
        }
        xmlStopParser(parser)
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
