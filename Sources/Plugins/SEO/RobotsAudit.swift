import HeraldData

/// The robots-txt-blocked rule: audited pages that the crawl's own robots.txt disallows.
enum RobotsAudit {
    /// The 2xx `/robots.txt` on the base URL's origin, parsed, with that origin. `keys` are the crawled URLs normalised.
    static func matcher(crawl: [CrawledPage], keys: [String], baseURL: String) -> (origin: String, matcher: RobotsMatcher)? {
        guard let origin = WebURL(baseURL).normalized.origin else { return nil }
        let robotsKey = origin + "/robots.txt"
        guard let found = crawl.indices.first(where: { (200..<300).contains(crawl[$0].status) && keys[$0] == robotsKey }) else { return nil }
        return (origin, RobotsMatcher(RobotsFile(bytes: crawl[found].body)))
    }

    /// Findings for the `urls` on the origin of `robots` (the crawl's robots.txt for the base URL, see `matcher`) that
    /// it disallows for `agent`. No robots.txt in the crawl, or one answered with an error, gives no findings.
    static func findings(_ urls: [String], robots: (origin: String, matcher: RobotsMatcher)?, agent: String) -> [SEOFinding] {
        guard let (origin, matcher) = robots else { return [] }
        return urls.compactMap { url in
            guard WebURL(url).normalized.origin == origin, let rule = matcher.decision(agent: agent, url: url).rule,
                  rule.kind == .disallow else { return nil }
            return SEOFinding(rule: .robotsTxtBlocked, url: url, line: nil, evidence: rule.text,
                              message: "robots.txt line \(rule.line) disallows this page for \(agent)")
        }
    }
}
