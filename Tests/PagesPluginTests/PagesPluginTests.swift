import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import PagesPlugin

@Suite struct PagesPluginTests {
    @Test(arguments: [
        // (front matter, body, expected title, expected description)
        ([("title", ConfigValue.string("From front matter")), ("description", .string("Given."))], "# Heading\n\nFirst para.",
         "From front matter", "Given."),
        ([], "# The heading\n\nThe *first* paragraph, with `code`.", "The heading", "The first paragraph, with code."),
        ([], "Intro text only.\n\n## Later heading", "Later heading", "Intro text only."),
        ([], "- just\n- a list", "Pricing plans", nil),
        ([("title", ConfigValue.string("   "))], "## Sub &amp; more\n\npara", "Sub & more", "para"),
        ([], "# Title[^1]\n\n[^1]: note", "Title", nil),
    ] as [([(String, ConfigValue)], String, String, String?)])
    func titleAndDescriptionFallbacks(pairs: [(String, ConfigValue)], body: String, title: String, description: String?) throws {
        let output = try PagesPlugin().run(input([document("pages/pricing-plans.md", body, pairs)]))
        let html = try #require(output.html("site/pricing-plans/index.html"))
        #expect(html.first("title")?.textContent == title)
        #expect(html.meta("og:title") == title)
        #expect(html.meta("description") == description)
        #expect(html.meta("og:description") == description)
    }

    @Test func longParagraphIsTruncatedAtAWord() throws {
        let body = String(repeating: "word ", count: 100)
        let output = try PagesPlugin().run(input([document("pages/a.md", body)], settings: [("description_length", .int(50))]))
        let description = try #require(output.html("site/a/index.html")?.meta("description"))
        #expect(description.count <= 50)
        #expect(description.hasSuffix("word…"))
    }

    @Test(arguments: [
        ("pages/index.md", [], "site/index.html", "https://acme.example/", "website"),
        ("pages/about.md", [], "site/about/index.html", "https://acme.example/about/", "website"),
        ("pages/news/launch.md", [("date", ConfigValue.string("2026-05-01"))], "site/news/launch/index.html",
         "https://acme.example/news/launch/", "article"),
        ("pages/x.md", [("slug", ConfigValue.string("../../etc/passwd"))], "site/etc/passwd/index.html",
         "https://acme.example/etc/passwd/", "website"),
    ] as [(String, [(String, ConfigValue)], String, String, String)])
    func canonicalAndOpenGraph(path: String, pairs: [(String, ConfigValue)], output: String, canonical: String, type: String) throws {
        let result = try PagesPlugin().run(input([document(path, "# Hi\n\nThere.", pairs)]))
        // Without pages/index.md the site also gets its generated home page (SiteIndexTests).
        #expect(Set(result.artifacts.map(\.path.value)) == [output, "site/index.html"])
        let html = try #require(result.html(output))
        #expect(html.canonical == [canonical])
        #expect(html.meta("og:url") == canonical)
        #expect(html.meta("og:type") == type)
        #expect(html[attribute: "lang"] == "en-GB")
        #expect(Set(result.pages.map { tenant.baseURL + $0.path }) == [canonical, tenant.baseURL])
    }

