import CLibXML2
import Foundation

/// Parses HTML with libxml2's error-tolerant HTML parser into an `HTMLNode` tree.
public enum HTMLParser {
    /// Returns the `<html>` element (libxml2 adds `html`/`head`/`body` as browsers do).
    public static func parse(_ bytes: [UInt8], encoding: String? = "UTF-8") -> HTMLElement {
        guard let (document, context) = read(bytes, encoding: encoding) else { return HTMLElement(name: "html") }
        defer { release(document, context) }
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

    /// Walks the document's elements in document order without building an `HTMLElement` tree: for audits that
    /// look at a few elements of every page, copying the whole tree into Swift values cost more than parsing.
    ///
    /// `visitor.enter` sees each element (return false to skip its subtree); `visitor.leave` is called after its
    /// subtree. The walk covers what `parse` returns: the children of `<html>`, or of the implied wrapper for a
    /// fragment; `root` is that `<html>` (nil for a fragment).
    public static func walk(_ bytes: [UInt8], encoding: String? = "UTF-8", _ visitor: inout some HTMLVisitor) {
        guard let (document, context) = read(bytes, encoding: encoding) else { return }
        defer { release(document, context) }
        var roots: [xmlNodePtr] = []
        var elementRoots: [xmlNodePtr] = []
        var child = document.pointee.children
        while let node = child {
            if isConverted(node) { roots.append(node) }
            if node.pointee.type == XML_ELEMENT_NODE { elementRoots.append(node) }
            child = node.pointee.next
        }
        if elementRoots.count == 1, HTMLElementView(elementRoots[0]).name == "html" {
            visitor.root(HTMLElementView(elementRoots[0]))
            walkChildren(of: elementRoots[0], &visitor)
        } else {
            for node in roots where node.pointee.type == XML_ELEMENT_NODE { walkElement(node, &visitor) }
        }
    }

    private static func walkChildren(of node: xmlNodePtr, _ visitor: inout some HTMLVisitor) {
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { walkElement(c, &visitor) }
            child = c.pointee.next
        }
    }

    private static func walkElement(_ node: xmlNodePtr, _ visitor: inout some HTMLVisitor) {
        let view = HTMLElementView(node)
        if visitor.enter(view) { walkChildren(of: node, &visitor) }
        visitor.leave(view)
    }

    /// The node types `parse` keeps (others are dropped with their subtrees).
    static func isConverted(_ node: xmlNodePtr) -> Bool {
        switch node.pointee.type {
        case XML_ELEMENT_NODE, XML_TEXT_NODE, XML_CDATA_SECTION_NODE, XML_COMMENT_NODE: return true
        default: return false
        }
    }

    /// Error-tolerant, silent, no network, no implied html/body (so fragments stay fragments).
    static let readOptions = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Parses with a parser context from the pool. The context stays borrowed until `release`, because the
    /// document shares the context's name dictionary until it is freed.
    private static func read(_ bytes: [UInt8], encoding: String?) -> (htmlDocPtr, htmlParserCtxtPtr?)? {
        let context = ParserContextPool.shared.borrow()
        // The bytes are handed to libxml2 in 4 KB reads, as xmllint reads a file, rather than as one memory block,
        // which libxml2 copies whole into its input buffer (twice with an encoding): read in chunks, the buffer stays
        // small. On its own this changed the audit's CPU time by less than the noise; the allocator cost perf showed
        // came from glibc's small tcache (see herald's MallocTuning).
        let document: htmlDocPtr? = withChunkedReader(bytes) { read, source in
            if let context { return htmlCtxtReadIO(context, read, nil, source, "", encoding, readOptions) }
            return htmlReadIO(read, nil, source, "", encoding, readOptions)
        }
        guard let document else {
            if let context { ParserContextPool.shared.giveBack(context) }
            return nil
        }
        return (document, context)
    }

