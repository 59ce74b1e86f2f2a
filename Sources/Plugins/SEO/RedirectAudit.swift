import HeraldData

/// Redirects in the crawl (3xx responses with a `Location`, as WARC crawls keep them): chains, loops, and canonicals
/// that point at a redirecting or non-indexable URL. Links to redirecting URLs are checked with the other links.
public enum RedirectAudit {
    public struct Hop: Sendable, Hashable {
        public var status: Int
        /// The `Location` value as sent.
        public var location: String
        /// The normalised absolute target.
        public var target: String
    }

    /// Every crawled 3xx response with a `Location`, by normalised URL; the first response wins.
    public static func redirects(_ pages: [CrawledPage]) -> [String: Hop] {
        var out: [String: Hop] = [:]
        for page in pages where (300..<400).contains(page.status) {
            guard let location = page.header("location"), !location.trimmingASCIISpace.isEmpty else { continue }
            let url = WebURL(page.url).normalized
            let key = url.description
            if out[key] != nil { continue }
            out[key] = Hop(status: page.status, location: location,
                           target: WebURL(location).resolved(against: url).normalized.description)
        }
        return out
    }

    /// The hops from `start` until a URL that does not redirect; `loops` when a URL comes back.
    static func follow(_ start: String, _ redirects: [String: Hop]) -> (hops: [Hop], loops: Bool) {
        var seen: Set<String> = [start]
        var hops: [Hop] = []
        var current = start
        while let hop = redirects[current] {
            hops.append(hop)
            if !seen.insert(hop.target).inserted { return (hops, true) }
            current = hop.target
        }
        return (hops, false)
    }

    /// redirect-chain (2 hops or more before a final URL) and redirect-loop, one finding per redirecting URL.
    /// `keys` are the pages' URLs normalised.
    static func chainFindings(_ redirects: [String: Hop], pages: [CrawledPage], keys: [String], enabled: Set<SEORule>) -> [SEOFinding] {
        guard !redirects.isEmpty else { return [] }
        var out: [SEOFinding] = []
        var urls: [String: String] = [:]  // normalised → as crawled
        for i in pages.indices where redirects[keys[i]] != nil && urls[keys[i]] == nil { urls[keys[i]] = pages[i].url }
        for key in redirects.keys.sorted() {
            let (hops, loops) = follow(key, redirects)
            let url = urls[key] ?? key
            let evidence = "HTTP \(hops[0].status), Location: \(hops[0].location)"
            let path = ([key] + hops.map(\.target)).joined(separator: " → ")
            if loops {
                if enabled.contains(.redirectLoop) {
                    out.append(SEOFinding(rule: .redirectLoop, url: url, line: nil, evidence: evidence,
                                          message: "redirects in a loop: " + path))
                }
            } else if hops.count >= 2, enabled.contains(.redirectChain) {
                out.append(SEOFinding(rule: .redirectChain, url: url, line: nil, evidence: evidence,
                                      message: "\(hops.count) redirects before a final URL: " + path))
            }
        }
        return out
    }

    /// canonical-target-invalid: the page's canonical (HTML or `Link` header) is a crawled URL that redirects, answers
    /// an error, or is itself not indexable (noindex, or canonicalised elsewhere).
    static func canonicalFindings(_ pages: [SiteAudit.Page], crawl index: [String: Int], redirects: [String: Hop],
                                  enabled: Set<SEORule>) -> [SEOFinding] {
        guard enabled.contains(.canonicalTargetInvalid) else { return [] }
        // Audited pages by normalised URL, built when a canonical first names another page (most name their own).
        var byURL: [String: Int]?
        var out: [SEOFinding] = []
        for page in pages {
            let me = WebURL(page.url).normalized
            let myKey = me.description
            for declared in Canonicals.declared(page.facts, headers: page.headers) {
                let target = WebURL(declared.href).resolved(against: me).normalized
                guard target.isHTTP else { continue }
                let key = target.description
                if key == myKey { continue }
                var problem: String?
                if let hop = redirects[key] {
                    problem = "redirects (\(hop.status)) to \(hop.target)"
                } else if let status = index[key], status != 200 {
                    problem = "answered \(status)"
                } else {
                    if byURL == nil {
                        var positions: [String: Int] = [:]
                        for (position, page) in pages.enumerated() { positions[WebURL(page.url).normalized.description] = position }
                        byURL = positions
                    }
                    if let position = byURL?[key] {
                        let other = pages[position]
                        let headers = other.headers
                        let noindex = Crawlability.sources(other.facts, headers: headers)
                            .contains { $0.agent == nil && Crawlability.blockingReasons($0, now: nil).contains { $0 == "noindex" || $0 == "none" } }
                        if noindex {
                            problem = "is noindex"
                        } else if let next = Canonicals.declared(other.facts, headers: headers).first {
                            let nextTarget = WebURL(next.href).resolved(against: target).normalized.description
                            if nextTarget != key { problem = "is itself canonicalised to \(nextTarget)" }
                        }
                    }
                }
                if let problem {
                    out.append(SEOFinding(rule: .canonicalTargetInvalid, url: page.url, line: declared.line, evidence: declared.evidence,
                                          message: "the canonical \(key) " + problem))
                }
            }
        }
        return out
    }
}

/// The canonicals a page declares: `<link rel="canonical">` in the document and `Link: <…>; rel="canonical"` headers.
public enum Canonicals {
    public struct Declared: Sendable, Hashable {
        public var href: String
        /// The `<link>` element, whose start tag is the evidence, or the `Link` header's evidence.
        var source: Source
        public var line: Int?
        public var fromHeader: Bool { if case .header = source { true } else { false } }

        enum Source: Sendable, Hashable {
            case element(PageFacts.Item)
            case header(String)
        }

        /// The start tag or `Link: …` header that declares it; built when a finding needs it (most canonicals name
        /// their own page).
        public var evidence: String {
            switch source {
            case .element(let item): item.tag
            case .header(let evidence): evidence
            }
        }
    }

    public static func declared(_ facts: PageFacts, headers: [(name: String, value: String)]) -> [Declared] {
        var out = facts.canonicals.map { Declared(href: $0.value ?? "", source: .element($0), line: $0.line) }
        for header in headers where header.name == "link" {
            for value in LinkHeader.parse(header.value) where value.rel("canonical") {
                out.append(Declared(href: value.target, source: .header("Link: " + value.text), line: nil))
            }
        }
        return out
    }

    /// canonical-header-conflict: the `Link` header's canonical and the HTML one name different URLs.
    static func headerConflicts(url: String, facts: PageFacts, headers: [(name: String, value: String)]) -> [SEOFinding] {
        let all = declared(facts, headers: headers)
        let fromHeader = all.filter(\.fromHeader)
        let fromHTML = all.filter { !$0.fromHeader }
        guard !fromHeader.isEmpty, !fromHTML.isEmpty else { return [] }
        let me = WebURL(url).normalized
        func target(_ d: Declared) -> String { WebURL(d.href).resolved(against: me).normalized.description }
        let htmlTargets = Set(fromHTML.map(target))
        return fromHeader.compactMap { header in
            let headerTarget = target(header)
            guard !(htmlTargets == [headerTarget]) else { return nil }
            return SEOFinding(rule: .canonicalHeaderConflict, url: url, line: nil, evidence: header.evidence,
                              message: "the Link header names \(headerTarget), the HTML names " + htmlTargets.sorted().joined(separator: ", "))
        }
    }
}
