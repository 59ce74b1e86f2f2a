import HeraldData

/// One `<url>` of a sitemap.
public struct SitemapEntry: Sendable, Hashable, Comparable {
    /// Absolute, percent-encoded URL (not yet XML-escaped).
    public var loc: String
    public var lastModified: Timestamp?
    /// Absolute, percent-encoded image URLs of the page (`image:image`), in page order, without repeats.
    public var images: [String]
    /// The page's language versions, itself included (`xhtml:link rel="alternate"`), sorted by hreflang then URL.
    /// Filled by `SitemapAlternates`, which keeps the sets symmetric.
    public var alternates: [SitemapAlternate]

    public init(loc: String, lastModified: Timestamp? = nil, images: [String] = [], alternates: [SitemapAlternate] = []) {
        self.loc = loc
        self.lastModified = lastModified
        self.images = images
        self.alternates = alternates
    }

    /// Byte order of the locs. They are percent-encoded ASCII, for which String's `<` is byte order and takes its
    /// memcmp fast path (a byte-by-byte UTF8View comparison made sorting a million URLs the slowest step).
    public static func < (a: SitemapEntry, b: SitemapEntry) -> Bool { a.loc < b.loc }
}

/// One language version of a page: a BCP 47 tag (or `x-default`) and the version's absolute, percent-encoded URL.
public struct SitemapAlternate: Sendable, Hashable, Comparable {
    public var hreflang: String
    public var href: String

    public init(hreflang: String, href: String) {
        self.hreflang = hreflang
        self.href = href
    }

    public static func < (a: SitemapAlternate, b: SitemapAlternate) -> Bool {
        (a.hreflang, a.href) < (b.hreflang, b.href)
    }
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
