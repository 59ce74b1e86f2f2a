import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import CommandCenterPlugin

@Suite struct CommandCenterPluginTests {
    @Test func cardsAreSortedAndLinked() throws {
        let output = try CommandCenterPlugin().run(input([
            report("seo", "SEO audit", "42 findings", detail: "3 errors", link: "reports/seo/index.html"),
            report("attribution", "Attribution", "1,204 conversions", link: "reports/attribution/index.html"),
            PluginReport(pluginID: "sitemap", summary: nil, pages: [], artifactPaths: ["site/sitemap.xml"]),
            report("pages", "Pages", "12 pages", link: "site/index.html"),
        ]))
        #expect(output.artifacts.map(\.path.value) == ["index.html"])
        #expect(output.summary == nil)
        let html = HTMLParser.parse(output.artifacts[0].bytes)
        let cards = html.descendants(named: "li").filter { $0[attribute: "class"] == "card" }
        #expect(cards.map { $0.first("h3")?.textContent } == ["Attribution", "Pages", "SEO audit"])
        #expect(cards.compactMap { $0.first("a")?[attribute: "href"] }
                == ["reports/attribution/index.html", "site/index.html", "reports/seo/index.html"])
        #expect(cards.map { $0.descendants(named: "p").first?.textContent } == ["1,204 conversions", "12 pages", "42 findings"])
    }

    @Test(arguments: [
        ("Europe/Berlin", "2026-12-01T01:00:00+01:00", "2026-12-01 01:00"),
        ("America/New_York", "2026-11-30T19:00:00-05:00", "2026-11-30 19:00"),
        ("UTC", "2026-12-01T00:00:00Z", "2026-12-01 00:00"),
        ("Asia/Kolkata", "2026-12-01T05:30:00+05:30", "2026-12-01 05:30"),
    ])
    func buildTimeInTenantZone(zone: String, rfc3339: String, display: String) throws {
        let output = try CommandCenterPlugin().run(input([], timeZone: zone))
        let time = try #require(HTMLParser.parse(output.artifacts[0].bytes).first("time"))
        #expect(time[attribute: "datetime"] == rfc3339)
        #expect(time.textContent == display)
        #expect(output.notices.isEmpty)
    }

    @Test func unknownZoneFallsBackToUTCWithANotice() throws {
        let output = try CommandCenterPlugin().run(input([], timeZone: "Mars/Olympus"))
        #expect(output.notices.count == 1)
        #expect(HTMLParser.parse(output.artifacts[0].bytes).first("time")?[attribute: "datetime"] == "2026-12-01T00:00:00Z")
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "</li></ul><iframe src=//evil>",
    ])
    func hostileTextIsEscaped(text: String) throws {
        let output = try CommandCenterPlugin().run(input([
            report("reputation", text, text, detail: text, link: "reports/reputation/index.html"),
        ]))
        let html = HTMLParser.parse(output.artifacts[0].bytes)
        #expect(html.descendants(named: "script").isEmpty)
        #expect(html.descendants(named: "img").isEmpty)
        #expect(html.descendants(named: "iframe").isEmpty)
        #expect(html.descendants().allSatisfy { $0.attributes.allSatisfy { !$0.name.hasPrefix("on") } })
        let card = try #require(html.descendants(named: "li").first)
        #expect(card.first("h3")?.textContent == text)
        #expect(card.descendants(named: "p").first?.textContent == text)
    }

    @Test(arguments: [
        ("javascript:alert(1)", nil as String?),
        ("https://evil.example/", nil),
        ("/etc/passwd", nil),
        ("../other-tenant/index.html", nil),
        ("", nil),
        ("reports/seo/index.html", "reports/seo/index.html"),
        ("reports/seo/index.html#errors", "reports/seo/index.html#errors"),
    ])
    func unsafeLinksAreDropped(link: String, expected: String?) {
        let card = ReportCard(pluginID: "x", summary: ReportSummary(title: "X", headline: "1", link: link))
        #expect(card.link == expected)
    }

    @Test func previousSnapshotIsShown() throws {
        let with = String(decoding: try CommandCenterPlugin().run(input([])).artifacts[0].bytes, as: UTF8.self)
        let without = String(decoding: try CommandCenterPlugin().run(input([], previous: nil)).artifacts[0].bytes, as: UTF8.self)
        #expect(with.contains("2026-11-30") && with.contains("2026-11-23"))
        #expect(!without.contains("2026-11-23"))
    }

    @Test func settingsAreStrict() {
        #expect(throws: Diagnostic.self) { try CommandCenterPlugin().run(input([], settings: [("colour", .string("red"))])) }
    }

    @Test func deterministic() throws {
        let reports = (0..<20).map { report("p\($0)", "Report \($0 % 7)", "\($0)", link: "reports/p\($0)/index.html") }
        let a = try CommandCenterPlugin().run(input(reports)).artifacts[0].bytes
        let b = try CommandCenterPlugin().run(input(reports.reversed())).artifacts[0].bytes
        #expect(a == b)
    }
}

@Suite struct CommandCenterIndexTests {
    @Test func listsTenantsWithStatusAndPrefixedLinks() throws {
        let html = HTMLParser.parse(try CommandCenterIndex.render(tenants: [
            TenantIndexEntry(id: "zeta", name: "Zeta GmbH", status: .failed(message: "snapshots/zeta/2026-11-30/reviews.ndjson:4: bad rating")),
            TenantIndexEntry(id: "acme", name: "Acme", status: .built, summaries: [
                ReportSummary(title: "SEO audit", headline: "42 findings", link: "reports/seo/index.html"),
                ReportSummary(title: "Evil", headline: "x", link: "javascript:alert(1)"),
            ]),
        ], templates: theme, now: now))
        let sections = html.descendants(named: "section")
        #expect(sections.map { $0.first("h2")?.textContent } == ["Acme", "Zeta GmbH"])
        #expect(sections.map { $0[attribute: "class"] } == ["status-built", "status-failed"])
        #expect(sections[0].descendants(named: "a").compactMap { $0[attribute: "href"] } == ["acme/index.html", "acme/reports/seo/index.html"])
        #expect(sections[1].textContent.contains("bad rating"))
    }

    @Test(arguments: ["<script>alert(1)</script>", "\"><svg onload=alert(1)>"])
    func hostileNamesAndMessagesAreEscaped(text: String) throws {
        let html = HTMLParser.parse(try CommandCenterIndex.render(tenants: [
            TenantIndexEntry(id: "../x y", name: text, status: .failed(message: text),
                             summaries: [ReportSummary(title: text, headline: text, link: "a.html")]),
        ], templates: theme, now: now))
        #expect(html.descendants(named: "script").isEmpty)
        #expect(html.descendants(named: "svg").isEmpty)
        #expect(html.first("h2")?.textContent == text)
        #expect(html.first("h2")?.first("a")?[attribute: "href"] == "..%2Fx%20y/index.html")
    }
}

@Suite struct TenantIndexEntryTests {
    @Test(arguments: [(nil as String?, TenantIndexEntry.Status.built), ("boom", .failed(message: "boom"))])
    func failureInitialiser(failure: String?, status: TenantIndexEntry.Status) {
        #expect(TenantIndexEntry(id: "a", name: "A", failure: failure, snapshot: "2026-11-30").status == status)
    }
}
