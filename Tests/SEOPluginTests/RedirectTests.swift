import HeraldData
import Testing
@testable import SEOPlugin

/// Redirect chains and loops, links to redirects, canonicals to redirecting or non-indexable URLs, and Link header
/// canonicals that contradict the HTML.
private let site = Fixture.site

@Suite struct RedirectTests {
    static func redirect(_ path: String, to location: String, status: Int = 301) -> CrawledPage {
        CrawledPage(url: site + path, status: status, headers: [(name: "location", value: location)], body: [],
                    location: SourceLocation(file: "crawl.warc"))
    }

    static func findings(_ pages: [CrawledPage], _ rule: SEORule) -> [SEOFinding] {
        SEOAudit(pages: pages, settings: SEOSettings(), baseURL: site).findings.filter { $0.rule == rule }
    }

    @Test func oneHopIsNoChain() {
        let pages = Fixture.crawl(Fixture.page("page.html"), extra: [Self.redirect("old.html", to: "/page.html")])
        #expect(Self.findings(pages, .redirectChain).isEmpty)
        #expect(Self.findings(pages, .redirectLoop).isEmpty)
    }

    @Test func twoHopsAreAChain() throws {
        let chain = Fixture.crawl(Fixture.page("page.html"), extra: [
            Self.redirect("a.html", to: "b.html", status: 302),  // relative, resolved against a.html
            Self.redirect("b.html", to: "/c.html"),
            Self.redirect("c.html", to: "https://example.com/page.html#top", status: 308),
        ])
        let found = Self.findings(chain, .redirectChain)
        #expect(found.map(\.url) == [site + "a.html", site + "b.html"])
        let first = try #require(found.first)
        #expect(first.evidence == "HTTP 302, Location: b.html")
        #expect(first.message == "3 redirects before a final URL: https://example.com/a.html → https://example.com/b.html → https://example.com/c.html → https://example.com/page.html")
        #expect(first.line == nil && first.severity == .warning)
    }

    @Test func loops() {
        let pages = Fixture.crawl(Fixture.page("page.html"), extra: [
            Self.redirect("a.html", to: "/b.html"), Self.redirect("b.html", to: "/a.html"), Self.redirect("self.html", to: "self.html"),
        ])
        let found = Self.findings(pages, .redirectLoop)
        #expect(found.map(\.url) == [site + "a.html", site + "b.html", site + "self.html"])
        #expect(found.first?.message == "redirects in a loop: https://example.com/a.html → https://example.com/b.html → https://example.com/a.html")
        #expect(Self.findings(pages, .redirectChain).isEmpty)
    }

    @Test func linksToRedirects() {
        var document = Fixture.Document()
        document.body.append("<a href=\"old.html\">old</a>")
        let pages = Fixture.crawl(Fixture.page("page.html", document), extra: [Self.redirect("old.html", to: "/other.html")])
        let found = Self.findings(pages, .linkRedirect)
        #expect(found.map(\.message) == ["links to https://example.com/old.html, which redirects (301) to https://example.com/other.html"])
        #expect(found.map(\.evidence) == ["<a href=\"old.html\">"])
        #expect(Self.findings(pages, .linkBroken).isEmpty && Self.findings(pages, .linkNotCrawled).isEmpty)
    }

    static func withCanonical(_ path: String, _ href: String, head: [String] = []) -> CrawledPage {
        var document = Fixture.Document()
        document.canonical = ["<link rel=\"canonical\" href=\"\(href)\">"]
        document.head += head
        document.head = document.head.map { $0.hasPrefix("<title>") ? "<title>\(path)</title>" : $0 }
        return Fixture.page(path, document)
    }

    @Test func canonicalToARedirect() {
        let pages = Fixture.crawl(Self.withCanonical("page.html", site + "old.html"), extra: [Self.redirect("old.html", to: "/new.html")])
        #expect(Self.findings(pages, .canonicalTargetInvalid).map(\.message)
            == ["the canonical https://example.com/old.html redirects (301) to https://example.com/new.html"])
    }

    @Test func canonicalToNonIndexablePages() {
        let gone = Fixture.crawl(Self.withCanonical("page.html", site + "gone.html"), extra: [Fixture.page("gone.html", status: 404)])
        #expect(Self.findings(gone, .canonicalTargetInvalid).map(\.message) == ["the canonical https://example.com/gone.html answered 404"])
        // The evidence is the start tag, written when the finding is made.
        #expect(Self.findings(gone, .canonicalTargetInvalid).map(\.evidence)
            == ["<link rel=\"canonical\" href=\"https://example.com/gone.html\">"])
        let declared = Canonicals.declared(PageFacts(html: Array("<link rel=canonical href=a.html>".utf8)),
                                           headers: [(name: "link", value: "<b.html>; rel=canonical")])
        #expect(declared.map(\.evidence) == ["<link rel=\"canonical\" href=\"a.html\">", "Link: <b.html>; rel=canonical"])
        #expect(declared.map(\.fromHeader) == [false, true])
        let noindex = Fixture.crawl(Self.withCanonical("page.html", site + "main.html"),
                                    extra: [Self.withCanonical("main.html", site + "main.html", head: ["<meta name=\"robots\" content=\"noindex\">"])])
        #expect(Self.findings(noindex, .canonicalTargetInvalid).map(\.message) == ["the canonical https://example.com/main.html is noindex"])
        let hop = Fixture.crawl(Self.withCanonical("page.html", site + "main.html"),
                                extra: [Self.withCanonical("main.html", site + "final.html"), Self.withCanonical("final.html", site + "final.html")])
        #expect(Self.findings(hop, .canonicalTargetInvalid).map(\.message)
            == ["the canonical https://example.com/main.html is itself canonicalised to https://example.com/final.html"])
        let fine = Fixture.crawl(Self.withCanonical("page.html", site + "main.html"), extra: [Self.withCanonical("main.html", site + "main.html")])
        #expect(Self.findings(fine, .canonicalTargetInvalid).isEmpty)
    }

    @Test func linkHeaderCanonical() {
        func page(_ header: String, canonical: [String]? = nil) -> [CrawledPage] {
            var document = Fixture.Document()
            document.canonical = canonical
            return Fixture.crawl(Fixture.page("page.html", document, headers: [
                (name: "content-type", value: "text/html"), (name: "link", value: header)]))
        }
        let conflict = page("<https://example.com/other.html>; rel=\"canonical\"")
        #expect(Self.findings(conflict, .canonicalHeaderConflict).map(\.message)
            == ["the Link header names https://example.com/other.html, the HTML names https://example.com/page.html"])
        #expect(Self.findings(conflict, .canonicalHeaderConflict).map(\.evidence) == ["Link: <https://example.com/other.html>; rel=\"canonical\""])
        #expect(Self.findings(page("<https://EXAMPLE.com:443/page.html>; rel=canonical"), .canonicalHeaderConflict).isEmpty)
        // A header canonical alone: no conflict, and the page is not missing a canonical.
        let headerOnly = page("<https://example.com/page.html>; rel=\"canonical\"", canonical: [])
        #expect(Self.findings(headerOnly, .canonicalHeaderConflict).isEmpty)
        #expect(Self.findings(headerOnly, .canonicalMissing).isEmpty)
    }
}
