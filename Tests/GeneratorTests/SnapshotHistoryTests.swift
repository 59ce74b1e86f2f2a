import Foundation
import Generator
import HeraldData
import Testing

/// A plugin that lists the history it is given and loads its oldest snapshot.
struct HistoryPlugin: Plugin {
    let id = "history"

    func run(_ input: PluginInput) throws -> PluginOutput {
        let oldest = try input.history.dates.first.map { try input.history.load($0) }
        let text = "dates=\(input.history.dates.joined(separator: ",")) previous=\(input.previous?.date ?? "-") "
            + "oldest=\(oldest?.date ?? "-") rates=\(oldest?.rates?.rates.count ?? 0)"
        return PluginOutput(artifacts: [try Artifact("history.txt", text: text)])
    }
}

@Suite("Snapshot history")
struct SnapshotHistoryTests {
    @Test("a plugin sees every older snapshot's date, oldest first, and loads one on demand",
          arguments: [(["2026-11-30"], "dates= previous=- oldest=- rates=0"),
                      (["2026-10-01", "2026-11-30"], "dates=2026-10-01 previous=2026-10-01 oldest=2026-10-01 rates=1"),
                      (["2026-11-30", "2026-09-01", "2026-10-01"],
                       "dates=2026-09-01,2026-10-01 previous=2026-10-01 oldest=2026-09-01 rates=1")])
    func history(dates: [String], expected: String) throws {
        var files = ["/p/herald.yml": "output_dir: out\neditions:\n  e:\n    plugins: [history]\n",
                     "/p/snapshots/t/tenant.yml": "name: T\nbase_url: https://t.example/\nedition: e\n"]
        for date in dates { files["/p/snapshots/t/\(date)/rates.csv"] = "currency,rate\nUSD,0.9\n" }
        let fs = MemoryFileSystem(files)
        let pipeline = Pipeline(fileSystem: fs, plugins: [HistoryPlugin()], themes: PipelineTests.themes)
        let (_, results) = try pipeline.build(BuildRequest(projectRoot: "/p", now: Date(timeIntervalSince1970: 0)))
        #expect(results.map(\.failure) == [nil])
        #expect(String(decoding: try fs.read("/p/out/t/history.txt"), as: UTF8.self) == expected)
    }

    @Test("without a pipeline, the history is the previous snapshot alone")
    func defaultHistory() throws {
        let previous = Snapshot(date: "2026-10-01", folder: "s/2026-10-01")
        let input = PluginInput(tenant: TenantConfig(id: "t", name: "T", baseURL: "https://t.example/", edition: "e"),
                                snapshot: Snapshot(date: "2026-11-01", folder: "s/2026-11-01"), previous: previous,
                                settings: .empty, now: Date(timeIntervalSince1970: 0),
                                templates: PipelineTests.themes.renderer(projectRoot: "/p", tenantID: "t"))
        #expect(input.history.dates == ["2026-10-01"])
        #expect(try input.history.load("2026-10-01").date == "2026-10-01")
        #expect(throws: BuildError.self) { try input.history.load("2026-09-01") }
    }
}
