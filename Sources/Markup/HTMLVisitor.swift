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
        out.reserveCapacity(4)
        while let attr = attribute {
            out.append(HTMLAttribute(name: HTMLElementView.lowercasedASCII(HTMLParser.string(attr.pointee.name)),
                                     value: Self.value(of: attr)))
            attribute = attr.pointee.next
        }
        return out
    }

    /// The attributes as `name NUL value NUL …` bytes, names lower-cased, in source order: everything an audit keeps
    /// of a start tag in one allocation.
    public var packedAttributes: [UInt8] {
        var out: [UInt8] = []
        var attribute = node.pointee.properties
        while let attr = attribute {
            if let name = attr.pointee.name { Self.appendLowercased(name, to: &out) }
            out.append(0)
            if let text = attr.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
                if let content = text.pointee.content { out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))) }
            } else if let content = xmlNodeListGetString(attr.pointee.doc, attr.pointee.children, 1) {
                out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                herald_xml_free(content)
            }
            out.append(0)
            attribute = attr.pointee.next
        }
        return out
    }

    /// Appends the NUL-terminated `name`, ASCII lower-cased.
    static func appendLowercased(_ name: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
        var i = 0
        while name[i] != 0 {
            let b = name[i]
            out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            i += 1
        }
    }

    /// The value of the first attribute called `name` (lower case), nil when absent. Names are compared as bytes,
    /// ASCII case-insensitively, without building a String per attribute.
    public subscript(attribute name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            var attribute = node.pointee.properties
            while let attr = attribute {
                if let attrName = attr.pointee.name, Self.equalsASCIICaseInsensitive(attrName, wanted) { return Self.value(of: attr) }
                attribute = attr.pointee.next
            }
            return nil
        }
    }

    /// The element's name as one of the tags audits look for (`.other` for the rest), read from libxml2's bytes
    /// without building a String.
    public var tag: HTMLTag {
        guard let name = node.pointee.name else { return .other }
        return HTMLTag(name)
    }

    static func equalsASCIICaseInsensitive(_ c: UnsafePointer<xmlChar>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < wanted.count {
            let b = c[i]
            if b == 0 { return false }
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            if folded != wanted[i] { return false }
            i += 1
        }
        return c[i] == 0
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

    /// The text of all descendants with runs of ASCII white space (space, tab, LF, CR, FF) made one space and the
    /// ends trimmed: `textContent` collapsed, built in one String without intermediate copies (it runs for every link).
    public var collapsedText: String {
        func each(_ first: xmlNodePtr?, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var child = first
            while let c = child {
                switch c.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content { body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))) }
                case XML_ELEMENT_NODE:
                    each(c.pointee.children, body)
                default:
                    break
                }
                child = c.pointee.next
            }
        }
        var total = 0
        each(node.pointee.children) { total += $0.count }
        if total == 0 { return "" }
        return String(unsafeUninitializedCapacity: total) { out in
            var count = 0
            var pendingSpace = false
            each(node.pointee.children) { bytes in
                for byte in bytes {
                    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                        out[count] = byte
                        count += 1
                    }
                }
            }
            return count
        }
    }

    /// The words of the element's text, as `WordCounter` counts them, read in place from libxml2's tree.
    public var wordCount: Int {
        var counter = WordCounter()
        Self.countWords(node.pointee.children, &counter)
        return counter.count
    }

    /// A static function with the counter passed `inout`, not a closure capturing it: a captured variable lives in
    /// a box whose every access is checked for exclusivity at run time (perf: a tenth of this walk).
    private static func countWords(_ first: xmlNodePtr?, _ counter: inout WordCounter) {
        var child = first
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content { counter.add(nulTerminated: content) }
            case XML_ELEMENT_NODE:
                let kind = c.pointee.name.map { WordCounter.Kind($0) } ?? .block
                if kind != .skipped {
                    if kind == .block { counter.breakWord() }
                    countWords(c.pointee.children, &counter)
                    if kind == .block { counter.breakWord() }
                }
            default:
                break
            }
            child = c.pointee.next
        }
    }

    private static func value(of attr: xmlAttrPtr) -> String {
        // The usual case, one text child: read its content in place (xmlNodeListGetString would copy it first).
        if let text = attr.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE {
            return text.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let content = xmlNodeListGetString(attr.pointee.doc, attr.pointee.children, 1) else { return "" }
        defer { herald_xml_free(content) }
        return String(cString: content)
    }

    /// libxml2's HTML parser already lower-cases names; only names it kept (foreign content) pay for a copy.
    static func lowercasedASCII(_ name: String) -> String {
        name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? name.lowercased() : name
    }
}

