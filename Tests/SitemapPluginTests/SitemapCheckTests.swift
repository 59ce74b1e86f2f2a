import Foundation
import Generator
import HeraldData
import Testing
import SEOPlugin
@testable import SitemapPlugin

/// `herald sitemap check` on sitemaps built in code: clean ones pass, each broken one names its problem and line.
@Suite struct SitemapCheckTests {
    static let ns = "http://www.sitemaps.org/schemas/sitemap/0.9"

    static func urlset(_ body: String, extra: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(ns)\"\(extra)>\n\(body)\n</urlset>\n"
    }

    static func index(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(ns)\">\n\(body)\n</sitemapindex>\n"
    }

    static let xhtml = " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""

    static func check(_ text: String, file: String = "sitemap.xml", url: String? = nil, limits: SitemapLimits = .standard) -> [String] {
        SitemapCheck.check(Array(text.utf8), file: file, url: url, limits: limits).problems.map(\.description)
    }

    static let good = urlset("""
        <url><loc>https://acme.example/</loc><lastmod>2026-12-01</lastmod><changefreq>daily</changefreq><priority>1.0</priority></url>
        <url><loc>https://acme.example/a?x=1&amp;y=2</loc><lastmod>2026-12-01T06:00:00+01:00</lastmod><priority>.5</priority></url>
        <url><loc>https://acme.example/de/</loc>
          <xhtml:link rel="alternate" hreflang="de-AT" href="https://acme.example/de/"/>
          <xhtml:link rel="alternate" hreflang="en-GB" href="https://acme.example/"/>
          <xhtml:link rel="alternate" hreflang="zh-Hant-TW" href="https://acme.example/zh/"/>
          <xhtml:link rel="alternate" hreflang="x-default" href="https://acme.example/"/>
        </url>
        """, extra: xhtml)

