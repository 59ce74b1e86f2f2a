import HeraldData
import Testing
@testable import SEOPlugin

/// One rule, a page that must trigger it and a page that must not.
struct RuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rule: SEORule
    var positive: [CrawledPage]
    var negative: [CrawledPage]
    var testDescription: String { "\(rule.rawValue): \(name)" }

    init(_ rule: SEORule, _ name: String, positive: Fixture.Document, negative: Fixture.Document = Fixture.Document()) {
        self.rule = rule
        self.name = name
        self.positive = Fixture.crawl(Fixture.page("page.html", positive))
        self.negative = Fixture.crawl(Fixture.page("page.html", negative))
    }

    init(_ rule: SEORule, _ name: String, positive: [CrawledPage], negative: [CrawledPage]) {
        self.rule = rule
        self.name = name
        self.positive = positive
        self.negative = negative
    }
}

private typealias D = Fixture.Document
private func head(_ prefix: String, _ replacement: String...) -> D { D().replacing(prefix, in: \.head, with: replacement) }
private func body(_ prefix: String, _ replacement: String...) -> D { D().replacing(prefix, in: \.body, with: replacement) }
private func canonical(_ tags: String...) -> D { var d = D(); d.canonical = tags; return d }
private func lang(_ value: String?) -> D { var d = D(); d.lang = value; return d }

/// 60 characters, the default maximum.
private let sixty = String(repeating: "x", count: 60)

