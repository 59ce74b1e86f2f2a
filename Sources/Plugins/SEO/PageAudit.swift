import Foundation
import HeraldData

/// The per-page rules: pure functions of one page's facts.
public enum PageAudit {
    /// The per-page findings of a crawled page and its analysis (the facts plus the charset check).
    /// `now` is the build's instant (for `unavailable_after`); `robots` the site's robots.txt when the page is on its
    /// origin.
    public static func findings(page: CrawledPage, analysis: PageAnalysis, settings: SEOSettings, now: Date? = nil,
                                robots: RobotsMatcher? = nil) -> [SEOFinding] {
        var out = findings(url: page.url, page: page, facts: analysis.facts, settings: settings)
        let crawlability = Crawlability.findings(url: page.url, facts: analysis.facts, headers: page.headers, now: now,
                                                 robots: robots, enabled: settings.enabledRules)
        // A noindex that robots-blocked-all or -some already reports is not reported again as robots-noindex.
        let reported = Set(crawlability.filter { $0.rule == .robotsBlockedAll || $0.rule == .robotsBlockedSome }.map(\.evidence))
        out.removeAll { $0.rule == .robotsNoindex && reported.contains($0.evidence) }
        out += crawlability
        out += AnchorAudit.findings(url: page.url, facts: analysis.facts, settings: settings)
        out += SecurityAudit.findings(url: page.url, facts: analysis.facts, enabled: settings.enabledRules)
        if settings.enabledRules.contains(.canonicalHeaderConflict), page.header("link") != nil {
            out += Canonicals.headerConflicts(url: page.url, facts: analysis.facts, headers: page.headers)
        }
        if settings.enabledRules.contains(.hreflangInvalid), !analysis.facts.hreflangLinks.isEmpty || page.header("link") != nil {
            out += HreflangAudit.pageFindings(url: page.url, entries: HreflangAudit.entries(analysis.facts, headers: page.headers))
        }
        var list = FindingList(url: page.url, enabled: settings.enabledRules)
        DocumentAudit.sourceFindings(facts: analysis.facts, analysis: analysis, contentType: page.header("content-type"), into: &list)
        out += list.findings
        if let problem = analysis.charsetProblem, settings.enabledRules.contains(.encodingInvalid) {
            let evidence = page.header("content-type").map { "Content-Type: " + $0 } ?? "charset " + analysis.charset.label
            out.append(SEOFinding(rule: .encodingInvalid, url: page.url, line: nil, evidence: evidence, message: problem))
        }
        return out
    }

    public static func findings(url: String, page: CrawledPage? = nil, facts: PageFacts, settings: SEOSettings) -> [SEOFinding] {
        var out: [SEOFinding] = []
        let enabled = settings.enabledRules
        func add(_ rule: SEORule, _ line: Int?, _ evidence: String, _ message: String) {
            if enabled.contains(rule) { out.append(SEOFinding(rule: rule, url: url, line: line, evidence: evidence, message: message)) }
        }
        let head = facts.headTag ?? facts.htmlTag

        // Title
        if let title = facts.titles.first {
            let text = title.value ?? ""
            if text.isEmpty {
                add(.titleEmpty, title.line, title.tag + "</title>", "the title has no text")
            } else {
                let length = TextNormalization.length(text)
                if length > settings.titleMaxLength {
                    add(.titleTooLong, title.line, text, "title is \(length) characters long (maximum \(settings.titleMaxLength))")
                } else if length < settings.titleMinLength {
                    add(.titleTooShort, title.line, text, "title is \(length) characters long (minimum \(settings.titleMinLength))")
                }
                let pixels = SERPWidth.pixels(text, size: SERPWidth.titleFontSize)
                if pixels > Double(settings.titleMaxPixels) {
                    add(.titleTooWide, title.line, text, "title is \(Int(pixels.rounded())) px wide in 20 px Arial (maximum \(settings.titleMaxPixels))")
                } else if pixels < Double(settings.titleMinPixels) {
                    add(.titleTooNarrow, title.line, text, "title is \(Int(pixels.rounded())) px wide in 20 px Arial (minimum \(settings.titleMinPixels))")
                }
            }
            if facts.titles.count > 1 {
                for extra in facts.titles.dropFirst() {
                    add(.titleMultiple, extra.line, extra.value ?? "",
                        "\(facts.titles.count) <title> elements; the first (line \(title.line)) is used")
                }
            }
        } else {
            add(.titleMissing, head.line, head.tag, "no <title> element")
        }

        // Meta description
        let descriptions = facts.descriptions.filter { !($0.value ?? "").isEmpty }
        if let description = descriptions.first?.value {
            let length = TextNormalization.length(description)
            let line = descriptions[0].line
            if length > settings.descriptionMaxLength {
                add(.descriptionTooLong, line, description,
                    "meta description is \(length) characters long (maximum \(settings.descriptionMaxLength))")
            } else if length < settings.descriptionMinLength {
                add(.descriptionTooShort, line, description,
                    "meta description is \(length) characters long (minimum \(settings.descriptionMinLength))")
            }
            let pixels = SERPWidth.pixels(description, size: SERPWidth.descriptionFontSize)
            if pixels > Double(settings.descriptionMaxPixels) {
                add(.descriptionTooWide, line, description,
                    "meta description is \(Int(pixels.rounded())) px wide in 14 px Arial (maximum \(settings.descriptionMaxPixels))")
            } else if pixels < Double(settings.descriptionMinPixels) {
                add(.descriptionTooNarrow, line, description,
                    "meta description is \(Int(pixels.rounded())) px wide in 14 px Arial (minimum \(settings.descriptionMinPixels))")
            }
        } else if let empty = facts.descriptions.first {
            add(.descriptionMissing, empty.line, empty.tag, "the meta description has no content")
        } else {
            add(.descriptionMissing, head.line, head.tag, "no <meta name=\"description\">")
        }

        // h1
        let h1s = facts.h1s
        if h1s.isEmpty {
            let body = facts.bodyTag ?? facts.htmlTag
            add(.h1Missing, body.line, body.tag, "no <h1> heading")
        } else if h1s.count > 1 {
            for h1 in h1s {
                add(.h1Multiple, h1.line, h1.value ?? "", "\(h1s.count) <h1> headings on the page")
            }
        }

        // Images
        for image in facts.images {
            if image.value == nil {
                add(.imageAltMissing, image.line, image.tag, "<img> without an alt attribute")
            } else if image.value!.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                add(.imageAltEmpty, image.line, image.tag, "alt text is empty (decorative image)")
            }
        }

