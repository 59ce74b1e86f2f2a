import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import SEOPlugin

/// The report's trend, per-URL pages and exports, through the built-in theme.
struct ReportTests {
    /// Crawls per snapshot date: on each date one more page has no meta description (a warning).
    static func crawl(missingDescriptions: Int) -> [CrawledPage] {
        var pages = Fixture.crawl(Fixture.page("page.html"))
        for index in 0..<missingDescriptions {
            var document = Fixture.Document()
            document.head = document.head.filter { !$0.hasPrefix("<meta name=\"description\"") }
                .map { $0.hasPrefix("<title>") ? "<title>Page \(index)</title>" : $0 }
            pages.append(Fixture.page("p\(index).html", document))
        }
        return pages
    }

    static let dates = ["2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01"]

    /// The newest snapshot with `older` dated ones before it; `broken` dates fail to load.
    static func input(older: Int, settings: String = "", broken: Set<String> = []) throws -> PluginInput {
        @Sendable func snapshot(_ index: Int) -> Snapshot {
            var snapshot = Snapshot(date: dates[index], folder: "snapshots/acme/" + dates[index])
            snapshot.crawl = Crawl(pages: crawl(missingDescriptions: index))
            return snapshot
        }
        let newest = dates.count - 1
        let olderDates = Array(dates[(newest - older)..<newest])
        var input = try seoInput(crawl(missingDescriptions: newest), settings: settings, templates: builtInTheme)
        input.previous = older > 0 ? snapshot(newest - 1) : nil
        input.history = SnapshotHistory(dates: olderDates) { date in
            if broken.contains(date) { throw BuildError("crawl.ndjson:3: error: bad record") }
            return snapshot(dates.firstIndex(of: date)!)
        }
        return input
    }

