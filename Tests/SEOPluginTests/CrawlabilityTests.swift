import Foundation
import HeraldData
import Testing
@testable import SEOPlugin

/// is-crawlable semantics (Lighthouse core/audits/seo/is-crawlable.js and its test file): meta robots in head,
/// X-Robots-Tag with and without a bot prefix, bot-specific over generic, unavailable_after, robots.txt.
@Suite struct CrawlabilityTests {
    /// 2026-12-01T06:00:00Z, the demo build's instant.
    static let now = Date(timeIntervalSince1970: 1_796_104_800)

    static func audit(head: [String] = [], headers: [(name: String, value: String)] = [], robots: String? = nil,
                      settings: SEOSettings = SEOSettings()) -> [SEOFinding] {
        var document = Fixture.Document()
        document.head += head
        let page = Fixture.page("page.html", document,
                                headers: [(name: "content-type", value: "text/html; charset=utf-8")] + headers)
        let extra = robots.map { [Fixture.robots($0)] } ?? []
        return SEOAudit(pages: Fixture.crawl(page, extra: extra), settings: settings, baseURL: Fixture.site, now: now)
            .findings.filter { $0.url == Fixture.site + "page.html" }
    }

    static func rules(_ findings: [SEOFinding]) -> Set<SEORule> {
        Set(findings.map(\.rule)).intersection([.robotsBlockedAll, .robotsBlockedSome])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var head: [String] = []
        var headers: [(name: String, value: String)] = []
        var robots: String?
        /// nil = crawlable by all five.
        var expected: SEORule?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "no directives", expected: nil),
        Case(name: "meta robots noindex", head: ["<meta name=\"robots\" content=\"noindex\">"], expected: .robotsBlockedAll),
        Case(name: "mixed-case RoBots name and NoIndex", head: ["<meta name=\"RoBots\" content=\"all, NoIndex\">"], expected: .robotsBlockedAll),
        Case(name: "meta robots none", head: ["<meta name=\"robots\" content=\"none\">"], expected: .robotsBlockedAll),
        Case(name: "meta robots nofollow only", head: ["<meta name=\"robots\" content=\"nofollow, noarchive\">"], expected: nil),
        Case(name: "X-Robots-Tag none", headers: [(name: "x-robots-tag", value: "none")], expected: .robotsBlockedAll),
        Case(name: "X-Robots-Tag with several directives", headers: [(name: "x-robots-tag", value: "all, noindex")], expected: .robotsBlockedAll),
        Case(name: "unavailable_after in the past (RFC 850 style)",
             headers: [(name: "x-robots-tag", value: "unavailable_after: 25 Jun 2010 15:00:00 PST")], expected: .robotsBlockedAll),
        Case(name: "unavailable_after in the past, with a weekday and comma",
             headers: [(name: "x-robots-tag", value: "unavailable_after: Friday, 25-Jun-10 15:00:00 EST, nofollow")], expected: .robotsBlockedAll),
        Case(name: "unavailable_after in the future",
             headers: [(name: "x-robots-tag", value: "unavailable_after: 25 Jun 2045 15:00:00 PST")], expected: nil),
        Case(name: "unavailable_after ISO date in the past", head: ["<meta name=\"robots\" content=\"unavailable_after: 2026-11-30\">"],
             expected: .robotsBlockedAll),
        Case(name: "googlebot-prefixed header blocks Googlebot only",
             headers: [(name: "x-robots-tag", value: "googlebot: noindex")], expected: .robotsBlockedSome),
        Case(name: "header for an unknown bot is ignored",
             headers: [(name: "x-robots-tag", value: "otherbot: noindex")], expected: nil),
        Case(name: "meta googlebot blocks Googlebot only", head: ["<meta name=\"googlebot\" content=\"noindex\">"], expected: .robotsBlockedSome),
        Case(name: "bot-specific meta wins over generic for that bot",
             head: ["<meta name=\"robots\" content=\"noindex\">", "<meta name=\"Googlebot\" content=\"index, follow\">"],
             expected: .robotsBlockedSome),
        Case(name: "every bot named: blocked for all",
             head: ["<meta name=\"robots\" content=\"noindex\">", "<meta name=\"googlebot\" content=\"noindex\">"],
             expected: .robotsBlockedAll),
        Case(name: "robots.txt disallows everyone", robots: "User-agent: *\nDisallow: /page.html\n", expected: .robotsBlockedAll),
        Case(name: "robots.txt disallows only bingbot", robots: "User-agent: bingbot\nDisallow: /\n", expected: .robotsBlockedSome),
        Case(name: "robots.txt disallows only another path", robots: "User-agent: *\nDisallow: /private/\n", expected: nil),
        Case(name: "robots.txt: * blocked, Googlebot allowed by its own group",
             robots: "User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nAllow: /\n", expected: .robotsBlockedSome),
    ]

    @Test(arguments: cases)
    func verdict(_ c: Case) {
        let found = Self.rules(Self.audit(head: c.head, headers: c.headers, robots: c.robots))
        #expect(found == (c.expected.map { [$0] } ?? []), "\(found)")
    }

    @Test func metaRobotsInTheBodyIsIgnored() {
        var document = Fixture.Document()
        document.body.append("<meta name=\"robots\" content=\"noindex\">")
        let page = Fixture.page("page.html", document)
        let findings = SEOAudit(pages: Fixture.crawl(page), settings: SEOSettings(), baseURL: Fixture.site, now: Self.now).findings
        #expect(!findings.contains { $0.rule == .robotsBlockedAll || $0.rule == .robotsBlockedSome })
    }

    @Test func partialBlockNamesTheBlockedCrawlers() throws {
        let finding = try #require(Self.audit(head: ["<meta name=\"googlebot\" content=\"noindex\">"]).first { $0.rule == .robotsBlockedSome })
        #expect(finding.evidence == "<meta name=\"googlebot\" content=\"noindex\">")
        #expect(finding.line == 8)
        #expect(finding.message == "blocked for Googlebot only; noindex applies to Googlebot")
    }

    @Test func robotsTxtEvidenceIsTheRule() throws {
        let finding = try #require(Self.audit(robots: "User-agent: *\nDisallow: /page\n").first { $0.rule == .robotsBlockedAll })
        #expect(finding.evidence == "Disallow: /page")
        #expect(finding.message.contains("robots.txt line 2 applies to every crawler (robots), Googlebot, bingbot, DuckDuckBot, archive.org_bot"))
    }

    @Test func withoutNowUnavailableAfterIsNotJudged() {
        var document = Fixture.Document()
        document.head.append("<meta name=\"robots\" content=\"unavailable_after: 2010-06-25\">")
        let findings = SEOAudit(pages: Fixture.crawl(Fixture.page("page.html", document)), settings: SEOSettings(),
                                baseURL: Fixture.site).findings
        #expect(!findings.contains { $0.rule == .robotsBlockedAll })
        #expect(findings.contains { $0.rule == .robotsDirective && $0.message.contains("unavailable_after: 2010-06-25") })
    }

    @Test func informationalDirectivesAreNotices() {
        let findings = Self.audit(head: ["<meta name=\"robots\" content=\"nofollow, max-snippet:20, noindex\">"],
                                  headers: [(name: "x-robots-tag", value: "bingbot: nosnippet, noarchive")])
            .filter { $0.rule == .robotsDirective }
        #expect(findings.map(\.message) == [
            "for bingbot: nosnippet; noarchive",
            "for every crawler (robots): nofollow; max-snippet:20",
        ])
        #expect(findings.allSatisfy { $0.severity == .notice })
        #expect(findings.map(\.line) == [nil, 8])
    }

    @Test func unparsableUnavailableAfterIsReportedAndIgnored() {
        let findings = Self.audit(headers: [(name: "x-robots-tag", value: "unavailable_after: someday")])
        #expect(Self.rules(findings).isEmpty)
        #expect(findings.contains { $0.rule == .robotsDirective && $0.message.contains("date not understood") })
    }

    @Test(arguments: [
        ("2010-06-25", 1_277_424_000.0),
        ("2010-06-25T15:00:00Z", 1_277_478_000),
        ("25 Jun 2010 15:00:00 GMT", 1_277_478_000),
        ("Fri, 25 Jun 2010 15:00:00 GMT", 1_277_478_000),
        ("Friday, 25-Jun-10 15:00:00 GMT", 1_277_478_000),
    ])
    func dates(_ text: String, _ seconds: Double) {
        #expect(Crawlability.date(text)?.timeIntervalSince1970 == seconds)
    }

    @Test func disabledRulesAreSilent() {
        var settings = SEOSettings()
        settings.disabledRules = ["robots-blocked-all", "robots-directive"]
        let findings = Self.audit(head: ["<meta name=\"robots\" content=\"noindex, nofollow\">"], settings: settings)
        #expect(!findings.contains { $0.rule == .robotsBlockedAll || $0.rule == .robotsDirective })
    }
}
