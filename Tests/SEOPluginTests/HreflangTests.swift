import HeraldData
import Testing
@testable import SEOPlugin

/// hreflang: Lighthouse's hreflang-test.js and seo-failure-cases (`xx`, a relative href, `" x-default"`, no href),
/// Link headers, and the site-wide return-link, self-reference and target checks.
@Suite struct HreflangTests {
    static func page(_ path: String, head: [String] = [], headers: [(name: String, value: String)] = [],
                     status: Int = 200, canonical: String? = nil) -> CrawledPage {
        var document = Fixture.Document()
        document.head += head
        if let canonical { document.canonical = ["<link rel=\"canonical\" href=\"\(canonical)\">"] }
        return Fixture.page(path, document, status: status,
                            headers: [(name: "content-type", value: "text/html; charset=utf-8")] + headers)
    }

    static func alternate(_ code: String, _ href: String) -> String {
        "<link rel=\"alternate\" hreflang=\"\(code)\" href=\"\(href)\">"
    }

    static func findings(_ pages: [CrawledPage], _ rule: SEORule) -> [SEOFinding] {
        SEOAudit(pages: pages, settings: SEOSettings(), baseURL: Fixture.site).findings.filter { $0.rule == rule }
    }

    static let site = Fixture.site

    @Test(arguments: [
        alternate("xx", site + "xx/"),
        alternate(" x-default", site),
        alternate("en-UK", site + "uk/"),
        alternate("de_DE", site + "de/"),
        alternate("de", "/de/"),
        alternate("de", "ftp://example.com/de/"),
        "<link rel=\"alternate\" hreflang=\"de\">",
        alternate("", site + "x/"),
    ])
    func invalidAnnotations(_ tag: String) {
        #expect(Self.findings([Self.page("page.html", head: [tag])], .hreflangInvalid).count == 1)
    }

    @Test(arguments: [
        alternate("x-default", site + "page.html"),
        alternate("X-Default", site + "page.html"),
        alternate("de-DE", site + "page.html"),
        alternate("zh-Hant-TW", site + "page.html"),
        alternate("es-419", site + "page.html"),
        "<link rel=\"alternate\" href=\"\(site)feed.xml\" type=\"application/rss+xml\">",
    ])
    func validAnnotations(_ tag: String) {
        #expect(Self.findings([Self.page("page.html", head: [tag])], .hreflangInvalid).isEmpty)
    }

    @Test func bodyAnnotationsAreIgnored() {
        var document = Fixture.Document()
        document.body.append(Self.alternate("xx", "/xx/"))
        #expect(Self.findings([Fixture.page("page.html", document)], .hreflangInvalid).isEmpty)
    }

    @Test func linkHeaders() throws {
        let headers = [(name: "link", value: "<https://example.com/de/>; rel=\"alternate\"; hreflang=\"xx\", <https://example.com/fr/>; rel=alternate; hreflang=fr, </en/>; rel=\"alternate\"; hreflang=\"en\"")]
        let found = Self.findings([Self.page("page.html", headers: headers)], .hreflangInvalid)
        #expect(found.map(\.evidence) == ["Link: </en/>; rel=\"alternate\"; hreflang=\"en\"",
                                          "Link: <https://example.com/de/>; rel=\"alternate\"; hreflang=\"xx\""])
        #expect(found.allSatisfy { $0.line == nil })
        #expect(found.map(\.message) == ["href '/en/' is relative; hreflang URLs must be absolute http(s) URLs",
                                         "hreflang \"xx\": 'xx' is not an ISO 639-1 language code"])
    }

    @Test func linkHeaderParser() {
        let values = LinkHeader.parse("<https://a.example/x,y>; rel=\"alternate canonical\"; title=\"a, b\" , <b>;rel=next")
        #expect(values.map(\.target) == ["https://a.example/x,y", "b"])
        #expect(values[0].parameters == ["rel": "alternate canonical", "title": "a, b"])
        #expect(values[0].rel("canonical") && values[1].rel("next"))
    }

    /// en and de versions that list each other and themselves.
    static func pair(enHead: [String]? = nil, deHead: [String]? = nil, extra: [CrawledPage] = []) -> [CrawledPage] {
        let en = enHead ?? [alternate("en", site + "en.html"), alternate("de", site + "de.html")]
        let de = deHead ?? [alternate("en", site + "en.html"), alternate("de", site + "de.html")]
        var enDocument = Fixture.Document()
        enDocument.head = enDocument.head.map { $0.hasPrefix("<title>") ? "<title>English version</title>" : $0 } + en
        var deDocument = Fixture.Document()
        deDocument.lang = "de"
        deDocument.head = deDocument.head.map { $0.hasPrefix("<title>") ? "<title>Deutsche Version</title>" : $0 } + de
        return Fixture.crawl(Fixture.page("en.html", enDocument), extra: [Fixture.page("de.html", deDocument)] + extra)
    }

    @Test func reciprocalAnnotationsPass() {
        let pages = Self.pair()
        for rule in [SEORule.hreflangInvalid, .hreflangReturnMissing, .hreflangSelfMissing, .hreflangTargetInvalid] {
            #expect(Self.findings(pages, rule).isEmpty, "\(rule)")
        }
    }

    @Test func missingReturnLink() throws {
        let pages = Self.pair(deHead: [Self.alternate("de", Self.site + "de.html")])
        let found = Self.findings(pages, .hreflangReturnMissing)
        #expect(found.map(\.url) == [Self.site + "en.html"])
        #expect(found.first?.message == "the de alternate https://example.com/de.html has no hreflang annotation back to this page")
        #expect(found.first?.evidence == Self.alternate("de", Self.site + "de.html"))
    }

    @Test func missingSelfReference() {
        let pages = Self.pair(enHead: [Self.alternate("de", Self.site + "de.html")])
        #expect(Self.findings(pages, .hreflangSelfMissing).map(\.url) == [Self.site + "en.html"])
    }

    @Test func targetsMustAnswer200AndBeCanonical() {
        let redirected = Self.pair(enHead: [Self.alternate("en", Self.site + "en.html"), Self.alternate("de", Self.site + "de.html"),
                                            Self.alternate("fr", Self.site + "fr.html")],
                                   extra: [Fixture.page("fr.html", status: 301)])
        #expect(Self.findings(redirected, .hreflangTargetInvalid).map(\.message)
            == ["the fr alternate https://example.com/fr.html answered 301"])
        var deDocument = Fixture.Document()
        deDocument.head += [Self.alternate("en", Self.site + "en.html"), Self.alternate("de", Self.site + "de.html")]
        deDocument.canonical = ["<link rel=\"canonical\" href=\"\(Self.site)de-main.html\">"]
        let pages = Fixture.crawl(Self.page("en.html", head: [Self.alternate("en", Self.site + "en.html"), Self.alternate("de", Self.site + "de.html")]),
                                  extra: [Fixture.page("de.html", deDocument)])
        #expect(Self.findings(pages, .hreflangTargetInvalid).map(\.message)
            == ["the de alternate https://example.com/de.html is not canonical: its canonical is https://example.com/de-main.html"])
    }
}
