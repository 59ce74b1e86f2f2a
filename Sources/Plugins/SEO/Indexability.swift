import Foundation
import HeraldData

/// Whether search engines may index a crawled page, by the rules the sitemap and the audit share.
public enum Indexability {
    /// A `noindex` (or `none`) directive from meta robots or a generic `X-Robots-Tag`, with where it was found.
    public struct Directive: Sendable, Hashable {
        /// `<meta name="robots" …>` or `X-Robots-Tag: …`.
        public var evidence: String
        public var line: Int?
    }

    /// True when a robots directive list (`noindex, nofollow`) forbids indexing.
    public static func forbidsIndexing(_ content: String) -> Bool {
        for token in content.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
            let lower = token.lowercased()
            if lower == "noindex" || lower == "none" { return true }
        }
        return false
    }

    /// The noindex directives of a page: generic meta robots tags, and `X-Robots-Tag` headers with no bot name
    /// (`X-Robots-Tag: googlebot: noindex` addresses one crawler only and is left to the crawler-grade audit).
    public static func noindexDirectives(_ facts: PageFacts, page: CrawledPage) -> [Directive] {
        var found: [Directive] = []
        for meta in facts.robots where forbidsIndexing(meta.value ?? "") {
            found.append(Directive(evidence: meta.tag, line: meta.line))
        }
        for header in page.headers where header.name == "x-robots-tag" {
            if let directives = genericDirectives(header.value), forbidsIndexing(directives) {
                found.append(Directive(evidence: "X-Robots-Tag: " + header.value, line: nil))
            }
        }
        return found
    }

    /// The directive part of an `X-Robots-Tag` value when it applies to every crawler, nil when it names a bot.
    static func genericDirectives(_ value: String) -> String? {
        guard let colon = value.firstIndex(of: ":") else { return value }
        let prefix = value[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        // `unavailable_after: <date>` is a directive, not a bot name.
        let known = ["all", "noindex", "nofollow", "none", "noarchive", "nosnippet", "notranslate", "noimageindex",
                     "unavailable_after", "max-snippet", "max-image-preview", "max-video-preview", "indexifembedded"]
        if prefix.contains(",") || known.contains(prefix) { return value }
        return nil
    }

    /// The page's canonical target, resolved against the page URL; nil when the page declares none.
    /// When several canonicals are declared, the first one is taken.
    public static func canonical(_ facts: PageFacts, pageURL: WebURL) -> WebURL? {
        guard let href = facts.canonicals.first?.value else { return nil }
        return WebURL(href).resolved(against: pageURL).normalized
    }

    /// Indexable = HTML, status 200, Googlebot not kept out by a directive, and a canonical that is absent or points at
    /// the page itself. Googlebot's directives are those addressed to it (`<meta name="googlebot">`,
    /// `X-Robots-Tag: googlebot: …`) when there are any, else the generic ones, as `Crawlability` reads them: `noindex`,
    /// `none`, or an `unavailable_after` date before `now` (nil: not judged). This is the check behind Search
    /// Console's "Submitted URL marked noindex".
    public static func isIndexable(_ page: CrawledPage, facts: PageFacts, now: Date? = nil) -> Bool {
        guard page.status == 200, page.isHTML else { return false }
        let sources = Crawlability.sources(facts, headers: page.headers)
        if !sources.isEmpty {
            let verdict = Crawlability.verdict(sources, url: page.url, now: now, robots: nil, agents: ["googlebot"])
            if !verdict.blockedAgents.isEmpty { return false }
        }
        let url = WebURL(page.url).normalized
        if let canonical = canonical(facts, pageURL: url), canonical != url { return false }
        return true
    }
}
