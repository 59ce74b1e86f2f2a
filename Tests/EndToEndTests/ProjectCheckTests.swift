import Foundation
import Generator
import HeraldData
import Plugins
import Testing

/// `herald check` finds what the build would reject — plugin settings and the meaning of front matter included —
/// and reports every problem at once, so that a project that checks clean does not fail in the nightly build.
@Suite("herald check reports what the build would reject")
struct ProjectCheckTests {
    static let herald = """
        editions:
          pro:
            plugins: [pages, seo, sitemap, newsletter, attribution, reputation, command-center]
        plugin_defaults:
          seo:
            title_max_length: 60

        """
    static let tenant = "name: Acme\nbase_url: https://acme.example/\nedition: pro\n"
    static let page = "---\ntitle: About\n---\n# About\n"
    static let issue = "---\nsubject: Hello\ndate: 2026-11-05\n---\nHi\n"

    static func files(_ changes: [String: String]) -> [String: String] {
        var files = [
            "herald.yml": herald,
            "snapshots/acme/tenant.yml": tenant,
            "snapshots/acme/2026-12-01/crawl/site/index.html": "<html lang=en><head><title>Acme home page</title></head><body><h1>Hi</h1></body></html>",
            "snapshots/acme/2026-12-01/reviews.ndjson": #"{"id":"r1","source":"google","author":"Ann","rating":5,"text":"Great","created_at":"2026-11-26T10:00:00Z"}"# + "\n",
            "content/acme/pages/about.md": page,
            "content/acme/newsletter/2026-11-05-hello.md": issue,
        ]
        for (path, text) in changes { files[path] = text }
        return files
    }

    static func check(_ changes: [String: String]) throws -> [String] {
        let fixture = try ProjectFixture(files: files(changes))
        defer { fixture.remove() }
        return ProjectCheck.run(root: fixture.root, plugins: BuiltinPlugins.all, now: ProjectFixture.now)
            .filter { $0.severity == .error }.map(\.description)
    }

    @Test("the example-shaped project checks clean")
    func cleanProject() throws {
        #expect(try Self.check([:]) == [])
    }

