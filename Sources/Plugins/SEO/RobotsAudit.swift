import HeraldData

/// The robots-txt-blocked rule: audited pages that the crawl's own robots.txt disallows.
enum RobotsAudit {
    /// Findings for the `urls` on the base URL's origin that `/robots.txt` of that origin (a 2xx response in the crawl)
    /// disallows for `agent`. No robots.txt in the crawl, or one answered with an error, gives no findings.
    /// The 2xx `/robots.txt` on the base URL's origin, parsed, with that origin.
    static func matcher(crawl: [CrawledPage], baseURL: String) -> (origin: String, matcher: RobotsMatcher)? {
        guard let origin = WebURL(baseURL).normalized.origin,
              let robots = crawl.first(where: { (200..<300).contains($0.status) && WebURL($0.url).normalized.description == origin + "/robots.txt" })
        else { return nil }
        return (origin, RobotsMatcher(RobotsFile(bytes: robots.body)))
    }

    static func findings(_ urls: [String], crawl: [CrawledPage], baseURL: String, agent: String) -> [SEOFinding] {
        guard let origin = WebURL(baseURL).normalized.origin,
              let robots = crawl.first(where: { (200..<300).contains($0.status) && WebURL($0.url).normalized.description == origin + "/robots.txt" })
        else { return [] }
        let matcher = RobotsMatcher(RobotsFile(bytes: robots.body))
        return urls.compactMap { url in
            guard WebURL(url).normalized.origin == origin, let rule = matcher.decision(agent: agent, url: url).rule,
                  rule.kind == .disallow else { return nil }
            return SEOFinding(rule: .robotsTxtBlocked, url: url, line: nil, evidence: rule.text,
                              message: "robots.txt line \(rule.line) disallows this page for \(agent)")
        }
    }
}
