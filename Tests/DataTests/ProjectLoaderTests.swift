import Testing
@testable import HeraldData

@Suite struct ProjectLoaderTests {
    static let touchHeader = "touchpoint_id,anonymous_id,user_id,timestamp,channel,source,medium,campaign,cost\n"

    /// A small valid project: two tenants, the first with two snapshots.
    static func files() -> [String: String] {
        [
            "/p/herald.yml": "output_dir: out\neditions:\n  pro:\n    plugins: [pages, seo, attribution]\n  starter:\n    plugins: [pages, seo]\n    limits: {seo.pages: 25}\nplugin_defaults:\n  seo: {title_max: 60}\n",
            "/p/snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: pro\nreporting_currency: EUR\nplugins:\n  seo: {title_max: 70}\n",
            "/p/snapshots/acme/2026-11-01/touchpoints.csv": touchHeader + "t1,a,,2026-10-30T10:00:00+01:00,Direct,(direct),(none),,\n",
            "/p/snapshots/acme/2026-11-01/conversions.csv": "conversion_id,user_id,timestamp,value,currency\no1,u1,2026-10-31T10:00:00Z,10,EUR\n",
            "/p/snapshots/acme/2026-12-01/touchpoints.csv": touchHeader + "t1,a,,2026-11-30T10:00:00+01:00,Direct,(direct),(none),,\nt1,a,,2026-11-30T10:00:00+01:00,Direct,(direct),(none),,\n",
            "/p/snapshots/acme/2026-12-01/conversions.csv": "conversion_id,user_id,timestamp,value,currency\no1,u1,2026-11-30T12:00:00Z,10,EUR\no2,u1,2026-11-30T13:00:00Z,12,GBP\n",
            "/p/snapshots/acme/2026-12-01/rates.csv": "currency,rate\nGBP,1.15\n",
            "/p/snapshots/acme/2026-12-01/identities.csv": "event_id,event,anonymous_id,user_id,timestamp\ne1,identify,a,u1,2026-11-30T11:00:00Z\n",
            "/p/snapshots/acme/2026-12-01/paths.csv": "path;total_conversions;total_conversion_value;total_null\na > b;1;2;3\n",
            "/p/snapshots/acme/2026-12-01/reviews.ndjson": #"{"id":"r1","source":"g","author":"A","rating":5,"text":"ok","created_at":"2026-11-01T00:00:00Z"}"# + "\n",
            "/p/snapshots/acme/2026-12-01/subscribers.csv": "id,email\ns1,a@acme.example\n",
            "/p/snapshots/acme/2026-12-01/crawl/site/index.html": "<title>Home</title>",
            "/p/snapshots/acme/templates/base.html": "x",
            "/p/snapshots/bistro/tenant.yml": "name: Bistro\nbase_url: https://bistro.example\nedition: starter\n",
            "/p/snapshots/bistro/2026-12-01/crawl/manifest.ndjson": #"{"url":"https://bistro.example/","status":200,"body":"b/index.html"}"# + "\n",
            "/p/snapshots/bistro/2026-12-01/crawl/b/index.html": "<title>Bistro</title>",
            "/p/snapshots/notes/readme.txt": "not a tenant",
            "/p/content/acme/pages/about.md": "---\ntitle: About\n---\nAbout us\n",
            "/p/content/acme/pages/team.md": "+++\ntitle = \"Team\"\n+++\nTeam\n",
            "/p/content/acme/newsletter/2026-11.md": "---\nsubject: News\n---\nHello\n",
            "/p/content/acme/pages/image.png": "png",
        ]
    }

