/// hreflang annotations: `<link rel="alternate" hreflang>` in `<head>` and `Link: <…>; rel="alternate"; hreflang=…`
/// headers (links in the body are ignored, as Lighthouse and Google do). Each one is checked on its page
/// (`hreflang-invalid`), then across the crawl: return links, the self reference, and the targets' status and canonical.
public enum HreflangAudit {
    public struct Entry: Sendable, Hashable {
        public var code: String
        public var href: String?
        public var evidence: String
        public var line: Int?
        /// The normalised absolute http(s) target; nil when the href is missing, relative or another scheme.
        public var target: String?
        /// Why the annotation is unusable, nil when it is fine.
        public var problem: String?
    }

    /// The page's annotations, in document order, then header order.
    public static func entries(_ facts: PageFacts, headers: [(name: String, value: String)]) -> [Entry] {
        var out: [Entry] = []
        for link in facts.hreflangLinks {
            let code = link.attribute("hreflang") ?? ""
            out.append(entry(code: code, href: link.value, evidence: link.tag, line: link.line))
        }
        for header in headers where header.name == "link" {
            for value in LinkHeader.parse(header.value) where value.rel("alternate") {
                guard let code = value.parameters["hreflang"] else { continue }
                out.append(entry(code: code, href: value.target, evidence: "Link: " + value.text, line: nil))
            }
        }
        return out
    }

    static func entry(code: String, href: String?, evidence: String, line: Int?) -> Entry {
        var entry = Entry(code: code, href: href, evidence: evidence, line: line)
        var problems: [String] = []
        if let problem = LanguageTag.problem(code) { problems.append("hreflang \"\(code)\": \(problem)") }
        if let href, !href.trimmingASCIISpace.isEmpty {
            let url = WebURL(href)
            if url.isHTTP, url.authority != nil {
                entry.target = url.normalized.description
            } else if url.scheme == nil {
                problems.append("href '\(href)' is relative; hreflang URLs must be absolute http(s) URLs")
            } else {
                problems.append("href '\(href)' is not an http(s) URL")
            }
        } else {
            problems.append(href == nil ? "no href" : "href is empty")
        }
        entry.problem = problems.isEmpty ? nil : problems.joined(separator: "; ")
        return entry
    }

    /// `hreflang-invalid`: annotations with an invalid language tag or href.
    static func pageFindings(url: String, entries: [Entry]) -> [SEOFinding] {
        entries.compactMap { entry in
            entry.problem.map { SEOFinding(rule: .hreflangInvalid, url: url, line: entry.line, evidence: entry.evidence, message: $0) }
        }
    }

    /// One audited page for the site-wide checks.
    public struct Page: Sendable {
        public var url: String
        public var entries: [Entry]
        /// The normalised canonical target, when the page declares one.
        public var canonical: String?
    }

    /// Return links, self references and targets, across the audited pages. `index` holds every crawled URL's status.
    static func siteFindings(_ pages: [Page], index: [String: Int], enabled: Set<SEORule>) -> [SEOFinding] {
        var byURL: [String: Page] = [:]
        for page in pages { byURL[WebURL(page.url).normalized.description] = page }
        var out: [SEOFinding] = []
        for page in pages where !page.entries.isEmpty {
            let me = WebURL(page.url).normalized.description
            let valid = page.entries.filter { $0.problem == nil && $0.target != nil }
            if enabled.contains(.hreflangSelfMissing), !valid.isEmpty, !valid.contains(where: { $0.target == me }) {
                let first = page.entries[0]
                out.append(SEOFinding(rule: .hreflangSelfMissing, url: page.url, line: first.line, evidence: first.evidence,
                                      message: "\(valid.count) hreflang annotations, none for this page itself"))
            }
            for entry in valid {
                guard let target = entry.target, target != me else { continue }
                if enabled.contains(.hreflangTargetInvalid) {
                    if let status = index[target], status != 200 {
                        out.append(SEOFinding(rule: .hreflangTargetInvalid, url: page.url, line: entry.line, evidence: entry.evidence,
                                              message: "the \(entry.code) alternate \(target) answered \(status)"))
                        continue
                    }
                    if let other = byURL[target], let canonical = other.canonical, canonical != target {
                        out.append(SEOFinding(rule: .hreflangTargetInvalid, url: page.url, line: entry.line, evidence: entry.evidence,
                                              message: "the \(entry.code) alternate \(target) is not canonical: its canonical is \(canonical)"))
                        continue
                    }
                }
                if enabled.contains(.hreflangReturnMissing), let other = byURL[target],
                   !other.entries.contains(where: { $0.target == me }) {
                    out.append(SEOFinding(rule: .hreflangReturnMissing, url: page.url, line: entry.line, evidence: entry.evidence,
                                          message: "the \(entry.code) alternate \(target) has no hreflang annotation back to this page"))
                }
            }
        }
        return out
    }
}