    static func files(_ output: PluginOutput) -> [String: String] {
        Dictionary(uniqueKeysWithValues: output.artifacts.map { ($0.path.value, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    static func json(_ output: PluginOutput) throws -> [String: Any] {
        let bytes = try #require(output.artifacts.first { $0.path.value.hasSuffix("findings.json") }).bytes
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("the trend audits up to trend_snapshots older snapshots, oldest first, ending with this one",
          arguments: [(4, "", 5), (4, "trend_snapshots: 2", 3), (1, "", 2), (0, "", 1)])
    func trendPoints(older: Int, settings: String, points: Int) throws {
        let output = try SEOPlugin().run(Self.input(older: older, settings: settings))
        let trend = try #require(try Self.json(output)["trend"] as? [[String: Any]])
        let expectedDates = Array(Self.dates.suffix(points))
        #expect(trend.map { $0["snapshot"] as? String } == expectedDates)
        // The snapshot of dates[i] has i pages without a description, and description-missing is its only finding.
        #expect(trend.map { $0["warning"] as? Int } == expectedDates.map { Self.dates.firstIndex(of: $0) })
        #expect(trend.map { $0["error"] as? Int } == expectedDates.map { _ in 0 })
        let summary = try #require(Self.files(output)["reports/seo/index.html"])
        #expect(summary.contains("class=\"seo-trend\"") == (expectedDates.count > 1))
    }

    @Test("an older snapshot audited with the current crawl's parses of unchanged pages finds what a fresh audit finds")
    func reusedAnalyses() throws {
        var changed = Fixture.Document()
        changed.head = changed.head.filter { !$0.hasPrefix("<title>") }
        var latin1 = Fixture.page("latin1.html", status: 200, headers: [(name: "content-type", value: "text/html; charset=windows-1252")])
        latin1.body += [0xE9]  // é in windows-1252; not UTF-8
        var current = Self.crawl(missingDescriptions: 3) + [latin1]
        current[0].body = Array("<p>café</p>".utf8)  // page.html differs between the snapshots
        var olderPages = Self.crawl(missingDescriptions: 3) + [latin1]
        // The same bytes declared as UTF-8 in the older snapshot: only a fresh parse reports them.
        olderPages[olderPages.count - 1].headers = [(name: "content-type", value: "text/html; charset=utf-8")]
        let currentCrawl = Crawl(pages: current)
        _ = SEOAudit(crawl: currentCrawl, settings: SEOSettings(), baseURL: Fixture.site)
        let reused = Crawl(pages: olderPages)
        AuditTrend.reuseAnalyses(into: reused, from: currentCrawl)
        let fresh = SEOAudit(crawl: Crawl(pages: olderPages), settings: SEOSettings(), baseURL: Fixture.site)
        #expect(SEOAudit(crawl: reused, settings: SEOSettings(), baseURL: Fixture.site).findings == fresh.findings)
        #expect(fresh.findings.contains { $0.rule == .encodingInvalid })
    }

    @Test("no trend when trend_snapshots is 0")
    func trendOff() throws {
        let output = try SEOPlugin().run(Self.input(older: 3, settings: "trend_snapshots: 0"))
        #expect((try Self.json(output)["trend"] as? [Any])?.isEmpty == true)
        #expect(!(Self.files(output)["reports/seo/index.html"] ?? "").contains("seo-trend"))
    }

    @Test("a snapshot that cannot be loaded is left out of the trend with a notice naming it and why")
    func brokenSnapshot() throws {
        let output = try SEOPlugin().run(Self.input(older: 3, broken: ["2026-10-01"]))
        let trend = try #require(try Self.json(output)["trend"] as? [[String: Any]])
        #expect(trend.map { $0["snapshot"] as? String } == ["2026-09-01", "2026-11-01", "2026-12-01"])
        #expect(output.notices.map(\.message) == ["snapshot 2026-10-01 is left out of the SEO trend: crawl.ndjson:3: error: bad record"])
    }

    @Test("the same snapshots and instant give the same bytes")
    func deterministic() throws {
        let first = try SEOPlugin().run(Self.input(older: 4))
        let second = try SEOPlugin().run(Self.input(older: 4))
        #expect(first.artifacts.map(\.path) == second.artifacts.map(\.path))
        #expect(first.artifacts.map(\.bytes) == second.artifacts.map(\.bytes))
    }

    @Test("every audited URL has a page listing its findings, linked from the pages index")
    func perURLPages() throws {
        let output = try SEOPlugin().run(Self.input(older: 0))
        let files = Self.files(output)
        let audit = Fixture.audit(Self.crawl(missingDescriptions: 4))
        let index = HTMLParser.parse(Array(try #require(files["reports/seo/pages/index.html"]).utf8))
        let links = try #require(index.first("tbody")).descendants(named: "a")
        #expect(links.map(\.textContent) == audit.auditedURLs)
        for link in links {
            let href = try #require(link[attribute: "href"])
            let page = HTMLParser.parse(Array(try #require(files["reports/seo/pages/" + href], "\(href)").utf8))
            let expected = audit.findings.filter { $0.url == link.textContent }
            let rows = page.first("tbody")?.descendants(named: "tr") ?? []
            #expect(rows.count == expected.count)
            for (row, finding) in zip(rows, expected) {
                let cells = row.descendants(named: "td").map(\.textContent)
                #expect(cells[1] == finding.severity.rawValue && cells[2] == finding.line.map(String.init) ?? "" && cells[3] == finding.evidence)
            }
        }
    }

    @Test("page names keep only a slug and a hash of the URL, whatever the URL holds", arguments: [
        "https://example.com/../../etc/passwd", "https://example.com/a\"b'<c>.html", "javascript:alert(1)",
        "https://example.com/%2e%2e/%2F", "https://EXAMPLE.com/Ünïcode/päge", "file:///C:/Windows/system32", "",
    ])
    func safeNames(url: String) {
        let name = PageReportPath.name(url)
        #expect(!name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
        #expect(name.hasSuffix(String(FNV1a.hash(url), radix: 16)))
        #expect(PageReportPath.names([url, url + "x"]).values.count == 2)
    }

    @Test("a page name is the slug after the scheme, cut at 60 bytes, and the URL's hash as sixteen hex digits")
    func pageNameFormat() throws {
        #expect(PageReportPath.name("https://debian-handbook.info/browse/ar-MA/derivative-distributions.html")
            == "debian-handbook-info-browse-ar-ma-derivative-distributions-h-ba57891ba561f41d")
        // The slug starts after the first "://" only.
        #expect(PageReportPath.name("a:/b/x://Y:/z") == "y-z-" + hex(FNV1a.hash("a:/b/x://Y:/z")))
        #expect(PageReportPath.name("No/Scheme") == "no-scheme-" + hex(FNV1a.hash("No/Scheme")))
        #expect(PageReportPath.name("x://ÅÄ") == hex(FNV1a.hash("x://ÅÄ")))
        // Leading zeros of the hash are kept.
        let url = try #require((0..<1000).lazy.map { "https://example.com/\($0)" }.first { FNV1a.hash($0) >> 60 == 0 })
        #expect(PageReportPath.name(url).hasSuffix("-0" + String(FNV1a.hash(url), radix: 16)))
        func hex(_ hash: UInt64) -> String {
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }

    @Test("names of sorted URLs come in their order and are those of the dictionary")
    func sortedNames() {
        let urls = ["https://a.example/", "https://a.example/x", "https://b.example/", "mailto:x"]
        #expect(PageReportPath.names(sorted: urls) == urls.map { PageReportPath.names(urls.reversed())[$0]! })
    }

    @Test("a crawled title with <script> and quotes stays text on the per-URL page, in the CSV and in the JSON")
    func hostileTitle() throws {
        let hostile = "<script>alert(\"x\")</script>\"' onmouseover='y"
        var document = Fixture.Document()
        document.head = document.head.map { $0.hasPrefix("<title>") ? "<title>\(HTMLEscape.escape(hostile))</title>" : $0 }
        let pages = Fixture.crawl(Fixture.page("a.html", document), extra: [Fixture.page("b.html", document)])
        let output = try SEOPlugin().run(seoInput(pages, templates: builtInTheme))
        let files = Self.files(output)
        let page = try #require(files["reports/seo/pages/" + PageReportPath.name(Fixture.site + "a.html") + ".html"])
        let root = HTMLParser.parse(Array(page.utf8))
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.descendants().allSatisfy { !$0.attributes.contains { $0.name.hasPrefix("on") } })
        #expect(root.descendants(named: "code").contains { $0.textContent == hostile })
        let findings = try #require(try Self.json(output)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "title-duplicate" && $0["evidence"] as? String == hostile })
        #expect(try #require(files["reports/seo/findings.csv"]).contains("\"<script>alert(\"\"x\"\")</script>\"\"' onmouseover='y\""))
    }
}
