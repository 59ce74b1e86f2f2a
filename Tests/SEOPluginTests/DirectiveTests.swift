import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// Robots directives (Screaming Frog's "Directives" tab, Lighthouse's is-crawlable): every directive from meta robots
/// and `X-Robots-Tag`, generic or addressed to one crawler; each cause reported once; the sitemap's indexability.
@Suite struct DirectiveTests {
    static let now = CrawlabilityTests.now

    static func findings(head: [String] = [], headers: [(name: String, value: String)] = [],
                         settings: SEOSettings = SEOSettings()) -> [SEOFinding] {
        CrawlabilityTests.audit(head: head, headers: headers, settings: settings)
    }

    static let informational = ["nofollow", "noarchive", "nocache", "nosnippet", "noimageindex", "notranslate", "max-snippet: 20",
                                "max-image-preview: large", "max-video-preview: -1", "indexifembedded",
                                "unavailable_after: 2045-06-25"]

    /// Each directive that restricts showing or following, not indexing, is a robots-directive notice naming the crawler
    /// it addresses, whether it comes from a meta tag or a header.
    @Test(arguments: informational)
    func informationalDirectives(_ directive: String) throws {
        let sources: [(head: [String], headers: [(name: String, value: String)], crawler: String)] = [
            (["<meta name=\"robots\" content=\"\(directive)\">"], [], "every crawler (robots)"),
            (["<meta name=\"bingbot\" content=\"\(directive)\">"], [], "bingbot"),
            ([], [(name: "x-robots-tag", value: directive)], "every crawler (robots)"),
            ([], [(name: "x-robots-tag", value: "googlebot: " + directive)], "Googlebot"),
        ]
        for source in sources {
            let found = Self.findings(head: source.head, headers: source.headers)
            let notice = try #require(found.first { $0.rule == .robotsDirective }, "\(source)")
            #expect(notice.message == "for \(source.crawler): \(directive)")
            #expect(!found.contains { [.robotsBlockedAll, .robotsBlockedSome, .robotsNoindex].contains($0.rule) })
        }
    }

    static let blocking: [(head: [String], headers: [(name: String, value: String)], evidence: String)] = [
        (["<meta name=\"robots\" content=\"noindex\">"], [], "<meta name=\"robots\" content=\"noindex\">"),
        (["<meta name=\"robots\" content=\"none\">"], [], "<meta name=\"robots\" content=\"none\">"),
        ([], [(name: "x-robots-tag", value: "noindex")], "X-Robots-Tag: noindex"),
    ]

    /// A generic noindex is one cause: robots-blocked-all reports it, robots-noindex does not report it again. With the
    /// crawlability rules switched off, robots-noindex reports it.
    @Test(arguments: 0..<3)
    func oneCauseOneFinding(_ index: Int) throws {
        let source = Self.blocking[index]
        let found = Self.findings(head: source.head, headers: source.headers)
        #expect(found.filter { $0.rule == .robotsBlockedAll }.map(\.evidence) == [source.evidence])
        #expect(!found.contains { $0.rule == .robotsNoindex })
        var settings = SEOSettings()
        settings.disabledRules = ["robots-blocked-all", "robots-blocked-some"]
        let fallback = Self.findings(head: source.head, headers: source.headers, settings: settings)
        #expect(fallback.filter { $0.rule == .robotsNoindex }.map(\.evidence) == [source.evidence])
    }

    /// The sitemap lists a page when Googlebot may index it: its own directives when it has any, else the generic ones.
    @Test(arguments: [
        (["<meta name=\"googlebot\" content=\"noindex\">"], [(String, String)](), false),
        (["<meta name=\"robots\" content=\"noindex\">", "<meta name=\"googlebot\" content=\"index, follow\">"], [], true),
        (["<meta name=\"robots\" content=\"noindex\">"], [], false),
        (["<meta name=\"bingbot\" content=\"noindex\">"], [], true),
        ([], [("x-robots-tag", "googlebot: none")], false),
        ([], [("x-robots-tag", "otherbot: noindex")], true),
        (["<meta name=\"robots\" content=\"unavailable_after: 2020-01-01\">"], [], false),
        (["<meta name=\"robots\" content=\"unavailable_after: 2045-01-01, nofollow\">"], [], true),
    ])
    func sitemapIndexability(_ head: [String], _ headers: [(String, String)], _ indexable: Bool) {
        var document = Fixture.Document()
        document.head += head
        let page = Fixture.page("page.html", document, headers: [(name: "content-type", value: "text/html")] + headers.map { (name: $0.0, value: $0.1) })
        #expect(Indexability.isIndexable(page, facts: PageAnalysis(page: page).facts, now: Self.now) == indexable)
    }
}
