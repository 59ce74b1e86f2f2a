import Foundation
import Generator
import HeraldData
import Markup
import Plugins
import Testing

/// What a reader of the built output sees around the reports: the language of each page, and links that lead
/// somewhere when the output is browsed from disk.
@Suite("The theme's language and navigation")
struct ThemeNavigationTests {
    static let files = [
        "herald.yml": "editions:\n  basic:\n    plugins: [pages, command-center]\n",
        "snapshots/wien/tenant.yml": "name: Wien\nbase_url: https://wien.example/\nedition: basic\nlocale: de-AT\n",
        "snapshots/wien/2026-12-01/rates.csv": "currency,rate\nEUR,1\n",
        "content/wien/pages/anfahrt.md": "---\ntitle: Anfahrt\n---\n# Anfahrt\n\nMit der U-Bahn.\n",
    ]

    static func build(_ files: [String: String]) throws -> (ProjectFixture, String, [TenantResult]) {
        let fixture = try ProjectFixture(files: files)
        let pipeline = ProjectFixture.pipeline()
        let (output, results) = try pipeline.build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        try BuiltinPlugins.writeTenantIndex(results: results, output: output, themes: pipeline.themes,
                                            projectRoot: fixture.root, now: ProjectFixture.now)
        return (fixture, output, results)
    }

    static func page(_ path: String) throws -> HTMLElement {
        HTMLParser.parse(try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("public pages carry the tenant's locale; Herald's reports, whose text is English, carry en")
    func languages() throws {
        let (fixture, output, _) = try Self.build(Self.files)
        defer { fixture.remove() }
        #expect(try Self.page(output + "/wien/site/anfahrt/index.html").lang == "de-AT")
        #expect(try Self.page(output + "/wien/index.html").lang == "en")
        #expect(try Self.page(output + "/index.html").lang == "en")
    }

    @Test("a tenant's reports link back to the index of all tenants")
    func backToAllTenants() throws {
        let (fixture, output, _) = try Self.build(Self.files)
        defer { fixture.remove() }
        let links = try Self.page(output + "/wien/index.html").descendants(named: "a").compactMap { $0[attribute: "href"] }
        #expect(links.contains("../index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/wien/../index.html"))
    }

    @Test("a tenant that failed before it ever built is listed without a link to output that does not exist")
    func failedTenantWithoutOutput() throws {
        var files = Self.files
        files["snapshots/broken/tenant.yml"] = "name: Broken\nbase_url: https://broken.example/\nedition: nope\n"
        files["snapshots/broken/2026-12-01/rates.csv"] = "currency,rate\nEUR,1\n"
        let (fixture, output, results) = try Self.build(files)
        defer { fixture.remove() }
        #expect(results.first { $0.tenant == "broken" }?.failure != nil)
        let links = try Self.page(output + "/index.html").descendants(named: "a").compactMap { $0[attribute: "href"] }
        #expect(links.contains("wien/index.html"))
        #expect(!links.contains { $0.hasPrefix("broken/") })
    }
}

extension HTMLElement {
    /// The document's `<html lang>` (the parser returns the root element itself).
    var lang: String? { (name == "html" ? self : first("html"))?[attribute: "lang"] }
}
