import SEOPlugin

/// The tenant's robots.txt, and the matcher that keeps disallowed URLs out of the sitemap.
public enum RobotsTxt {
    /// `User-agent: *` with the disallow rules (an empty `Disallow:` allows everything), then the sitemap lines.
    public static func render(disallow: [String], sitemaps: [String]) -> String {
        var out = "User-agent: *\n"
        if disallow.isEmpty {
            out += "Disallow:\n"
        } else {
            for rule in disallow { out += "Disallow: \(rule)\n" }
        }
        if !sitemaps.isEmpty {
            out += "\n"
            for sitemap in sitemaps { out += "Sitemap: \(sitemap)\n" }
        }
        return out
    }

    /// RFC 9309 path matching (`RobotsPattern.matches` of the SEO plugin): `*` matches any run of characters, a final
    /// `$` anchors the end; otherwise a prefix match. `path` is the URL's path plus `?query`, percent-encoded as in the URL.
    public static func matches(_ pattern: String, path: String) -> Bool {
        RobotsPattern.matches(Array(pattern.utf8), path: Array(path.utf8))
    }
}
