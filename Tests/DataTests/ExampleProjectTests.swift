import Foundation
import Testing
@testable import HeraldData

/// The bundled example project at the package root (herald.yml, snapshots/, content/).
@Suite struct ExampleProjectTests {
    let loader = ProjectLoader(root: packageRoot, fileSystem: LocalFileSystem())

    @Test func checksWithoutErrorsOrWarnings() {
        var loader = self.loader
        loader.knownPluginIDs = ["pages", "seo", "sitemap", "newsletter", "attribution", "reputation", "command-center"]
        let diagnostics = loader.check()
        #expect(diagnostics.filter { $0.severity != .info }.map(\.description) == [])
        // The newest Acme snapshot carries two webhook re-sends on purpose.
        #expect(diagnostics.map(\.description) == [
            "snapshots/acme-outdoor/2026-12-01/touchpoints.csv:42:1: info: removed 2 exact duplicate rows (same touchpoint_id and content as an earlier row; the first, line 42, repeats line 12)",
        ])
    }

    @Test func tenantsEditionsAndSnapshots() throws {
        let project = try loader.project()
        #expect(project.editions["starter"]?.plugins == ["pages", "seo", "sitemap", "reputation", "command-center"])
        #expect(project.editions["starter"]?.limits["seo.pages"] == 25)
        #expect(project.editions["pro"]?.plugins == ["pages", "seo", "sitemap", "newsletter", "attribution", "reputation", "command-center"])
        #expect(try loader.tenantIDs() == ["acme-outdoor", "bistro-verde"])
        #expect(try loader.tenant("acme-outdoor").edition == "pro")
        #expect(try loader.tenant("bistro-verde").edition == "starter")
        for id in ["acme-outdoor", "bistro-verde"] {
            #expect(try loader.snapshotDates(id) == ["2026-11-01", "2026-12-01"])
        }
    }

    @Test func acmeDatasets() throws {
        let s = try loader.snapshot("acme-outdoor", date: "2026-12-01")
        let crawl = try #require(s.crawl)
        #expect(crawl.pages.count == 42)
        #expect(crawl.pages.filter { $0.status == 200 }.count == 40)
        #expect(Set(crawl.pages.map(\.status)) == [200, 301, 404])
        #expect(try #require(s.touchpoints).count > 300)
        #expect(Set(try #require(s.conversions).map(\.currency)) == ["EUR", "GBP"])
        #expect(s.rates?.rates["GBP"] == 1.153)
        let reviews = try #require(s.reviews)
        #expect((140...170).contains(reviews.count))
        #expect(reviews.contains { $0.text.contains("<script>") })
        #expect(reviews.contains { $0.rating <= 2 && $0.response == nil })
        let subscribers = try #require(s.subscribers)
        #expect((45...60).contains(subscribers.count))
        #expect(subscribers.contains { $0.firstName == "<b>\"quote'" })
        #expect(subscribers.contains { !$0.subscribed })
        #expect(s.identities?.isEmpty == false && s.paths == nil)
    }

    @Test func bistroDatasets() throws {
        let s = try loader.snapshot("bistro-verde", date: "2026-12-01")
        let crawl = try #require(s.crawl)
        #expect(crawl.pages.count == 40)
        #expect(crawl.pages.contains { $0.url == "https://bistro-verde.example/" })
        #expect(crawl.pages.contains { $0.url == "https://bistro-verde.example/speisekarte/" })
        #expect((140...160).contains(try #require(s.reviews).count))
        #expect(s.touchpoints == nil && s.subscribers == nil)
    }

    @Test func content() throws {
        let acme = try loader.content("acme-outdoor")
        #expect(acme.map(\.path) == ["newsletter/2026-11-05-autumn-gear.md", "newsletter/2026-11-20-black-friday.md",
                                     "pages/about.md", "pages/returns.md", "pages/size-guide.md", "pages/stores.md"])
        for issue in acme.prefix(2) {
            guard case let .map(pairs) = issue.frontMatter.value else { Issue.record("no front matter"); continue }
            #expect(pairs.map(\.key) == ["subject", "preheader", "date", "segment"])
        }
        #expect(try loader.content("bistro-verde").map(\.path) == ["pages/anfahrt.md", "pages/speisekarte.md", "pages/ueber-uns.md"])
    }

    /// generate.py is seeded: running it again reproduces the committed files byte for byte.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is absent"))
    func generatorIsReproducible() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("herald-generate-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [packageRoot + "/snapshots/generate.py", "--out", out]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let fs = LocalFileSystem()
        var compared = 0
        var stack = ["snapshots", "content"]
        while let rel = stack.popLast() {
            for name in try fs.list(out + "/" + rel) {
                let child = rel + "/" + name
                if fs.isDirectory(out + "/" + child) { stack.append(child); continue }
                #expect(try fs.read(out + "/" + child) == (try fs.read(packageRoot + "/" + child)), "\(child) differs")
                compared += 1
            }
        }
        #expect(compared > 150)
    }
}