    @Test("plugin settings, plugin ids and front matter the plugins reject are errors of check", arguments: [
        (["herald.yml": herald.replacingOccurrences(of: "title_max_length: 60", with: "title_max_length: 60\n    bogus_key: 1")],
         ["herald.yml:7:5 (plugin_defaults.seo.bogus_key): error: unknown key 'bogus_key'; expected one of: alt_max_length, compare_with_previous, description_max_length, description_max_pixels, description_min_length, description_min_pixels, disabled_rules, duplicate_min_words, h1_max_length, h2_max_length, link_text_phrases, max_crawl_depth, min_word_count, near_duplicate_threshold, robots_agent, title_max_length, title_max_pixels, title_min_length, title_min_pixels, trend_snapshots, url_max_length"]),
        (["herald.yml": herald + "  nosuchplugin:\n    x: 1\n"],
         ["herald.yml:7:3 (plugin_defaults.nosuchplugin): error: unknown plugin 'nosuchplugin'; known plugins: attribution, command-center, newsletter, pages, reputation, seo, sitemap"]),
        (["snapshots/acme/tenant.yml": tenant + "plugins:\n  seo:\n    title_max_length: long\n    colour: red\n  attribution:\n    lookback_days: 0\n"],
         ["snapshots/acme/tenant.yml:6:23 (plugins.seo.title_max_length): error: expected an integer, found a string",
          "snapshots/acme/tenant.yml:7:5 (plugins.seo.colour): error: unknown key 'colour'; expected one of: alt_max_length, compare_with_previous, description_max_length, description_max_pixels, description_min_length, description_min_pixels, disabled_rules, duplicate_min_words, h1_max_length, h2_max_length, link_text_phrases, max_crawl_depth, min_word_count, near_duplicate_threshold, robots_agent, title_max_length, title_max_pixels, title_min_length, title_min_pixels, trend_snapshots, url_max_length",
          "snapshots/acme/tenant.yml:9:20 (plugins.attribution.lookback_days): error: lookback_days must be at least 1, found 0"]),
        (["content/acme/pages/about.md": "---\ntitle: About\ndraft: maybe\n---\n# About\n",
          "content/acme/pages/team.md": "---\ndate: last tuesday\n---\n# Team\n"],
         ["content/acme/pages/about.md:3:8 (draft): error: front matter 'draft' must be true or false",
          "content/acme/pages/team.md:2:7 (date): error: front matter 'date' is not a date: expected YYYY-MM-DD or an RFC 3339 timestamp such as 2026-03-29T10:00:00+02:00, found 'last tuesday'"]),
        (["content/acme/pages/about-us.md": "---\nslug: about\n---\n# Also about\n"],
         ["content/acme/pages/about.md: error: page pages/about.md would be written to site/about/index.html, which pages/about-us.md already uses; give one of them another `slug` in its front matter"]),
        (["snapshots/acme/2026-12-05/notes.txt": "an empty snapshot, created too early"],
         ["snapshots/acme/2026-12-05: error: plugin 'reputation' (edition 'pro') needs reviews.ndjson, which the newest snapshot 2026-12-05 does not have; the build of 'acme' would fail",
          "snapshots/acme/2026-12-05: error: plugin 'seo' (edition 'pro') needs crawl/, which the newest snapshot 2026-12-05 does not have; the build of 'acme' would fail"]),
        (["snapshots/acme/tenant.yml": tenant + "plugins:\n  newsletter:\n    logo_width: 5\n    social:\n      - { name: X, url: \"javascript:alert(1)\" }\n      - { name: Y, url: \"https://y.example\", icon: \"http://y.example/y.png\" }\n"],
         ["snapshots/acme/tenant.yml:6:17 (plugins.newsletter.logo_width): error: expected a logo width from 16 to 600 pixels, found 5",
          "snapshots/acme/tenant.yml:8:25 (plugins.newsletter.social[0].url): error: expected an https, http or mailto URL, found 'javascript:alert(1)'",
          "snapshots/acme/tenant.yml:9:52 (plugins.newsletter.social[1].icon): error: expected an absolute https image URL, found 'http://y.example/y.png'"]),
        (["snapshots/acme/tenant.yml": tenant + "plugins:\n  newsletter:\n    social:\n      - { name: X, link: \"https://x.example\" }\n"],
         ["snapshots/acme/tenant.yml:7:9 (plugins.newsletter.social[0].url): error: missing required key 'url'",
           "snapshots/acme/tenant.yml:7:20 (plugins.newsletter.social[0].link): error: unknown key 'link'; expected one of: icon, name, url"]),
        // An unknown key in herald.yml hides neither the tenants' settings nor the sitemap's rules (all of them, next
        // to a value that does not decode).
        (["herald.yml": herald + "colour: red\n",
          "snapshots/acme/tenant.yml": tenant + "plugins:\n  seo:\n    title_max_lenght: 65\n  sitemap:\n    gzip: yes please\n    disallow: [\"/a$b\", nope]\n    exclude: [drafts/]\n"],
         ["herald.yml:7:1 (colour): error: unknown key 'colour'; expected one of: editions, output_dir, plugin_defaults",
          "snapshots/acme/tenant.yml:6:5 (plugins.seo.title_max_lenght): error: unknown key 'title_max_lenght'; expected one of: alt_max_length, compare_with_previous, description_max_length, description_max_pixels, description_min_length, description_min_pixels, disabled_rules, duplicate_min_words, h1_max_length, h2_max_length, link_text_phrases, max_crawl_depth, min_word_count, near_duplicate_threshold, robots_agent, title_max_length, title_max_pixels, title_min_length, title_min_pixels, trend_snapshots, url_max_length",
          "snapshots/acme/tenant.yml:8:11 (plugins.sitemap.gzip): error: expected a boolean, found a string",
          "snapshots/acme/tenant.yml:9:16 (plugins.sitemap.disallow[0]): error: disallow rule '/a$b' may use '$' only at the end",
          "snapshots/acme/tenant.yml:9:24 (plugins.sitemap.disallow[1]): error: disallow rule 'nope' must start with '/' or '*' (a path from the root of the host)",
          "snapshots/acme/tenant.yml:10:15 (plugins.sitemap.exclude[0]): error: exclude rule 'drafts/' must start with '/' or '*' (a path from the root of the host)"]),
    ] as [([String: String], [String])])
    func pluginProblemsAreCheckErrors(changes: [String: String], expected: [String]) throws {
        let found = try Self.check(changes)
        for message in expected {
            #expect(found.contains(message), "missing: \(message)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
    }

    @Test("a folder that cannot be a tenant does not hide the other tenants' plugin problems")
    func badFolderDoesNotHideOthers() throws {
        let found = try Self.check(["snapshots/bad id/tenant.yml": Self.tenant,
                                    "content/acme/pages/about.md": "---\ndraft: maybe\n---\n# About\n"])
        #expect(found == ["content/acme/pages/about.md:2:8 (draft): error: front matter 'draft' must be true or false",
                          "snapshots/bad id: error: tenant folder name 'bad id' is not allowed; use letters, digits, '-', '_' and '.' (not first)"])
    }

    @Test("an unknown front matter key of a newsletter issue is reported at the key")
    func newsletterUnknownKeyAtKey() throws {
        let found = try Self.check(["content/acme/newsletter/2026-11-05-hello.md": "---\nsubject: Hello\nsegmnt: vip\n---\nHi\n"])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/acme/newsletter/2026-11-05-hello.md:3:1 (segmnt): error: unknown front matter key 'segmnt'") == true,
                "\(found)")
    }

    @Test("a newsletter issue without a subject is a check error")
    func newsletterIssueWithoutSubject() throws {
        let found = try Self.check(["content/acme/newsletter/2026-11-05-hello.md": "---\ndate: 2026-11-05\n---\nHi\n"])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/acme/newsletter/2026-11-05-hello.md") == true, "\(found)")
        #expect(found.first?.contains("subject") == true, "\(found)")
    }

    @Test("what check reports, the build rejects too")
    func checkAgreesWithBuild() throws {
        let fixture = try ProjectFixture(files: Self.files([
            "herald.yml": "editions:\n  basic:\n    plugins: [seo]\n",
            "snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: basic\nplugins:\n  seo:\n    colour: red\n"]))
        defer { fixture.remove() }
        let checked = ProjectCheck.run(root: fixture.root, plugins: BuiltinPlugins.all, now: ProjectFixture.now)
            .filter { $0.severity == .error }
        #expect(checked.count == 1)
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let failure = try #require(results.first?.failure)
        #expect(failure.contains("snapshots/acme/tenant.yml:6:5 (plugins.seo.colour)"), "\(failure)")
    }
}

