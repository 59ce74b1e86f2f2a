import Generator
import HeraldData

/// `plugins.sitemap` settings. Every key is optional; unknown keys are errors with their location.
public struct SitemapSettings: Decodable, Sendable, Equatable {
    /// Paths written as `Disallow:` lines in robots.txt for every user agent (`/private/`, `/*.pdf$`).
    /// URLs they match are also left out of the sitemap, which must not list what robots.txt forbids.
    public var disallow: [String] = []
    /// List the indexable pages of the crawl (not only the pages Herald generated).
    public var includeCrawl = true
    /// Without a `Last-Modified` header, use the time the page was fetched as its lastmod.
    public var lastmodFromFetchTime = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case disallow, includeCrawl, lastmodFromFetchTime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        disallow = try c.decodeIfPresent([String].self, forKey: .disallow) ?? disallow
        includeCrawl = try c.decodeIfPresent(Bool.self, forKey: .includeCrawl) ?? includeCrawl
        lastmodFromFetchTime = try c.decodeIfPresent(Bool.self, forKey: .lastmodFromFetchTime) ?? lastmodFromFetchTime
    }

    /// Decodes and checks that every disallow rule is a valid robots.txt path pattern.
    public static func load(_ settings: PluginSettings) throws -> SitemapSettings {
        let decoded = try settings.decode(SitemapSettings.self)
        for (index, rule) in decoded.disallow.enumerated() {
            var problem: String?
            if rule.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                problem = "contains a control character or line break"
            } else if !(rule.hasPrefix("/") || rule.hasPrefix("*")) {
                problem = "must start with '/' or '*' (a path from the root of the host)"
            } else if let dollar = rule.firstIndex(of: "$"), rule.index(after: dollar) != rule.endIndex {
                problem = "may use '$' only at the end"
            }
            if let problem {
                throw Diagnostic("disallow rule '\(rule)' \(problem)", at: settings.location(of: "disallow", index: index))
            }
        }
        return decoded
    }
}
