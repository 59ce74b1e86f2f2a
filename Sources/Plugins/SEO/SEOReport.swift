import Generator
import HeraldData
import Liquid
import Markup

/// Turns an audit into the HTML report, the CSV and the JSON export.
struct SEOReport: Sendable {
    var audit: SEOAudit
    var comparison: AuditComparison?
    /// Findings per severity in the last snapshots (nil: trend off).
    var trend: AuditTrend?
    var settings: SEOSettings
    var tenant: TenantConfig
    var snapshot: String
    var generatedAt: String
    var limit: Int?
    /// Threads for rendering the per-rule and per-URL pages (nil: all cores).
    var jobs: Int? = nil

    static let folder = "reports/seo"

    func artifacts(_ templates: ThemeRenderer) throws -> [Artifact] {
        let findings = audit.findings
        let index = SEOReportIndex(findings: findings, auditedURLs: audit.auditedURLs)
        let changes = comparison?.changes ?? [:]
        // Every finding links its URL on two pages: decide once per URL.
        let hrefs = index.urls.map { Self.linkable($0) ? LiquidValue.string($0) : .null }
        let urls = LinkableURLs(links: Dictionary(uniqueKeysWithValues: zip(index.urls, hrefs)))
        let score = SiteScore(pages: index.rules.map { ($0.rule, $0.pages) }, auditedPages: audit.auditedURLs.count)
        let severityCounts = SEOSeverity.allCases.map { severity in
            index.rules.reduce(0) { $1.rule.severity == severity ? $0 + $1.findings.count : $0 }
        }
        var artifacts: [Artifact] = []

        // One page per rule with findings; each finding links its URL's page, one string per URL.
        let pageLinks = index.names.map { LiquidValue.string("../pages/" + $0) }
        artifacts += try rendered(index.rules.count) { position in
            let (rule, range, pages) = index.rules[position]
            let path = "\(Self.folder)/rules/\(rule.rawValue).html"
            var variables = LiquidObject()
            variables["rule"] = ruleValue(rule, findings: range, pages: pages, changes: changes, link: nil)
            variables["findings"] = .array(range.map { finding in
                let url = index.urlOfFinding[finding]
                return findingValue(findings[finding], change: Self.change(of: findings[finding], in: changes), page: pageLinks[url],
                                    href: hrefs[url])
            })
            let groups = audit.duplicateGroups.filter { $0.rule == rule }
            variables["groups"] = .array(groups.map { group in
                .object(LiquidObject([
                    ("value", .string(group.value)),
                    ("count", .int(group.urls.count)),
                    ("urls", .array(group.urls.map { urls.value($0) })),
                ]))
            } + audit.contentGroups.filter { $0.rule == rule }.map { group in
                .object(LiquidObject([
                    ("similarity", .string(group.lowest == group.highest ? ContentDuplicates.percent(group.lowest)
                        : ContentDuplicates.percent(group.lowest) + " – " + ContentDuplicates.percent(group.highest))),
                    ("words", .int(group.words)),
                    ("count", .int(group.urls.count)),
                    ("urls", .array(group.urls.map { urls.value($0) })),
                ]))
            })
            variables["index_link"] = "../index.html"
            let html = try templates.renderPageBytes("seo/rule.html", variables,
                                                page: PageMeta(title: "\(rule.title) · SEO audit"),
                                                tenant: tenant, outputPath: path)
            return try Artifact(path, bytes: html)
        }

        artifacts += try pageArtifacts(templates, index: index, changes: changes, hrefs: hrefs)

        // The summary.
        var variables = LiquidObject()
        variables["audit"] = .object(summaryObject(score: score, severityCounts: severityCounts,
                                                   pagesWithFindings: index.pagesWithFindings))
        variables["charts"] = .object(chartsObject(index.rules, severityCounts: severityCounts))
        variables["rules"] = .array(index.rules.sorted { ($0.rule.severity, $0.rule) < ($1.rule.severity, $1.rule) }.map { rule, range, pages in
            ruleValue(rule, findings: range, pages: pages, changes: changes, link: "rules/\(rule.rawValue).html")
        })
        let enabled = settings.enabledRules
        let reported = Set(index.rules.map(\.rule))
        variables["passed"] = .array(SEORule.allCases.filter { enabled.contains($0) && !reported.contains($0) }.map { rule in
            ruleValue(rule, findings: 0..<0, pages: 0, changes: [:], link: nil)
        })
        variables["disabled"] = .array(SEORule.allCases.filter { !enabled.contains($0) }.map { .string($0.rawValue) })
        let indexPath = "\(Self.folder)/index.html"
        let html = try templates.renderPageBytes("seo/index.html", variables, page: PageMeta(title: "SEO audit"),
                                            tenant: tenant, outputPath: indexPath)
        artifacts.append(try Artifact(indexPath, bytes: html))

        // The exports' `page` of each finding: one string per URL, found by position.
        let exportPages = index.names.map { "pages/" + $0 }
        let page = { (finding: Int) -> String? in exportPages[index.urlOfFinding[finding]] }
        artifacts.append(try Artifact("\(Self.folder)/findings.csv",
                                      bytes: FindingExport.csvBytes(findings, changes: changes, page: page)))
        artifacts.append(try Artifact("\(Self.folder)/findings.json", bytes: try FindingExport.json(
            document(page: page, score: score, severityCounts: severityCounts))))
        return artifacts
    }

