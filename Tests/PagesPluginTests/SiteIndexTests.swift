import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import PagesPlugin

/// A site without its own home page gets one that lists its pages, so that the site root, the header's home link
/// and the command center's Pages card lead somewhere.
@Suite("Pages: the generated home page")
struct SiteIndexTests {
    static func html(_ output: PluginOutput, _ path: String) -> HTMLElement? {
        output.artifacts.first { $0.path.value == path }.map { HTMLParser.parse(String(decoding: $0.bytes, as: UTF8.self)) }
    }

    @Test("without pages/index.md, site/index.html lists every page, in path order, titles escaped")
    func listsPages() throws {
        let output = try PagesPlugin().run(input([
            document("pages/team.md", "# A < B & C\n"),
            document("pages/about.md", "# About\n"),
            document("pages/draft.md", "# Draft\n", [("draft", .bool(true))]),
        ]))
        let index = try #require(Self.html(output, "site/index.html"))
        let links = index.descendants(named: "a").map { ($0[attribute: "href"] ?? "", $0.textContent) }
        #expect(links.map(\.0) == ["about/index.html", "team/index.html"])
        #expect(links.map(\.1) == ["About", "A < B & C"])
        #expect(index.canonical == ["https://acme.example/"])
        #expect(output.pages.map(\.path) == ["", "about/", "team/"])
        #expect(output.summary?.link == "site/index.html")
    }

    @Test("a tenant's own home page is kept, and no list is generated")
    func ownHomePage() throws {
        let output = try PagesPlugin().run(input([document("pages/index.md", "# Welcome\n"), document("pages/about.md", "# About\n")]))
        #expect(Self.html(output, "site/index.html")?.descendants(named: "h1").first?.textContent == "Welcome")
        #expect(output.artifacts.count == 2)
    }

    @Test("no pages, no home page")
    func noPages() throws {
        let output = try PagesPlugin().run(input([]))
        #expect(output.artifacts.isEmpty)
        #expect(output.pages.isEmpty)
    }
}
