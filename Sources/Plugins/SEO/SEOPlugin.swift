import Foundation
import Generator
import HeraldData

/// The SEO audit of a tenant's crawl: per-page and site-wide rules, an HTML report with one page per rule,
/// and CSV/JSON exports under `reports/seo/`.
public struct SEOPlugin: Plugin {
    public let id = "seo"
    public var requiredDatasets: Set<DatasetKind> { [.crawl] }

    /// The edition limit on audited HTML pages.
    public static let pageLimitKey = "seo.pages"

    public init() {}

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) { _ = try SEOSettings.load(input.settings) }
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try SEOSettings.load(input.settings)
        let limit = input.limits[Self.pageLimitKey]
        let audit = SEOAudit(crawl: input.snapshot.crawl ?? Crawl(pages: []), settings: settings, baseURL: input.tenant.baseURL, limit: limit, now: input.now,
                             jobs: input.jobs)

        var comparison: AuditComparison?
        if settings.compareWithPrevious, let previous = input.previous, let crawl = previous.crawl {
            let before = SEOAudit(crawl: crawl, settings: settings, baseURL: input.tenant.baseURL, limit: limit, now: input.now,
                             jobs: input.jobs)
            comparison = AuditComparison(current: audit.findings, previous: before.findings, previousSnapshot: previous.date)
        }

        var notices: [Diagnostic] = []
        if let limit, !audit.skippedURLs.isEmpty {
            var location = input.tenant.location
            location.keyPath = "edition"
            notices.append(Diagnostic(
                "edition '\(input.tenant.edition)' audits at most \(limit) pages (\(Self.pageLimitKey)); the crawl has "
                    + "\(audit.htmlPageCount) HTML pages, so \(audit.skippedURLs.count) were not audited "
                    + "(listed in \(SEOReport.folder)/index.html), starting with \(audit.skippedURLs[0])",
                at: location, severity: .warning))
        }

        let report = SEOReport(audit: audit, comparison: comparison, settings: settings, tenant: input.tenant,
                               snapshot: input.snapshot.date, generatedAt: Timestamp(date: input.now).description, limit: limit)
        let artifacts = try report.artifacts(input.templates)
        return PluginOutput(artifacts: artifacts, summary: Self.summary(audit, comparison: comparison, report: report),
                            notices: notices)
    }

    static func summary(_ audit: SEOAudit, comparison: AuditComparison?, report: SEOReport) -> ReportSummary {
        let total = audit.findings.count
        var detail = counted(audit.count(.error), "error") + ", " + counted(audit.count(.warning), "warning") + ", "
            + counted(audit.count(.notice), "notice") + " on " + counted(audit.auditedURLs.count, "page")
        if !audit.skippedURLs.isEmpty { detail += " (\(audit.skippedURLs.count) over the edition limit, not audited)" }
        if let comparison, let new = report.newCount {
            detail += "; \(new) new and \(comparison.fixed.count) fixed since \(comparison.previousSnapshot)"
        }
        return ReportSummary(title: "SEO audit", headline: counted(total, "issue"), detail: detail,
                             link: "\(SEOReport.folder)/index.html")
    }
}
