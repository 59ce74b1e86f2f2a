import Generator
import HeraldData

/// `plugins.sitemap` settings. Every key is optional; unknown keys are errors with their location.
public struct SitemapSettings: Decodable, Sendable, Equatable {
    /// Paths written as `Disallow:` lines in robots.txt for every user agent (`/private/`, `/*.pdf$`).
    /// URLs they match are also left out of the sitemap, which must not list what robots.txt forbids.
    public var disallow: [String] = []
    /// robots.txt-style patterns (`/drafts/*`, `*.pdf$`) of URLs left out of the sitemap but not disallowed.
    public var exclude: [String] = []
    /// List the indexable pages of the crawl (not only the pages Herald generated).
    public var includeCrawl = true
    /// Without a `Last-Modified` header, use the time the page was fetched as its lastmod.
    public var lastmodFromFetchTime = true
    /// Write `sitemap-N.xml.gz` files (always with an index) instead of plain XML.
    public var gzip = false
    /// List each page's images (`image:image`).
    public var images = true
    /// List each page's language versions (`xhtml:link rel="alternate" hreflang`).
    public var hreflang = true

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case disallow, exclude, includeCrawl, lastmodFromFetchTime, gzip, images, hreflang
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        disallow = try c.decodeIfPresent([String].self, forKey: .disallow) ?? disallow
        exclude = try c.decodeIfPresent([String].self, forKey: .exclude) ?? exclude
        includeCrawl = try c.decodeIfPresent(Bool.self, forKey: .includeCrawl) ?? includeCrawl
        lastmodFromFetchTime = try c.decodeIfPresent(Bool.self, forKey: .lastmodFromFetchTime) ?? lastmodFromFetchTime
        gzip = try c.decodeIfPresent(Bool.self, forKey: .gzip) ?? gzip
        images = try c.decodeIfPresent(Bool.self, forKey: .images) ?? images
        hreflang = try c.decodeIfPresent(Bool.self, forKey: .hreflang) ?? hreflang
    }

    /// Decodes and checks that every disallow and exclude rule is a valid robots.txt path pattern (all bad rules
    /// reported together).
    public static func load(_ settings: PluginSettings) throws -> SitemapSettings {
        let decoded = try settings.decode(SitemapSettings.self)
        let problems = ruleProblems(settings)
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return decoded
    }

    /// Every disallow and exclude rule that is not a valid path pattern, read from the settings as written: found
    /// even when another setting does not decode (`gzip: yes please` hid them).
    static func ruleProblems(_ settings: PluginSettings) -> [Diagnostic] {
        guard case let .map(pairs) = settings.node.value else { return [] }
        var problems: [Diagnostic] = []
        for key in ["disallow", "exclude"] {
            guard let node = pairs.first(where: { $0.key == key })?.value, case let .array(items) = node.value else { continue }
            for (index, item) in items.enumerated() {
                guard case let .string(rule) = item.value, let problem = patternProblem(rule) else { continue }
                problems.append(Diagnostic("\(key) rule '\(rule)' \(problem)", at: settings.location(of: key, index: index)))
            }
        }
        return problems
    }

    static func patternProblem(_ rule: String) -> String? {
        if rule.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "contains a control character or line break"
        } else if !(rule.hasPrefix("/") || rule.hasPrefix("*")) {
            return "must start with '/' or '*' (a path from the root of the host)"
        } else if let dollar = rule.firstIndex(of: "$"), rule.index(after: dollar) != rule.endIndex {
            return "may use '$' only at the end"
        }
        return nil
    }

    /// True when a disallow or exclude rule matches `path` (the URL's path plus `?query`).
    func leavesOut(path: String) -> Bool {
        disallow.contains { RobotsTxt.matches($0, path: path) } || exclude.contains { RobotsTxt.matches($0, path: path) }
    }
}
