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
        let currentCrawl = input.snapshot.crawl ?? Crawl(pages: [])
        let audit = SEOAudit(crawl: currentCrawl, settings: settings, baseURL: input.tenant.baseURL, limit: limit, now: input.now,
                             jobs: input.jobs)

        func audited(_ crawl: Crawl) -> SEOAudit {
            AuditTrend.reuseAnalyses(into: crawl, from: currentCrawl)
            return SEOAudit(crawl: crawl, settings: settings, baseURL: input.tenant.baseURL, limit: limit, now: input.now,
                            jobs: input.jobs)
        }
        var comparison: AuditComparison?
        var previousAudit: (date: String, audit: SEOAudit)?
        if settings.compareWithPrevious || settings.trendSnapshots > 0, let previous = input.previous, let crawl = previous.crawl {
            previousAudit = (previous.date, audited(crawl))
        }
        if settings.compareWithPrevious, let previousAudit {
            comparison = AuditComparison(current: audit.findings, previous: previousAudit.audit.findings,
                                         previousSnapshot: previousAudit.date)
        }
        var notices: [Diagnostic] = []
        var trend: AuditTrend?
        if settings.trendSnapshots > 0 {
            let built = AuditTrend(current: AuditTrend.Point(snapshot: input.snapshot.date, audit: audit), history: input.history,
                                   count: settings.trendSnapshots, previous: previousAudit, audit: audited)
            for skipped in built.skipped {
                notices.append(Diagnostic("snapshot \(skipped.date) is left out of the SEO trend: \(skipped.reason)",
                                          at: input.settings.location(of: "trend_snapshots"), severity: .warning))
            }
            trend = built
        }

        if let limit, !audit.skippedURLs.isEmpty {
            var location = input.tenant.location
            location.keyPath = "edition"
            notices.append(Diagnostic(
                "edition '\(input.tenant.edition)' audits at most \(limit) pages (\(Self.pageLimitKey)); the crawl has "
                    + "\(audit.htmlPageCount) HTML pages, so \(audit.skippedURLs.count) were not audited "
                    + "(listed in \(SEOReport.folder)/index.html), starting with \(audit.skippedURLs[0])",
                at: location, severity: .warning))
        }

        if let notice = Self.originMismatch(audit.auditedURLs, baseURL: input.tenant.baseURL, tenant: input.tenant) {
            notices.append(notice)
        }

        let report = SEOReport(audit: audit, comparison: comparison, trend: trend, settings: settings, tenant: input.tenant,
                               snapshot: input.snapshot.date, generatedAt: Timestamp(date: input.now).description, limit: limit,
                               jobs: input.jobs)
        let artifacts = try report.artifacts(input.templates)
        return PluginOutput(artifacts: artifacts, summary: Self.summary(audit, comparison: comparison, report: report),
                            notices: notices)
    }

    /// A warning when no audited page is on the base URL's origin: the site-wide checks (internal links, robots.txt,
    /// sitemaps, orphans) judge pages against the base URL, so a crawl of another host (a staging server, a local
    /// copy) audits as a foreign site. Names the crawl's own origin to use instead.
    static func originMismatch(_ audited: [String], baseURL: String, tenant: TenantConfig) -> Diagnostic? {
        guard let first = audited.first, let origin = WebURL(baseURL).normalized.origin else { return nil }
        if audited.contains(where: { WebURL($0).normalized.origin == origin }) { return nil }
        var location = tenant.location
        location.keyPath = "base_url"
        let crawlOrigin = WebURL(first).normalized.origin.map { " (the first is on \($0))" } ?? ""
        return Diagnostic("none of the \(counted(audited.count, "audited page")) is on the base URL's origin \(origin)\(crawlOrigin): "
                              + "internal links, robots.txt and sitemaps are judged against the base URL, so set base_url to the "
                              + "crawled site's address", at: location, severity: .warning)
    }

    static func summary(_ audit: SEOAudit, comparison: AuditComparison?, report: SEOReport) -> ReportSummary {
        let total = audit.findings.count
        var detail = counted(audit.count(.error), "error") + ", " + counted(audit.count(.warning), "warning") + ", "
            + counted(audit.count(.notice), "notice") + " on " + counted(audit.auditedURLs.count, "page")
        if !audit.skippedURLs.isEmpty { detail += " (\(audit.skippedURLs.count) over the edition limit, not audited)" }
        if let comparison, let new = report.newCount {
            detail += "; \(new) new and \(comparison.fixed.count) fixed since \(comparison.previousSnapshot)"
        }
        if let score = audit.score { detail += "; score \(score.text)/100" }
        return ReportSummary(title: "SEO audit", headline: counted(total, "issue"), detail: detail,
                             link: "\(SEOReport.folder)/index.html")
    }
}
