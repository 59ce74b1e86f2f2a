import AttributionPlugin
import CommandCenterPlugin
import Foundation
import Generator
import HeraldData
import NewsletterPlugin
import PagesPlugin
import ReputationPlugin
import SEOPlugin
import SitemapPlugin

/// Herald's built-in plugins. A new plugin is a folder under `Sources/Plugins`, a target, and one line here.
public enum BuiltinPlugins {
    public static var all: [any Plugin] {
        [
            PagesPlugin(),
            SEOPlugin(),
            SitemapPlugin(),
            NewsletterPlugin(),
            AttributionPlugin(),
            ReputationPlugin(),
            CommandCenterPlugin(),
        ]
    }

    /// The edition limits the plugins read; any other name in herald.yml is a typo.
    public static var limitNames: Set<String> {
        [PagesPlugin.limitKey, SEOPlugin.pageLimitKey, NewsletterPlugin.limitKey]
    }

    /// Writes `<out>/index.html`, the index of every tenant in the output folder, with its status and headlines.
    public static func writeTenantIndex(results: [TenantResult], output: String, themes: ThemeFactory,
                                        projectRoot: String, now: Date, fileSystem: any FileSystem = LocalFileSystem()) throws {
        // Every tenant with output, not just this run's: failed tenants still show their previous figures.
        // A tenant another build was writing is that build's to report: its folder is not this run's failure.
        let failures = Dictionary(results.compactMap { r in r.leftToOtherBuild ? nil : r.failure.map { (r.tenant, $0) } },
                                  uniquingKeysWith: { a, _ in a })
        var entries = BuildManifest.all(in: output, fileSystem: fileSystem).map { manifest in
            TenantIndexEntry(id: manifest.tenant, name: manifest.name, failure: failures[manifest.tenant],
                             snapshot: manifest.snapshot,
                             summaries: manifest.reports.map { ReportSummary(title: $0.title, headline: $0.headline, detail: $0.detail, link: $0.link) })
        }
        for result in results where result.failure != nil && !entries.contains(where: { $0.id == result.tenant }) {
            entries.append(TenantIndexEntry(id: result.tenant, name: result.name, failure: result.failure,
                                            snapshot: result.snapshotDate, summaries: [], hasOutput: false))
        }
        entries.sort { $0.id < $1.id }
        let renderer = ThemeFactory.renderer(roots: [projectRoot + "/templates", themes.builtinRoot].filter { fileSystem.exists($0) })
        let html = try CommandCenterIndex.render(tenants: entries, templates: renderer, now: now)
        try ArtifactWriter(fileSystem: fileSystem).replaceFile(Array(html.utf8), at: output + "/index.html", stagingTag: "\(getpid())")
    }
}

extension BuiltinPlugins {
    /// The reputation plugin's sentiment against the human-rated corpora under `sharedRoot/corpus/sentiment`.
    public static func sentimentEvaluation(sharedRoot: String) throws -> String {
        try ReputationEvaluation.run(sharedRoot: sharedRoot)
    }
}

extension BuiltinPlugins {
    /// The SEO plugin's robots.txt matcher for `herald robots check`: one line per URL, and the file's notes.
    public static func robotsCheck(robots: [UInt8], file: String, agent: String, urls: [String]) -> (lines: [String], notes: [Diagnostic]) {
        let report = RobotsCheck.run(robots: robots, file: file, agent: agent, urls: urls)
        return (report.lines, report.notes)
    }
}

extension BuiltinPlugins {
    /// The newsletter plugin's CSS inliner for `herald inline-css`: `<style>` rules (and `css`, applied after them)
    /// moved into `style` attributes.
    public static func inlineCSS(html: [UInt8], css: String?) -> [UInt8] {
        CSSInliner().inline(html, extraCSS: css)
    }

    /// The newsletter plugin's plain-text alternative for `herald html2text`.
    public static func plainText(html: [UInt8]) -> String {
        PlainTextRenderer().render(html)
    }

    /// The sitemap plugin's checker for `herald sitemap check`: the problems of one sitemap file, and a summary line.
    public static func sitemapCheck(_ bytes: [UInt8], file: String, url: String?) -> (problems: [Diagnostic], summary: String) {
        let result = SitemapCheck.check(bytes, file: file, url: url)
        let noun = result.kind == "sitemapindex" ? counted(result.entries, "sitemap") : counted(result.entries, "URL")
        let summary = "\(file): \(result.kind ?? "unreadable"), \(noun), " + counted(result.problems.count, "problem")
        return (result.problems, summary)
    }
}

extension BuiltinPlugins {
    /// `herald unsubscribe verify`: whether `token` is the newsletter's HMAC token for the tenant, issue and subscriber.
    public static func verifyUnsubscribe(secret: [UInt8], token: String, tenant: String, issue: String, subscriber: String) -> Bool {
        UnsubscribeToken(secret: secret).verify(token, tenant: tenant, issue: issue, subscriber: subscriber)
    }

    /// The token, issue and subscriber carried by an unsubscribe URL.
    public static func unsubscribeParts(of url: String) -> (token: String, issue: String, subscriber: String)? {
        UnsubscribeToken.parts(of: url)
    }

    /// The SEO plugin's per-page audit for `herald audit`: the JSON document of one page's findings.
    public static func auditPage(html: [UInt8], url: String, headersFile: (bytes: [UInt8], name: String)?) throws -> [UInt8] {
        var status = 200
        var headers: [(name: String, value: String)] = []
        if let headersFile {
            let parsed = try PageAuditReport.headers(headersFile.bytes, file: headersFile.name)
            status = parsed.status ?? 200
            headers = parsed.headers
        }
        return try PageAuditReport.json(PageAuditReport.document(html: html, url: url, headers: headers, status: status))
    }
}