    /// Calls `body` with a libxml2 read callback and its context, which hand `bytes` over in the sizes libxml2 asks
    /// for, without NUL bytes: libxml2's HTML parser ends a text at a NUL and drops the rest of the document, where
    /// a browser's tree builder ignores U+0000 in text and goes on (a NUL after `<body>` hid the whole page).
    /// Dropping a byte keeps every line number.
    static func withChunkedReader<T>(_ bytes: [UInt8], _ body: (xmlInputReadCallback, UnsafeMutableRawPointer) -> T) -> T {
        bytes.withUnsafeBufferPointer { buffer in
            var source = ChunkedSource(base: buffer.baseAddress, count: buffer.count)
            return withUnsafeMutablePointer(to: &source) { pointer in
                let read: xmlInputReadCallback = { context, out, length in
                    readChunk(context!.assumingMemoryBound(to: ChunkedSource.self), into: out, length: Int(length))
                }
                return body(read, UnsafeMutableRawPointer(pointer))
            }
        }
    }

    /// The document being read by libxml2's read callback.
    fileprivate struct ChunkedSource {
        var base: UnsafePointer<UInt8>?
        var count: Int
        var offset = 0
    }

    private static func release(_ document: htmlDocPtr, _ context: htmlParserCtxtPtr?) {
        xmlFreeDoc(document)
        if let context { ParserContextPool.shared.giveBack(context) }
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func convert(_ node: xmlNodePtr) -> HTMLNode? {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let view = HTMLElementView(node)
            var element = HTMLElement(name: view.name, attributes: view.attributes, line: view.line)
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

/// libxml2 HTML parser contexts kept for reuse across documents: a fresh context per page costs a new name
/// dictionary and input tables, and its allocation right after the previous document's thousands of frees made
/// glibc consolidate its free lists every time (perf: ~12% of an audit). Reused contexts keep their dictionary, whose
/// contents (tag and attribute names, short texts) are the same few hundred strings on every page. At most one
/// context per concurrent parse is kept; a context is used by one parse at a time.
final class ParserContextPool: @unchecked Sendable {
    /// Contexts that build trees.
    static let shared = ParserContextPool(make: htmlNewParserCtxt)
    /// Contexts whose SAX handler streams to a visitor (`HTMLParser.stream`).
    static let streaming = ParserContextPool(make: HTMLParser.makeStreamingContext)
    private let make: () -> htmlParserCtxtPtr?
    private let lock = NSLock()
    private var contexts: [htmlParserCtxtPtr] = []
    private var uses: [htmlParserCtxtPtr: Int] = [:]

    init(make: @escaping () -> htmlParserCtxtPtr?) { self.make = make }
    /// Documents a context parses before it is replaced, so that its dictionary cannot grow without bound.
    static let maxUses = 1000

    func borrow() -> htmlParserCtxtPtr? {
        lock.lock()
        let context = contexts.popLast()
        lock.unlock()
        if let context { return context }
        LibXML.initialize()
        return make()
    }

    func giveBack(_ context: htmlParserCtxtPtr) {
        lock.lock()
        let count = (uses[context] ?? 0) + 1
        if count >= Self.maxUses || contexts.count >= 32 {
            uses[context] = nil
            lock.unlock()
            htmlFreeParserCtxt(context)
            return
        }
        uses[context] = count
        contexts.append(context)
        lock.unlock()
    }
}

/// Copies up to `length` bytes of `source` into `out`, NUL bytes left out; 0 at the end of the document.
private func readChunk(_ source: UnsafeMutablePointer<HTMLParser.ChunkedSource>, into out: UnsafeMutablePointer<CChar>?,
                       length: Int) -> Int32 {
    guard let base = source.pointee.base, let out, length > 0 else { return 0 }
    let target = UnsafeMutableRawPointer(out).assumingMemoryBound(to: UInt8.self)
    // A chunk of NULs only must not read as the end of the document: read on until a byte is kept.
    var kept = 0
    while kept == 0, source.pointee.offset < source.pointee.count {
        let n = min(length, source.pointee.count - source.pointee.offset)
        target.update(from: base + source.pointee.offset, count: n)
        source.pointee.offset += n
        kept = memchr(target, 0, n) == nil ? n : droppingNUL(target, count: n)
    }
    return Int32(kept)
}

/// Moves the bytes of `buffer` other than NUL to its front, in order; returns how many there are.
private func droppingNUL(_ buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
    var kept = 0
    for i in 0..<count where buffer[i] != 0 {
        buffer[kept] = buffer[i]
        kept += 1
    }
    return kept
}