    @Test func cleanSitemapsHaveNoProblems() {
        #expect(Self.check(Self.good) == [])
        let result = SitemapCheck.check(Array(Self.good.utf8), file: "sitemap.xml")
        #expect(result.kind == "urlset" && result.entries == 3)
        #expect(Self.check(Self.index("<sitemap><loc>https://acme.example/sitemap-1.xml</loc><lastmod>2026-12-01T06:00:00Z</lastmod></sitemap>"),
                           file: "sitemap_index.xml", url: "https://acme.example/sitemap_index.xml") == [])
    }

    @Test func gzipIsInflatedFirst() {
        let zipped = GzipMembers.compress(Array(Self.good.utf8))
        #expect(SitemapCheck.check(zipped, file: "sitemap.xml.gz").problems.isEmpty)
        let bad = GzipMembers.compress(Array(Self.urlset("<url><loc>/relative/page.html</loc></url>").utf8))
        #expect(SitemapCheck.check(bad, file: "s.xml.gz").problems.map(\.description) == ["s.xml.gz:3: error: loc '/relative/page.html' is not an absolute URL"])
        #expect(SitemapCheck.check(Array(zipped.prefix(20)), file: "cut.xml.gz").problems.map(\.description).first?
            .hasPrefix("cut.xml.gz: error: cannot inflate the gzip file: gzip member at offset 0: truncated") == true)
    }

    @Test(arguments: [
        ("not well-formed", "<urlset xmlns=\"\(ns)\"><url><loc>https://acme.example/?a=1&b=2</loc></url></urlset>",
         ["sitemap.xml:1: error: not well-formed XML: EntityRef: expecting ';'"]),
        ("wrong namespace", "<urlset xmlns=\"http://www.google.com/schemas/sitemap/0.84\">\n<url><loc>https://acme.example/</loc></url></urlset>",
         ["sitemap.xml:1: error: <urlset> is in the namespace 'http://www.google.com/schemas/sitemap/0.84'; expected xmlns=\"\(ns)\""]),
        ("no namespace", "<urlset>\n<url><loc>https://acme.example/</loc></url></urlset>",
         ["sitemap.xml:1: error: <urlset> is in no namespace; expected xmlns=\"\(ns)\""]),
        ("wrong root", "<rss version=\"2.0\"/>", ["sitemap.xml:1: error: the root element is <rss>; expected <urlset> or <sitemapindex>"]),
        ("relative loc", urlset("<url><loc>/a.html</loc></url>"), ["sitemap.xml:3: error: loc '/a.html' is not an absolute URL"]),
        ("ftp loc", urlset("<url><loc>ftp://acme.example/a</loc></url>"),
         ["sitemap.xml:3: error: loc 'ftp://acme.example/a' uses the ftp: scheme; sitemap URLs must be http or https"]),
        ("other host", urlset("<url><loc>https://acme.example/</loc></url>\n<url><loc>https://cdn.acme.example/a</loc></url>"),
         ["sitemap.xml:4: error: loc 'https://cdn.acme.example/a' is on another host than the sitemap (https://acme.example, from the first loc)"]),
        ("unencoded loc", urlset("<url><loc>https://acme.example/a b</loc></url>"),
         ["sitemap.xml:3: error: loc 'https://acme.example/a b' has characters that must be percent-encoded (spaces, quotes, <, > or non-ASCII)"]),
        ("lastmod month", urlset("<url><loc>https://acme.example/</loc><lastmod>2026-13-01</lastmod></url>"),
         ["sitemap.xml:3: error: lastmod '2026-13-01' is not a W3C datetime: month 13 is not 01–12"]),
        ("lastmod offset", urlset("<url><loc>https://acme.example/</loc><lastmod>2026-12-01T06:00:00-0500</lastmod></url>"),
         ["sitemap.xml:3: error: lastmod '2026-12-01T06:00:00-0500' is not a W3C datetime: the zone must be Z or ±hh:mm (with a colon)"]),
        ("lastmod no zone", urlset("<url><loc>https://acme.example/</loc><lastmod>2026-12-01T06:00</lastmod></url>"),
         ["sitemap.xml:3: error: lastmod '2026-12-01T06:00' is not a W3C datetime: a time needs a zone: Z or ±hh:mm"]),
        ("lastmod 30 February", urlset("<url><loc>https://acme.example/</loc><lastmod>2026-02-30</lastmod></url>"),
         ["sitemap.xml:3: error: lastmod '2026-02-30' is not a W3C datetime: day 30 does not exist in 2026-02"]),
        ("changefreq", urlset("<url><loc>https://acme.example/</loc><changefreq>fortnightly</changefreq></url>"),
         ["sitemap.xml:3: error: changefreq 'fortnightly' is not one of always, hourly, daily, weekly, monthly, yearly, never"]),
        ("priority", urlset("<url><loc>https://acme.example/</loc><priority>1.5</priority></url>"),
         ["sitemap.xml:3: error: priority '1.5' is not a number from 0.0 to 1.0"]),
        ("order", urlset("<url><loc>https://acme.example/</loc><priority>0.5</priority>\n<lastmod>2026-12-01</lastmod></url>"),
         ["sitemap.xml:4: error: <lastmod> comes after <priority>; the schema requires the order loc, lastmod, changefreq, priority"]),
        ("no loc", urlset("<url><lastmod>2026-12-01</lastmod></url>"), ["sitemap.xml:3: error: <url> without <loc>"]),
        ("empty urlset", urlset(""), ["sitemap.xml:2: error: <urlset> has no <url> entries"]),
        ("bad hreflang", urlset("<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"en-UK\" href=\"https://acme.example/\"/></url>", extra: xhtml),
         ["sitemap.xml:3: error: hreflang 'en-UK': 'UK' is not an ISO 3166-1 region code (the United Kingdom is GB)"]),
        ("unknown language", urlset("<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"xx\" href=\"https://acme.example/\"/></url>", extra: xhtml),
         ["sitemap.xml:3: error: hreflang 'xx': 'xx' is not an ISO 639-1 language code"]),
        ("underscore", urlset("<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"de_DE\" href=\"https://acme.example/\"/></url>", extra: xhtml),
         ["sitemap.xml:3: error: hreflang 'de_DE': uses '_'; BCP 47 separates subtags with '-' (de-DE)"]),
        ("xhtml without namespace", urlset("<url><loc>https://acme.example/</loc>\n<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://acme.example/de/\"/></url>"),
         ["sitemap.xml:4: error: <xhtml:link> uses the prefix 'xhtml' without a namespace declaration; add xmlns:xhtml=\"http://www.w3.org/1999/xhtml\" to <urlset>"]),
        ("xhtml link before lastmod", urlset("<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"https://acme.example/de/\"/>\n<lastmod>2026-12-01</lastmod></url>", extra: xhtml),
         ["sitemap.xml:4: error: <lastmod> comes after the extension element <xhtml:link> (line 3); extensions go after loc, lastmod, changefreq, priority"]),
        ("xhtml link relative href", urlset("<url><loc>https://acme.example/</loc><xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"/de/\"/></url>", extra: xhtml),
         ["sitemap.xml:3: error: <xhtml:link> href '/de/' is not an absolute http(s) URL"]),
        ("index with a url child field", index("<sitemap><loc>https://acme.example/s1.xml</loc><changefreq>daily</changefreq></sitemap>"),
         ["sitemap.xml:3: error: unexpected <changefreq> in <sitemap>; expected <loc>, <lastmod>"]),
    ] as [(String, String, [String])])
    func brokenSitemaps(_ what: String, xml: String, expected: [String]) {
        #expect(Self.check(xml) == expected, "\(what)")
    }

    @Test func anIndexListingItself() {
        let xml = Self.index("<sitemap><loc>https://acme.example/sitemap-1.xml</loc></sitemap>\n<sitemap><loc>https://acme.example/sitemap_index.xml</loc></sitemap>")
        #expect(Self.check(xml, file: "out/site/sitemap_index.xml") == [
            "out/site/sitemap_index.xml:4: error: the index lists itself (https://acme.example/sitemap_index.xml has the index's file name sitemap_index.xml; give --url to compare full URLs)",
        ])
        #expect(Self.check(xml, file: "index.xml", url: "https://ACME.example:443/sitemap_index.xml") == [
            "index.xml:4: error: the index lists itself (https://acme.example/sitemap_index.xml)",
        ])
    }

    @Test func withTheSitemapURLHostAndFolderAreExact() {
        let xml = Self.urlset("<url><loc>https://acme.example/blog/a</loc></url>\n<url><loc>https://acme.example/shop/b</loc></url>\n<url><loc>http://acme.example/blog/c</loc></url>")
        #expect(Self.check(xml, url: "https://acme.example/blog/sitemap.xml") == [
            "sitemap.xml:4: error: loc 'https://acme.example/shop/b' is outside the sitemap's folder /blog/; a sitemap may only list URLs under its own folder",
            "sitemap.xml:5: error: loc 'http://acme.example/blog/c' is on another host than the sitemap (https://acme.example, from the sitemap's URL)",
        ])
    }

    @Test func limitsOnEntriesAndBytes() {
        let three = Self.urlset((1...3).map { "<url><loc>https://acme.example/\($0)</loc></url>" }.joined(separator: "\n"))
        #expect(Self.check(three, limits: SitemapLimits(maxURLs: 2, maxBytes: 10_000)) == [
            "sitemap.xml:5: error: more than 2 <url> entries: the limit per sitemap is 2",
        ])
        #expect(Self.check(three, limits: SitemapLimits(maxURLs: 10, maxBytes: 100)) == [
            "sitemap.xml: error: the file is \(three.utf8.count) bytes uncompressed, over the limit of 100 bytes (50 MB)",
        ])
    }

    /// Gzip bombs: inflating stops just past the limit and the limit is the one problem, however far the file would go.
    @Test(arguments: [
        // (MiB of spaces after the root, limit in MiB, over the limit)
        (3, 4, false),
        (5, 4, true),
        (64, 4, true),
    ])
    func gzipInflatesOnlyUpToTheLimit(mebibytes: Int, limit: Int, over: Bool) {
        let spaces = GzipMembers.compress([UInt8](repeating: 0x20, count: 1 << 20))
        let padding = Array([[UInt8]](repeating: spaces, count: mebibytes).joined())
        // A sitemap, then spaces (allowed after the root) in 1 KB members that inflate to 1 MiB each.
        let bomb = GzipMembers.compress(Array(Self.urlset("<url><loc>https://acme.example/</loc></url>").utf8)) + padding
        let limits = SitemapLimits(maxURLs: 50_000, maxBytes: limit << 20, maxIndexBytes: limit << 20)
        let problems = SitemapCheck.check(bomb, file: "bomb.xml.gz", limits: limits).problems.map(\.description)
        if over {
            #expect(problems == ["bomb.xml.gz: error: the file inflates to more than the limit of \(limit << 20) bytes (50 MB) uncompressed; "
                                 + "inflating stopped there and the file was not checked further"])
        } else {
            #expect(problems == [])
        }
    }

    @Test func aPlainFileOverTheLimitIsNotParsed() {
        let three = Self.urlset((1...3).map { "<url><loc>https://acme.example/\($0)</loc></url>" }.joined(separator: "\n"))
        let limits = SitemapLimits(maxURLs: 10, maxBytes: 100, maxIndexBytes: 100)
        #expect(Self.check(three + "<", limits: limits) == [
            "sitemap.xml: error: the file is \(three.utf8.count + 1) bytes, over the limit of 100 bytes (50 MB); not checked further",
        ])
    }

    /// A DTD is reported once, on its line, and nothing in it is read: no entity is declared, expanded or loaded.
    @Test(arguments: [
        ("internal entity", "<!DOCTYPE urlset [ <!ENTITY p \"https://acme.example/x\"> ]>", "<url><loc>&p;</loc></url>"),
        ("billion laughs", "<!DOCTYPE urlset [\n <!ENTITY a \"lol\">\n"
            + (1...9).map { "<!ENTITY \(Character(UnicodeScalar(UInt8(97 + $0)))) \"" + String(repeating: "&\(Character(UnicodeScalar(UInt8(96 + $0))));", count: 10) + "\">" }.joined(separator: "\n") + "]>",
         "<url><loc>https://acme.example/&j;</loc></url>"),
        ("quadratic blowup", "<!DOCTYPE urlset [<!ENTITY q \"" + String(repeating: "a", count: 40_000) + "\">]>",
         "<url><loc>https://acme.example/" + String(repeating: "&q;", count: 10_000) + "</loc></url>"),
        ("external entity", "<!DOCTYPE urlset [ <!ENTITY pw SYSTEM \"file:///etc/passwd\"> ]>", "<url><loc>https://acme.example/&pw;</loc></url>"),
        ("external DTD", "<!DOCTYPE urlset SYSTEM \"http://acme.example/sitemap.dtd\">", "<url><loc>https://acme.example/</loc></url>"),
    ])
    func aDoctypeIsOneProblemAndNoEntityIsExpanded(_ what: String, doctype: String, body: String) {
        let xml = "<?xml version=\"1.0\"?>\n" + doctype + "\n<urlset xmlns=\"\(Self.ns)\">\n" + body + "\n</urlset>\n"
        let result = SitemapCheck.check(Array(xml.utf8), file: "dtd.xml")
        #expect(result.problems.map(\.description) == ["dtd.xml:2: error: the sitemap has a <!DOCTYPE> declaration: sitemaps must not declare "
            + "a DTD or entities (Herald does not read or expand them); the file was not checked further"], "\(what)")
        #expect(result.kind == nil && result.entries == 0)
    }

    /// libxml2's messages arrive as one line each, without its advice to programmers.
    @Test(arguments: [
        ("bad UTF-8", Array("<urlset xmlns=\"\(ns)\">\n<url><loc>https://acme.example/".utf8) + [0xFF, 0xFE] + Array("</loc></url></urlset>".utf8),
         "sitemap.xml:2: error: not well-formed XML: Input is not proper UTF-8; bytes: 0xFF 0xFE 0x3C 0x2F"),
        ("too deep", Array(("<urlset xmlns=\"\(ns)\">\n" + String(repeating: "<a>", count: 300)).utf8),
         "sitemap.xml:2: error: not well-formed XML: Excessive depth in document: 256 (over libxml2's safety limit)"),
    ])
    func libxml2MessagesAreOneCleanLine(_ what: String, bytes: [UInt8], first: String) {
        let problems = SitemapCheck.check(bytes, file: "sitemap.xml").problems.map(\.description)
        #expect(problems.first == first, "\(what)")
        #expect(!problems.contains { $0.contains("\n") || $0.contains("\\n") || $0.contains("XML_PARSE") }, "\(what)")
        #expect(Set(problems).count == problems.count, "\(what)")
    }

    /// Every sitemap Herald writes passes its own check (the XSD validation is in SchemaValidationTests).
    @Test func generatedSitemapsPassTheCheck() throws {
        let pages = (0..<7).map { SitemapFixture.page("p\($0).html", fetchedAt: berlinMorning) }
        let split = try SitemapWriter.files(SitemapURLs.crawled(pages, baseURL: SitemapFixture.base, settings: SitemapSettings()).entries,
                                            baseURL: SitemapFixture.base, limits: SitemapLimits(maxURLs: 3, maxBytes: 10_000))
        #expect(split.files.count == 4)
        for file in split.files {
            #expect(SitemapCheck.check(file.bytes, file: file.name, url: SitemapFixture.base + file.name).problems.map(\.description) == [])
        }
    }

    @Test(arguments: ["et-EE", "sr-Latn-RS", "es-419", "de-CH-1901", "en-US-x-twain", "X-DEFAULT", "fil", "zh-yue"])
    func validLanguageTags(_ tag: String) { #expect(LanguageTag.problem(tag) == nil) }

    @Test(arguments: ["", "e", "english", "en-", "en--us", "en-U", "de-DE-x", "123", "en_US", "en-a"])
    func invalidLanguageTags(_ tag: String) { #expect(LanguageTag.problem(tag) != nil) }
}

/// The shared example sitemaps (../shared/schemas/sitemaps/examples): the check agrees with the XSDs on each.
@Suite(.enabled(if: SchemaValidator.schemaFolder != nil, "needs ../shared/schemas/sitemaps (or HERALD_SHARED); skipped"))
struct SitemapCheckExampleTests {
    static var examples: [String] {
        guard let folder = SchemaValidator.schemaFolder else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/examples")) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
    }

    @Test func validExamplesPassAndInvalidOnesFail() throws {
        let folder = try #require(SchemaValidator.schemaFolder) + "/examples/"
        #expect(Self.examples.count == 14)
        for name in Self.examples {
            let bytes = try LocalFileSystem().read(folder + name)
            let problems = SitemapCheck.check(bytes, file: name).problems
            if name.hasPrefix("invalid-") {
                #expect(!problems.isEmpty, "\(name) should have problems")
            } else {
                #expect(problems.isEmpty, "\(name): \(problems)")
            }
        }
    }
}
