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
        let byRule = Dictionary(grouping: audit.findings, by: \.rule)
        let changes = comparison?.changes ?? [:]
        let pageNames = PageReportPath.names(audit.auditedURLs + audit.findings.map(\.url))
        // Every finding links its URL on two pages: decide once per URL.
        var links: [String: LiquidValue] = [:]
        links.reserveCapacity(pageNames.count)
        for url in pageNames.keys { links[url] = Self.linkable(url) ? .string(url) : .null }
        let urls = LinkableURLs(links: links)
        let score = audit.score
        var artifacts: [Artifact] = []

        // One page per rule with findings.
        let rules = byRule.keys.sorted()
        artifacts += try rendered(rules.count) { index in
            let rule = rules[index]
            let findings = byRule[rule] ?? []
            let path = "\(Self.folder)/rules/\(rule.rawValue).html"
            var variables = LiquidObject()
            variables["rule"] = ruleValue(rule, findings: findings, changes: changes, link: nil)
            variables["findings"] = .array(findings.map { finding in
                findingValue(finding, change: Self.change(of: finding, in: changes), page: pageNames[finding.url].map { "../pages/" + $0 },
                             href: urls.href(finding.url))
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

        artifacts += try pageArtifacts(templates, names: pageNames, changes: changes, urls: urls)

        // The summary.
        var variables = LiquidObject()
        variables["audit"] = .object(summaryObject(score: score))
        variables["charts"] = .object(chartsObject(byRule))
        variables["rules"] = .array(byRule.keys.sorted { ($0.severity, $0) < ($1.severity, $1) }.map { rule in
            ruleValue(rule, findings: byRule[rule] ?? [], changes: changes, link: "rules/\(rule.rawValue).html")
        })
        let enabled = settings.enabledRules
        variables["passed"] = .array(SEORule.allCases.filter { enabled.contains($0) && byRule[$0] == nil }.map { rule in
            ruleValue(rule, findings: [], changes: [:], link: nil)
        })
        variables["disabled"] = .array(SEORule.allCases.filter { !enabled.contains($0) }.map { .string($0.rawValue) })
        let indexPath = "\(Self.folder)/index.html"
        let html = try templates.renderPageBytes("seo/index.html", variables, page: PageMeta(title: "SEO audit"),
                                            tenant: tenant, outputPath: indexPath)
        artifacts.append(try Artifact(indexPath, bytes: html))

        artifacts.append(try Artifact("\(Self.folder)/findings.csv",
                                      bytes: FindingExport.csvBytes(audit.findings, changes: changes, pages: pageNames)))
        artifacts.append(try Artifact("\(Self.folder)/findings.json", bytes: try FindingExport.json(document(pages: pageNames, score: score))))
        return artifacts
    }

    /// `count` pages rendered on up to `jobs` threads (one page's findings are independent of another's), in order.
    private func rendered(_ count: Int, _ page: @Sendable (Int) throws -> Artifact) throws -> [Artifact] {
        try ParallelMap.map(count, width: jobs) { index in Result { try page(index) } }.map { try $0.get() }
    }

    var newCount: Int? { comparison.map { $0.newCount(audit.findings) } }

    /// One page per URL with findings or audited (`pages/<slug>-<hash>.html`), and their index.
    private func pageArtifacts(_ templates: ThemeRenderer, names: [String: String], changes: [String: FindingChange],
                               urls: LinkableURLs) throws -> [Artifact] {
        let byURL = Dictionary(grouping: audit.findings, by: \.url)
        let audited = Set(audit.auditedURLs)
        let sortedURLs = names.keys.sorted()
        var artifacts = try rendered(sortedURLs.count) { index in
            let url = sortedURLs[index]
            let findings = (byURL[url] ?? []).sorted { ($0.severity, $0) < ($1.severity, $1) }
            let counts = SEOSeverity.allCases.map { severity in findings.lazy.filter { $0.severity == severity }.count }
            let path = "\(Self.folder)/pages/\(names[url]!)"
            var variables = LiquidObject()
            variables["page_url"] = urls.value(url)
            variables["audited"] = .bool(audited.contains(url))
            variables["counts"] = .object(LiquidObject([
                ("total", .int(findings.count)), ("errors", .int(counts[0])), ("warnings", .int(counts[1])), ("notices", .int(counts[2])),
            ]))
            variables["findings"] = .array(findings.map {
                findingValue($0, change: Self.change(of: $0, in: changes), page: nil, href: urls.href($0.url))
            })
            let html = try templates.renderPageBytes("seo/page.html", variables, page: PageMeta(title: "\(url) · SEO audit"),
                                                tenant: tenant, outputPath: path)
            return try Artifact(path, bytes: html)
        }
        let rows: [LiquidValue] = sortedURLs.map { url in
            let counts = SEOSeverity.allCases.map { severity in (byURL[url] ?? []).lazy.filter { $0.severity == severity }.count }
            return .object(LiquidObject([
                ("url", .string(url)), ("link", .string(names[url]!)),
                ("errors", .int(counts[0])), ("warnings", .int(counts[1])), ("notices", .int(counts[2])),
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
    private func chartsObject(_ byRule: [SEORule: [SEOFinding]]) -> LiquidObject {
        var charts = LiquidObject()
        charts["severity"] = .safe(SEOCharts.bars(SEOSeverity.allCases.map { severity in
            (severity.rawValue + "s", audit.count(severity), SEOCharts.colour(severity))
        }, className: "seo-severity", label: "Findings per severity", labelWidth: 90))
        let topRules = byRule.map { rule, findings in (rule: rule, pages: Set(findings.map(\.url)).count) }
            .sorted { ($1.pages, $0.rule) < ($0.pages, $1.rule) }.prefix(10)
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

    private func summaryObject(score: SiteScore?) -> LiquidObject {
        var object = LiquidObject()
        object["snapshot"] = .string(snapshot)
        object["previous_snapshot"] = comparison.map { .string($0.previousSnapshot) } ?? .null
        object["has_previous"] = .bool(comparison != nil)
        object["generated_at"] = .string(generatedAt)
        object["total"] = .int(audit.findings.count)
        object["errors"] = .int(audit.count(.error))
        object["warnings"] = .int(audit.count(.warning))
        object["notices"] = .int(audit.count(.notice))
        object["new"] = newCount.map(LiquidValue.int) ?? .null
        object["fixed"] = comparison.map { .int($0.fixed.count) } ?? .null
        object["pages_html"] = .int(audit.htmlPageCount)
        object["pages_audited"] = .int(audit.auditedURLs.count)
        object["pages_with_findings"] = .int(Set(audit.findings.map(\.url)).count)
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

    private func ruleValue(_ rule: SEORule, findings: [SEOFinding], changes: [String: FindingChange], link: String?) -> LiquidValue {
        var object = LiquidObject()
        object["id"] = .string(rule.rawValue)
        object["title"] = .string(rule.title)
        object["severity"] = .string(rule.severity.rawValue)
        object["explanation"] = .string(rule.explanation)
        object["count"] = .int(findings.count)
        object["pages"] = .int(Set(findings.map(\.url)).count)
        object["new"] = comparison == nil ? .null : .int(findings.lazy.filter { Self.change(of: $0, in: changes) == .new }.count)
        object["link"] = link.map(LiquidValue.string) ?? .null
        return .object(object)
    }

    /// No comparison: no change, and no key to build per finding.
    private static func change(of finding: SEOFinding, in changes: [String: FindingChange]) -> FindingChange? {
        changes.isEmpty ? nil : changes[finding.comparisonKey]
    }

    /// The keys of a finding as templates see it, in this order (one array shared by every finding's object).
    private static let findingLayout = LiquidObject.Layout(["rule", "rule_title", "page", "url", "href", "line", "evidence", "message", "severity", "change"])

    private func findingValue(_ finding: SEOFinding, change: FindingChange?, page: String?, href: LiquidValue) -> LiquidValue {
        .object(LiquidObject(layout: Self.findingLayout, values: [
            .string(finding.rule.rawValue),
            .string(finding.rule.title),
            page.map(LiquidValue.string) ?? .null,
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
            .object(LiquidObject([("url", .string(url)), ("href", href(url))]))
        }
    }

    /// Crawled URLs are untrusted: only absolute http(s) URLs become links.
    static func linkable(_ url: String) -> Bool {
        WebURL(url).isHTTP && HTMLEscape.isSafeURL(url)
    }

    /// `score`: the audit's, when the caller has it already (it is computed from all findings).
    func document(pages names: [String: String]? = nil, score: SiteScore?? = nil) -> FindingExport.Document {
        let counts = audit.countsByRule
        let changes = comparison?.changes
        let names = names ?? PageReportPath.names(audit.auditedURLs + audit.findings.map(\.url))
        func finding(_ finding: SEOFinding, change: FindingChange?) -> FindingExport.Document.Finding {
            var value = FindingExport.Document.Finding(finding, change: change)
            value.page = names[finding.url].map { "pages/" + $0 }
            return value
        }
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
            counts: .init(total: audit.findings.count, error: audit.count(.error), warning: audit.count(.warning),
                          notice: audit.count(.notice), new: newCount, fixed: comparison?.fixed.count),
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
            findings: audit.findings.map { value in finding(value, change: changes.flatMap { Self.change(of: value, in: $0) }) },
            fixed: (comparison?.fixed ?? []).map { .init($0, change: nil) })
    }
}
