import Foundation
import Generator
import HeraldData
import Markup
import SEOPlugin

/// The SEO audit's phases on a real crawl (a snapshot's `crawl/` folder with a manifest), on one thread, each run
/// ROUNDS times and its lowest CPU time printed with a count that checks the work:
///
///     herald-bench-seo CRAWL_FOLDER BASE_URL [ROUNDS]      (PHASE=name runs one phase, e.g. under callgrind)
///
/// - parse: libxml2's streaming parse of every page with a visitor that does nothing (the floor under analysis);
/// - analysis: every page decoded and parsed (`PageAnalysis`), the per-page work including libxml2;
/// - page-audit: the per-page rules on the parsed pages;
/// - links: the site-wide link check; site-other: duplicate titles and hreflang;
/// - audit-nocontent / audit: the whole `SEOAudit` with the parse memoised, without / with the main-text duplicates.
/// Run it pinned to one core (`taskset -c 0`); compare builds in alternating runs.
let arguments = Array(CommandLine.arguments.dropFirst())
let folder = arguments[0], baseURL = arguments[1]
let rounds = arguments.count > 2 ? Int(arguments[2])! : 5
func cpu() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
let crawl = CrawlLoader.loadManifest(LocalFileSystem(), folder: folder, displayFolder: folder).value
let settings = SEOSettings()
let now = Date(timeIntervalSince1970: 1_796_104_800)
var pages: [CrawledPage] = []
var seen = Set<String>()
for page in crawl.pages where (200..<300).contains(page.status) && page.isHTML && seen.insert(page.url).inserted { pages.append(page) }
pages.sort { $0.url < $1.url }
let only = ProcessInfo.processInfo.environment["PHASE"]
let analyses = only == "analysis" ? [] : pages.map { PageAnalysis.of($0, in: crawl) }
let warm = only == "analysis" ? nil : SEOAudit(crawl: crawl, settings: settings, baseURL: baseURL, now: now, jobs: 1)
let sitePages = zip(pages, analyses).map { SiteAudit.Page(url: $0.url, facts: $1.facts, headers: $0.headers) }
let index = SiteAudit.crawlIndex(crawl.pages.map { ($0.url, $0.status) })
let redirects = RedirectAudit.redirects(crawl.pages)
func bestOf(_ name: String, _ body: () -> Int) {
    var times: [Double] = []
    var check = 0
    for _ in 0..<rounds {
        let start = cpu()
        check = body()
        times.append(cpu() - start)
    }
    print(String(format: "%-14@ %.4f s  (%d)", name as NSString, times.min()!, check))
}
func best(_ name: String, _ body: () -> Int) {
    if let only, only != name { return }
    bestOf(name, body)
}
/// Visits nothing: what libxml2's streaming parse costs by itself.
struct Nothing: HTMLStreamVisitor {
    var elements = 0
    mutating func root(_ element: HTMLStartTag) {}
    mutating func enter(_ element: HTMLStartTag) { elements += 1 }
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    mutating func leave() {}
}
best("parse") {
    var n = 0
    for page in pages {
        var nothing = Nothing()
        _ = HTMLParser.stream(page.body, &nothing)
        n += nothing.elements
    }
    return n
}
best("analysis") {
    var n = 0
    for page in pages { n += PageAnalysis(page: page).facts.links.count }
    return n
}
best("page-audit") {
    var n = 0
    for (page, analysis) in zip(pages, analyses) {
        n += PageAudit.findings(page: page, analysis: analysis, settings: settings, now: now).count
    }
    return n
}
best("links") {
    SiteAudit.linkFindings(sitePages, crawl: index, scope: SiteAudit.Scope(baseURL: baseURL), enabled: settings.enabledRules,
                           redirects: redirects, jobs: 1).findings.count
}
best("site-other") {
    SiteAudit.duplicateGroups(sitePages).count + SiteAudit.hreflangFindings(sitePages, crawl: index, enabled: settings.enabledRules).count
}
best("audit-nocontent") {
    var quiet = settings
    quiet.disabledRules = ["content-duplicate", "near-duplicate"]
    return SEOAudit(crawl: crawl, settings: quiet, baseURL: baseURL, now: now, jobs: 1).findings.count
}
best("audit") {
    SEOAudit(crawl: crawl, settings: settings, baseURL: baseURL, now: now, jobs: 1).findings.count
}
print("findings", warm?.findings.count ?? 0)
// The whole plugin, the parse memoised (`warm` filled the crawl's memo), with the built-in theme when it is found
// (run from the repository, or THEME=path/to/templates): its time less `audit`'s is the report's.
let themeRoot = ProcessInfo.processInfo.environment["THEME"] ?? FileManager.default.currentDirectoryPath + "/templates"
if warm != nil, FileManager.default.fileExists(atPath: themeRoot) {
    var snapshot = Snapshot(date: "2026-12-01", folder: folder)
    snapshot.crawl = crawl
    let input = PluginInput(tenant: TenantConfig(id: "bench", name: "Bench", baseURL: baseURL, edition: "audit"), snapshot: snapshot,
                            settings: PluginSettings(ConfigNode(.map([]), at: SourceLocation(file: "bench"))), now: now,
                            templates: ThemeFactory.renderer(roots: [themeRoot]), jobs: 1)
    best("plugin") { (try? SEOPlugin().run(input).artifacts.count) ?? -1 }
}
