/// hreflang-missing: a page the crawl holds in several languages — the same URL but for one folder that is a language
/// tag (`/browse/en-US/apt.html`, `/browse/fr-FR/apt.html`) — that declares no hreflang alternates, so search
/// engines cannot tell the versions are translations of each other and may show the wrong one.
enum LanguageVersions {
    /// The language versions of each page that has some: URL → the other versions' language folders, sorted.
    static func versions(_ urls: [String]) -> [String: [String]] {
        // Key: the URL with one language folder blanked (and its position); value: (language, URL).
        var groups: [String: [(language: String, url: String)]] = [:]
        // The same few folders (`browse`, `en-US`…) recur in every URL: each is judged once.
        var folders: [Substring: Bool] = [:]
        for url in urls {
            let parsed = WebURL(url)
            let segments = pathSegments(parsed.path)
            for (index, segment) in segments.enumerated().dropLast() {
                let isLanguage: Bool
                if let known = folders[segment] {
                    isLanguage = known
                } else {
                    isLanguage = isLanguageFolder(segment)
                    folders[segment] = isLanguage
                }
                guard isLanguage else { continue }
                var blanked = segments
                blanked[index] = "\u{0}"
                let key = (parsed.authority ?? "") + blanked.joined(separator: "/") + (parsed.query.map { "?" + $0 } ?? "")
                groups[key, default: []].append((String(segment), url))
            }
        }
        var out: [String: [String]] = [:]
        for members in groups.values {
            // The group's languages, distinct and sorted once; each member gets them but its own.
            let languages = Array(Set(members.map(\.language))).sorted()
            guard languages.count > 1 else { continue }
            for member in members {
                let others = languages.filter { $0 != member.language }
                if let earlier = out[member.url] {
                    out[member.url] = Array(Set(earlier + others)).sorted()
                } else {
                    out[member.url] = others
                }
            }
        }
        return out
    }

    /// `path.split(separator: "/", omittingEmptySubsequences: false)`, on bytes when the path is ASCII (where bytes
    /// and characters are one; a "/" followed by a combining mark is no separator as a character).
    static func pathSegments(_ path: String) -> [Substring] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/", omittingEmptySubsequences: false) }
        return path.utf8.split(separator: 0x2F, omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// A folder name that is a language tag: a two- or three-letter ISO 639 language, optionally with a script or
    /// region (`de`, `pt-BR`, `zh_TW`, `sr-Latn`).
    static func isLanguageFolder(_ segment: Substring) -> Bool {
        let parts = segment.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" })
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].utf8.count),
              parts.allSatisfy({ $0.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }) else { return false }
        if parts.count == 2, !(2...4).contains(parts[1].utf8.count) { return false }
        return LanguageTag.problem(parts.joined(separator: "-")) == nil
    }

    static func findings(_ pages: [SiteAudit.Page]) -> [SEOFinding] {
        let versions = versions(pages.map(\.url))
        guard !versions.isEmpty else { return [] }
        var out: [SEOFinding] = []
        for page in pages {
            guard let others = versions[page.url], HreflangAudit.entries(page.facts, headers: page.headers).isEmpty else { continue }
            let head = page.facts.headTag ?? page.facts.htmlTag
            let listed = others.prefix(5).joined(separator: ", ") + (others.count > 5 ? " and \(others.count - 5) more" : "")
            out.append(SEOFinding(rule: .hreflangMissing, url: page.url, line: head.line, evidence: head.tag,
                                  message: "\(others.count) other language version\(others.count == 1 ? "" : "s") in the crawl (\(listed)) and no hreflang annotations"))
        }
        return out
    }
}
