import HeraldData

/// One `<url>` of a sitemap.
public struct SitemapEntry: Sendable, Hashable, Comparable {
    /// Absolute, percent-encoded URL (not yet XML-escaped).
    public var loc: String
    public var lastModified: Timestamp?

    public init(loc: String, lastModified: Timestamp? = nil) {
        self.loc = loc
        self.lastModified = lastModified
    }

    public static func < (a: SitemapEntry, b: SitemapEntry) -> Bool { a.loc.utf8.lexicographicallyPrecedes(b.loc.utf8) }
}

/// The sitemaps protocol's size limits, injectable so tests can split small sets.
public struct SitemapLimits: Sendable, Hashable {
    /// URLs per sitemap file.
    public var maxURLs: Int
    /// Bytes per sitemap file, uncompressed.
    public var maxBytes: Int
    /// Sitemaps one index may list.
    public var maxIndexEntries: Int
    /// Bytes of the index file, uncompressed.
    public var maxIndexBytes: Int

    public init(maxURLs: Int, maxBytes: Int, maxIndexEntries: Int = 50_000, maxIndexBytes: Int = 52_428_800) {
        self.maxURLs = maxURLs
        self.maxBytes = maxBytes
        self.maxIndexEntries = maxIndexEntries
        self.maxIndexBytes = maxIndexBytes
    }

    /// sitemaps.org: 50,000 URLs and 50 MB (52,428,800 bytes).
    public static let standard = SitemapLimits(maxURLs: 50_000, maxBytes: 52_428_800)
}

/// Writes sitemap files: XML-escaped, one `<url>` per line, split by the limits.
public enum SitemapWriter {
    public struct File: Sendable, Hashable {
        /// File name relative to the site root, e.g. `sitemap.xml`, `sitemap-2.xml`.
        public var name: String
        public var bytes: [UInt8]
    }

    public struct LimitError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    static let urlsetHeader = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """.utf8)
    static let urlsetFooter = Array("</urlset>\n".utf8)
    static let indexHeader = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

        """.utf8)
    static let indexFooter = Array("</sitemapindex>\n".utf8)

    /// The sitemap files for `entries` (sorted and unique): `sitemap.xml` when they fit in one file, else
    /// `sitemap-1.xml`… plus `sitemap_index.xml` listing them under `baseURL`. Returns the files and the name of
    /// the one robots.txt should point at. No entries → no files.
    public static func files(_ entries: [SitemapEntry], baseURL: String, limits: SitemapLimits = .standard)
        throws(LimitError) -> (files: [File], root: String?)
    {
        if entries.isEmpty { return ([], nil) }
        var chunks: [(bytes: [UInt8], lastModified: Timestamp?)] = []
        var current = urlsetHeader
        var count = 0
        var newest: Timestamp?
        for entry in entries {
            let element = urlElement(entry)
            if urlsetHeader.count + element.count + urlsetFooter.count > limits.maxBytes {
                throw LimitError(description: "the sitemap entry for \(entry.loc) alone is larger than \(limits.maxBytes) bytes")
            }
            if count == limits.maxURLs || current.count + element.count + urlsetFooter.count > limits.maxBytes {
                chunks.append((current + urlsetFooter, newest))
                current = urlsetHeader
                count = 0
                newest = nil
            }
            current += element
            count += 1
            if let modified = entry.lastModified, newest.map({ modified > $0 }) ?? true { newest = modified }
        }
        chunks.append((current + urlsetFooter, newest))

        if chunks.count == 1 { return ([File(name: "sitemap.xml", bytes: chunks[0].bytes)], "sitemap.xml") }
        if chunks.count > limits.maxIndexEntries {
            throw LimitError(description: "\(entries.count) URLs need \(chunks.count) sitemaps, more than one index may list (\(limits.maxIndexEntries))")
        }
        var files: [File] = []
        var index = indexHeader
        for (number, chunk) in chunks.enumerated() {
            let name = "sitemap-\(number + 1).xml"
            files.append(File(name: name, bytes: chunk.bytes))
            index += Array("<sitemap><loc>".utf8) + escape(baseURL + name) + Array("</loc>".utf8)
            if let modified = chunk.lastModified { index += Array("<lastmod>\(modified.description)</lastmod>".utf8) }
            index += Array("</sitemap>\n".utf8)
        }
        index += indexFooter
        if index.count > limits.maxIndexBytes {
            throw LimitError(description: "the sitemap index would be \(index.count) bytes, over \(limits.maxIndexBytes)")
        }
        files.append(File(name: "sitemap_index.xml", bytes: index))
        return (files, "sitemap_index.xml")
    }

    static func urlElement(_ entry: SitemapEntry) -> [UInt8] {
        var out = Array("<url><loc>".utf8)
        out += escape(entry.loc)
        out += Array("</loc>".utf8)
        if let modified = entry.lastModified {
            out += Array("<lastmod>\(modified.description)</lastmod>".utf8)
        }
        out += Array("</url>\n".utf8)
        return out
    }

    /// XML-escapes `& ' " < >` (sitemaps.org requires all five in data values).
    public static func escape(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "'"): out += Array("&apos;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }
}
