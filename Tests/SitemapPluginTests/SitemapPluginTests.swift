import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import SEOPlugin
@testable import SitemapPlugin

/// 2026-03-29T02:30:00+02:00
let berlinMorning = Timestamp(millisecondsSinceEpoch: 1_774_744_200_000, offsetSeconds: 7200)

struct SitemapPluginTests {
    @Test func listsIndexableCrawledPagesAndPublishedPages() throws {
        let pages = [
            SitemapFixture.page("b.html"),
            SitemapFixture.page("a.html", head: "<link rel=\"canonical\" href=\"https://acme.example/a.html\">"),
            SitemapFixture.page("noindex.html", head: "<meta name=\"robots\" content=\"noindex\">"),
            SitemapFixture.page("header-noindex.html", headers: [(name: "x-robots-tag", value: "noindex, nofollow")]),
            SitemapFixture.page("canonical-elsewhere.html", head: "<link rel=\"canonical\" href=\"https://acme.example/a.html\">"),
            SitemapFixture.page("file-canonical.html", head: "<link rel=\"canonical\" href=\"file:///srv/file-canonical.html\">"),
            SitemapFixture.page("gone.html", status: 404),
            SitemapFixture.page("moved.html", status: 301),
            SitemapFixture.page("elsewhere.html", url: "https://other.example/elsewhere.html"),
            CrawledPage(url: SitemapFixture.base + "logo.png", status: 200, headers: [(name: "content-type", value: "image/png")],
                        body: [], location: SourceLocation(file: "crawl.ndjson")),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages, published: [PublishedPage(path: "about/"),
                                                                                    PublishedPage(path: "b.html")]))
        let xml = try #require(SitemapFixture.text(output, "site/sitemap.xml"))
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://acme.example/a.html</loc></url>
            <url><loc>https://acme.example/about/</loc></url>
            <url><loc>https://acme.example/b.html</loc></url>
            </urlset>

