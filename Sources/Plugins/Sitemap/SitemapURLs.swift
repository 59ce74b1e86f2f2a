import Foundation
import Generator
import HeraldData
import Markup
import SEOPlugin

/// Which URLs go into the tenant's sitemap.
public enum SitemapURLs {
    /// Why crawled pages were left out, for the notices and tests.
    public struct Exclusions: Sendable, Hashable {
        public var notOK = 0
        public var notHTML = 0
        public var outsideBase = 0
        public var disallowed = 0
        /// noindex for Googlebot (bot-specific directives over generic ones), or canonical to another URL.
        public var notIndexable = 0
        public init() {}
    }

    /// The crawl's indexable pages under `baseURL`, minus those the robots.txt rules disallow. Pages are parsed
    /// through the crawl's memo, so pages the SEO audit already parsed are not parsed again.
    /// `now` is the build's instant, against which `unavailable_after` dates are judged.
    /// `jobs` caps the threads that parse pages (nil: all cores).
    public static func crawled(_ crawl: Crawl, baseURL: String, settings: SitemapSettings, now: Date? = nil, jobs: Int? = nil)
        -> (entries: [SitemapEntry], excluded: Exclusions)
    {
        crawled(crawl.pages, baseURL: baseURL, settings: settings, memo: crawl, now: now, jobs: jobs)
    }

    public static func crawled(_ pages: [CrawledPage], baseURL: String, settings: SitemapSettings, memo: Crawl? = nil,
                               now: Date? = nil, jobs: Int? = nil)
        -> (entries: [SitemapEntry], excluded: Exclusions)
    {
        var excluded = Exclusions()
        let base = WebURL(baseURL).normalized.description
        var candidates: [(page: CrawledPage, loc: String)] = []
        for page in pages {
            guard page.status == 200 else { excluded.notOK += 1; continue }
            guard page.isHTML else { excluded.notHTML += 1; continue }
            let url = WebURL(page.url).normalized
            let loc = url.description
            guard url.isHTTP, loc.hasPrefix(base) else { excluded.outsideBase += 1; continue }
            let path = url.path + (url.query.map { "?" + $0 } ?? "")
            if settings.disallow.contains(where: { RobotsTxt.matches($0, path: path) }) { excluded.disallowed += 1; continue }
            candidates.append((page, loc))
        }
        let pagesToParse = candidates.map(\.page)
        let indexable = ParallelMap.map(pagesToParse.count, width: jobs) { index in
            let page = pagesToParse[index]
            return Indexability.isIndexable(page, facts: PageAnalysis.of(page, in: memo).facts, now: now)
        }
        var entries: [SitemapEntry] = []
        for (candidate, ok) in zip(candidates, indexable) {
            guard ok else { excluded.notIndexable += 1; continue }
            var lastModified = candidate.page.header("last-modified").flatMap(HTTPDate.parse)
            if lastModified == nil, settings.lastmodFromFetchTime { lastModified = candidate.page.fetchedAt }
            entries.append(SitemapEntry(loc: percentEncoded(candidate.loc), lastModified: lastModified))
        }
        return (entries, excluded)
    }

    /// Pages Herald generated (`PublishedPage.path` is relative to the base URL). Paths that resolve outside the
    /// base URL are returned separately: they cannot be listed in this sitemap.
    public static func published(_ reports: [PluginReport], baseURL: String) -> (entries: [SitemapEntry], outside: [String]) {
        let base = WebURL(baseURL).normalized
        let prefix = base.description
        var entries: [SitemapEntry] = []
        var outside: [String] = []
        for report in reports {
            for page in report.pages {
                var path = page.path
                while path.hasPrefix("/") { path.removeFirst() }
                let url = WebURL(percentEncoded(path)).resolved(against: base).normalized
                let loc = url.description
                if url.isHTTP, loc.hasPrefix(prefix) {
                    entries.append(SitemapEntry(loc: loc, lastModified: page.lastModified))
                } else {
                    outside.append("\(report.pluginID): \(page.path)")
                }
            }
        }
        return (entries, outside.sorted())
    }

    /// Sorted by URL, one entry per URL; when a URL comes twice the newest lastmod wins.
    public static func merged(_ entries: [SitemapEntry]) -> [SitemapEntry] {
        var out: [SitemapEntry] = []
        for entry in entries.sorted(by: { $0 < $1 }) {
            if let last = out.last, last.loc == entry.loc {
                if let modified = entry.lastModified, last.lastModified.map({ modified > $0 }) ?? true {
                    out[out.count - 1].lastModified = modified
                }
            } else {
                out.append(entry)
            }
        }
        return out
    }

    /// Percent-encodes what may not appear in a URI (spaces, non-ASCII, `"<>\^`{|}`, stray `%`), keeping the
    /// URL's structure (`/ ? # & =` …) and existing `%XX` escapes.
    public static func percentEncoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let hex = Array("0123456789ABCDEF".utf8)
        func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let allowed: Bool
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                allowed = true
            case UInt8(ascii: "%"):
                allowed = i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
            default:
                allowed = Array("-._~:/?#[]@!$&'()*+,;=".utf8).contains(b)
            }
            if allowed {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
