import Generator
import HeraldData
import Liquid
import Markup

/// Turns an audit into the HTML report, the CSV and the JSON export.
struct SEOReport {
    var audit: SEOAudit
    var comparison: AuditComparison?
    var settings: SEOSettings
    var tenant: TenantConfig
    var snapshot: String
    var generatedAt: String
    var limit: Int?

    static let folder = "reports/seo"

    func artifacts(_ templates: ThemeRenderer) throws -> [Artifact] {
        let byRule = Dictionary(grouping: audit.findings, by: \.rule)
        let changes = comparison?.changes ?? [:]
        var artifacts: [Artifact] = []

        // One page per rule with findings.
        for rule in byRule.keys.sorted() {
            let findings = byRule[rule] ?? []
            let path = "\(Self.folder)/rules/\(rule.rawValue).html"
            var variables = LiquidObject()
            variables["rule"] = ruleValue(rule, findings: findings, changes: changes, link: nil)
            variables["findings"] = .array(findings.map { findingValue($0, change: changes[$0.comparisonKey]) })
            let groups = audit.duplicateGroups.filter { $0.rule == rule }
            variables["groups"] = .array(groups.map { group in
                .object(LiquidObject([
                    ("value", .string(group.value)),
                    ("count", .int(group.urls.count)),
                    ("urls", .array(group.urls.map { urlValue($0) })),
                ]))
            })
            variables["index_link"] = "../index.html"
            let html = try templates.renderPage("seo/rule.html", variables,
                                                page: PageMeta(title: "\(rule.title) · SEO audit"),
                                                tenant: tenant, outputPath: path)
            artifacts.append(try Artifact(path, text: html))
        }

        // The summary.
        var variables = LiquidObject()
        variables["audit"] = .object(summaryObject())
        variables["rules"] = .array(byRule.keys.sorted { ($0.severity, $0) < ($1.severity, $1) }.map { rule in
            ruleValue(rule, findings: byRule[rule] ?? [], changes: changes, link: "rules/\(rule.rawValue).html")
        })
        let enabled = settings.enabledRules
        variables["passed"] = .array(SEORule.allCases.filter { enabled.contains($0) && byRule[$0] == nil }.map { rule in
            ruleValue(rule, findings: [], changes: [:], link: nil)
        })
        variables["disabled"] = .array(SEORule.allCases.filter { !enabled.contains($0) }.map { .string($0.rawValue) })
        let indexPath = "\(Self.folder)/index.html"
        let html = try templates.renderPage("seo/index.html", variables, page: PageMeta(title: "SEO audit"),
                                            tenant: tenant, outputPath: indexPath)
        artifacts.append(try Artifact(indexPath, text: html))

        artifacts.append(try Artifact("\(Self.folder)/findings.csv", text: FindingExport.csv(audit.findings, changes: changes)))
        artifacts.append(try Artifact("\(Self.folder)/findings.json", bytes: try FindingExport.json(document())))
        return artifacts
    }

    var newCount: Int? { comparison.map { $0.newCount(audit.findings) } }

    private func summaryObject() -> LiquidObject {
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
        object["new"] = comparison == nil ? .null : .int(findings.lazy.filter { changes[$0.comparisonKey] == .new }.count)
        object["link"] = link.map(LiquidValue.string) ?? .null
        return .object(object)
    }

    private func findingValue(_ finding: SEOFinding, change: FindingChange?) -> LiquidValue {
        var object = LiquidObject()
        object["url"] = .string(finding.url)
        object["href"] = Self.linkable(finding.url) ? .string(finding.url) : .null
        object["line"] = finding.line.map(LiquidValue.int) ?? .null
        object["evidence"] = .string(finding.evidence)
        object["message"] = .string(finding.message)
        object["severity"] = .string(finding.severity.rawValue)
        object["change"] = change.map { .string($0.rawValue) } ?? .null
        return .object(object)
    }

    private func urlValue(_ url: String) -> LiquidValue {
        .object(LiquidObject([("url", .string(url)), ("href", Self.linkable(url) ? .string(url) : .null)]))
    }

    /// Crawled URLs are untrusted: only absolute http(s) URLs become links.
    static func linkable(_ url: String) -> Bool {
        WebURL(url).isHTTP && HTMLEscape.isSafeURL(url)
    }

    func document() -> FindingExport.Document {
        let counts = audit.countsByRule
        let changes = comparison?.changes
        return FindingExport.Document(
            tenant: tenant.id, snapshot: snapshot, previousSnapshot: comparison?.previousSnapshot, generatedAt: generatedAt,
            settings: .init(titleMaxLength: settings.titleMaxLength, descriptionMaxLength: settings.descriptionMaxLength,
                            disabledRules: settings.disabledRules.sorted()),
            pages: .init(html: audit.htmlPageCount, audited: audit.auditedURLs.count, limit: limit, notAudited: audit.skippedURLs),
            links: .init(checked: audit.linkCounts.checked, outOfScope: audit.linkCounts.outOfScope, external: audit.linkCounts.external,
                         depth: .init(home: audit.depth.home,
                                      distribution: audit.depth.distribution.map { .init(depth: $0.depth, pages: $0.pages) },
                                      unreachable: audit.depth.unreachable)),
            counts: .init(total: audit.findings.count, error: audit.count(.error), warning: audit.count(.warning),
                          notice: audit.count(.notice), new: newCount, fixed: comparison?.fixed.count),
            rules: SEORule.allCases.map { .init(id: $0.rawValue, severity: $0.severity.rawValue, title: $0.title, count: counts[$0] ?? 0) },
            duplicateGroups: audit.duplicateGroups.map { .init(rule: $0.rule.rawValue, value: $0.value, urls: $0.urls) },
            findings: audit.findings.map { .init($0, change: changes?[$0.comparisonKey]) },
            fixed: (comparison?.fixed ?? []).map { .init($0, change: nil) })
    }
}
