import CLibXML2
import Foundation

/// Parses HTML with libxml2's error-tolerant HTML parser into an `HTMLNode` tree.
public enum HTMLParser {
    /// Returns the `<html>` element (libxml2 adds `html`/`head`/`body` as browsers do).
    public static func parse(_ bytes: [UInt8], encoding: String? = "UTF-8") -> HTMLElement {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                htmlReadMemory($0, Int32(buffer.count), "", encoding, options)
            }
        }
        guard let document else { return HTMLElement(name: "html") }
        defer { xmlFreeDoc(document) }
        var roots: [HTMLNode] = []
        var child = document.pointee.children
        while let node = child {
            if let converted = convert(node) { roots.append(converted) }
            child = node.pointee.next
        }
        // With NOIMPLIED, a fragment may have several roots or no <html>: wrap them.
        let elements = roots.compactMap { node -> HTMLElement? in if case let .element(e) = node { return e }; return nil }
        if elements.count == 1, elements[0].name == "html" { return elements[0] }
        return HTMLElement(name: "html", children: roots)
    }

    public static func parse(_ text: String) -> HTMLElement { parse(Array(text.utf8)) }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var element = HTMLElement(name: string(node.pointee.name).lowercased(), line: Int(node.pointee.line))
            var attribute = node.pointee.properties
            while let attr = attribute {
                let name = string(attr.pointee.name).lowercased()
                var value = ""
                if let content = xmlNodeListGetString(node.pointee.doc, attr.pointee.children, 1) {
                    value = String(cString: content)
                    herald_xml_free(content)
                }
                element.attributes.append(HTMLAttribute(name: name, value: value))
                attribute = attr.pointee.next
            }
            var child = node.pointee.children
            while let c = child {
                if let converted = convert(c) { element.children.append(converted) }
                child = c.pointee.next
            }
            return .element(element)
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            return .text(string(node.pointee.content))
        case XML_COMMENT_NODE:
            return .comment(string(node.pointee.content))
        default:
            return nil
        }
    }
}
