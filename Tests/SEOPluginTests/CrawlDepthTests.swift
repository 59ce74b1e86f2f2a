import HeraldData
import Testing
@testable import SEOPlugin

/// Clicks from the home page: breadth-first over the audited pages' internal links.
@Suite struct CrawlDepthTests {
    static let site = Fixture.site

    /// A page whose body links to `links` (paths), with its own title so no duplicate findings interfere.
    static func page(_ path: String, links: [String]) -> CrawledPage {
        var document = Fixture.Document()
        document.head = document.head.map { $0.hasPrefix("<title>") ? "<title>Page \(path)</title>" : $0 }
        document.body = ["<h1>\(path)</h1>"] + links.map { "<a href=\"\($0)\">to \($0)</a>" }
        return Fixture.page(path, document)
    }

    /// index → a → b → c → d → e → f, plus `island.html` that nothing links to.
    static let chain: [CrawledPage] = [
        page("", links: ["a.html", "#top"]), page("a.html", links: ["b.html", "/"]), page("b.html", links: ["c.html"]),
        page("c.html", links: ["d.html"]), page("d.html", links: ["e.html"]), page("e.html", links: ["f.html", "a.html"]),
        page("f.html", links: []), page("island.html", links: ["a.html"]),
    ]

    @Test func depthsAndDistribution() {
        let audit = SEOAudit(pages: Self.chain, settings: SEOSettings(), baseURL: Self.site)
        #expect(audit.depth.home == Self.site)
        #expect(audit.depth.depths[Self.site + "f.html"] == 6)
        #expect(audit.depth.distribution.map(\.pages) == [1, 1, 1, 1, 1, 1, 1])
        #expect(audit.depth.unreachable == [Self.site + "island.html"])
        let deep = audit.findings.filter { $0.rule == .crawlDepth }
        #expect(deep.map(\.url) == [Self.site + "e.html", Self.site + "f.html"])
        #expect(deep.first?.evidence == "depth 5")
        #expect(deep.first?.message == "5 clicks from the home page (maximum 4): https://example.com/ → https://example.com/a.html → https://example.com/b.html → https://example.com/c.html → https://example.com/d.html → https://example.com/e.html")
    }

    @Test func shortestPathWins() {
        var pages = Self.chain
        pages[0] = Self.page("", links: ["a.html", "f.html"])
        let audit = SEOAudit(pages: pages, settings: SEOSettings(), baseURL: Self.site)
        #expect(audit.depth.depths[Self.site + "f.html"] == 1)
        #expect(audit.findings.filter { $0.rule == .crawlDepth }.map(\.url) == [Self.site + "e.html"])
    }

    @Test func thresholdComesFromSettings() {
        var settings = SEOSettings()
        settings.maxCrawlDepth = 6
        #expect(SEOAudit(pages: Self.chain, settings: settings, baseURL: Self.site).findings.filter { $0.rule == .crawlDepth }.isEmpty)
    }

    @Test func homeAsIndexHTML() {
        // The crawl has /index.html only; the base URL is the folder.
        let pages = [Self.page("index.html", links: ["a.html"]), Self.page("a.html", links: [])]
        let depth = SEOAudit(pages: pages, settings: SEOSettings(), baseURL: Self.site).depth
        #expect(depth.home == Self.site + "index.html")
        #expect(depth.depths == [Self.site + "index.html": 0, Self.site + "a.html": 1])
    }

    @Test func withoutAHomePageNothingIsMeasured() {
        let depth = SEOAudit(pages: [Self.page("a.html", links: [])], settings: SEOSettings(), baseURL: Self.site).depth
        #expect(depth.home == nil && depth.depths.isEmpty && depth.unreachable.isEmpty)
    }
}
