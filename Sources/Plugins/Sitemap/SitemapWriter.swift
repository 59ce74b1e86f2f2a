import Generator
import HeraldData

/// Writes sitemap files, streaming: each file is built, handed to `emit` in small batches and dropped, so memory holds
/// a batch of files, never the whole set. XML-escaped, one `<url>` per line, split by the limits; the image and xhtml
/// namespaces are declared in a file only when one of its URLs uses them.
public struct SitemapWriter {
    public struct File: Sendable, Hashable {
        /// File name relative to the site root, e.g. `sitemap.xml`, `sitemap-2.xml`, `sitemap-2.xml.gz`.
        public var name: String
        public var bytes: [UInt8]
    }

    public struct LimitError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// What was written.
    public struct Summary: Sendable, Hashable {
        /// The file robots.txt and search consoles should point at (`sitemap.xml` or `sitemap_index.xml`); nil when
        /// there were no entries and nothing was written.
        public var root: String?
        /// Every file written, index last.
        public var files: [String]
        public var urls: Int
    }

    static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    static let imageNamespace = "http://www.google.com/schemas/sitemap-image/1.1"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let urlsetFooter = Array("</urlset>\n".utf8)
    static let indexFooter = Array("</sitemapindex>\n".utf8)
    static let indexName = "sitemap_index.xml"