    /// `count` pages rendered on up to `jobs` threads (one page's findings are independent of another's), in order.
    private func rendered(_ count: Int, _ page: @Sendable (Int) throws -> Artifact) throws -> [Artifact] {
        try ParallelMap.map(count, width: jobs) { index in Result { try page(index) } }.map { try $0.get() }
    }

    var newCount: Int? { comparison.map { $0.newCount(audit.findings) } }

    /// The keys of a row of the pages index, of a per-URL page's variables and of its `counts`, and of a URL with its
    /// `href` (each one array shared by thousands of objects).
    private static let pageRowLayout = LiquidObject.Layout(["url", "link", "errors", "warnings", "notices"])
    private static let pageLayout = LiquidObject.Layout(["page_url", "audited", "counts", "findings"])
    private static let countsLayout = LiquidObject.Layout(["total", "errors", "warnings", "notices"])
    static let linkLayout = LiquidObject.Layout(["url", "href"])

    /// One page per URL with findings or audited (`pages/<slug>-<hash>.html`), and their index.
    private func pageArtifacts(_ templates: ThemeRenderer, index: SEOReportIndex, changes: [String: FindingChange],
                               hrefs: [LiquidValue]) throws -> [Artifact] {
        let findings = audit.findings
        var artifacts = try rendered(index.urls.count) { position in
            let url = index.urls[position]
            let counts = index.counts(ofPage: position)
            let pageFindings = index.findings(ofPage: position)
            let path = "\(Self.folder)/pages/\(index.names[position])"
            let variables = LiquidObject(layout: Self.pageLayout, values: [
                .object(LiquidObject(layout: Self.linkLayout, values: [.string(url), hrefs[position]])),
                .bool(index.audited[position]),
                .object(LiquidObject(layout: Self.countsLayout, values: [
                    .int(pageFindings.count), .int(counts.errors), .int(counts.warnings), .int(counts.notices),
                ])),
                .array(pageFindings.map {
                    findingValue(findings[$0], change: Self.change(of: findings[$0], in: changes), page: .null, href: hrefs[position])
                }),
            ])
            let html = try templates.renderPageBytes("seo/page.html", variables, page: PageMeta(title: "\(url) · SEO audit"),
                                                tenant: tenant, outputPath: path)
            return try Artifact(path, bytes: html)
        }
        let rows: [LiquidValue] = index.urls.indices.map { position in
            let counts = index.counts(ofPage: position)
            return .object(LiquidObject(layout: Self.pageRowLayout, values: [
                .string(index.urls[position]), .string(index.names[position]),
                .int(counts.errors), .int(counts.warnings), .int(counts.notices),
            ]))
        }
        let indexPath = "\(Self.folder)/pages/index.html"
        var variables = LiquidObject()
        variables["pages"] = .array(rows)
        let html = try templates.renderPageBytes("seo/pages.html", variables, page: PageMeta(title: "Pages · SEO audit"),
                                            tenant: tenant, outputPath: indexPath)
        artifacts.append(try Artifact(indexPath, bytes: html))
        return artifacts
    }

    /// The summary's SVG charts (trusted markup: numbers and escaped text only).
    private func chartsObject(_ rules: [(rule: SEORule, findings: Range<Int>, pages: Int)], severityCounts: [Int]) -> LiquidObject {
        var charts = LiquidObject()
        charts["severity"] = .safe(SEOCharts.bars(zip(SEOSeverity.allCases, severityCounts).map { severity, count in
            (severity.rawValue + "s", count, SEOCharts.colour(severity))
        }, className: "seo-severity", label: "Findings per severity", labelWidth: 90))
        let topRules = rules.map { (rule: $0.rule, pages: $0.pages) }.sorted { ($1.pages, $0.rule) < ($0.pages, $1.rule) }.prefix(10)
        charts["rules"] = topRules.isEmpty ? .null : .safe(SEOCharts.bars(topRules.map { ($0.rule.rawValue, $0.pages, SEOCharts.colour($0.rule.severity)) },
                                                                      className: "seo-rules", label: "Pages affected per rule, the ten rules affecting most pages",
                                                                      labelWidth: 200))
        if let trend, trend.points.count > 1 {
            charts["trend"] = .safe(SEOCharts.trend(trend.points))
            charts["trend_points"] = .array(trend.points.map { point in
                .object(LiquidObject([
                    ("snapshot", .string(point.snapshot)), ("errors", .int(point.errors)), ("warnings", .int(point.warnings)),
                    ("notices", .int(point.notices)), ("total", .int(point.total)),
                    ("score", point.score.map { .string(SiteScore.format($0)) } ?? .null),
                ]))
            })
        } else {
            charts["trend"] = .null
        }
        return charts
    }

