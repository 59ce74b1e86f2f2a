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

/// An in-memory file system whose writes fail for paths containing `failing`, and can be slowed down so that
/// batches queue up behind each other.
final class FlakyFileSystem: FileSystem, @unchecked Sendable {
    let base: MemoryFileSystem
    let failing: String
    let delay: useconds_t
    init(wrapping base: MemoryFileSystem = MemoryFileSystem(), failing: String, delay: useconds_t = 0) {
        self.base = base
        self.failing = failing
        self.delay = delay
    }
    func read(_ path: String) throws -> [UInt8] { try base.read(path) }
    func list(_ path: String) throws -> [String] { try base.list(path) }
    func exists(_ path: String) -> Bool { base.exists(path) }
    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    func write(_ bytes: [UInt8], to path: String) throws {
        if delay > 0 { usleep(delay) }
        if path.contains(failing) { throw FileSystemError(path: path, reason: "disk full") }
        try base.write(bytes, to: path)
    }
    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
    func move(_ source: String, to destination: String) throws { try base.move(source, to: destination) }
    func remove(_ path: String) throws { try base.remove(path) }
}

@Suite("Artifact sink: background writes")
struct ArtifactSinkBackgroundTests {
    @Test("every accepted file is on disk once drain returns, whatever the budget", arguments: [1, 100, 1 << 20])
    func drainWaitsForEveryWrite(budget: Int) throws {
        let fs = FlakyFileSystem(failing: "never", delay: 200)
        let sink = ArtifactSink(fileSystem: fs, folder: "/out", writeBudget: budget)
        for batch in 0..<20 {
            try sink.accept((0..<5).map { try Artifact("b\(batch)/\($0).txt", text: String(repeating: "x", count: 50)) }, from: "p")
        }
        try sink.drain()
        for batch in 0..<20 {
            for file in 0..<5 { #expect(try fs.read("/out/b\(batch)/\(file).txt").count == 50) }
        }
    }

    @Test("a write that fails in the background is thrown by drain and by every later accept, naming the file")
    func failureSurfaces() throws {
        let fs = FlakyFileSystem(failing: "bad")
        let sink = ArtifactSink(fileSystem: fs, folder: "/out", writeBudget: 1)
        try sink.accept([try Artifact("bad.txt", text: "x")], from: "p")
        #expect(throws: FileSystemError.self) { try sink.drain() }
        let error = try #require(throws: FileSystemError.self) {
            try sink.accept([try Artifact("good.txt", text: "y")], from: "p")
        }
        #expect(error.description == "/out/bad.txt: disk full")
        #expect(!fs.exists("/out/good.txt"))
    }

    @Test("a plugin whose emitted file cannot be written fails its tenant, and the previous output stays")
    func failedWriteFailsTheTenant() throws {
        let fs = PipelineTests.project(plugins: ["s"])
        let (output, _) = try Pipeline(fileSystem: fs, plugins: [StreamingPlugin(id: "s", batches: [["old.txt"]])],
                                       themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: ArtifactSinkTests.now))
        let flaky = FlakyFileSystem(wrapping: fs, failing: "broken")
        let plugin = StreamingPlugin(id: "s", batches: [["fine.txt"], ["broken.txt"]])
        let (_, results) = try Pipeline(fileSystem: flaky, plugins: [plugin], themes: PipelineTests.themes)
            .build(BuildRequest(projectRoot: "/p", now: ArtifactSinkTests.now))
        let failure = try #require(results[0].failure)
        #expect(failure.contains("plugin 's' failed") && failure.contains("broken.txt: disk full"), "\(failure)")
        #expect(flaky.exists(output + "/t/old.txt"))
        #expect(!flaky.exists(output + "/t/fine.txt"))
        #expect(try flaky.list(output).filter { $0.hasPrefix(".staging") }.isEmpty)
    }
}
