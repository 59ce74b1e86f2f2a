import HeraldData
import Testing
@testable import SEOPlugin

/// orphan-page: URLs listed in a sitemap of the crawl that no audited page links to.
private let site = Fixture.site

@Suite struct OrphanTests {
    static func sitemap(_ urls: [String], path: String = "sitemap.xml") -> CrawledPage {
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.map { "  <url>\n    <loc> \($0) </loc>\n  </url>\n" }.joined() + "</urlset>\n"
        return CrawledPage(url: site + path, status: 200, headers: [(name: "content-type", value: "application/xml")],
                           body: Array(body.utf8), location: SourceLocation(file: "crawl.warc"))
    }

    static func orphans(_ pages: [CrawledPage]) -> [SEOFinding] {
        SEOAudit(pages: pages, settings: SEOSettings(), baseURL: site).findings.filter { $0.rule == .orphanPage }
    }

    @Test func listedButNotLinked() throws {
        // page.html links to other.html (the fixture's default link); lonely.html is linked from nowhere.
        let pages = Fixture.crawl(Fixture.page("page.html"), extra: [
            Self.sitemap([site + "page.html", site + "other.html", site + "lonely.html?a=1&amp;b=2", site + "never-crawled.html"]),
        ])
        let found = Self.orphans(pages)
        #expect(found.map(\.url) == [site + "lonely.html?a=1&b=2", site + "never-crawled.html", site + "page.html"])
        let first = try #require(found.first)
        #expect(first.evidence == "<loc>https://example.com/lonely.html?a=1&b=2</loc>")
        #expect(first.message == "listed in https://example.com/sitemap.xml (line 10) but no audited page links to it")
        #expect(first.severity == .warning)
    }

    @Test func homeAndFolderAliasesAreNotOrphans() {
        var document = Fixture.Document()
        document.body.append("<a href=\"docs/\">docs</a>")
        let pages = Fixture.crawl(Fixture.page("page.html", document), extra: [Self.sitemap([site, site + "docs/index.html", site + "other.html"])])
        #expect(Self.orphans(pages).isEmpty)
    }

    @Test func noSitemapNoFindings() {
        #expect(Self.orphans(Fixture.crawl(Fixture.page("page.html"))).isEmpty)
        let notFound = CrawledPage(url: site + "sitemap.xml", status: 404, body: Array("<urlset><url><loc>\(site)x.html</loc></url></urlset>".utf8),
                                   location: SourceLocation(file: "crawl.warc"))
        #expect(Self.orphans(Fixture.crawl(Fixture.page("page.html"), extra: [notFound])).isEmpty)
    }

    @Test("sitemaps are found by their XML content type or .xml path, never inside HTML pages", arguments: [
        ("sitemap.xml", [(name: "content-type", value: "text/xml; charset=utf-8")], true),
        ("sitemap.xml", [], true),
        ("sitemaps/pages", [(name: "content-type", value: "application/xml")], true),
        ("sitemap.html", [(name: "content-type", value: "text/html")], false),
        ("notes.txt", [(name: "content-type", value: "text/plain")], false),
    ] as [(String, [(name: String, value: String)], Bool)])
    func sitemapRecognition(path: String, headers: [(name: String, value: String)], read: Bool) {
        var sitemap = Self.sitemap([site + "lonely.html"], path: path)
        sitemap.headers = headers
        #expect(Self.orphans(Fixture.crawl(Fixture.page("page.html"), extra: [sitemap])).map(\.url) == (read ? [site + "lonely.html"] : []))
    }
}
