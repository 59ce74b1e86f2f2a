import Foundation
import Generator
import HeraldData
import Testing

/// A plugin that emits its files in batches while it runs, and can fail after the first batch.
struct StreamingPlugin: Plugin {
    var id: String
    var batches: [[String]]
    var failAfterFirstBatch = false

    func run(_ input: PluginInput) throws -> PluginOutput {
        for (index, batch) in batches.enumerated() {
            try input.emitter.emit(batch.map { try Artifact($0, text: "\(id):\($0)") })
            if failAfterFirstBatch, index == 0 { throw BuildError("deliberate failure after a batch") }
        }
        return PluginOutput(artifacts: [try Artifact("\(id)-summary.txt", text: "done")])
    }
}

@Suite("Artifact sink: plugins emit output while they run")
struct ArtifactSinkTests {
    static let now = Date(timeIntervalSince1970: 0)

    @Test("emitted and returned artifacts are both published, and both count as the plugin's paths")
    func emittedAndReturned() throws {
        let fs = PipelineTests.project(plugins: ["s"])
        let plugin = StreamingPlugin(id: "s", batches: [["a/1.txt", "a/2.txt"], ["b/3.txt"]])
        let (output, results) = try Pipeline(fileSystem: fs, plugins: [plugin], themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: Self.now))
        #expect(results.map(\.failure) == [nil])
        for path in ["a/1.txt", "a/2.txt", "b/3.txt"] {
            #expect(try fs.read(output + "/t/" + path) == Array("s:\(path)".utf8))
        }
        #expect(try fs.read(output + "/t/s-summary.txt") == Array("done".utf8))
        #expect(results[0].reports.first?.artifactPaths == ["a/1.txt", "a/2.txt", "b/3.txt", "s-summary.txt"])
        #expect(results[0].artifactCount == 5) // with build.json
    }

    @Test("a plugin failing after it emitted a batch leaves the previous output untouched and no staging folder")
    func failureAfterEmitting() throws {
        let fs = PipelineTests.project(plugins: ["s"])
        let good = StreamingPlugin(id: "s", batches: [["old.txt"]])
        let (output, _) = try Pipeline(fileSystem: fs, plugins: [good], themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: Self.now))
        let failing = StreamingPlugin(id: "s", batches: [["new.txt"], ["later.txt"]], failAfterFirstBatch: true)
        let (_, results) = try Pipeline(fileSystem: fs, plugins: [failing], themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: Self.now))
        #expect(results[0].failure?.contains("deliberate failure after a batch") == true)
        #expect(fs.exists(output + "/t/old.txt"))
        #expect(!fs.exists(output + "/t/new.txt"))
        #expect(try fs.list(output).filter { $0.hasPrefix(".staging") }.isEmpty)
    }

    @Test("the same path emitted twice is an error naming the path and both owners",
          arguments: [
            ([["x.txt"], ["x.txt"]], "x.txt (s and s)"),
            ([["x.txt", "x.txt"]], "x.txt (s and s)"),
            ([["s-summary.txt"]], "s-summary.txt (s and s)"),
          ])
    func duplicatePaths(batches: [[String]], expected: String) throws {
        let fs = PipelineTests.project(plugins: ["s"])
        let (_, results) = try Pipeline(fileSystem: fs, plugins: [StreamingPlugin(id: "s", batches: batches)],
                                        themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: Self.now))
        let failure = try #require(results[0].failure)
        #expect(failure.contains("same output path: " + expected), "\(failure)")
    }

    @Test("two plugins writing one path: the second is rejected with both names")
    func clashBetweenPlugins() throws {
        let fs = PipelineTests.project(plugins: ["a", "b"])
        let plugins: [any Plugin] = [StreamingPlugin(id: "a", batches: [["shared.txt"]]),
                                     StreamingPlugin(id: "b", batches: [["shared.txt"]])]
        let (_, results) = try Pipeline(fileSystem: fs, plugins: plugins, themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: Self.now))
        #expect(results[0].failure?.contains("shared.txt (a and b)") == true)
    }

    @Test("outside a build, an emitter keeps what it receives in memory, per plugin")
    func inMemory() throws {
        let sink = ArtifactSink()
        let a = ArtifactEmitter(plugin: "a", sink: sink)
        let b = ArtifactEmitter(plugin: "b", sink: sink)
        try a.emit([try Artifact("2.txt", text: "2"), try Artifact("1.txt", text: "1")])
        try b.emit(try Artifact("3.txt", text: "3"))
        #expect(a.collected.map(\.path.value) == ["2.txt", "1.txt"])
        #expect(a.emittedPaths.map(\.value) == ["1.txt", "2.txt"])
        #expect(b.collected.map(\.path.value) == ["3.txt"])
        #expect(sink.count == 3)
    }
}