    /// `severityCounts`: errors, warnings and notices among the findings.
    private func summaryObject(score: SiteScore?, severityCounts: [Int], pagesWithFindings: Int) -> LiquidObject {
        var object = LiquidObject()
        object["snapshot"] = .string(snapshot)
        object["previous_snapshot"] = comparison.map { .string($0.previousSnapshot) } ?? .null
        object["has_previous"] = .bool(comparison != nil)
        object["generated_at"] = .string(generatedAt)
        object["total"] = .int(audit.findings.count)
        object["errors"] = .int(severityCounts[0])
        object["warnings"] = .int(severityCounts[1])
        object["notices"] = .int(severityCounts[2])
        object["new"] = newCount.map(LiquidValue.int) ?? .null
        object["fixed"] = comparison.map { .int($0.fixed.count) } ?? .null
        object["pages_html"] = .int(audit.htmlPageCount)
        object["pages_audited"] = .int(audit.auditedURLs.count)
        object["pages_with_findings"] = .int(pagesWithFindings)
        object["limit"] = limit.map(LiquidValue.int) ?? .null
        object["not_audited"] = .array(audit.skippedURLs.map { .string($0) })
        object["not_audited_count"] = .int(audit.skippedURLs.count)
        object["links_checked"] = .int(audit.linkCounts.checked)
        object["links_out_of_scope"] = .int(audit.linkCounts.outOfScope)
        object["links_external"] = .int(audit.linkCounts.external)
        object["depth_home"] = audit.depth.home.map(LiquidValue.string) ?? .null
        object["depth_distribution"] = .array(audit.depth.distribution.map { row in
            .object(LiquidObject([("depth", .int(row.depth)), ("pages", .int(row.pages))]))
        })
        object["depth_unreachable"] = .int(audit.depth.unreachable.count)
        object["max_crawl_depth"] = .int(settings.maxCrawlDepth)
        object["title_max_length"] = .int(settings.titleMaxLength)
        object["description_max_length"] = .int(settings.descriptionMaxLength)
        object["score"] = score.map { .string($0.text) } ?? .null
        object["score_rules"] = .array((score?.rules ?? []).sorted { ($0.factor, $0.rule) < ($1.factor, $1.rule) }.prefix(5).map { factor in
            .object(LiquidObject([
                ("id", .string(factor.rule.rawValue)), ("severity", .string(factor.rule.severity.rawValue)),
                ("pages", .int(factor.pages)), ("share", .string(ContentDuplicates.percent(factor.share))),
                ("factor", .string(SiteScore.format(factor.factor * 100))),
            ]))
        })
        object["near_duplicate_threshold"] = .string(ContentDuplicates.percent(settings.nearDuplicateThreshold))
        object["duplicate_min_words"] = .int(settings.duplicateMinWords)
        return object
    }

    /// `findings`: the rule's, a range of the sorted findings; `pages`: the distinct URLs among them.
    private func ruleValue(_ rule: SEORule, findings: Range<Int>, pages: Int, changes: [String: FindingChange], link: String?) -> LiquidValue {
        var object = LiquidObject()
        object["id"] = .string(rule.rawValue)
        object["title"] = .string(rule.title)
        object["severity"] = .string(rule.severity.rawValue)
        object["explanation"] = .string(rule.explanation)
        object["count"] = .int(findings.count)
        object["pages"] = .int(pages)
        object["new"] = comparison == nil ? .null : .int(findings.lazy.filter { Self.change(of: audit.findings[$0], in: changes) == .new }.count)
        object["link"] = link.map(LiquidValue.string) ?? .null
        return .object(object)
    }

    /// No comparison: no change, and no key to build per finding.
    private static func change(of finding: SEOFinding, in changes: [String: FindingChange]) -> FindingChange? {
        changes.isEmpty ? nil : changes[finding.comparisonKey]
    }

    /// The keys of a finding as templates see it, in this order (one array shared by every finding's object).
    private static let findingLayout = LiquidObject.Layout(["rule", "rule_title", "page", "url", "href", "line", "evidence", "message", "severity", "change"])