            """)
        #expect(output.notices.isEmpty)
        #expect(output.artifacts.map(\.path.value) == ["site/sitemap.xml", "site/robots.txt"])
    }

    @Test func lastmodKeepsItsOffset() throws {
        let pages = [
            SitemapFixture.page("header.html", headers: [(name: "last-modified", value: "Tue, 15 Nov 1994 08:12:31 GMT")],
                                fetchedAt: berlinMorning),
            SitemapFixture.page("fetched.html", fetchedAt: berlinMorning),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages, published: [
            PublishedPage(path: "news/", lastModified: Timestamp(millisecondsSinceEpoch: 1_774_744_200_000, offsetSeconds: -18000)),
        ]))
        let xml = try #require(SitemapFixture.text(output, "site/sitemap.xml"))
        #expect(xml.contains("<url><loc>https://acme.example/fetched.html</loc><lastmod>2026-03-29T02:30:00+02:00</lastmod></url>"))
        #expect(xml.contains("<url><loc>https://acme.example/header.html</loc><lastmod>1994-11-15T08:12:31Z</lastmod></url>"))
        #expect(xml.contains("<url><loc>https://acme.example/news/</loc><lastmod>2026-03-28T19:30:00-05:00</lastmod></url>"))
    }

    @Test func fetchTimeIsOptional() throws {
        let settings = PluginSettings(ConfigNode(.map([(key: "lastmod_from_fetch_time",
                                                        value: ConfigNode(.bool(false), at: SourceLocation(file: "t.yml")))]),
                                                 at: SourceLocation(file: "t.yml")))
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([SitemapFixture.page("a.html", fetchedAt: berlinMorning)],
                                                                  settings: settings))
        #expect(try #require(SitemapFixture.text(output, "site/sitemap.xml")).contains("<url><loc>https://acme.example/a.html</loc></url>"))
    }

    @Test(arguments: [
        ("a&b.html", "https://acme.example/a&amp;b.html"),
        ("it's.html", "https://acme.example/it&apos;s.html"),
        ("q?x=\"1\"&y=<2>", "https://acme.example/q?x=%221%22&amp;y=%3C2%3E"),
        ("caf\u{E9} menu/", "https://acme.example/caf%C3%A9%20menu/"),
        ("100%25.html", "https://acme.example/100%25.html"),
    ])
    func escapesLocations(_ path: String, _ expected: String) throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], published: [PublishedPage(path: path)]))
        let xml = try #require(SitemapFixture.text(output, "site/sitemap.xml"))
        #expect(xml.contains("<loc>\(expected)</loc>"))
    }

    @Test func escapesAllFiveCharacters() {
        #expect(String(decoding: SitemapWriter.escape("a&b'c\"d<e>f"), as: UTF8.self) == "a&amp;b&apos;c&quot;d&lt;e&gt;f")
    }

    @Test func robotsTxtPointsAtTheSitemap() throws {
        let settings = PluginSettings(ConfigNode(.map([(key: "disallow", value: ConfigNode(.array([
            ConfigNode(.string("/private/"), at: SourceLocation(file: "t.yml", line: 3)),
            ConfigNode(.string("/*.pdf$"), at: SourceLocation(file: "t.yml", line: 4)),
        ]), at: SourceLocation(file: "t.yml", line: 2)))]), at: SourceLocation(file: "t.yml", line: 1)))
        let pages = [SitemapFixture.page("a.html"), SitemapFixture.page("private/b.html"), SitemapFixture.page("c.pdf")]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages, settings: settings))
        #expect(SitemapFixture.text(output, "site/robots.txt") == """
            User-agent: *
            Disallow: /private/
            Disallow: /*.pdf$

            Sitemap: https://acme.example/sitemap.xml

            """)
        let xml = try #require(SitemapFixture.text(output, "site/sitemap.xml"))
        #expect(xml.contains("a.html") && !xml.contains("private") && !xml.contains("c.pdf"))
    }

    @Test(arguments: [("private/", "must start with '/'"), ("/a$b", "'$' only at the end"), ("/a\nSitemap: x", "control character")])
    func rejectsBadDisallowRules(_ rule: String, _ message: String) {
        let settings = PluginSettings(ConfigNode(.map([(key: "disallow", value: ConfigNode(.array([
            ConfigNode(.string(rule), at: SourceLocation(file: "tenant.yml", line: 7, column: 9)),
        ]), at: SourceLocation(file: "tenant.yml", line: 6)))]), at: SourceLocation(file: "tenant.yml", line: 5)))
        let error = #expect(throws: Diagnostic.self) { try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], settings: settings)) }
        #expect(error?.message.contains(message) == true)
        #expect(error?.location.line == 7)
    }

    @Test func emptySitemapIsNotWritten() throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([SitemapFixture.page("a.html", status: 404)]))
        #expect(output.artifacts.map(\.path.value) == ["site/robots.txt"])
        #expect(SitemapFixture.text(output, "site/robots.txt") == "User-agent: *\nDisallow:\n")
        #expect(output.notices.map(\.severity) == [.warning])
    }

    @Test func robotsTxtBelowTheHostRootIsAWarning() throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([SitemapFixture.page("3.11/a.html")], baseURL: "https://acme.example/3.11/"))
        #expect(output.notices.contains { $0.message.contains("not the root of its host") })
        #expect(try #require(SitemapFixture.text(output, "site/robots.txt")).hasSuffix("Sitemap: https://acme.example/3.11/sitemap.xml\n"))
    }

    @Test func splitsByURLCount() throws {
        let published = (1...5).map { PublishedPage(path: "p\($0)/") }
        let output = try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 2, maxBytes: 50_000)), SitemapFixture.input([], published: published))
        #expect(output.artifacts.map(\.path.value) == ["site/sitemap-1.xml", "site/sitemap-2.xml", "site/sitemap-3.xml",
                                                        "site/sitemap_index.xml", "site/robots.txt"])
        #expect(SitemapFixture.text(output, "site/sitemap_index.xml") == """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://acme.example/sitemap-1.xml</loc></sitemap>
            <sitemap><loc>https://acme.example/sitemap-2.xml</loc></sitemap>
            <sitemap><loc>https://acme.example/sitemap-3.xml</loc></sitemap>
            </sitemapindex>

            """)
        #expect(try #require(SitemapFixture.text(output, "site/sitemap-3.xml")).contains("<loc>https://acme.example/p5/</loc>"))
        #expect(try #require(SitemapFixture.text(output, "site/robots.txt")).contains("Sitemap: https://acme.example/sitemap_index.xml"))
    }

    @Test func splitsByBytes() throws {
        let entries = (1...10).map { SitemapEntry(loc: "https://acme.example/page-\($0)/", lastModified: berlinMorning) }
        let one = SitemapWriter.urlElement(entries[0]).count
        let maxBytes = SitemapWriter.urlsetHeader().count + SitemapWriter.urlsetFooter.count + 3 * one + 2
        let written = try SitemapWriter.files(entries.sorted(), baseURL: SitemapFixture.base,
                                              limits: SitemapLimits(maxURLs: 50_000, maxBytes: maxBytes))
        #expect(written.root == "sitemap_index.xml")
        let sitemaps = written.files.dropLast()
        #expect(sitemaps.allSatisfy { $0.bytes.count <= maxBytes })
        #expect(sitemaps.count == 4)
        let listed = sitemaps.flatMap { String(decoding: $0.bytes, as: UTF8.self).components(separatedBy: "<loc>").dropFirst() }
        #expect(listed.count == 10)
        #expect(String(decoding: written.files.last!.bytes, as: UTF8.self).contains("<lastmod>2026-03-29T02:30:00+02:00</lastmod>"))
    }

    @Test func deduplicatesKeepingTheNewestLastmod() {
        let older = Timestamp(millisecondsSinceEpoch: 1_000_000, offsetSeconds: 0)
        let merged = SitemapURLs.merged([SitemapEntry(loc: "https://a.example/b"), SitemapEntry(loc: "https://a.example/a", lastModified: older),
                                         SitemapEntry(loc: "https://a.example/a", lastModified: berlinMorning)])
        #expect(merged == [SitemapEntry(loc: "https://a.example/a", lastModified: berlinMorning), SitemapEntry(loc: "https://a.example/b")])
    }

    @Test func sameInputSameBytes() throws {
        let pages = (1...30).map { SitemapFixture.page("p\($0).html", fetchedAt: berlinMorning) }
        let first = try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 7, maxBytes: 100_000)), SitemapFixture.input(pages))
        let second = try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 7, maxBytes: 100_000)), SitemapFixture.input(pages.reversed()))
        #expect(first.artifacts.map(\.path) == second.artifacts.map(\.path))
        #expect(first.artifacts.map(\.bytes) == second.artifacts.map(\.bytes))
    }

    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"),
        ("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"),
        ("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z"),
        ("Thu, 29 Feb 2024 23:59:59 GMT", "2024-02-29T23:59:59Z"),
    ])
    func parsesHTTPDates(_ text: String, _ expected: String) {
        #expect(HTTPDate.parse(text)?.description == expected)
    }

    @Test(arguments: ["yesterday", "", "Sun, 06 Nov 1994"])
    func rejectsBadHTTPDates(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test(arguments: [
        ("/private/", "/private/a.html", true), ("/private/", "/privat", false), ("/*.pdf$", "/a/b.pdf", true),
        ("/*.pdf$", "/a/b.pdf?x=1", false), ("/a*b", "/a/x/b/c", true), ("/", "/anything", true), ("/a$", "/a", true), ("/a$", "/ab", false),
    ])
    func robotsPatterns(_ pattern: String, _ path: String, _ expected: Bool) {
        #expect(RobotsTxt.matches(pattern, path: path) == expected)
    }
}

/// Every generated sitemap validates against the sitemaps.org schemas (../shared/schemas/sitemaps).
@Suite(.enabled(if: SchemaValidator.schemaFolder != nil, "needs ../shared/schemas/sitemaps (or HERALD_SHARED)"))
struct SitemapSchemaTests {
    static let folder = SchemaValidator.schemaFolder ?? ""

    func generated() throws -> PluginOutput {
        let pages = [
            SitemapFixture.page("a&b.html", headers: [(name: "last-modified", value: "Sun, 06 Nov 1994 08:49:37 GMT")]),
            SitemapFixture.page("c.html", fetchedAt: berlinMorning),
        ] + (1...9).map { SitemapFixture.page("p\($0).html") }
        return try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 4, maxBytes: 100_000)),
                                      SitemapFixture.input(pages, published: [PublishedPage(path: "it's <new>/", lastModified: berlinMorning)]))
    }

    @Test func splitSitemapsValidate() throws {
        let output = try generated()
        let sitemaps = output.artifacts.filter { $0.path.value.hasPrefix("site/sitemap-") }
        #expect(sitemaps.count == 3)
        for sitemap in sitemaps {
            #expect(SchemaValidator.errors(sitemap.bytes, schema: Self.folder + "/sitemap.xsd") == [], "\(sitemap.path)")
        }
    }

    @Test func indexValidates() throws {
        let index = try #require(try generated().artifacts.first { $0.path.value == "site/sitemap_index.xml" })
        #expect(SchemaValidator.errors(index.bytes, schema: Self.folder + "/siteindex.xsd") == [])
    }

    @Test func singleSitemapValidates() throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([SitemapFixture.page("a.html", fetchedAt: berlinMorning)]))
        let sitemap = try #require(output.artifacts.first { $0.path.value == "site/sitemap.xml" })
        #expect(SchemaValidator.errors(sitemap.bytes, schema: Self.folder + "/sitemap.xsd") == [])
    }

    /// Pages with images and language versions, split two URLs per file, plain or gzip: every file the plugin emits
    /// validates (urlsets against sitemap.xsd with Herald's image and xhtml:link schemas, the index against
    /// siteindex.xsd) and passes `herald sitemap check` as published (gzip bytes included).
    @Test(arguments: [false, true])
    func sitemapsWithImagesAndAlternatesValidate(_ gzip: Bool) throws {
        let base = SitemapFixture.base
        let links = ["en", "de-AT", "pt_BR", "x-default"].enumerated().map { index, code in
            "<link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(base)v\(index == 3 ? 0 : index)/\">"
        }.joined()
        let pages = (0..<3).map { SitemapFixture.page("v\($0)/", head: links + "</head><body><img src=\"/i/\($0)&amp;x.png\"><head>",
                                                       fetchedAt: berlinMorning) }
            + [SitemapFixture.page("plain.html", fetchedAt: berlinMorning)]
        let settings = try SitemapFixture.settings("gzip: \(gzip)")
        let output = try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 2, maxBytes: 100_000)),
                                            SitemapFixture.input(pages, published: [PublishedPage(path: "it's <new>/", images: ["a.png"])],
                                                                 settings: settings))
        #expect(output.notices.isEmpty)
        let sitemaps = output.artifacts.filter { $0.path.value.hasPrefix("site/sitemap-") }
        #expect(sitemaps.count == 3)
        var sawExtensions = false
        for sitemap in sitemaps {
            #expect(sitemap.path.value.hasSuffix(".gz") == gzip)
            let plain = gzip ? try GzipMembers.inflate(sitemap.bytes, limit: SitemapLimits.standard.maxBytes).get() : sitemap.bytes
            sawExtensions = sawExtensions || String(decoding: plain, as: UTF8.self).contains("<xhtml:link")
            #expect(SchemaValidator.errors(plain, schema: Self.folder + "/herald-sitemap-with-extensions.xsd") == [], "\(sitemap.path)")
            let name = String(sitemap.path.value.dropFirst("site/".count))
            #expect(SitemapCheck.check(sitemap.bytes, file: name, url: base + name).problems.map(\.description) == [])
        }
        #expect(sawExtensions)
        let index = try #require(output.artifacts.first { $0.path.value == "site/sitemap_index.xml" })
        #expect(SchemaValidator.errors(index.bytes, schema: Self.folder + "/siteindex.xsd") == [])
        #expect(SitemapCheck.check(index.bytes, file: "sitemap_index.xml", url: base + "sitemap_index.xml").problems.map(\.description) == [])
    }

    @Test(arguments: [
        "<url><loc>https://acme.example/</loc><image:image><image:title>x</image:title></image:image></url>",
        "<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\"/></url>",
    ])
    func extensionSchemaRejectsBrokenExtensions(_ body: String) {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            + "xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\(body)</urlset>"
        #expect(!SchemaValidator.errors(Array(xml.utf8), schema: Self.folder + "/herald-sitemap-with-extensions.xsd").isEmpty)
    }

    /// The validator itself rejects what it must (so the tests above can fail).
    @Test func validatorRejectsAnUnescapedAmpersandAndABadOffset() {
        let bad = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://acme.example/a?x=1&y=2</loc></url></urlset>
            """.utf8)
        #expect(!SchemaValidator.errors(bad, schema: Self.folder + "/sitemap.xsd").isEmpty)
        let offset = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://acme.example/a</loc><lastmod>2026-03-29T02:30:00-0500</lastmod></url></urlset>
            """.utf8)
        #expect(!SchemaValidator.errors(offset, schema: Self.folder + "/sitemap.xsd").isEmpty)
    }
}

struct SitemapLimitTests {
    @Test func tooManySitemapsForOneIndexIsAnError() {
        let entries = (1...5).map { SitemapEntry(loc: "https://acme.example/p\($0)") }
        #expect(throws: SitemapWriter.LimitError.self) {
            try SitemapWriter.files(entries, baseURL: SitemapFixture.base, limits: SitemapLimits(maxURLs: 1, maxBytes: 10_000, maxIndexEntries: 4))
        }
    }

    @Test func anEntryLargerThanAFileIsAnError() {
        #expect(throws: SitemapWriter.LimitError.self) {
            try SitemapWriter.files([SitemapEntry(loc: "https://acme.example/" + String(repeating: "x", count: 500))],
                                    baseURL: SitemapFixture.base, limits: SitemapLimits(maxURLs: 10, maxBytes: 300))
        }
    }

    @Test func standardLimitsAreTheProtocols() {
        #expect(SitemapLimits.standard == SitemapLimits(maxURLs: 50_000, maxBytes: 52_428_800, maxIndexEntries: 50_000, maxIndexBytes: 52_428_800))
    }
}

/// The sitemap and the SEO audit share one parse of each page through the crawl's memo; either still runs alone.
@Suite struct SharedPageAnalysisTests {
    @Test func eachPageIsParsedOncePerBuild() throws {
        let pages = (0..<5).map { SitemapFixture.page("p\($0).html") } + [SitemapFixture.page("gone.html", status: 404)]
        let input = SitemapFixture.input(pages)
        let crawl = try #require(input.snapshot.crawl)
        _ = try SEOPlugin().run(input)
        #expect(crawl.memo.computedCount == 5)
        let sitemap = try SitemapFixture.run(SitemapPlugin(), input)
        #expect(crawl.memo.computedCount == 5)
        #expect(SitemapFixture.text(sitemap, "site/sitemap.xml")?.components(separatedBy: "<url>").count == 6)
    }

    @Test func theSitemapAloneParsesThePagesItself() throws {
        let input = SitemapFixture.input([SitemapFixture.page("a.html"), SitemapFixture.page("b.html")])
        _ = try SitemapFixture.run(SitemapPlugin(), input)
        #expect(input.snapshot.crawl?.memo.computedCount == 2)
    }

    @Test func changingThePagesStartsAFreshMemo() {
        var crawl = Crawl(pages: [SitemapFixture.page("a.html", head: "<meta name=\"robots\" content=\"noindex\">")])
        #expect(SitemapURLs.crawled(crawl, baseURL: SitemapFixture.base, settings: SitemapSettings()).entries.isEmpty)
        crawl.pages = [SitemapFixture.page("a.html")]
        #expect(crawl.memo.computedCount == 0)
        #expect(SitemapURLs.crawled(crawl, baseURL: SitemapFixture.base, settings: SitemapSettings()).entries.count == 1)
    }
}