    let loader = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(ProjectLoaderTests.files()))

    @Test func loadsProjectAndTenants() throws {
        let project = try loader.project()
        #expect(project.outputDirectory == "out")
        #expect(project.editions.keys.sorted() == ["pro", "starter"])
        #expect(try loader.tenantIDs() == ["acme", "bistro"])
        let acme = try loader.tenant("acme")
        #expect(acme.name == "Acme" && acme.plugins["seo"].map(render) == "{title_max: 70}")
        #expect(try loader.tenant("bistro").baseURL == "https://bistro.example/")
        #expect(try loader.snapshotDates("acme") == ["2026-11-01", "2026-12-01"])
        #expect(try loader.snapshotDates("bistro") == ["2026-12-01"])
    }

    @Test func loadsEveryDatasetPresent() throws {
        let s = try loader.snapshot("acme", date: "2026-12-01")
        #expect(s.date == "2026-12-01" && s.folder == "snapshots/acme/2026-12-01")
        #expect(s.touchpoints?.count == 1)
        #expect(s.conversions?.map(\.id) == ["o1", "o2"])
        #expect(s.identities?.count == 1)
        #expect(s.paths?.count == 1)
        #expect(s.rates?.rates == ["GBP": 1.15] && s.rates?.reportingCurrency == "EUR")
        #expect(s.reviews?.count == 1)
        #expect(s.subscribers?.count == 1)
        #expect(s.crawl?.pages.map(\.url) == ["https://acme.example/"])
        #expect(lines(s.diagnostics) == ["snapshots/acme/2026-12-01/touchpoints.csv:3:1: info: removed 1 exact duplicate row (same touchpoint_id and content as an earlier row; the first, line 3, repeats line 2)"])
        let older = try loader.snapshot("acme", date: "2026-11-01")
        #expect(older.touchpoints?.count == 1 && older.crawl == nil && older.reviews == nil && older.rates == nil)
        let bistro = try loader.snapshot("bistro", date: "2026-12-01")
        #expect(bistro.crawl?.pages.first?.body == bytes("<title>Bistro</title>"))
    }

    @Test func loadsContentSortedByPath() throws {
        let docs = try loader.content("acme")
        #expect(docs.map(\.path) == ["newsletter/2026-11.md", "pages/about.md", "pages/team.md"])
        #expect(docs.map(\.location.file) == ["content/acme/newsletter/2026-11.md", "content/acme/pages/about.md", "content/acme/pages/team.md"])
        #expect(render(docs[2].frontMatter) == #"{title: "Team"}"#)
        #expect(try loader.content("bistro").isEmpty)
    }

    @Test func validProjectChecksClean() {
        var loader = self.loader
        loader.knownPluginIDs = ["pages", "seo", "attribution"]
        #expect(loader.check().filter { $0.severity != .info }.map(\.description) == [
            "snapshots/notes: warning: folder 'notes' has no tenant.yml, so it is not a tenant and is not built",
        ])
    }

    @Test func missingRateIsAnError() {
        var files = Self.files()
        files["/p/snapshots/acme/2026-12-01/rates.csv"] = "currency,rate\nUSD,0.9\n"
        let loader = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(files))
        #expect(thrown { _ = try loader.snapshot("acme", date: "2026-12-01") }.filter { $0.contains("error") } == [
            "snapshots/acme/2026-12-01/conversions.csv:3: error: no exchange rate from GBP to the reporting currency EUR (rates.csv has no row for GBP); 1 conversion use GBP",
        ])
        files["/p/snapshots/acme/2026-12-01/rates.csv"] = "currency,rate\nGBP,1.1\nGBP,1.2\n"
        let badRates = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(files))
        #expect(thrown { _ = try badRates.snapshot("acme", date: "2026-12-01") }.filter { $0.contains("error") } == [
            "snapshots/acme/2026-12-01/rates.csv:3:1: error: currency GBP already has a rate at line 2",
        ], "a rates.csv with errors is not also reported as missing")
        files["/p/snapshots/acme/2026-12-01/rates.csv"] = nil
        let noRates = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(files))
        #expect(thrown { _ = try noRates.snapshot("acme", date: "2026-12-01") }.filter { $0.contains("error") } == [
            "snapshots/acme/2026-12-01/conversions.csv:3: error: no exchange rate from GBP to the reporting currency EUR (the snapshot has no rates.csv); 1 conversion use GBP",
        ])
    }

    @Test func checkCollectsEveryProblem() {
        var files = Self.files()
        files["/p/herald.yml"]! += "colour: blue\n"
        files["/p/snapshots/bistro/tenant.yml"] = "name: Bistro\nbase_url: https://bistro.example\nedition: gold\ntime_zone: Europe/Atlantis\n"
        files["/p/snapshots/acme/2026-12-01/touchpoints.csv"] = Self.touchHeader
            + "t1,a,,2026-11-30T10:00:00,Direct,,,,\nt2,,,2026-11-30T10:00:00Z,Direct,,,,\nt3,a,,2026-11-30T10:00:00Z,,,,,\n"
        files["/p/snapshots/acme/2026-12-01/reviews.ndjson"] = #"{"id":"r1","source":"g","author":"A","rating":9,"text":"ok","created_at":"2026-11-01T00:00:00Z"}"# + "\n"
        files["/p/snapshots/acme/2026-12-01/touchpoint.csv"] = "typo"
        files["/p/snapshots/acme/2026-10-01/conversions.csv"] = "broken\n" // the third-newest: not checked
        files["/p/snapshots/acme/latest/x"] = "x"
        files["/p/content/acme/pages/bad.md"] = "---\ntitle: [unclosed\n---\n"
        var loader = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(files))
        loader.knownPluginIDs = ["pages", "seo"]
        #expect(lines(loader.check().filter { $0.severity != .info }) == [
            "herald.yml:10:1 (colour): error: unknown key 'colour'; expected one of: editions, output_dir, plugin_defaults",
            // The unknown key hides neither the editions' plugins nor the tenants' editions.
            "herald.yml (editions.pro.plugins[2]): error: unknown plugin 'attribution'; known plugins: pages, seo",
            "snapshots/notes: warning: folder 'notes' has no tenant.yml, so it is not a tenant and is not built",
            "snapshots/acme/latest: error: unexpected folder 'latest'; snapshot folders are named by date, YYYY-MM-DD",
            "snapshots/acme/2026-12-01/touchpoint.csv: warning: unknown file 'touchpoint.csv' in the snapshot is ignored; expected: conversions.csv, crawl, identities.csv, paths.csv, rates.csv, reviews.ndjson, subscribers.csv, touchpoints.csv",
            "snapshots/acme/2026-12-01/touchpoints.csv:2:7: error: column 'timestamp': timestamp has no UTC offset; write Z or ±hh:mm, e.g. 2026-03-29T02:30:00+02:00, found '2026-11-30T10:00:00'",
            "snapshots/acme/2026-12-01/touchpoints.csv:3:4: error: expected an anonymous_id or a user_id (or both), found neither",
            "snapshots/acme/2026-12-01/touchpoints.csv:4:28: error: expected a value in column 'channel', found an empty field",
            "snapshots/acme/2026-12-01/reviews.ndjson:1:47: error: 'rating': expected an integer from 1 to 5, found 9",
            "content/acme/pages/bad.md:3:1: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence",
            "snapshots/bistro/tenant.yml:4:12 (time_zone): error: unknown time zone 'Europe/Atlantis'; expected an IANA name such as Europe/Berlin",
            "snapshots/bistro/tenant.yml (edition): error: unknown edition 'gold'; herald.yml defines: pro, starter",
        ])
    }

    /// Names that say exactly what is wrong: a date-shaped folder that is no date, a dataset that is a folder.
    @Test(arguments: [
        ("/p/snapshots/acme/2026-02-30/x", "snapshots/acme/2026-02-30: error: snapshot folder '2026-02-30' is not a real calendar date"),
        ("/p/snapshots/acme/2026-13-01/x", "snapshots/acme/2026-13-01: error: snapshot folder '2026-13-01' is not a real calendar date"),
        ("/p/snapshots/acme/2026-12-01/rates.csv/x", "snapshots/acme/2026-12-01/rates.csv: error: 'rates.csv' is a folder; expected a file"),
        ("/p/snapshots/acme/2026-12-01/reviews.ndjson/x", "snapshots/acme/2026-12-01/reviews.ndjson: error: 'reviews.ndjson' is a folder; expected a file"),
    ])
    func misshapenEntries(file: String, message: String) {
        var files = Self.files()
        files[file] = "x"
        let loader = ProjectLoader(root: "/p", fileSystem: MemoryFileSystem(files))
        #expect(errors(loader.check()).contains(message), "\(errors(loader.check()))")
    }
}