    private func findingValue(_ finding: SEOFinding, change: FindingChange?, page: LiquidValue, href: LiquidValue) -> LiquidValue {
        .object(LiquidObject(layout: Self.findingLayout, values: [
            .string(finding.rule.rawValue),
            .string(finding.rule.title),
            page,
            .string(finding.url),
            href,
            finding.line.map(LiquidValue.int) ?? .null,
            .string(finding.evidence),
            .string(finding.message),
            .string(finding.severity.rawValue),
            change.map { .string($0.rawValue) } ?? .null,
        ]))
    }

    /// `href` values of the report's URLs, decided once per URL.
    private struct LinkableURLs {
        var links: [String: LiquidValue]

        func href(_ url: String) -> LiquidValue { links[url] ?? (SEOReport.linkable(url) ? .string(url) : .null) }

        func value(_ url: String) -> LiquidValue {
            .object(LiquidObject(layout: SEOReport.linkLayout, values: [.string(url), href(url)]))
        }
    }

    /// Crawled URLs are untrusted: only absolute http(s) URLs become links.
    static func linkable(_ url: String) -> Bool {
        WebURL(url).isHTTP && HTMLEscape.isSafeURL(url)
    }

    /// `page(i)`: the report page of finding `i` (default: looked up by URL); `score`: the audit's, when the caller
    /// has it already (it is computed from all findings); `severityCounts`: errors, warnings and notices, likewise.
    func document(page: ((Int) -> String?)? = nil, score: SiteScore?? = nil, severityCounts: [Int]? = nil) -> FindingExport.Document {
        let counts = audit.countsByRule
        let changes = comparison?.changes
        let page = page ?? { [findings = audit.findings] in
            let names = PageReportPath.names(audit.auditedURLs + findings.map(\.url))
            return { names[findings[$0].url].map { "pages/" + $0 } }
        }()
        let severityCounts = severityCounts ?? SEOSeverity.allCases.map { audit.count($0) }
        return FindingExport.Document(
            tenant: tenant.id, snapshot: snapshot, previousSnapshot: comparison?.previousSnapshot, generatedAt: generatedAt,
            settings: .init(titleMaxLength: settings.titleMaxLength, descriptionMaxLength: settings.descriptionMaxLength,
                            disabledRules: settings.disabledRules.sorted(), maxCrawlDepth: settings.maxCrawlDepth,
                            nearDuplicateThreshold: settings.nearDuplicateThreshold, duplicateMinWords: settings.duplicateMinWords,
                            trendSnapshots: settings.trendSnapshots),
            pages: .init(html: audit.htmlPageCount, audited: audit.auditedURLs.count, limit: limit, notAudited: audit.skippedURLs),
            links: .init(checked: audit.linkCounts.checked, outOfScope: audit.linkCounts.outOfScope, external: audit.linkCounts.external,
                         depth: .init(home: audit.depth.home,
                                      distribution: audit.depth.distribution.map { .init(depth: $0.depth, pages: $0.pages) },
                                      unreachable: audit.depth.unreachable)),
            counts: .init(total: audit.findings.count, error: severityCounts[0], warning: severityCounts[1],
                          notice: severityCounts[2], new: newCount, fixed: comparison?.fixed.count),
            rules: SEORule.allCases.map { .init(id: $0.rawValue, severity: $0.severity.rawValue, title: $0.title, count: counts[$0] ?? 0) },
            score: (score ?? audit.score).map { score in
                .init(value: score.value, rules: score.rules.map {
                    .init(id: $0.rule.rawValue, severity: $0.rule.severity.rawValue, pages: $0.pages,
                          share: FindingExport.rounded($0.share), factor: FindingExport.rounded($0.factor))
                })
            },
            trend: (trend?.points ?? []).map {
                .init(snapshot: $0.snapshot, error: $0.errors, warning: $0.warnings, notice: $0.notices, total: $0.total, score: $0.score)
            },
            duplicateGroups: audit.duplicateGroups.map { .init(rule: $0.rule.rawValue, value: $0.value, urls: $0.urls) },
            contentGroups: audit.contentGroups.map {
                .init(rule: $0.rule.rawValue, words: $0.words, similarityMin: FindingExport.rounded($0.lowest),
                      similarityMax: FindingExport.rounded($0.highest), urls: $0.urls)
            },
            findings: audit.findings.indices.map { index in
                let value = audit.findings[index]
                var finding = FindingExport.Document.Finding(value, change: changes.flatMap { Self.change(of: value, in: $0) })
                finding.page = page(index)
                return finding
            },
            fixed: (comparison?.fixed ?? []).map { .init($0, change: nil) })
    }
}