@Suite("herald check does not stop at a tenant's first bad value")
struct ProjectCheckAllProblemsTests {
    @Test("a bad time zone, a misspelt plugin setting and a bad review are reported in one pass")
    func everyProblemAtOnce() throws {
        let found = try ProjectCheckTests.check([
            "snapshots/acme/tenant.yml": ProjectCheckTests.tenant
                + "time_zone: Europe/Atlantis\nplugins:\n  seo:\n    title_max_lenght: 50\n",
            "snapshots/acme/2026-12-01/reviews.ndjson":
                #"{"id":"r1","source":"google","author":"Ann","rating":9,"text":"Great","created_at":"2026-11-26T10:00:00Z"}"# + "\n",
        ])
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.contains("tenant.yml") && $0.contains("Europe/Atlantis") })
        #expect(found.contains { $0.contains("(plugins.seo.title_max_lenght)") && $0.contains("unknown key") })
        #expect(found.contains { $0.contains("reviews.ndjson:1") && $0.contains("rating") })
    }
}

/// A limit name no plugin reads (`seo.pagez`) would lift the edition's limit without a word.
@Suite("Edition limits Herald does not know are errors")
struct UnknownLimitTests {
    static let herald = """
        editions:
          starter:
            plugins: [seo]
            limits: {seo.pagez: 5, seo.pages: 10}
          pro:
            plugins: [seo]
            limits: {seo.pages: 500}

        """

