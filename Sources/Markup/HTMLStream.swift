import CLibXML2
import Foundation

/// Receives a document from `HTMLParser.stream` as libxml2's parser reads it: start tags, character data and end
/// tags, in document order, with no tree built.
public protocol HTMLStreamVisitor {
    /// The document's `<html>` element, before its content (not called for a fragment without one).
    mutating func root(_ element: HTMLStartTag)
    /// An element's start tag.
    mutating func enter(_ element: HTMLStartTag)
    /// Character data (text, or the content of `script`/`style`), entities decoded. A text node of the tree may
    /// arrive in several runs.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The end of the element last entered and not yet left (every `enter` gets one `leave`, innermost first).
    mutating func leave()
}

/// A start tag as `HTMLParser.stream` reports it: what `HTMLElementView` gives of an element, read from the
/// parser's attribute list instead of a tree node. Valid only inside the visitor call that received it.
public struct HTMLStartTag {
    /// The name as libxml2 holds it (NUL-terminated, lower-cased by its HTML parser).
    public let rawName: UnsafePointer<UInt8>
    /// `name, value, name, value, …, NULL` (a value is NULL for an attribute written without one).
    private let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    /// The line of the start tag (1-based), as libxml2 stores it in a tree node (at most 65,535).
    public let line: Int

    init(name: UnsafePointer<UInt8>, pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int) {
        rawName = name
        self.pairs = pairs
        self.line = line
    }

    /// The tag name, lower-cased.
    public var name: String { HTMLElementView.lowercasedASCII(String(cString: rawName)) }

    /// The element's name as one of the tags audits look for.
    public var tag: HTMLTag { HTMLTag(rawName) }

    /// Calls `body` with each attribute's name and value, in source order. The value is what the tree holds: an
    /// attribute written without a value is empty, except HTML's boolean attributes (`checked`…), whose value is
    /// their name (libxml2's tree builder does the same).
    private func forEachAttribute(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>?) -> Bool) {
        guard let pairs else { return }
        var i = 0
        while let name = pairs[i] {
            var value = pairs[i + 1]
            if value == nil, htmlIsBooleanAttr(name) != 0 { value = name }
            if !body(name, value) { return }
            i += 2
        }
    }

    /// The value of the first attribute called `name` (lower case), nil when absent.
    public subscript(attribute name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            var found: String?
            forEachAttribute { attrName, value in
                guard HTMLElementView.equalsASCIICaseInsensitive(attrName, wanted) else { return true }
                found = value.map { String(cString: $0) } ?? ""
                return false
            }
            return found
        }
    }

    /// The attributes as `name NUL value NUL …` bytes, names lower-cased, in source order (as
    /// `HTMLElementView.packedAttributes`).
    public var packedAttributes: [UInt8] {
        var out: [UInt8] = []
        forEachAttribute { name, value in
            HTMLElementView.appendLowercased(name, to: &out)
            out.append(0)
            if let value { out.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))) }
            out.append(0)
            return true
        }
        return out
    }
}

extension HTMLParser {
    /// Streams `bytes` through `visitor` with libxml2's SAX interface: the same parser, options and events that
    /// build the tree `walk` reads, without building it (perf: allocating and freeing the tree's nodes was half of
    /// libxml2's time on the Python docs; reading with no tree takes 0.39 s where a tree takes 0.86 s).
    ///
    /// The visitor sees what `walk` covers: with an `<html>` root, `root` and then its content; otherwise the one
    /// top-level element. Returns false, having stopped early, for a document with a second top-level element,
    /// which the tree builder nests in the first or sets beside it (the caller then uses `walk`).
    public static func stream(_ bytes: [UInt8], encoding: String? = "UTF-8", _ visitor: inout some HTMLStreamVisitor) -> Bool {
        let sink = StreamSink(visitor)
        guard let context = ParserContextPool.streaming.borrow() else { return false }
        sink.context = context
        let unmanaged = Unmanaged.passRetained(sink as StreamSinkBase)
        context.pointee.userData = unmanaged.toOpaque()
        let document: htmlDocPtr? = withChunkedReader(bytes) { read, source in
            htmlCtxtReadIO(context, read, nil, source, "", encoding, readOptions)
        }
        context.pointee.userData = nil
        unmanaged.release()
        if let document { xmlFreeDoc(document) }
        ParserContextPool.streaming.giveBack(context)
        visitor = sink.visitor
        return !sink.mustFallBack
    }

    /// A context whose SAX handler reports to the `StreamSinkBase` in its `userData`.
    static func makeStreamingContext() -> htmlParserCtxtPtr? {
        guard let context = htmlNewParserCtxt(), let sax = context.pointee.sax else { return nil }
        memset(sax, 0, MemoryLayout<htmlSAXHandler>.size)
        sax.pointee.initialized = 1
        sax.pointee.startElement = { data, name, attributes in
            guard let data, let name else { return }
            Unmanaged<StreamSinkBase>.fromOpaque(data).takeUnretainedValue().start(name, attributes)
        }
        sax.pointee.endElement = { data, _ in
            guard let data else { return }
            Unmanaged<StreamSinkBase>.fromOpaque(data).takeUnretainedValue().end()
        }
        let characters: charactersSAXFunc = { data, bytes, count in
            guard let data, let bytes, count > 0 else { return }
            Unmanaged<StreamSinkBase>.fromOpaque(data).takeUnretainedValue().text(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        sax.pointee.characters = characters
        // Script and style content: the tree builder keeps it as a text child too. Ignorable white space is only
        // reported without keepBlanks, which the options leave on; the tree builder drops it, as this does.
        sax.pointee.cdataBlock = characters
        return context
    }
}

/// The non-generic face of `StreamSink`, which libxml2's C callbacks can reach through `userData`.
///
/// A sink belongs to one parse on one thread and libxml2 never calls back into a callback that is running, so the
/// fields skip Swift's dynamic exclusivity checks (a begin/end pair per field access per event otherwise).
class StreamSinkBase {
    @exclusivity(unchecked) var context: htmlParserCtxtPtr?
    /// Open elements, the roots included.
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var seenRoot = false
    @exclusivity(unchecked) var rootIsHTML = false
    @exclusivity(unchecked) var mustFallBack = false

    func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {}
    func end() {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// The current line, as the tree builder stores it in a node.
    var line: Int {
        guard let context, context.pointee.linenumbers != 0, let input = context.pointee.input else { return 0 }
        return min(Int(input.pointee.line), 65535)
    }
}

final class StreamSink<Visitor: HTMLStreamVisitor>: StreamSinkBase {
    @exclusivity(unchecked) var visitor: Visitor

    init(_ visitor: Visitor) { self.visitor = visitor }

    override func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if mustFallBack { return }
        let tag = HTMLStartTag(name: name, pairs: attributes, line: line)
        if depth == 0 {
            if seenRoot {
                // The tree builder adds a later top-level element to the first one, or beside it after a doctype or
                // comment: `walk` reads that tree, which the stream cannot follow.
                mustFallBack = true
                if let context { xmlStopParser(context) }
                return
            }
            seenRoot = true
            let html: StaticString = "html"
            if HTMLElementView.equalsASCIICaseInsensitive(name, UnsafeBufferPointer(start: html.utf8Start, count: 4)) {
                rootIsHTML = true
                depth = 1
                visitor.root(tag)
                return
            }
        }
        depth += 1
        visitor.enter(tag)
    }

    override func end() {
        if mustFallBack || depth == 0 { return }
        depth -= 1
        if depth == 0 && rootIsHTML { return }
        visitor.leave()
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if !mustFallBack { visitor.text(bytes) }
    }
}
