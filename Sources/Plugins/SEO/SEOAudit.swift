import Foundation
import Generator
import HeraldData
import Markup

/// The whole audit of one crawl: which pages are audited, the per-page and site-wide rules, sorted findings.
public struct SEOAudit: Sendable {
    /// Every finding, sorted (see `SEOFinding.<`).
    public var findings: [SEOFinding]
    /// Duplicate title/description groups among the audited pages.
    public var duplicateGroups: [SiteAudit.DuplicateGroup]
    /// Exact and near duplicate main-text groups among the audited pages.
    public var contentGroups: [ContentDuplicates.Group]
    /// HTML pages with a 2xx status in the crawl (deduplicated by URL).
    public var htmlPageCount: Int
    /// The audited pages' URLs, sorted.
    public var auditedURLs: [String]
    /// HTML pages left out because of the edition limit, sorted.
    public var skippedURLs: [String]
    public var linkCounts: SiteAudit.LinkCounts
    /// Clicks from the home page to each audited page.
    public var depth: CrawlDepth

    /// Audits `crawl`'s pages, reusing (and filling) its memo of parsed pages.
    public init(crawl: Crawl, settings: SEOSettings, baseURL: String, limit: Int? = nil, now: Date? = nil, jobs: Int? = nil) {
        self.init(pages: crawl.pages, settings: settings, baseURL: baseURL, limit: limit, memo: crawl, now: now, jobs: jobs)
    }

    /// Audits `pages`. At most `limit` HTML pages are audited (the first by URL); the rest are listed in `skippedURLs`.
    /// `memo` is the crawl the pages come from, whose memo holds pages another plugin already parsed.
    /// `now` (the build's instant) decides whether `unavailable_after` dates have passed; nil leaves them unjudged.
    /// `jobs` caps the threads that parse and check pages (nil: all cores).
    public init(pages: [CrawledPage], settings: SEOSettings, baseURL: String, limit: Int? = nil, memo: Crawl? = nil,
                now: Date? = nil, jobs: Int? = nil) {
        // The pages the audit looks at: 2xx HTML, one per URL, sorted.
        var seen = Set<String>()
        var candidates: [CrawledPage] = []
        for page in pages where (200..<300).contains(page.status) && page.isHTML {
            if seen.insert(page.url).inserted { candidates.append(page) }
        }
        candidates.sort { $0.url < $1.url }
        htmlPageCount = candidates.count
        let auditCount = min(candidates.count, max(limit ?? Int.max, 0))
        let audited = candidates.prefix(auditCount)
        auditedURLs = audited.map(\.url)
        skippedURLs = candidates.dropFirst(auditCount).map(\.url)

        // Parse each page once.
        let auditedPages = Array(audited)
        // Every crawled URL normalised once: the crawl index, the redirect chains and robots.txt all look them up.
        let crawlKeys = pages.map { WebURL($0.url).normalized.description }
        let robots = RobotsAudit.matcher(crawl: pages, keys: crawlKeys, baseURL: baseURL)
        let perPage = ParallelMap.map(auditedPages.count, width: jobs) { index in
            let page = auditedPages[index]
            let analysis = PageAnalysis.of(page, in: memo)
            let pageRobots = robots.flatMap { WebURL(page.url).normalized.origin == $0.origin ? $0.matcher : nil }
            return (SiteAudit.Page(url: page.url, facts: analysis.facts, headers: page.headers),
                    PageAudit.findings(page: page, analysis: analysis, settings: settings, now: now, robots: pageRobots))
        }
        let sitePages = perPage.map(\.0)
        var findings = perPage.flatMap(\.1)

        let enabled = settings.enabledRules
        duplicateGroups = SiteAudit.duplicateGroups(sitePages)
        findings += SiteAudit.duplicateFindings(duplicateGroups, pages: sitePages, enabled: enabled)
        contentGroups = ContentDuplicates.groups(auditedPages, settings: settings, enabled: enabled, jobs: jobs)
        findings += ContentDuplicates.findings(contentGroups)
        let index = SiteAudit.crawlIndex(keys: crawlKeys, statuses: pages.map(\.status))
        let redirects = RedirectAudit.redirects(pages)
        let links = SiteAudit.linkFindings(sitePages, crawl: index, scope: SiteAudit.Scope(baseURL: baseURL), enabled: enabled,
                                           redirects: redirects, jobs: jobs)
        findings += RedirectAudit.chainFindings(redirects, pages: pages, keys: crawlKeys, enabled: enabled)
        findings += RedirectAudit.canonicalFindings(sitePages, crawl: index, redirects: redirects, enabled: enabled)
        findings += links.findings
        findings += SiteAudit.hreflangFindings(sitePages, crawl: index, enabled: enabled)
        if enabled.contains(.hreflangMissing) { findings += LanguageVersions.findings(sitePages) }
        if enabled.contains(.robotsTxtBlocked) {
            findings += RobotsAudit.findings(auditedURLs, robots: robots, agent: settings.robotsAgent)
        }
        linkCounts = links.counts
        depth = CrawlDepth(baseURL: baseURL, audited: auditedURLs, targets: links.counts.targets)
        if enabled.contains(.crawlDepth) { findings += depth.findings(maximum: settings.maxCrawlDepth) }
        if enabled.contains(.orphanPage) { findings += OrphanAudit.findings(pages, targets: links.counts.targets, home: depth.home ?? baseURL) }
        self.findings = SEOFinding.sorted(findings)
    }

    /// The 0–100 score (`SiteScore`); nil when no page was audited.
    public var score: SiteScore? { SiteScore(findings: findings, auditedPages: auditedURLs.count) }

    /// Findings per severity.
    public func count(_ severity: SEOSeverity) -> Int {
        // By index: a closure over the findings would copy each one (four retained strings).
        var count = 0
        for i in findings.indices where findings[i].severity == severity { count += 1 }
        return count
    }

    /// Findings per rule.
    public var countsByRule: [SEORule: Int] {
        var counts: [SEORule: Int] = [:]
        for i in findings.indices { counts[findings[i].rule, default: 0] += 1 }
        return counts
    }
}