    static func fixture() throws -> ProjectFixture {
        try ProjectFixture(files: [
            "herald.yml": herald,
            "snapshots/small/tenant.yml": "name: Small\nbase_url: https://small.example/\nedition: starter\n",
            "snapshots/small/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
            "snapshots/big/tenant.yml": "name: Big\nbase_url: https://big.example/\nedition: pro\n",
            "snapshots/big/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ])
    }

    static let message = "herald.yml (editions.starter.limits.seo.pagez): error: unknown limit 'seo.pagez'; "
        + "Herald's limits are: \(BuiltinPlugins.limitNames.sorted().joined(separator: ", "))"

    @Test("herald check reports the limit at its key")
    func check() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let found = ProjectCheck.run(root: fixture.root, plugins: BuiltinPlugins.all, knownLimits: BuiltinPlugins.limitNames,
                                     now: ProjectFixture.now).filter { $0.severity == .error }
        #expect(found.map(\.description) == [Self.message])
    }

    @Test("the build fails the edition's tenants and builds the others")
    func build() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        var pipeline = ProjectFixture.pipeline()
        pipeline.knownLimits = BuiltinPlugins.limitNames
        let (_, results) = try pipeline.build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect(results.first { $0.tenant == "big" }?.succeeded == true)
        #expect(results.first { $0.tenant == "small" }?.failure == Self.message)
    }
}

/// Plugins' notices name snapshot files as the loaders do, relative to the project: a nightly log for 500 tenants
/// greps one way ("snapshots/acme/…"), whatever --project was.
@Suite("Notices name snapshot files relative to the project")
struct NoticePathTests {
    @Test("a plugin's notice about a dataset names it snapshots/<tenant>/<date>/<file>")
    func relativeToProject() throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": "editions:\n  e:\n    plugins: [reputation]\n",
            "snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: e\n",
            // Written after the build instant: the reputation plugin leaves it out with a notice naming the file.
            "snapshots/acme/2026-11-30/reviews.ndjson": #"{"id":"r1","source":"g","author":"A","rating":5,"text":"t","created_at":"2027-01-01T00:00:00Z"}"# + "\n",
        ])
        defer { fixture.remove() }
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let notices = try #require(results.first).notices
        #expect(notices.contains { $0.hasPrefix("reputation: snapshots/acme/2026-11-30/reviews.ndjson: info: 1 review dated after the build time") },
                "\(notices)")
        #expect(!notices.contains { $0.contains(fixture.root) }, "\(notices)")
    }
}

/// What the loader skipped in the built snapshot is in the build's notices, not only in `herald check`'s output: a
/// nightly build that leaves data out says so.
@Suite("The build reports the snapshot's load warnings")
struct SnapshotLoadWarningTests {
    @Test("a skipped file and a crawl capture that was cut are build notices; info lines are not", arguments: [
        ("snapshots/acme/2026-11-30/notes.txt", "stray file",
         "snapshot: snapshots/acme/2026-11-30/notes.txt: warning: unknown file 'notes.txt' in the snapshot is ignored"),
        ("snapshots/acme/2026-11-30/crawl/site.warc",
         "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://acme.example/\r\nWARC-Truncated: length\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 62\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>cut</b\r\n\r\n",
         "the crawler cut this payload (WARC-Truncated: length)"),
    ])
    func loadWarningsAreNotices(path: String, text: String, expected: String) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": "editions:\n  e:\n    plugins: [reputation]\n",
            "snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: e\n",
            "snapshots/acme/2026-11-30/reviews.ndjson": #"{"id":"r1","source":"g","author":"A","rating":5,"text":"t","created_at":"2026-11-01T00:00:00Z"}"# + "\n",
            path: text,
        ])
        defer { fixture.remove() }
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let result = try #require(results.first)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        #expect(result.notices.contains { $0.hasPrefix("snapshot: ") && $0.contains(expected) }, "\(result.notices)")
        #expect(!result.notices.contains { $0.contains(": info: ") && $0.hasPrefix("snapshot: ") }, "\(result.notices)")
    }
}
