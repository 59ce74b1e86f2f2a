import Foundation
import Generator
import HeraldData
import Testing
@testable import SEOPlugin
@testable import SitemapPlugin

/// Images, hreflang alternates, gzip, exclusion rules and streaming: what the sitemap writes beyond `<loc>`.
@Suite struct SitemapGenerationTests {
    static func xml(_ output: PluginOutput, _ path: String = "site/sitemap.xml") throws -> String {
        try #require(SitemapFixture.text(output, path))
    }

    static func hreflangPage(_ path: String, _ links: [(String, String)], body: String = "") -> CrawledPage {
        let head = links.map { "<link rel=\"alternate\" hreflang=\"\($0.0)\" href=\"\($0.1)\">" }.joined()
        return SitemapFixture.page(path, head: head + "</head><body>" + body + "<head>")
    }

    // MARK: images

    @Test func imagesOfCrawledPagesAreListedOnceWithTheirNamespace() throws {
        let body = "<img src=\"/img/a.png\" alt=\"\"><img src=\"b&amp;c.jpg\"><img src=\"/img/a.png\"><img src=\"data:image/png;base64,AA\">"
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([
            SitemapFixture.page("shop/index.html", head: "</head><body>\(body)<head>"), SitemapFixture.page("plain.html"),
        ]))
        let xml = try Self.xml(output)
        #expect(xml.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:image=\"http://www.google.com/schemas/sitemap-image/1.1\">"))
        #expect(xml.contains("<url><loc>https://acme.example/shop/index.html</loc>"
                             + "<image:image><image:loc>https://acme.example/img/a.png</image:loc></image:image>"
                             + "<image:image><image:loc>https://acme.example/shop/b&amp;c.jpg</image:loc></image:image></url>"))
        #expect(xml.contains("<url><loc>https://acme.example/plain.html</loc></url>"))
        #expect(!xml.contains("data:"))
    }

    @Test(arguments: [false, true])
    func namespacesAreDeclaredOnlyWhenUsed(_ withExtensions: Bool) throws {
        var entry = SitemapEntry(loc: "https://acme.example/a")
        if withExtensions {
            entry.images = ["https://acme.example/a.png"]
            entry.alternates = [SitemapAlternate(hreflang: "en", href: "https://acme.example/a")]
        }
        let file = try #require(try SitemapWriter.files([entry], baseURL: SitemapFixture.base).files.first)
        let text = String(decoding: file.bytes, as: UTF8.self)
        #expect(text.contains("xmlns:image=") == withExtensions)
        #expect(text.contains("xmlns:xhtml=") == withExtensions)
    }

    @Test func imagesCanBeTurnedOff() throws {
        let page = SitemapFixture.page("a.html", head: "</head><body><img src=\"/a.png\"><head>")
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([page], settings: try SitemapFixture.settings("images: false")))
        #expect(try !Self.xml(output).contains("image"))
    }

    @Test func publishedPagesListTheirImagesResolvedAgainstThePage() throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], published: [
            PublishedPage(path: "about/", images: ["team.jpg", "https://cdn.example/x.png", "/logo.svg"]),
        ]))
        let xml = try Self.xml(output)
        #expect(xml.contains("<image:loc>https://acme.example/about/team.jpg</image:loc></image:image><image:image>"
                             + "<image:loc>https://cdn.example/x.png</image:loc></image:image><image:image>"
                             + "<image:loc>https://acme.example/logo.svg</image:loc>"))
    }

    // MARK: hreflang

    @Test func alternatesAreSymmetricAndIncludeThePageItself() throws {
        let base = SitemapFixture.base
        // en names de and fr; de names only itself; fr names nothing: all three still list all three.
        let pages = [
            Self.hreflangPage("en/", [("en", base + "en/"), ("de", base + "de/"), ("fr", base + "fr/"), ("x-default", base + "en/")]),
            Self.hreflangPage("de/", [("de", base + "de/")]),
            SitemapFixture.page("fr/"),
            SitemapFixture.page("alone/"),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages))
        let xml = try Self.xml(output)
        #expect(xml.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        let set = "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"\(base)de/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(base)en/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"\(base)fr/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(base)en/\"/>"
        for page in ["en/", "de/", "fr/"] {
            #expect(xml.contains("<url><loc>\(base)\(page)</loc>\(set)</url>"), "\(page)")
        }
        #expect(xml.contains("<url><loc>\(base)alone/</loc></url>"))
        #expect(output.notices.isEmpty)
    }

    @Test(arguments: [
        ("pt_BR", "pt-BR"), ("pt-br", "pt-BR"), ("EN-gb", "en-GB"), ("zh_hant_tw", "zh-Hant-TW"), ("X-Default", "x-default"),
        ("de", "de"), ("es-419", "es-419"), ("sr-Latn", "sr-Latn"),
    ])
    func internalLanguageKeysBecomeBCP47(_ raw: String, _ expected: String) throws {
        #expect(try HreflangCode.normalized(raw).get() == expected)
    }

    @Test(arguments: ["en-UK", "english", "xx", "", "en--GB", "de-"])
    func invalidCodesAreRejected(_ raw: String) {
        guard case let .failure(invalid) = HreflangCode.normalized(raw) else {
            Issue.record("'\(raw)' was accepted")
            return
        }
        #expect(invalid.raw == raw && !invalid.problem.isEmpty)
    }

    @Test func invalidCodesAreLeftOutAndReported() throws {
        let base = SitemapFixture.base
        let pages = [
            Self.hreflangPage("en/", [("en", base + "en/"), ("en_UK", base + "uk/"), ("de_at", base + "de/")]),
            SitemapFixture.page("uk/"), SitemapFixture.page("de/"),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages))
        let xml = try Self.xml(output)
        #expect(xml.contains("hreflang=\"de-AT\" href=\"\(base)de/\""))
        #expect(!xml.contains("\(base)uk/\"/>"))
        #expect(!xml.contains("en_UK") && !xml.contains("en-UK"))
        let notice = try #require(output.notices.first)
        #expect(output.notices.count == 1)
        #expect(notice.severity == .warning && notice.message.contains("'en_UK'") && notice.message.contains(base + "en/"))
    }

    @Test func twoURLsForOneLanguageKeepTheFirstAndWarn() throws {
        let base = SitemapFixture.base
        let pages = [
            Self.hreflangPage("a/", [("en", base + "a/"), ("de", base + "b/")]),
            Self.hreflangPage("c/", [("en", base + "c/"), ("de", base + "b/")]),
            SitemapFixture.page("b/"),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages))
        #expect(output.notices.map(\.message) == ["hreflang 'en' names both \(base)a/ and \(base)c/ in one group of language versions; the sitemap lists \(base)a/ only"])
        let xml = try Self.xml(output)
        #expect(!xml.contains("href=\"\(base)c/\""))
        #expect(xml.contains("<url><loc>\(base)c/</loc></url>"))
    }

    @Test func alternatesOutsideTheSitemapAreLeftOut() throws {
        let base = SitemapFixture.base
        let pages = [
            Self.hreflangPage("en/", [("en", base + "en/"), ("de", base + "de/"), ("fr", "https://other.example/fr/")]),
            SitemapFixture.page("de/", head: "<meta name=\"robots\" content=\"noindex\">"),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages))
        #expect(try Self.xml(output) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>\(base)en/</loc></url>
            </urlset>

            """)
        #expect(output.notices.map(\.severity) == [.info])
    }

    @Test func publishedTranslationsUseTheirLanguageOrTheTenantLocale() throws {
        let published = [
            PublishedPage(path: "about/", translationKey: "about"),
            PublishedPage(path: "pt/sobre/", language: "pt_BR", translationKey: "about"),
            PublishedPage(path: "de/ueber/", language: "de", translationKey: "about"),
            PublishedPage(path: "contact/", language: "en", translationKey: "contact"),
        ]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], published: published, locale: "en_GB"))
        let xml = try Self.xml(output)
        let base = SitemapFixture.base
        let set = "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"\(base)de/ueber/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"\(base)about/\"/>"
            + "<xhtml:link rel=\"alternate\" hreflang=\"pt-BR\" href=\"\(base)pt/sobre/\"/>"
        for path in ["about/", "pt/sobre/", "de/ueber/"] {
            #expect(xml.contains("<url><loc>\(base)\(path)</loc>\(set)</url>"), "\(path)")
        }
        #expect(xml.contains("<url><loc>\(base)contact/</loc></url>"))
    }

    @Test func hreflangCanBeTurnedOff() throws {
        let base = SitemapFixture.base
        let pages = [Self.hreflangPage("en/", [("en", base + "en/"), ("de", base + "de/")]), SitemapFixture.page("de/")]
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(pages, settings: try SitemapFixture.settings("hreflang: false")))
        #expect(try !Self.xml(output).contains("xhtml"))
    }

    /// The string join that spares parsing a million published paths gives what parsing gives, or declines.
    @Test(arguments: [
        ("a/b.html", "https://acme.example/", true), ("/x/y", "https://acme.example/docs/a.html", true),
        ("team.jpg", "https://acme.example/about/", true), ("page-1.v2_~x", "https://acme.example/", true),
        ("a/../b", "https://acme.example/", false), ("./a", "https://acme.example/", false), ("a/.", "https://acme.example/", false),
        ("//cdn.example/x", "https://acme.example/", false), ("a b", "https://acme.example/", false),
        ("caf\u{E9}", "https://acme.example/", false), ("a?x=1", "https://acme.example/", false), ("x", "https://acme.example/?q", false),
    ])
    func plainJoinAgreesWithParsing(_ reference: String, _ base: String, _ plain: Bool) throws {
        let joined = SitemapURLs.plainJoin(reference, base: base, origin: "https://acme.example")
        #expect((joined != nil) == plain)
        if let joined { #expect(joined == SitemapURLs.absolute(reference, against: WebURL(base))) }
    }

    // MARK: escaping and dates

    @Test func everyEmittedValueIsEscaped() throws {
        let entry = SitemapEntry(loc: "https://acme.example/a?x=1&y='2'", images: ["https://acme.example/i?a=1&b=<2>"],
                                 alternates: [SitemapAlternate(hreflang: "en\"", href: "https://acme.example/a?x=1&y='2'")])
        let text = String(decoding: SitemapWriter.urlElement(entry), as: UTF8.self)
        #expect(text == "<url><loc>https://acme.example/a?x=1&amp;y=&apos;2&apos;</loc>"
                + "<image:image><image:loc>https://acme.example/i?a=1&amp;b=&lt;2&gt;</image:loc></image:image>"
                + "<xhtml:link rel=\"alternate\" hreflang=\"en&quot;\" href=\"https://acme.example/a?x=1&amp;y=&apos;2&apos;\"/></url>\n")
    }

    @Test(arguments: [
        Timestamp(millisecondsSinceEpoch: 1_774_744_200_000, offsetSeconds: 7200),
        Timestamp(millisecondsSinceEpoch: 1_774_744_200_123, offsetSeconds: -18000),
        Timestamp(millisecondsSinceEpoch: 0, offsetSeconds: 0),
        Timestamp(millisecondsSinceEpoch: -86_400_001, offsetSeconds: 19800),
        Timestamp(millisecondsSinceEpoch: 1_700_000_000_000, offsetSeconds: -34200),
    ])
    func lastmodBytesMatchTheTimestampText(_ stamp: Timestamp) {
        var bytes: [UInt8] = []
        W3CDatetime.append(stamp, to: &bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == stamp.description)
        #expect(W3CDatetime.problem(text) == nil)
    }

    // MARK: exclusion and settings

    @Test(arguments: [
        ("/drafts/*", ["drafts/a/", "drafts/b.html"]),
        ("*.pdf$", ["guide.pdf", "docs/x.pdf"]),
        ("/*?print", ["a.html?print=1"]),
    ])
    func excludeRulesLeaveURLsOutOfTheSitemapButNotOfRobotsTxt(_ rule: String, _ excluded: [String]) throws {
        let paths = ["drafts/a/", "drafts/b.html", "guide.pdf", "docs/x.pdf", "docs/x.pdf.html", "a.html?print=1", "a.html"]
        let settings = try SitemapFixture.settings("exclude: ['\(rule)']")
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input(
            paths.filter { !$0.hasSuffix(".pdf") }.map { SitemapFixture.page($0) },
            published: paths.filter { $0.hasSuffix(".pdf") }.map { PublishedPage(path: $0) }, settings: settings))
        let xml = try Self.xml(output)
        for path in paths {
            let listed = xml.contains("<loc>\(String(decoding: SitemapWriter.escape(SitemapFixture.base + path), as: UTF8.self))</loc>")
            #expect(listed == !excluded.contains(path), "\(path)")
        }
        #expect(SitemapFixture.text(output, "site/robots.txt") == "User-agent: *\nDisallow:\n\nSitemap: https://acme.example/sitemap.xml\n")
    }

    @Test func disallowedPublishedPagesAreNotListed() throws {
        let settings = try SitemapFixture.settings("disallow: [/private/]")
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], published: [PublishedPage(path: "private/x/"),
                                                                                                  PublishedPage(path: "public/")],
                                                                                  settings: settings))
        let xml = try Self.xml(output)
        #expect(!xml.contains("private") && xml.contains("public/"))
    }

    @Test(arguments: [
        ("exclude:\n  - /ok/\n  - drafts/\n", "exclude rule 'drafts/' must start with '/'", 3),
        ("gzipped: true\n", "gzipped", 1),
        ("gzip: yes please\n", "gzip", 1),
        ("images: [a]\n", "images", 1),
    ])
    func badSettingsNameTheKeyAndLine(_ yaml: String, _ message: String, _ line: Int) throws {
        let settings = try SitemapFixture.settings(yaml)
        let error = #expect(throws: Diagnostic.self) { try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], settings: settings)) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.location.file == "tenant.yml")
        #expect(error?.location.line == line)
        #expect(!SitemapPlugin().check(PluginCheckInput(tenant: TenantConfig(id: "acme", name: "Acme", baseURL: SitemapFixture.base, edition: "basic"), settings: settings)).isEmpty)
    }

    // MARK: gzip, index, streaming

    @Test func gzipWritesCompressedFilesAndAPlainIndex() throws {
        let published = (1...5).map { PublishedPage(path: "p\($0)/", lastModified: berlinMorning) }
        let output = try SitemapFixture.run(SitemapPlugin(limits: SitemapLimits(maxURLs: 2, maxBytes: 50_000)),
                                            SitemapFixture.input([], published: published, settings: try SitemapFixture.settings("gzip: true")))
        #expect(output.artifacts.map(\.path.value) == ["site/sitemap-1.xml.gz", "site/sitemap-2.xml.gz", "site/sitemap-3.xml.gz",
                                                        "site/sitemap_index.xml", "site/robots.txt"])
        let index = try Self.xml(output, "site/sitemap_index.xml")
        for number in 1...3 { #expect(index.contains("<loc>https://acme.example/sitemap-\(number).xml.gz</loc>")) }
        var listed = 0
        for file in output.artifacts where file.path.value.hasSuffix(".gz") {
            #expect(Array(file.bytes.prefix(10)) == [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF], "no name, no mtime")
            let plain = try GzipMembers.inflate(file.bytes, limit: SitemapLimits.standard.maxBytes).get()
            listed += String(decoding: plain, as: UTF8.self).components(separatedBy: "<url>").count - 1
        }
        #expect(listed == 5)
        #expect(try #require(SitemapFixture.text(output, "site/robots.txt")).contains("Sitemap: https://acme.example/sitemap_index.xml"))
    }

    @Test func gzipOfOneFileStillUsesAnIndex() throws {
        let output = try SitemapFixture.run(SitemapPlugin(), SitemapFixture.input([], published: [PublishedPage(path: "a/")],
                                                                                  settings: try SitemapFixture.settings("gzip: true")))
        #expect(output.artifacts.map(\.path.value) == ["site/sitemap-1.xml.gz", "site/sitemap_index.xml", "site/robots.txt"])
    }

    @Test func gzipBytesAreTheSameEveryRun() throws {
        let entries = (1...500).map { SitemapEntry(loc: "https://acme.example/p\($0)", lastModified: berlinMorning) }.sorted()
        let first = try SitemapWriter.files(entries, baseURL: SitemapFixture.base, gzip: true).files
        let second = try SitemapWriter.files(entries, baseURL: SitemapFixture.base, gzip: true).files
        #expect(first == second)
    }

    @Test(arguments: [(7, 1, false), (7, 2, false), (7, 3, true), (1, 50, true)])
    func filesAreEmittedInBatchesAndTheIndexNeverListsItself(_ urlsPerFile: Int, _ batch: Int, _ gzip: Bool) throws {
        let entries = (1...20).map { SitemapEntry(loc: "https://acme.example/p\($0)") }.sorted()
        var batches: [[SitemapWriter.File]] = []
        let summary = try SitemapWriter.write(entries, baseURL: SitemapFixture.base, limits: SitemapLimits(maxURLs: urlsPerFile, maxBytes: 50_000),
                                              gzip: gzip, batch: batch) { batches.append($0) }
        let files = (20 + urlsPerFile - 1) / urlsPerFile
        // The first file waits for the second: its name (sitemap.xml or sitemap-1.xml) depends on whether one follows.
        #expect(batches.dropLast().allSatisfy { $0.count <= max(batch, 2) })
        #expect(batches.last?.map(\.name) == ["sitemap_index.xml"])
        #expect(summary.files == batches.flatMap { $0.map(\.name) })
        #expect(summary.files.count == files + 1 && summary.urls == 20)
        let index = String(decoding: try #require(batches.last?.first).bytes, as: UTF8.self)
        #expect(!index.contains("sitemap_index"))
        let listed = index.components(separatedBy: "<loc>").dropFirst().map { $0.components(separatedBy: "</loc>")[0] }
        #expect(listed == summary.files.dropLast().map { SitemapFixture.base + $0 })
    }
}