/// Element names the audits dispatch on, recognised from bytes (libxml2's HTML parser lower-cases names; other
/// spellings are folded).
public enum HTMLTag: UInt8, Sendable {
    case other, html, head, body, title, h1, meta, link, img, a, area, base, svg, math
    case script, form, iframe, source, video, audio, embed
    case h2, h3, h4, h5, h6

    /// The heading level (1–6) of `h1`…`h6`, nil for other tags.
    public var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// The tag for a name string (the `HTMLElement` tree form).
    public init(name: String) {
        var name = name
        self = name.withUTF8 { bytes in
            var copy = Array(bytes) + [0]
            return copy.withUnsafeMutableBufferPointer { HTMLTag(UnsafePointer($0.baseAddress!)) }
        }
    }

    /// The lower-case name (`"a"`, `"title"`); empty for `.other`.
    public var name: String {
        switch self {
        case .other: ""
        case .html: "html"
        case .head: "head"
        case .body: "body"
        case .title: "title"
        case .h1: "h1"
        case .meta: "meta"
        case .link: "link"
        case .img: "img"
        case .a: "a"
        case .area: "area"
        case .base: "base"
        case .svg: "svg"
        case .math: "math"
        case .script: "script"
        case .form: "form"
        case .iframe: "iframe"
        case .source: "source"
        case .video: "video"
        case .audio: "audio"
        case .embed: "embed"
        case .h2: "h2"
        case .h3: "h3"
        case .h4: "h4"
        case .h5: "h5"
        case .h6: "h6"
        }
    }

    init(_ name: UnsafePointer<xmlChar>) {
        // Names of up to 6 bytes, ASCII case folded; longer names are `.other`.
        var folding: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        var measured = 0
        while measured < 7 {
            let b = name[measured]
            if b == 0 { break }
            if measured == 6 { self = .other; return }
            let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            switch measured {
            case 0: folding.0 = folded
            case 1: folding.1 = folded
            case 2: folding.2 = folded
            case 3: folding.3 = folded
            case 4: folding.4 = folded
            default: folding.5 = folded
            }
            measured += 1
        }
        // Constants for `is_` to capture: captured variables are boxed and checked for exclusive access on each read.
        let bytes = folding, length = measured
        func is_(_ text: StaticString) -> Bool {
            guard text.utf8CodeUnitCount == length else { return false }
            let p = text.utf8Start
            return p[0] == bytes.0 && (length < 2 || p[1] == bytes.1) && (length < 3 || p[2] == bytes.2)
                && (length < 4 || p[3] == bytes.3) && (length < 5 || p[4] == bytes.4) && (length < 6 || p[5] == bytes.5)
        }
        switch bytes.0 {
        case UInt8(ascii: "a"): self = is_("a") ? .a : is_("area") ? .area : is_("audio") ? .audio : .other
        case UInt8(ascii: "b"): self = is_("body") ? .body : is_("base") ? .base : .other
        case UInt8(ascii: "h"):
            if length == 2, bytes.1 >= UInt8(ascii: "1"), bytes.1 <= UInt8(ascii: "6") {
                self = [.h1, .h2, .h3, .h4, .h5, .h6][Int(bytes.1 - UInt8(ascii: "1"))]
            } else {
                self = is_("head") ? .head : is_("html") ? .html : .other
            }
        case UInt8(ascii: "e"): self = is_("embed") ? .embed : .other
        case UInt8(ascii: "f"): self = is_("form") ? .form : .other
        case UInt8(ascii: "i"): self = is_("img") ? .img : is_("iframe") ? .iframe : .other
        case UInt8(ascii: "l"): self = is_("link") ? .link : .other
        case UInt8(ascii: "m"): self = is_("meta") ? .meta : is_("math") ? .math : .other
        case UInt8(ascii: "s"): self = is_("svg") ? .svg : is_("script") ? .script : is_("source") ? .source : .other
        case UInt8(ascii: "t"): self = is_("title") ? .title : .other
        case UInt8(ascii: "v"): self = is_("video") ? .video : .other
        default: self = .other
        }
    }
}