let ruleCases: [RuleCase] = [
    RuleCase(.titleMissing, "no title element", positive: head("<title>")),
    RuleCase(.titleMissing, "an svg title is not the document title",
             positive: head("<title>").replacing("<h1>", in: \.body, with: ["<h1>Heading</h1>", "<svg><title>Icon</title></svg>"]),
             negative: body("<h1>", "<h1>Heading</h1>", "<svg><title>Icon</title></svg>")),
    RuleCase(.titleEmpty, "whitespace only", positive: head("<title>", "<title> \n\t </title>")),
    RuleCase(.titleTooLong, "61 characters vs 60", positive: head("<title>", "<title>\(sixty)y</title>"),
             negative: head("<title>", "<title>\(sixty)</title>")),
    RuleCase(.titleTooLong, "an entity counts as one character", positive: head("<title>", "<title>\(sixty)&#8212;</title>"),
             negative: head("<title>", "<title>\(sixty.dropLast())&#8212;</title>")),
    RuleCase(.titleTooLong, "whitespace runs count as one space", positive: head("<title>", "<title>\(sixty) y</title>"),
             negative: head("<title>", "<title>  \(sixty.dropLast(2))\n\n   y  </title>")),
    RuleCase(.titleMultiple, "two titles", positive: head("<title>", "<title>One</title>", "<title>Two</title>")),
    RuleCase(.descriptionMissing, "no meta description", positive: head("<meta name=\"description\"")),
    RuleCase(.descriptionMissing, "empty content", positive: head("<meta name=\"description\"", "<meta name=\"description\" content=\"  \">")),
    RuleCase(.descriptionMissing, "name is case-insensitive", positive: head("<meta name=\"description\""),
             negative: head("<meta name=\"description\"", "<meta name=\"Description\" content=\"Fine.\">")),
    RuleCase(.descriptionTooLong, "156 characters vs 155",
             positive: head("<meta name=\"description\"", "<meta name=\"description\" content=\"\(String(repeating: "d", count: 156))\">"),
             negative: head("<meta name=\"description\"", "<meta name=\"description\" content=\"\(String(repeating: "d", count: 155))\">")),
    RuleCase(.h1Missing, "no h1", positive: body("<h1>", "<h2>Only a subheading</h2>")),
    RuleCase(.h1Multiple, "two h1", positive: body("<h1>", "<h1>One</h1>", "<h1>Two</h1>")),
    RuleCase(.imageAltMissing, "img without alt", positive: body("<img", "<img src=\"/a.png\">"),
             negative: body("<img", "<img src=\"/a.png\" alt=\"\">")),
    RuleCase(.imageAltEmpty, "img with alt=\"\"", positive: body("<img", "<img src=\"/a.png\" alt=\"\">"),
             negative: body("<img", "<img src=\"/a.png\">")),
    RuleCase(.canonicalMissing, "no canonical", positive: canonical()),
    RuleCase(.canonicalRelative, "root-relative href", positive: canonical("<link rel=\"canonical\" href=\"/page.html\">")),
    RuleCase(.canonicalInvalidScheme, "file:// canonical",
             positive: canonical("<link rel=\"canonical\" href=\"file:///usr/share/doc/page.html\">"),
             negative: canonical("<link rel=\"canonical\" href=\"https://example.com/elsewhere.html\">")),
    RuleCase(.canonicalConflicting, "two different canonicals",
             positive: canonical("<link rel=\"canonical\" href=\"https://example.com/page.html\">",
                                 "<link rel=\"canonical\" href=\"https://example.com/other.html\">"),
             negative: canonical("<link rel=\"canonical\" href=\"https://example.com/page.html\">",
                                 "<link rel=\"CANONICAL\" href=\"https://EXAMPLE.com:443/page.html#top\">")),
    RuleCase(.htmlLangMissing, "no lang", positive: lang(nil)),
    RuleCase(.htmlLangMissing, "empty lang", positive: lang(" ")),
    RuleCase(.viewportMissing, "no viewport", positive: head("<meta name=\"viewport\"")),
    RuleCase(.viewportDuplicate, "viewport twice",
             positive: head("<meta name=\"viewport\"", "<meta name=\"viewport\" content=\"width=device-width\">",
                            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">")),
    RuleCase(.robotsBlockedAll, "meta robots noindex", positive: head("<meta charset", "<meta charset=\"utf-8\">", "<meta name=\"robots\" content=\"noindex, follow\">"),
             negative: head("<meta charset", "<meta charset=\"utf-8\">", "<meta name=\"robots\" content=\"index, follow\">")),
    RuleCase(.robotsBlockedAll, "meta ROBOTS none", positive: head("<meta charset", "<meta charset=\"utf-8\">", "<meta name=\"ROBOTS\" content=\"NONE\">"),
             negative: head("<meta charset", "<meta charset=\"utf-8\">", "<meta name=\"googlebot-news\" content=\"noindex\">")),
    RuleCase(.robotsBlockedAll, "X-Robots-Tag header",
             positive: Fixture.crawl(Fixture.page("page.html", headers: [(name: "content-type", value: "text/html"), (name: "x-robots-tag", value: "noindex")])),
             negative: Fixture.crawl(Fixture.page("page.html", headers: [(name: "content-type", value: "text/html"), (name: "x-robots-tag", value: "otherbot: noindex")]))),
    RuleCase(.robotsTxtBlocked, "robots.txt disallows the page for Googlebot",
             positive: Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.robots("User-agent: *\nDisallow: /page\n")]),
             negative: Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.robots("User-agent: *\nDisallow: /page\n\nUser-agent: googlebot\nDisallow: /private/\n")])),
    RuleCase(.robotsTxtBlocked, "only a robots.txt answered with 2xx counts",
             positive: Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.robots("User-agent: Googlebot\nDisallow: /\n")]),
             negative: Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.robots("User-agent: Googlebot\nDisallow: /\n", status: 404)])),
    RuleCase(.linkBroken, "link to a crawled 404",
             positive: Fixture.crawl(Fixture.page("page.html", body("<p>", "<a href=\"gone.html\">gone</a>")),
                                     extra: [Fixture.page("gone.html", status: 404)]),
             negative: Fixture.crawl(Fixture.page("page.html", body("<p>", "<a href=\"gone.html\">gone</a>")),
                                     extra: [Fixture.page("gone.html", status: 200)])),
    RuleCase(.linkNotCrawled, "link to a URL missing from the crawl",
             positive: Fixture.crawl(Fixture.page("docs/page.html", body("<p>", "<a href=\"../missing.html#part\">x</a>"))),
             negative: Fixture.crawl(Fixture.page("docs/page.html", body("<p>", "<a href=\"../other.html#part\">x</a>",
                                                                       "<a href=\"https://elsewhere.org/missing.html\">x</a>",
                                                                       "<a href=\"mailto:a@example.com\">x</a>",
                                                                       "<a href=\"#top\">x</a>")))),
    RuleCase(.linkNotCrawled, "base href changes resolution",
             positive: Fixture.crawl(Fixture.page("docs/page.html", head("<meta charset", "<base href=\"/docs/\">")
                                                    .replacing("<p>", in: \.body, with: ["<a href=\"other.html\">x</a>"]))),
             negative: Fixture.crawl(Fixture.page("docs/page.html", head("<meta charset", "<base href=\"/\">")
                                                    .replacing("<p>", in: \.body, with: ["<a href=\"other.html\">x</a>"])))),
]

