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
        /// Matched by a `disallow` rule (robots.txt forbids them).
        public var disallowed = 0
        /// Matched by an `exclude` rule.
        public var excludedByRule = 0
        /// noindex for Googlebot (bot-specific directives over generic ones), or canonical to another URL.
        public var notIndexable = 0
        public init() {}
    }

    /// The URLs found, and the language versions their pages declare (resolved by `SitemapAlternates`).
    public struct Found: Sendable {
        public var entries: [SitemapEntry] = []
        public var declarations: [HreflangDeclaration] = []
        public var excluded = Exclusions()
    }

    /// The crawl's indexable pages under `baseURL`, minus those the disallow and exclude rules match, with their
    /// images and hreflang links. Pages are parsed through the crawl's memo, so pages the SEO audit already parsed
    /// are not parsed again. `now` is the build's instant, against which `unavailable_after` dates are judged; `jobs`
    /// caps the threads that parse pages (nil: all cores).
    public static func crawled(_ crawl: Crawl, baseURL: String, settings: SitemapSettings, now: Date? = nil,
                               jobs: Int? = nil) -> Found {
        crawled(crawl.pages, baseURL: baseURL, settings: settings, memo: crawl, now: now, jobs: jobs)
    }

    public static func crawled(_ pages: [CrawledPage], baseURL: String, settings: SitemapSettings, memo: Crawl? = nil,
                               now: Date? = nil, jobs: Int? = nil) -> Found {
        var found = Found()
        let base = WebURL(baseURL).normalized.description
        var candidates: [(page: CrawledPage, url: WebURL)] = []
        for page in pages {
            guard page.status == 200 else { found.excluded.notOK += 1; continue }
            guard page.isHTML else { found.excluded.notHTML += 1; continue }
            let url = WebURL(page.url).normalized
            guard url.isHTTP, url.description.hasPrefix(base) else { found.excluded.outsideBase += 1; continue }
            let path = url.path + (url.query.map { "?" + $0 } ?? "")
            if settings.disallow.contains(where: { RobotsTxt.matches($0, path: path) }) { found.excluded.disallowed += 1; continue }
            if settings.exclude.contains(where: { RobotsTxt.matches($0, path: path) }) { found.excluded.excludedByRule += 1; continue }
            candidates.append((page, url))
        }
        let toAnalyse = candidates
        let analysed = ParallelMap.map(toAnalyse.count, width: jobs) { index -> (indexable: Bool, images: [String], hreflang: [(String, String)]) in
            let (page, url) = toAnalyse[index]
            let facts = PageAnalysis.of(page, in: memo).facts
            guard Indexability.isIndexable(page, facts: facts, now: now) else { return (false, [], []) }
            let linkBase = facts.linkBase(pageURL: url)
            let images = settings.images ? facts.images.compactMap { image in
                image.attributes.first { $0.name == "src" }.flatMap { absolute($0.value, against: linkBase) }
            } : []
            let hreflang: [(String, String)] = settings.hreflang ? facts.hreflangLinks.compactMap { link in
                guard let code = link.attributes.first(where: { $0.name == "hreflang" })?.value,
                      let href = link.value.flatMap({ absolute($0, against: linkBase) }) else { return nil }
                return (code, href)
            } : []
            return (true, unique(images), hreflang)
        }
        for (candidate, result) in zip(candidates, analysed) {
            guard result.indexable else { found.excluded.notIndexable += 1; continue }
            var lastModified = candidate.page.header("last-modified").flatMap(HTTPDate.parse)
            if lastModified == nil, settings.lastmodFromFetchTime { lastModified = candidate.page.fetchedAt }
            let loc = percentEncoded(candidate.url.description)
            found.entries.append(SitemapEntry(loc: loc, lastModified: lastModified, images: result.images))
            for (code, href) in result.hreflang {
                found.declarations.append(HreflangDeclaration(page: loc, hreflang: code, href: href))
            }
        }
        return found
    }

    /// Google reads at most 1,000 images per URL.
    static let maxImages = 1000

    /// An http(s) URL resolved against `base`, normalised and percent-encoded; nil for other schemes (`data:`…).
    static func absolute(_ reference: String, against base: WebURL) -> String? {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        let url = WebURL(percentEncoded(trimmed)).resolved(against: base).normalized
        guard url.isHTTP, url.authority.map({ !$0.isEmpty }) ?? false else { return nil }
        return url.description
    }

    /// `reference` resolved against `base` (a normalised absolute URL without query) by joining strings, when that is
    /// what parsing would give: a path of unreserved characters and `/` only, without `.`/`..` segments or a leading
    /// `//`. Nil otherwise, and the caller parses. Content plugins publish a million such paths; parsing each costs
    /// more than the rest of the sitemap.
    static func plainJoin(_ reference: String, base: String, origin: String) -> String? {
        var reference = reference
        let plain = reference.withUTF8 { bytes -> Bool in
            guard !bytes.isEmpty, !(bytes.count >= 2 && bytes[0] == 0x2F && bytes[1] == 0x2F) else { return false }
            var segmentStart = 0
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0x2F
                if b == 0x2F {
                    let length = i - segmentStart
                    if (length == 1 && bytes[segmentStart] == 0x2E) || (length == 2 && bytes[segmentStart] == 0x2E && bytes[segmentStart + 1] == 0x2E) {
                        return false
                    }
                    segmentStart = i + 1
                    continue
                }
                let unreserved = (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
                if !unreserved { return false }
            }
            return true
        }
        guard plain, !origin.isEmpty, base.hasPrefix(origin), !base.utf8.contains(0x3F) else { return nil }
        if reference.utf8.first == 0x2F { return origin + reference }
        guard let slash = base.utf8.lastIndex(of: 0x2F) else { return nil }
        return String(base[...slash]) + reference
    }

    /// First occurrences only, in order, at most `maxImages`.
    static func unique(_ urls: [String]) -> [String] {
        var seen = Set<String>()
        return Array(urls.filter { seen.insert($0).inserted }.prefix(maxImages))
    }

    /// Pages Herald generated (`PublishedPage.path` is relative to the base URL), appended to `table` in report and
    /// page order. Paths that resolve outside the base URL are returned separately: they cannot be listed in this
    /// sitemap. Pages with a translation key declare each other (and themselves) as language versions, in `language`
    /// or else `defaultLanguage` (the tenant's locale): the links are between table indices.
    public static func published(_ reports: [PluginReport], into table: inout SitemapTable, baseURL: String,
                          settings: SitemapSettings = SitemapSettings(),
                          defaultLanguage: String? = nil) -> (links: [SitemapAlternates.Link], outside: [String]) {
        let base = WebURL(baseURL).normalized
        let prefix = base.description
        let origin = base.origin ?? ""
        var outside: [String] = []
        // Where each translated page is (report, page) and its table index: 12 bytes, not two strings, per page.
        var translations: [(report: Int32, page: Int32, index: Int32)] = []
        table.reserveCapacity(table.count + reports.reduce(0) { $0 + $1.pages.count })
        for (reportIndex, report) in reports.enumerated() {
            for (pageIndex, page) in report.pages.enumerated() {
                let path = page.path.utf8.first == 0x2F ? String(page.path.drop { $0 == "/" }) : page.path
                let loc: String
                if let plain = plainJoin(path, base: prefix, origin: origin) {
                    loc = plain
                } else {
                    let url = WebURL(percentEncoded(path)).resolved(against: base).normalized
                    loc = url.description
                    guard url.isHTTP, loc.hasPrefix(prefix) else {
                        outside.append("\(report.pluginID): \(page.path)")
                        continue
                    }
                }
                if (!settings.disallow.isEmpty || !settings.exclude.isEmpty), settings.leavesOut(path: String(loc.dropFirst(origin.count))) {
                    continue
                }
                let images = settings.images && !page.images.isEmpty
                    ? unique(page.images.compactMap { plainJoin($0, base: loc, origin: origin) ?? absolute($0, against: WebURL(loc)) }) : []
                if settings.hreflang, page.translationKey != nil, page.language ?? defaultLanguage != nil {
                    translations.append((Int32(reportIndex), Int32(pageIndex), Int32(table.count)))
                }
                table.append(loc: loc, lastModified: page.lastModified, images: images)
            }
        }
        // The first version names every version (itself included): that links the group and gives each its language,
        // which is all `SitemapAlternates` needs; n links per group instead of n². Stable, so "first" is page order.
        func page(_ k: Int) -> PublishedPage { reports[Int(translations[k].report)].pages[Int(translations[k].page)] }
        func key(_ k: Int) -> String { page(k).translationKey ?? "" }
        let order = translations.indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }
        var links: [SitemapAlternates.Link] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, key(order[end]) == key(order[start]) { end += 1 }
            if end - start > 1 {
                let first = translations[order[start]].index
                for version in order[start..<end] {
                    let language = page(version).language ?? defaultLanguage ?? ""
                    links.append(SitemapAlternates.Link(from: first, to: translations[version].index, hreflang: language))
                }
            }
            start = end
        }
        return (links, outside.sorted())
    }

    /// Sorted by URL, one entry per URL; when a URL comes twice the newest lastmod wins and the images are joined.
    public static func merged(_ entries: [SitemapEntry]) -> [SitemapEntry] {
        var out = entries
        merge(&out)
        return out
    }

    /// `merged` in place: a million entries are not copied.
    public static func merge(_ entries: inout [SitemapEntry]) {
        if !isSorted(entries) { entries.sort() }
        var kept = 0
        for index in entries.indices {
            if kept > 0, entries[kept - 1].loc == entries[index].loc {
                let entry = entries[index]
                if let modified = entry.lastModified, entries[kept - 1].lastModified.map({ modified > $0 }) ?? true {
                    entries[kept - 1].lastModified = modified
                }
                if !entry.images.isEmpty { entries[kept - 1].images = unique(entries[kept - 1].images + entry.images) }
            } else {
                if kept != index { entries.swapAt(kept, index) }
                kept += 1
            }
        }
        entries.removeSubrange(kept...)
    }

    /// Content plugins usually publish in path order: checking is cheaper than sorting a million URLs again.
    static func isSorted(_ entries: [SitemapEntry]) -> Bool {
        var previous: SitemapEntry?
        for entry in entries {
            if let previous, entry < previous { return false }
            previous = entry
        }
        return true
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