    @Test(arguments: [
        ("| a | b |\n|---|--:|\n| 1 | 2 |", "table", nil as String?),
        ("Text[^n].\n\n[^n]: The note.", "section", "footnotes"),
        ("Visit https://example.com today", "a", nil),
        ("~~gone~~", "del", nil),
        ("- [x] done", "input", nil),
    ])
    func gfmFeatures(body: String, element: String, className: String?) throws {
        let html = try #require(try PagesPlugin().run(input([document("pages/a.md", body)])).html("site/a/index.html"))
        let found = html.descendants(named: element)
        #expect(!found.isEmpty)
        if let className { #expect(found.contains { $0[attribute: "class"] == className }) }
        if element == "a" { #expect(found.contains { $0[attribute: "href"] == "https://example.com" }) }
    }

    @Test func smartPunctuationSetting() throws {
        let body = "\"Quoted\" -- and... more"
        let plain = try PagesPlugin().run(input([document("pages/a.md", body)])).text("site/a/index.html") ?? ""
        let smart = try PagesPlugin().run(input([document("pages/a.md", body)], settings: [("smart_punctuation", .bool(true))]))
            .text("site/a/index.html") ?? ""
        #expect(!plain.contains("“"))
        #expect(smart.contains("“Quoted”") && smart.contains("–") && smart.contains("…"))
    }

    @Test(arguments: [
        [("smart_punctuation", ConfigValue.string("yes"))],
        [("smartypants", ConfigValue.bool(true))],
        [("description_length", ConfigValue.int(5))],
    ])
    func strictSettings(pairs: [(String, ConfigValue)]) {
        #expect(throws: Diagnostic.self) { try PagesPlugin().run(input([document("pages/a.md", "x")], settings: pairs)) }
    }

    /// Untrusted markdown: raw HTML and links must not inject script into the page.
    @Test(arguments: [
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<script>alert(1)</script>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "![x](javascript:alert(1))",
        "<svg><g onload=alert(1)></g></svg>",
        "<p title=\"\"><img src=x onerror=alert(1)>\"",
    ])
    func hostileMarkdown(body: String) throws {
        let page = try #require(try PagesPlugin().run(input([document("pages/a.md", "# T\n\n" + body)])).html("site/a/index.html"))
        #expect(page.descendants(named: "script").isEmpty)
        #expect(page.descendants(named: "svg").isEmpty)
        for element in page.descendants() {
            #expect(!element.attributes.contains { $0.name.hasPrefix("on") })
            for name in ["href", "src"] { if let url = element[attribute: name] { #expect(HTMLEscape.isSafeURL(url)) } }
        }
    }

    @Test func hostileTitleIsEscaped() throws {
        let pairs: [(String, ConfigValue)] = [("title", .string("\"><script>alert(1)</script>")),
                                              ("description", .string("' onmouseover='alert(1)"))]
        let page = try #require(try PagesPlugin().run(input([document("pages/a.md", "x", pairs)])).html("site/a/index.html"))
        #expect(page.descendants(named: "script").isEmpty)
        #expect(page.first("title")?.textContent == "\"><script>alert(1)</script>")
        #expect(page.meta("description") == "' onmouseover='alert(1)")
    }

    @Test func draftsAreSkippedAndCounted() throws {
        let output = try PagesPlugin().run(input([
            document("pages/index.md", "# Home"),
            document("pages/wip.md", "# WIP", [("draft", .bool(true))]),
            document("other/notes.md", "# Not a page"),
        ]))
        #expect(output.artifacts.map(\.path.value) == ["site/index.html"])
        #expect(output.summary == ReportSummary(title: "Pages", headline: "1 page",
                                                detail: "Published under https://acme.example/. 1 draft skipped.",
                                                link: "site/index.html"))
    }

    @Test func duplicateSlugsAreAnError() {
        #expect(throws: Diagnostic.self) {
            try PagesPlugin().run(input([document("pages/about.md", "a"), document("pages/b.md", "b", [("slug", .string("About"))])]))
        }
    }

    @Test func limitIsReportedNotSilent() throws {
        let documents = (0..<5).map { document("pages/p\($0).md", "# P\($0)") }
        let output = try PagesPlugin().run(input(documents, limits: ["pages.pages": 3]))
        #expect(output.artifacts.count == 3 + 1, "three pages and the generated home page")
        #expect(output.notices.count == 1)
        #expect(output.notices.first?.severity == .warning)
        #expect(output.notices.first?.message.contains("pages/p3.md, pages/p4.md") == true)
    }

    /// What the sitemap needs for hreflang alternates and image:image: the language and translation key as written,
    /// and the body's image sources in order.
    @Test func publishedPagesCarryLanguageTranslationKeyAndImages() throws {
        let output = try PagesPlugin().run(input([
            document("pages/sobre.md", "![Equipe](team.jpg)\n\n<img src=\"/a?x=1&amp;y=2\">\n\n![](https://cdn.example/b.png)",
                     [("lang", .string("pt_BR")), ("translation_key", .string("about"))]),
            document("pages/about.md", "No images.", [("translation_key", .string("about"))]),
        ]))
        #expect(output.pages == [
            PublishedPage(path: ""),
            PublishedPage(path: "about/", translationKey: "about"),
            PublishedPage(path: "sobre/", language: "pt_BR", translationKey: "about",
                          images: ["team.jpg", "/a?x=1&y=2", "https://cdn.example/b.png"]),
        ])
    }

    @Test(arguments: [("lang", ConfigValue.bool(true)), ("translation_key", .array([]))])
    func languageKeysMustBeText(_ key: String, _ value: ConfigValue) {
        let error = #expect(throws: Diagnostic.self) { try PagesPlugin().run(input([document("pages/a.md", "a", [(key, value)])])) }
        #expect(error?.message.contains("'\(key)' must be text") == true)
    }

    @Test func publishedPagesCarryDates() throws {
        let output = try PagesPlugin().run(input([
            document("pages/b.md", "b", [("date", .string("2026-01-02T03:04:05-08:00"))]),
            document("pages/a.md", "a"),
        ]))
        let date = PageDate.parse("2026-01-02T11:04:05Z", timeZone: .gmt)
        #expect(output.pages == [PublishedPage(path: "", lastModified: date), PublishedPage(path: "a/"),
                                 PublishedPage(path: "b/", lastModified: date)])
        #expect(output.pages.last?.lastModified?.offsetSeconds == -8 * 3600)
        #expect(output.summary?.link == "site/index.html")
    }

    @Test func deterministicAcrossRunsAndOrder() throws {
        let documents = (0..<80).map { i in
            document("pages/section-\(i % 4)/page-\(i).md", "# Page \(i)\n\nBody \(i) with a [link](https://x.example/\(i)).",
                     [("date", .string("2026-01-\(10 + i % 18)"))])
        }
        let a = try PagesPlugin().run(input(documents))
        let b = try PagesPlugin().run(input(documents.reversed()))
        #expect(a.artifacts.map(\.path) == b.artifacts.map(\.path))
        #expect(a.artifacts.map(\.bytes) == b.artifacts.map(\.bytes))
        #expect(a.pages == b.pages)
        #expect(a.artifacts.map(\.path) == a.artifacts.map(\.path).sorted())
    }
}
