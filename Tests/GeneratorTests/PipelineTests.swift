import Foundation
import Generator
import HeraldData
import Liquid
import Testing

/// A plugin that writes fixed files, for pipeline tests.
struct FixedPlugin: Plugin {
    var id: String
    var phase: PluginPhase = .content
    var paths: [String]
    var fails = false

    func run(_ input: PluginInput) throws -> PluginOutput {
        if fails { throw BuildError("deliberate failure") }
        let names = input.reports.map(\.pluginID).joined(separator: ",")
        return PluginOutput(artifacts: try paths.map { try Artifact($0, text: "\(id) saw [\(names)]") },
                            summary: ReportSummary(title: id, headline: "1", link: paths.first ?? ""))
    }
}

@Suite("Pipeline")
struct PipelineTests {
    static func project(plugins: [String]) -> MemoryFileSystem {
        MemoryFileSystem([
            "/p/herald.yml": "output_dir: out\neditions:\n  e:\n    plugins: [\(plugins.joined(separator: ", "))]\n",
            "/p/snapshots/t/tenant.yml": "name: T\nbase_url: https://t.example/\nedition: e\n",
            "/p/snapshots/t/2026-11-30/rates.csv": "currency,rate\nUSD,0.9\n",
        ])
    }

    static let themes = ThemeFactory(builtinRoot: "/nonexistent", exists: { _ in false })

    @Test("index plugins run after content plugins and see their reports")
    func phases() throws {
        let fs = Self.project(plugins: ["b", "a", "index"])
        let plugins: [any Plugin] = [FixedPlugin(id: "index", phase: .index, paths: ["index.html"]),
                                     FixedPlugin(id: "b", paths: ["b.txt"]), FixedPlugin(id: "a", paths: ["a.txt"])]
        let pipeline = Pipeline(fileSystem: fs, plugins: plugins, themes: Self.themes)
        let (output, results) = try pipeline.build(BuildRequest(projectRoot: "/p", now: Date(timeIntervalSince1970: 0)))
        #expect(results.map(\.failure) == [nil])
        #expect(output == "/p/out")
        #expect(String(decoding: try fs.read("/p/out/t/index.html"), as: UTF8.self) == "index saw [a,b]")
        #expect(try fs.list("/p/out/t") == ["a.txt", "b.txt", "build.json", "index.html"])
    }

    @Test("two plugins writing the same path fail the tenant and write nothing")
    func duplicatePaths() throws {
        let fs = Self.project(plugins: ["a", "b"])
        let plugins: [any Plugin] = [FixedPlugin(id: "a", paths: ["same.html"]), FixedPlugin(id: "b", paths: ["same.html"])]
        let (_, results) = try Pipeline(fileSystem: fs, plugins: plugins, themes: Self.themes)
            .build(BuildRequest(projectRoot: "/p", now: Date()))
        let failure = try #require(results.first?.failure)
        #expect(failure.contains("same.html") && failure.contains("a and b"), "\(failure)")
        #expect(!fs.exists("/p/out/t"))
    }

    @Test("a failing plugin names itself and leaves the previous output", arguments: [true, false])
    func pluginFailure(hadPrevious: Bool) throws {
        let fs = Self.project(plugins: ["a", "broken"])
        if hadPrevious {
            try fs.write(Array("old".utf8), to: "/p/out/t/a.txt")
            try fs.write(Array("{}".utf8), to: "/p/out/t/" + BuildManifest.fileName)
            try fs.write([], to: "/p/out/" + Pipeline.outputMarker)
        }
        let plugins: [any Plugin] = [FixedPlugin(id: "a", paths: ["a.txt"]), FixedPlugin(id: "broken", paths: [], fails: true)]
        let (_, results) = try Pipeline(fileSystem: fs, plugins: plugins, themes: Self.themes)
            .build(BuildRequest(projectRoot: "/p", now: Date()))
        #expect(results.first?.failure?.contains("plugin 'broken' failed: deliberate failure") == true)
        #expect(fs.exists("/p/out/t/a.txt") == hadPrevious)
        #expect(try fs.list("/p/out").filter { $0.hasPrefix(".") } == [Pipeline.outputMarker], "no staging folders left")
    }

    @Test("an edition listing an unknown plugin is an error naming herald.yml")
    func unknownPlugin() throws {
        let fs = Self.project(plugins: ["nope"])
        let (_, results) = try Pipeline(fileSystem: fs, plugins: [], themes: Self.themes)
            .build(BuildRequest(projectRoot: "/p", now: Date()))
        let failure = try #require(results.first?.failure)
        #expect(failure.contains("herald.yml") && failure.contains("nope"))
    }

    @Test("asking for a tenant the project does not have is a usage error")
    func unknownTenant() throws {
        let fs = Self.project(plugins: [])
        #expect(throws: RequestError.self) {
            try Pipeline(fileSystem: fs, plugins: [], themes: Self.themes)
                .build(BuildRequest(projectRoot: "/p", tenants: ["ghost"], now: Date()))
        }
    }
}

@Suite("Output paths never leave the output folder")
struct OutputPathTests {
    @Test(arguments: ["../x", "a/../../b", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "a\u{0}b", "a/",
                      // A combining mark after a slash leaves the slash a separator, as the file system sees it.
                      "../\u{301}x", "a/\u{301}/../../b", "/\u{301}etc",
                      "site/" + String(repeating: "a", count: 256) + "/index.html", String(repeating: "é", count: 128)])
    func rejected(_ path: String) {
        #expect(throws: OutputPathError.self) { try OutputPath(path) }
    }

    @Test(arguments: ["index.html", "site/about/index.html", "reports/seo/rules/title-too-long.html", "a..b/c",
                      "site/" + String(repeating: "a", count: 255) + "/index.html"])
    func accepted(_ path: String) throws {
        #expect(try OutputPath(path).value == path)
    }
}
