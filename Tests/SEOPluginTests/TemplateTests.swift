import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import SEOPlugin

/// The built-in theme (templates/ at the package root) through the real Liquid engine, autoescape on.
let builtInTheme: ThemeRenderer = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return ThemeFactory.renderer(roots: [url.appendingPathComponent("templates").path])
}()

struct TemplateTests {
    static let hostileTitle = "<script>alert(\"t\")</script>\"'><img src=x onerror=alert(1)> Café &amp; more"

    func hostileSite() -> [CrawledPage] {
        var evil = Fixture.Document()
        evil.head = evil.head.map { $0.hasPrefix("<title>") ? "<title>\(HTMLEscape.escape(Self.hostileTitle))</title>" : $0 }
        evil.body.append("<a href=\"javascript:alert(1)\">js</a><a href=\"missing\\\"onclick=\\\"x.html\">q</a>")
        let twin = evil
        return Fixture.crawl(Fixture.page("evil.html", evil), extra: [
            Fixture.page("twin.html", twin),
            Fixture.page("quote\"onmouseover=\"alert(1).html", twin),
            CrawledPage(url: "javascript:alert(1)", status: 200, body: Array(twin.html(url: "javascript:alert(1)").utf8),
                        location: SourceLocation(file: "crawl.ndjson")),
        ])
    }

    func render() throws -> [String: String] {
        let output = try SEOPlugin().run(seoInput(hostileSite(), templates: builtInTheme))
        return Dictionary(uniqueKeysWithValues: output.artifacts.map { ($0.path.value, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func untrustedTextCannotInjectMarkup() throws {
        let files = try render()
        let html = files.filter { $0.key.hasSuffix(".html") }
        #expect(html.count > 3)
        for (path, text) in html {
            let root = HTMLParser.parse(Array(text.utf8))
            #expect(root.descendants(named: "script").isEmpty, "\(path)")
            #expect(root.descendants(named: "img").isEmpty, "\(path)")
            for element in root.descendants() {
                #expect(!element.attributes.contains { $0.name.hasPrefix("on") }, "\(path): \(element.name)")
            }
            for link in root.descendants(named: "a") {
                #expect(HTMLEscape.isSafeURL(link[attribute: "href"] ?? ""), "\(path)")
            }
        }
        // The hostile title shows up as text, intact.
        let duplicates = HTMLParser.parse(Array(try #require(files["reports/seo/rules/title-duplicate.html"]).utf8))
        #expect(duplicates.descendants(named: "h3").contains { $0.textContent.contains(Self.hostileTitle) })
    }

    @Test func summaryCountsAndLinksToRulePages() throws {
        let files = try render()
        let index = HTMLParser.parse(Array(try #require(files["reports/seo/index.html"]).utf8))
        #expect(index.first("title")?.textContent.hasPrefix("SEO audit") == true)
        let figures = index.descendants(named: "li").filter { $0[attribute: "class"]?.contains("card") == true }
            .map { ($0.first("h2")?.textContent ?? "", $0.first("p")?.textContent ?? "") }
        let audit = Fixture.audit(hostileSite())
        #expect(figures.map(\.0) == ["Score", "Issues", "Errors", "Warnings", "Notices"])
        #expect(figures.map(\.1) == [try #require(audit.score).text, "\(audit.findings.count)", "\(audit.count(.error))",
                                     "\(audit.count(.warning))", "\(audit.count(.notice))"])
        let ruleLinks = try #require(index.first("table")).descendants(named: "a").compactMap { $0[attribute: "href"] }
        #expect(Set(ruleLinks) == Set(audit.countsByRule.keys.map { "rules/\($0.rawValue).html" }))
        for link in ruleLinks { #expect(files["reports/seo/" + link] != nil, "\(link)") }
    }

    @Test func rulePageListsEveryFindingWithEvidence() throws {
        let files = try render()
        let page = HTMLParser.parse(Array(try #require(files["reports/seo/rules/link-not-crawled.html"]).utf8))
        let rows = try #require(page.first("tbody")).descendants(named: "tr")
        let expected = Fixture.audit(hostileSite()).findings.filter { $0.rule == .linkNotCrawled }
        #expect(rows.count == expected.count)
        let cells = rows[0].descendants(named: "td").map(\.textContent)
        #expect(cells[0] == expected[0].url && cells[1] == String(expected[0].line ?? 0) && cells[2] == expected[0].evidence)
        // A quote in a crawled URL stays inside the href value.
        let quoted = page.descendants(named: "a").filter { ($0[attribute: "href"] ?? "").contains("quote\"") }
        #expect(!quoted.isEmpty)
        #expect(quoted.allSatisfy { $0.attributes.map(\.name) == ["href", "rel"] && $0[attribute: "href"] == $0.textContent })
    }
}