    static func urlsetHeader(images: Bool = false, xhtml: Bool = false) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(sitemapNamespace)\""
        if images { text += " xmlns:image=\"\(imageNamespace)\"" }
        if xhtml { text += " xmlns:xhtml=\"\(xhtmlNamespace)\"" }
        return Array((text + ">\n").utf8)
    }

    static let indexHeader = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="\(sitemapNamespace)">

        """.utf8)

    /// Writes `entries` (sorted and unique) and returns what was written. One file without gzip is `sitemap.xml`;
    /// otherwise `sitemap-1.xml`… (`.xml.gz` with `gzip`) plus `sitemap_index.xml` listing them under `baseURL`.
    /// `emit` receives the files in batches of `batch` (compressed on all cores), the index last. No entries → no files.
    public static func write(_ entries: some Sequence<SitemapEntry>, baseURL: String, limits: SitemapLimits = .standard,
                             gzip: Bool = false, batch: Int = 2, emit: ([File]) throws -> Void) throws -> Summary {
        try stream(baseURL: baseURL, limits: limits, gzip: gzip, batch: batch, emit: emit) { writer, element in
            for entry in entries {
                element.removeAll(keepingCapacity: true)
                appendURL(entry, to: &element)
                try writer.add(element, images: !entry.images.isEmpty, xhtml: !entry.alternates.isEmpty,
                               lastModified: entry.lastModified, loc: { entry.loc })
            }
        }
    }

    /// `write` from the plugin's columns: the `<url>` elements are built from the table's bytes, no entry values.
    public static func write(_ table: SitemapTable, alternates: SitemapAlternates.Table, baseURL: String, limits: SitemapLimits = .standard,
                      gzip: Bool = false, batch: Int = 2, emit: ([File]) throws -> Void) throws -> Summary {
        var prefix: [UInt8] = []
        appendEscaped(table.prefix, to: &prefix)
        let tags = alternates.tags.map { escape($0) }
        return try stream(baseURL: baseURL, limits: limits, gzip: gzip, batch: batch, emit: emit) { writer, element in
            for index in 0..<table.count {
                element.removeAll(keepingCapacity: true)
                let versions = alternates.alternates(of: index)
                appendURL(index, of: table, versions: versions, tags: tags, prefix: prefix, to: &element)
                try writer.add(element, images: table.imageCount(index) > 0, xhtml: !versions.isEmpty,
                               lastModified: table.lastModified(index), loc: { table.loc(index) })
            }
        }
    }

    private static func stream(baseURL: String, limits: SitemapLimits, gzip: Bool, batch: Int, emit: ([File]) throws -> Void,
                               elements: (inout SitemapWriter, inout [UInt8]) throws -> Void) throws -> Summary {
        try withoutActuallyEscaping(emit) { emit in
            var writer = SitemapWriter(baseURL: baseURL, limits: limits, gzip: gzip, batch: max(1, batch), emit: emit)
            var element: [UInt8] = []
            element.reserveCapacity(4096)
            try elements(&writer, &element)
            return try writer.finish()
        }
    }

    /// All files at once, for tests and small sets: `write` collecting what it emits.
    public static func files(_ entries: [SitemapEntry], baseURL: String, limits: SitemapLimits = .standard,
                             gzip: Bool = false) throws -> (files: [File], root: String?) {
        var files: [File] = []
        let summary = try write(entries, baseURL: baseURL, limits: limits, gzip: gzip) { files += $0 }
        return (files, summary.root)
    }

    // MARK: - State of one run

    private let baseURL: String
    private let limits: SitemapLimits
    private let gzip: Bool
    private let batch: Int
    private let emit: ([File]) throws -> Void
    private var body: [UInt8] = []
    private var count = 0
    private var urls = 0
    private var newest: Timestamp?
    private var usesImages = false
    private var usesXHTML = false
    /// Finished files not yet emitted (their names depend on whether a second file follows).
    private var pending: [(bytes: [UInt8], lastModified: Timestamp?)] = []
    private var finished = 0
    private var index: [UInt8] = indexHeader
    private var written: [String] = []

    private init(baseURL: String, limits: SitemapLimits, gzip: Bool, batch: Int, emit: @escaping ([File]) throws -> Void) {
        self.baseURL = baseURL
        self.limits = limits
        self.gzip = gzip
        self.batch = batch
        self.emit = emit
    }

    private mutating func add(_ element: [UInt8], images: Bool, xhtml: Bool, lastModified: Timestamp?, loc: () -> String) throws {
        let alone = Self.headerSize(images: images, xhtml: xhtml) + element.count + Self.urlsetFooter.count
        if alone > limits.maxBytes {
            throw LimitError(description: "the sitemap entry for \(loc()) alone is \(alone) bytes, more than \(limits.maxBytes)")
        }
        let header = Self.headerSize(images: usesImages || images, xhtml: usesXHTML || xhtml)
        if count == limits.maxURLs || header + body.count + element.count + Self.urlsetFooter.count > limits.maxBytes {
            try finishFile()
        }
        if body.isEmpty, body.capacity == 0 { body.reserveCapacity(min(limits.maxBytes, max(element.count, 64) * min(limits.maxURLs, 50_000))) }
        body += element
        count += 1
        urls += 1
        usesImages = usesImages || images
        usesXHTML = usesXHTML || xhtml
        if let modified = lastModified, newest.map({ modified > $0 }) ?? true { newest = modified }
    }

    /// Asked twice per URL, so computed once per combination (building the header text each time was a sixth of the
    /// writer's time).
    static func headerSize(images: Bool, xhtml: Bool) -> Int {
        headerSizes[(images ? 1 : 0) + (xhtml ? 2 : 0)]
    }

    private static let headerSizes = [(false, false), (true, false), (false, true), (true, true)].map {
        urlsetHeader(images: $0.0, xhtml: $0.1).count
    }

    private mutating func finishFile() throws {
        guard count > 0 else { return }
        // In place (a copy would hold the file twice): the body's reserve usually has room for header and footer.
        body.insert(contentsOf: Self.urlsetHeader(images: usesImages, xhtml: usesXHTML), at: 0)
        body += Self.urlsetFooter
        pending.append((body, newest))
        body = []
        count = 0
        newest = nil
        usesImages = false
        usesXHTML = false
        if pending.count >= batch, finished + pending.count > 1 { try flush() }
    }

    /// Names, compresses (in parallel) and emits the pending files, and lists them in the index.
    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        if finished + pending.count > limits.maxIndexEntries {
            throw LimitError(description: "more than \(limits.maxIndexEntries) sitemaps (\(limits.maxIndexEntries) × \(limits.maxURLs) URLs) "
                             + "would be needed; one index lists at most \(limits.maxIndexEntries)")
        }
        let single = finished == 0 && pending.count == 1 && !gzip
        let first = finished + 1
        let names = pending.indices.map { single ? "sitemap.xml" : "sitemap-\(first + $0).xml" + (gzip ? ".gz" : "") }
        let plain = pending.map(\.bytes)
        let bytes = gzip ? ParallelMap.map(plain.count) { SitemapGzip.compress(plain[$0]) } : plain
        try emit(zip(names, bytes).map { File(name: $0, bytes: $1) })
        if !single {
            for (name, file) in zip(names, pending) {
                index.appendLiteral("<sitemap><loc>")
                Self.appendEscaped(baseURL + name, to: &index)
                index.appendLiteral("</loc>")
                if let modified = file.lastModified {
                    index.appendLiteral("<lastmod>")
                    W3CDatetime.append(modified, to: &index)
                    index.appendLiteral("</lastmod>")
                }
                index.appendLiteral("</sitemap>\n")
            }
        }
        written += names
        finished += pending.count
        // The next file is built in the last one's buffer: fresh 10 MB buffers per file grew the heap.
        body = pending.removeLast().bytes
        body.removeAll(keepingCapacity: true)
        pending = []
    }

    private mutating func finish() throws -> Summary {
        try finishFile()
        let single = finished == 0 && pending.count == 1 && !gzip
        try flush()
        if finished == 0 { return Summary(root: nil, files: [], urls: 0) }
        if single { return Summary(root: "sitemap.xml", files: written, urls: urls) }
        index += Self.indexFooter
        if index.count > limits.maxIndexBytes {
            throw LimitError(description: "the sitemap index would be \(index.count) bytes, over \(limits.maxIndexBytes)")
        }
        try emit([File(name: Self.indexName, bytes: index)])
        written.append(Self.indexName)
        return Summary(root: Self.indexName, files: written, urls: urls)
    }

    // MARK: - Elements

    /// `<url>` with loc, lastmod, then the extensions (the schema puts them after the sitemap children).
    static func appendURL(_ entry: SitemapEntry, to out: inout [UInt8]) {
        out.appendLiteral("<url><loc>")
        appendEscaped(entry.loc, to: &out)
        out.appendLiteral("</loc>")
        if let modified = entry.lastModified {
            out.appendLiteral("<lastmod>")
            W3CDatetime.append(modified, to: &out)
            out.appendLiteral("</lastmod>")
        }
        for image in entry.images {
            out.appendLiteral("<image:image><image:loc>")
            appendEscaped(image, to: &out)
            out.appendLiteral("</image:loc></image:image>")
        }
        for alternate in entry.alternates {
            out.appendLiteral("<xhtml:link rel=\"alternate\" hreflang=\"")
            appendEscaped(alternate.hreflang, to: &out)
            out.appendLiteral("\" href=\"")
            appendEscaped(alternate.href, to: &out)
            out.appendLiteral("\"/>")
        }
        out.appendLiteral("</url>\n")
    }

    /// `appendURL` for entry `index` of a table; `prefix` and `tags` come escaped.
    static func appendURL(_ index: Int, of table: SitemapTable, versions: ArraySlice<(tag: Int32, entry: Int32)>, tags: [[UInt8]],
                          prefix: [UInt8], to out: inout [UInt8]) {
        out.appendLiteral("<url><loc>")
        out += prefix
        table.withSuffix(index) { appendEscaped($0, to: &out) }
        out.appendLiteral("</loc>")
        if let modified = table.lastModified(index) {
            out.appendLiteral("<lastmod>")
            W3CDatetime.append(modified, to: &out)
            out.appendLiteral("</lastmod>")
        }
        table.withImages(index) { image in
            out.appendLiteral("<image:image><image:loc>")
            appendEscaped(image, to: &out)
            out.appendLiteral("</image:loc></image:image>")
        }
        for version in versions {
            out.appendLiteral("<xhtml:link rel=\"alternate\" hreflang=\"")
            out += tags[Int(version.tag)]
            out.appendLiteral("\" href=\"")
            out += prefix
            table.withSuffix(Int(version.entry)) { appendEscaped($0, to: &out) }
            out.appendLiteral("\"/>")
        }
        out.appendLiteral("</url>\n")
    }

    static func urlElement(_ entry: SitemapEntry) -> [UInt8] {
        var out: [UInt8] = []
        appendURL(entry, to: &out)
        return out
    }

    /// XML-escapes `& ' " < >` (sitemaps.org requires all five in data values; quotes matter in attributes too).
    public static func escape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return out
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
    }

    static func appendEscaped(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let entity: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "'"): entity = "&apos;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            default:
                bytes.formIndex(after: &i)
                continue
            }
            out.append(contentsOf: bytes[start..<i])
            out.appendLiteral(entity)
            bytes.formIndex(after: &i)
            start = i
        }
        out.append(contentsOf: bytes[start...])
    }
}

extension [UInt8] {
    /// Appends a literal's bytes without building an intermediate array (the writer's hot path).
    mutating func appendLiteral(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