struct RuleTests {
    @Test(arguments: ruleCases)
    func firesOnPositive(_ c: RuleCase) {
        let findings = Fixture.audit(c.positive).findings.filter { $0.rule == c.rule }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == c.rule.severity && !$0.evidence.isEmpty })
    }

    @Test(arguments: ruleCases)
    func silentOnNegative(_ c: RuleCase) {
        let findings = Fixture.audit(c.negative).findings.filter { $0.rule == c.rule }
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func robotsTxtBlockedNamesTheRuleAndUsesTheConfiguredAgent() {
        let crawl = Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.robots("User-agent: Bingbot\nAllow: /\n\nUser-agent: *\nDisallow: /page.html\n")])
        let found = Fixture.audit(crawl).findings.filter { $0.rule == .robotsTxtBlocked }
        #expect(found.map { [$0.url, $0.evidence, $0.message] }
            == [["https://example.com/page.html", "Disallow: /page.html", "robots.txt line 5 disallows this page for Googlebot"]])
        var settings = SEOSettings()
        settings.robotsAgent = "bingbot"
        #expect(Fixture.audit(crawl, settings: settings).findings.filter { $0.rule == .robotsTxtBlocked }.isEmpty)
    }

    @Test func cleanSiteHasNoFindings() {
        let audit = Fixture.audit(Fixture.crawl(Fixture.page("page.html")))
        #expect(audit.findings.isEmpty, "\(audit.findings)")
        #expect(audit.auditedURLs == ["https://example.com/other.html", "https://example.com/page.html"])
        #expect(audit.linkCounts.checked == 2)
    }

    /// Pages of one folder share the resolution of their hrefs: each page still lists its own targets once, in
    /// document order, and every link to a missing target is reported on its own line.
    @Test func linksSharedAcrossAFolder() {
        var first = Fixture.Document()
        first.body = ["<a href=\"gone.html#a\">x</a>", "<a href=\"/other.html\">y</a>", "<a href=\"gone.html#b\">z</a>"]
        var second = Fixture.Document()
        second.body = ["<a href=\"/other.html#top\">y</a>", "<a href=\"gone.html\">x</a>", "<a href=\"https://elsewhere.org/\">e</a>"]
        let audit = Fixture.audit(Fixture.crawl(Fixture.page("docs/first.html", first), extra: [Fixture.page("docs/second.html", second)]))
        #expect(audit.linkCounts.targets["https://example.com/docs/first.html"]
            == ["https://example.com/docs/gone.html", "https://example.com/other.html"])
        #expect(audit.linkCounts.targets["https://example.com/docs/second.html"]
            == ["https://example.com/other.html", "https://example.com/docs/gone.html"])
        #expect(audit.linkCounts.external == 1)
        let missing = audit.findings.filter { $0.rule == .linkNotCrawled }
        #expect(missing.map { "\($0.url) \($0.line ?? 0)" }.sorted()
            == ["https://example.com/docs/first.html 11", "https://example.com/docs/first.html 13", "https://example.com/docs/second.html 12"])
    }

    @Test(arguments: [SEORule.titleDuplicate, .descriptionDuplicate])
    func duplicatesAcrossPages(_ rule: SEORule) {
        let duplicate = Fixture.audit(Fixture.crawl(Fixture.page("page.html"), extra: [Fixture.page("twin.html")]))
        let found = duplicate.findings.filter { $0.rule == rule }
        #expect(found.map(\.url) == ["https://example.com/page.html", "https://example.com/twin.html"])
        #expect(duplicate.duplicateGroups.filter { $0.rule == rule }.map(\.urls.count) == [2])
        let distinct = Fixture.audit(Fixture.crawl(Fixture.page("page.html")))
        #expect(distinct.findings.filter { $0.rule == rule }.isEmpty)
    }

    @Test func evidenceCarriesElementAndLine() throws {
        let page = Fixture.page("page.html", canonical("<link rel=\"canonical\" href=\"file:///x/page.html\">"))
        let finding = try #require(Fixture.audit(Fixture.crawl(page)).findings.first { $0.rule == .canonicalInvalidScheme })
        #expect(finding.evidence == "<link rel=\"canonical\" href=\"file:///x/page.html\">")
        #expect(finding.line == 8)
        #expect(finding.url == "https://example.com/page.html")
    }

    @Test func missingAltAndEmptyAltAreDistinct() {
        let page = Fixture.page("page.html", body("<img", "<img src=\"/a.png\">", "<img src=\"/b.png\" alt=\"\">", "<img src=\"/c.png\" alt=\"C\">"))
        let findings = Fixture.audit(Fixture.crawl(page)).findings
        #expect(findings.filter { $0.rule == .imageAltMissing }.map(\.evidence) == ["<img src=\"/a.png\">"])
        #expect(findings.filter { $0.rule == .imageAltEmpty }.map(\.evidence) == ["<img src=\"/b.png\" alt=\"\">"])
    }

    @Test func thresholdsComeFromSettings() {
        var settings = SEOSettings()
        settings.titleMaxLength = 10
        let findings = Fixture.audit(Fixture.crawl(Fixture.page("page.html")), settings: settings).findings
        #expect(findings.contains { $0.rule == .titleTooLong && $0.message.contains("48 characters long (maximum 10)") })
    }

    @Test("rules order by their ids and hash by their case")
    func ruleOrderAndIdentity() {
        #expect(SEORule.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        #expect(SEORule.allCases.sorted() == SEORule.allCases.sorted { $0.rawValue < $1.rawValue })
        for a in SEORule.allCases {
            for b in SEORule.allCases { #expect((a < b) == (a.rawValue < b.rawValue)) }
        }
        #expect(Set(SEORule.allCases).count == SEORule.allCases.count)
    }

    @Test("enabled rules follow disabled_rules, set in code or decoded")
    func enabledRulesFollowDisabledRules() throws {
        var settings = SEOSettings()
        #expect(settings.enabledRules == Set(SEORule.allCases))
        settings.disabledRules = ["canonical-missing", "no-such-rule"]
        #expect(settings.enabledRules == Set(SEORule.allCases).subtracting([.canonicalMissing]))
        settings.disabledRules = []
        #expect(settings.enabledRules.count == SEORule.allCases.count)
        let decoded = try SEOSettings.load(settingsNode("disabled_rules: [title-missing, link-text]"))
        #expect(decoded.enabledRules == Set(SEORule.allCases).subtracting([.titleMissing, .linkText]))
    }

    @Test func disabledRulesDoNotRun() {
        var settings = SEOSettings()
        settings.disabledRules = ["canonical-missing"]
        let findings = Fixture.audit(Fixture.crawl(Fixture.page("page.html", canonical())), settings: settings).findings
        #expect(!findings.contains { $0.rule == .canonicalMissing })
    }

    @Test func onlySuccessfulHTMLIsAudited() {
        let pages = Fixture.crawl(Fixture.page("page.html"), extra: [
            Fixture.page("redirect.html", lang(nil), status: 301),
            Fixture.page("error.html", lang(nil), status: 500),
            Fixture.page("data.json", lang(nil), headers: [(name: "content-type", value: "application/json")]),
        ])
        let audit = Fixture.audit(pages)
        #expect(audit.htmlPageCount == 2)
        #expect(!audit.findings.contains { $0.rule == .htmlLangMissing })
    }

    @Test func editionLimitAuditsTheFirstPagesByURL() {
        let pages = Fixture.crawl(Fixture.page("c.html"), extra: [Fixture.page("a.html"), Fixture.page("b.html")])
        let audit = Fixture.audit(pages, limit: 2)
        #expect(audit.htmlPageCount == 4)
        #expect(audit.auditedURLs == ["https://example.com/a.html", "https://example.com/b.html"])
        #expect(audit.skippedURLs == ["https://example.com/c.html", "https://example.com/other.html"])
        #expect(Set(audit.findings.map(\.url)).isSubset(of: Set(audit.auditedURLs)))
    }
}
