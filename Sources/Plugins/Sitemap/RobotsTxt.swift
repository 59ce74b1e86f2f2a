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

    /// RFC 9309 path matching: `*` matches any run of characters, a final `$` anchors the end; otherwise a prefix match.
    /// `path` is the URL's path plus `?query`, percent-encoded as in the URL.
    public static func matches(_ pattern: String, path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let text = Array(path.utf8)
        // Greedy wildcard matching with backtracking to the last star (linear in practice).
        var p = 0, t = 0
        var star = -1, starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p == pattern.count, !anchored {
                return true
            } else if star >= 0 {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