        // Canonical
        let pageURL = WebURL(url).normalized
        let headerCanonical = page.map { Canonicals.declared(PageFacts(), headers: $0.headers).isEmpty == false } ?? false
        if facts.canonicals.isEmpty {
            if !headerCanonical { add(.canonicalMissing, head.line, head.tag, "no <link rel=\"canonical\">") }
        } else {
            var targets: [String] = []
            for canonical in facts.canonicals {
                let href = canonical.value ?? ""
                let reference = WebURL(href)
                if let scheme = reference.scheme {
                    if !reference.isHTTP {
                        add(.canonicalInvalidScheme, canonical.line, canonical.tag,
                            "canonical uses the \(scheme): scheme; only http and https URLs can be canonical")
                    }
                } else {
                    add(.canonicalRelative, canonical.line, canonical.tag,
                        href.isEmpty ? "canonical href is empty" : "canonical is relative; resolves to \(reference.resolved(against: pageURL))")
                }
                let resolved = reference.resolved(against: pageURL).normalized.description
                if !targets.contains(resolved) { targets.append(resolved) }
            }
            if targets.count > 1 {
                for canonical in facts.canonicals {
                    add(.canonicalConflicting, canonical.line, canonical.tag,
                        "\(targets.count) different canonical URLs: " + targets.joined(separator: ", "))
                }
            }
        }

        // html lang
        if (facts.htmlTag.value ?? "").trimmingASCIISpace.isEmpty {
            add(.htmlLangMissing, facts.htmlTag.line, facts.htmlTag.tag,
                facts.htmlTag.value == nil ? "<html> has no lang attribute" : "<html lang> is empty")
        }

        // Viewport
        if facts.viewports.isEmpty {
            add(.viewportMissing, head.line, head.tag, "no <meta name=\"viewport\">")
        } else if facts.viewports.count > 1 {
            let lines = facts.viewports.map { String($0.line) }.joined(separator: ", ")
            for viewport in facts.viewports.dropFirst() {
                add(.viewportDuplicate, viewport.line, viewport.tag,
                    "\(facts.viewports.count) viewport tags (lines \(lines))")
            }
        }

        var list = FindingList(url: url, enabled: enabled)
        HeadingAudit.findings(facts, settings: settings, into: &list)
        DocumentAudit.findings(url: url, facts: facts, settings: settings, into: &list)
        SocialAudit.findings(url: url, facts: facts, into: &list)
        out += list.findings

        // Robots
        if let page {
            for directive in Indexability.noindexDirectives(facts, page: page) {
                add(.robotsNoindex, directive.line, directive.evidence, "search engines are told not to index this page")
            }
        } else {
            for meta in facts.robots where Indexability.forbidsIndexing(meta.value ?? "") {
                add(.robotsNoindex, meta.line, meta.tag, "search engines are told not to index this page")
            }
        }
        return out
    }
}

extension String {
    var trimmingASCIISpace: Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return slice
    }
}
