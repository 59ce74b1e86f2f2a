import Foundation
import Generator
import HeraldData
import Liquid
import Markup
import Testing
@testable import SEOPlugin

/// A renderer that records which template was asked for and writes the variables it got as text,
/// so the plugin's artifacts can be checked without the theme.
let recordingRenderer = ThemeRenderer { name, variables in
    "[\(name)] " + variables.keys.sorted().joined(separator: ",")
}

func seoInput(_ pages: [CrawledPage], previous: [CrawledPage]? = nil, limits: [String: Int] = [:],
              settings: String = "", templates: ThemeRenderer = recordingRenderer) throws -> PluginInput {
    let tenant = TenantConfig(id: "acme", name: "Acme", baseURL: Fixture.site, edition: "basic")
    var snapshot = Snapshot(date: "2026-12-01", folder: "snapshots/acme/2026-12-01")
    snapshot.crawl = Crawl(pages: pages)
    var before: Snapshot?
    if let previous {
        before = Snapshot(date: "2026-11-01", folder: "snapshots/acme/2026-11-01")
        before?.crawl = Crawl(pages: previous)
    }
    return PluginInput(tenant: tenant, snapshot: snapshot, previous: before, settings: try settingsNode(settings),
                       limits: limits, now: Date(timeIntervalSince1970: 1_796_000_000), templates: templates)
}

/// Settings from `key: value` lines (integers, booleans, or `[a, b]` lists of strings).
func settingsNode(_ text: String) throws -> PluginSettings {
    let location = SourceLocation(file: "tenant.yml", line: 1)
    var pairs: [(key: String, value: ConfigNode)] = []
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        let value: ConfigValue
        if let int = Int(parts[1]) { value = .int(int) }
        else if let double = Double(parts[1]) { value = .double(double) }
        else if parts[1] == "true" || parts[1] == "false" { value = .bool(parts[1] == "true") }
        else if parts[1].hasPrefix("[") {
            value = .array(parts[1].dropFirst().dropLast().split(separator: ",").map {
                ConfigNode(.string($0.trimmingCharacters(in: .whitespaces)), at: location)
            })
        } else { value = .string(parts[1]) }
        pairs.append((key: parts[0], value: ConfigNode(value, at: location)))
    }
    return PluginSettings(ConfigNode(.map(pairs), at: location))
}

struct SEOPluginTests {
    func problemSite() -> [CrawledPage] {
        var broken = Fixture.Document()
        broken.head = broken.head.filter { !$0.hasPrefix("<meta name=\"description\"") }
        broken.body.append("<a href=\"missing.html\">x</a>")
        broken.canonical = ["<link rel=\"canonical\" href=\"file:///srv/www/page.html\">"]
        return Fixture.crawl(Fixture.page("page.html", broken))
    }

