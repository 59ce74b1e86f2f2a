import Testing
@testable import HeraldData

@Suite struct SiteImporterTests {
    func source() -> MemoryFileSystem {
        MemoryFileSystem([
            "/src/index.html": "<title>Home</title>",
            "/src/library/os.html": "<title>os</title>",
            "/src/library/index.html": "<title>Library</title>",
            "/src/_static/style.css": "body{}",
            "/src/.buildinfo": "hidden",
            "/p/herald.yml": "editions:\n  starter:\n    plugins: [seo]\n",
        ])
    }

    @Test func importsIntoAManifestCrawlThatLoadsBack() throws {
        let fs = source()
        let result = try SiteImporter(fileSystem: fs).importSite(from: "/src", projectRoot: "/p", tenant: "docs",
                                                                 baseURL: "https://docs.example/3.11", date: "2026-12-03")
        #expect(result.crawlFolder == "snapshots/docs/2026-12-03/crawl")
        #expect(result.files == 4 && result.createdTenantFile && result.diagnostics.isEmpty)
        #expect(String(decoding: try fs.read("/p/snapshots/docs/2026-12-03/crawl/manifest.ndjson"), as: UTF8.self) == """
        {"url":"https://docs.example/3.11/","status":200,"headers":{"content-type":"text/html; charset=utf-8"},"body":"files/index.html"}
        {"url":"https://docs.example/3.11/_static/style.css","status":200,"headers":{"content-type":"text/css; charset=utf-8"},"body":"files/_static/style.css"}
        {"url":"https://docs.example/3.11/library/","status":200,"headers":{"content-type":"text/html; charset=utf-8"},"body":"files/library/index.html"}
        {"url":"https://docs.example/3.11/library/os.html","status":200,"headers":{"content-type":"text/html; charset=utf-8"},"body":"files/library/os.html"}

        """)
        #expect(!fs.exists("/p/snapshots/docs/2026-12-03/.crawl-import"))
        let loader = ProjectLoader(root: "/p", fileSystem: fs)
        let tenant = try loader.tenant("docs")
        #expect(tenant.baseURL == "https://docs.example/3.11/" && tenant.edition == "starter")
        let snapshot = try loader.snapshot("docs", date: "2026-12-03")
        #expect(snapshot.crawl?.pages.map(\.url) == ["https://docs.example/3.11/", "https://docs.example/3.11/_static/style.css",
                                                     "https://docs.example/3.11/library/", "https://docs.example/3.11/library/os.html"])
        #expect(snapshot.crawl?.pages[3].body == bytes("<title>os</title>"))
        #expect(loader.check().filter { $0.severity == .error }.isEmpty)
    }

    @Test func refusesToOverwriteUnlessReplacing() throws {
        let fs = source()
        let importer = SiteImporter(fileSystem: fs)
        _ = try importer.importSite(from: "/src", projectRoot: "/p", tenant: "docs", baseURL: "https://docs.example/", date: "2026-12-03")
        #expect(thrown { _ = try importer.importSite(from: "/src", projectRoot: "/p", tenant: "docs", baseURL: "https://docs.example/", date: "2026-12-03") }
                == ["snapshots/docs/2026-12-03/crawl: error: a crawl already exists in this snapshot; remove it or import again with --replace"])
        try fs.write(bytes("<title>New</title>"), to: "/src/index.html")
        let again = try importer.importSite(from: "/src", projectRoot: "/p", tenant: "docs", baseURL: "https://other.example/", date: "2026-12-03", replace: true)
        #expect(!again.createdTenantFile)
        #expect(lines(again.diagnostics) == ["snapshots/docs/tenant.yml (base_url): warning: tenant.yml has base_url https://docs.example/, but the crawl was imported under https://other.example/"])
        #expect(try fs.read("/p/snapshots/docs/2026-12-03/crawl/files/index.html") == bytes("<title>New</title>"))
    }

    @Test func validatesArguments() {
        #expect(thrown { _ = try SiteImporter(fileSystem: source()).importSite(from: "/nope", projectRoot: "/p", tenant: "../x", baseURL: "docs.example", date: "2026-13-01") } == [
            "--tenant: error: tenant id '../x' is not allowed; use letters, digits, '-', '_' and '.' (not first)",
            "--date: error: expected a date YYYY-MM-DD, found '2026-13-01'",
            "--base-url: error: expected an absolute http(s) URL such as https://www.example.com/, found 'docs.example'",
            "/nope: error: the folder does not exist",
        ])
    }
}