    @Test func writesReportCSVAndJSON() throws {
        let output = try SEOPlugin().run(seoInput(problemSite()))
        let paths = output.artifacts.map(\.path.value)
        let pages = ["other.html", "page.html"].map { "reports/seo/pages/" + PageReportPath.name(Fixture.site + $0) + ".html" }
        #expect(paths == ["reports/seo/rules/canonical-invalid-scheme.html", "reports/seo/rules/description-missing.html",
                          "reports/seo/rules/link-not-crawled.html"] + pages + ["reports/seo/pages/index.html", "reports/seo/index.html",
                          "reports/seo/findings.csv", "reports/seo/findings.json"])
        // Score: one error and two warnings, each on 1 of the 2 pages: 100 × 0.75 × 0.9 × 0.9 = 60.75.
        #expect(output.summary == ReportSummary(title: "SEO audit", headline: "3 issues",
                                                detail: "1 error, 2 warnings, 0 notices on 2 pages; score 60.8/100",
                                                link: "reports/seo/index.html"))
        #expect(output.notices.isEmpty)
        let index = try #require(output.artifacts.first { $0.path.value == "reports/seo/index.html" })
        #expect(String(decoding: index.bytes, as: UTF8.self).hasPrefix("[layouts/base.html]"))
    }

    @Test func csvIsRFC4180() throws {
        let output = try SEOPlugin().run(seoInput(problemSite()))
        let csv = String(decoding: try #require(output.artifacts.first { $0.path.value.hasSuffix(".csv") }).bytes, as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows[0] == "rule,severity,url,line,evidence,message,change,page,schema_version")
        #expect(rows[1] == "canonical-invalid-scheme,error,https://example.com/page.html,7,"
                + "\"<link rel=\"\"canonical\"\" href=\"\"file:///srv/www/page.html\"\">\","
                + "canonical uses the file: scheme; only http and https URLs can be canonical,,"
                + "pages/example-com-page-html-\(PageReportPath.name(Fixture.site + "page.html").suffix(16)).html,1")
        #expect(rows[2].hasPrefix("description-missing,warning,https://example.com/page.html,3,<head>,"))
        #expect(rows.count == 5 && rows[4] == "")
    }

    @Test func jsonHasStableSchema() throws {
        let output = try SEOPlugin().run(seoInput(problemSite()))
        let json = try #require(output.artifacts.first { $0.path.value.hasSuffix(".json") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object["schema"] as? String == "herald.seo.findings/1")
        #expect(object["schema_version"] as? Int == FindingExport.schemaVersion)
        #expect(object.keys.sorted() == ["content_groups", "counts", "duplicate_groups", "findings", "fixed", "generated_at", "links",
                                         "pages", "rules", "schema", "schema_version", "score", "settings", "snapshot", "tenant", "trend"])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["canonical-invalid-scheme", "description-missing", "link-not-crawled"])
        #expect(findings[2].keys.sorted() == ["evidence", "line", "message", "page", "rule", "severity", "url"])
        let counts = try #require(object["counts"] as? [String: Int])
        #expect(counts == ["total": 3, "error": 1, "warning": 2, "notice": 0])
    }

    @Test func sameInputSameBytes() throws {
        let first = try SEOPlugin().run(seoInput(problemSite() + [Fixture.page("twin.html"), Fixture.page("twin2.html")]))
        let second = try SEOPlugin().run(seoInput((problemSite() + [Fixture.page("twin.html"), Fixture.page("twin2.html")]).reversed()))
        #expect(first.artifacts.map(\.path) == second.artifacts.map(\.path))
        #expect(first.artifacts.map(\.bytes) == second.artifacts.map(\.bytes))
    }

    @Test func editionLimitIsANoticeAndInTheReport() throws {
        let pages = problemSite() + [Fixture.page("z.html")]
        let output = try SEOPlugin().run(seoInput(pages, limits: ["seo.pages": 2]))
        #expect(output.notices.count == 1)
        #expect(output.notices[0].severity == .warning)
        #expect(output.notices[0].message.contains("audits at most 2 pages (seo.pages)"))
        #expect(output.notices[0].message.contains("https://example.com/z.html"))
        let json = String(decoding: try #require(output.artifacts.first { $0.path.value.hasSuffix(".json") }).bytes, as: UTF8.self)
        #expect(json.contains("\"not_audited\" : [\n      \"https://example.com/z.html\"\n    ]"))
        #expect(output.summary?.detail.contains("1 over the edition limit, not audited") == true)
    }

    @Test func comparesWithThePreviousSnapshot() throws {
        // Before: the description was missing and the link was fine. Now: the description is fixed, the link broke.
        var before = Fixture.Document()
        before.head = before.head.filter { !$0.hasPrefix("<meta name=\"description\"") }
        var now = Fixture.Document()
        now.body.append("<a href=\"missing.html\">x</a>")
        let output = try SEOPlugin().run(seoInput(Fixture.crawl(Fixture.page("page.html", now)),
                                                  previous: Fixture.crawl(Fixture.page("page.html", before))))
        #expect(output.summary?.detail.contains("; 1 new and 1 fixed since 2026-11-01;") == true)
        let csv = String(decoding: try #require(output.artifacts.first { $0.path.value.hasSuffix(".csv") }).bytes, as: UTF8.self)
        #expect(csv.contains("which is not in the crawl\",new,pages/"))
    }

    @Test(arguments: [
        ("title_max_length: 0", "title_max_length must be at least 1"),
        ("disabled_rules: [title-missing, no-such-rule]", "unknown SEO rule 'no-such-rule'"),
        ("title_max: 70", "unknown key 'title_max'"),
        ("robots_agent: \"Googlebot/2.1\"", "robots_agent must be a product token"),
        ("max_crawl_depth: 0", "max_crawl_depth must be at least 1"),
        ("link_text_phrases: [read on, ]", "link_text_phrases must not hold empty phrases"),
        ("near_duplicate_threshold: 0.4", "near_duplicate_threshold must be between 0.5 and 1"),
        ("near_duplicate_threshold: 2", "near_duplicate_threshold must be between 0.5 and 1"),
        ("near_duplicate_treshold: 0.9", "unknown key 'near_duplicate_treshold'"),
        ("duplicate_min_words: 2", "duplicate_min_words must be at least 3"),
        ("trend_snapshots: -1", "trend_snapshots must be between 0 and 100"),
    ])
    func settingsAreStrict(_ settings: String, _ message: String) throws {
        let error = #expect(throws: Diagnostic.self) { try SEOPlugin().run(seoInput(problemSite(), settings: settings)) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        // The error names the key it is about.
        let key = String(settings.prefix { $0 != ":" })
        #expect(error?.description.contains(key) == true, "\(String(describing: error))")
    }
}
