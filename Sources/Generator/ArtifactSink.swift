import Foundation
import HeraldData

/// Where a tenant's artifacts go while its plugins run.
///
/// A plugin with a lot of output (a newsletter's 200,000 messages, a million-URL sitemap set) hands it over in
/// batches through its `ArtifactEmitter` instead of returning it all at once, so memory is bounded by a batch, not by
/// the whole output. In a build every batch is written to the tenant's staging folder at once, and the staging folder
/// replaces the published one only when the whole tenant succeeded (`ArtifactWriter`). Without a staging folder (a
/// plugin run from a test) the sink keeps what it receives in memory.
///
/// Every path is registered once: two plugins — or one plugin twice — writing the same file is an error, never a race
/// to win.
///
/// Writes to a folder run in the background, so a plugin builds its next batch while the last one is written (a
/// million-URL sitemap set spent a third of its time in `write`). At most `writeBudget` bytes wait at once (one batch
/// is always admitted), which bounds the memory; `drain()` waits for every write and reports the first failure, and
/// a failed write also fails the next `accept`.
public final class ArtifactSink: @unchecked Sendable {
    private let lock = NSLock()
    private let destination: Destination
    private var owners: [OutputPath: String] = [:]
    private var pathsByPlugin: [String: [OutputPath]] = [:]
    private var kept: [Artifact] = []
    /// Background writing: bytes queued or being written, the first write error, and a signal when a batch is done.
    private let written = NSCondition()
    private var bytesInFlight = 0
    private var writeError: (any Error)?
    private let writeQueue = DispatchQueue(label: "herald.artifact-sink.write")
    private let writeBudget: Int

    private enum Destination {
        case memory
        case folder(any FileSystem, String)
    }

    /// A sink that keeps the artifacts in memory (`collected`).

    public init() {
        destination = .memory
        writeBudget = 0
    }

    /// A sink that writes each artifact under `folder` as soon as it is emitted, holding at most `writeBudget` bytes
    /// of unwritten artifacts (16 MB: a sitemap file being written while the next one is built).
    public init(fileSystem: any FileSystem, folder: String, writeBudget: Int = 16 << 20) {
        destination = .folder(fileSystem, folder)
        self.writeBudget = writeBudget
    }

    /// Registers `artifacts` for `plugin` and stores them: kept in memory, or queued for writing (the files of one
    /// batch are written on all cores). Throws a clash at once, and the error of an earlier write that failed.
    public func accept(_ artifacts: [Artifact], from plugin: String) throws {
        try register(artifacts.map(\.path), for: plugin)
        switch destination {
        case .memory:
            lock.withLock { kept += artifacts }
        case .folder(let fileSystem, let folder):
            let bytes = artifacts.reduce(0) { $0 + $1.bytes.count }
            written.lock()
            while bytesInFlight > 0, bytesInFlight + bytes > writeBudget, writeError == nil { written.wait() }
            if let error = writeError {
                written.unlock()
                throw error
            }
            bytesInFlight += bytes
            written.unlock()
            writeQueue.async { [self] in
                var failure: (any Error)?
                do {
                    _ = try artifacts.parallelMap { artifact in
                        try fileSystem.write(artifact.bytes, to: folder + "/" + artifact.path.value)
                    }
                } catch {
                    failure = error
                }
                written.lock()
                bytesInFlight -= bytes
                if writeError == nil, let failure { writeError = failure }
                written.broadcast()
                written.unlock()
            }
        }
    }

    /// Waits until everything accepted so far is written; throws the first write that failed.
    public func drain() throws {
        writeQueue.sync {}
        try written.withLock {
            if let writeError { throw writeError }
        }
    }

    private func register(_ paths: [OutputPath], for plugin: String) throws {
        try lock.withLock {
            var clashes: [String] = []
            var seen = Set<OutputPath>()
            for path in paths {
                if let owner = owners[path] {
                    clashes.append("\(path) (\(owner) and \(plugin))")
                } else if !seen.insert(path).inserted {
                    clashes.append("\(path) (\(plugin) and \(plugin))")
                }
            }
            if !clashes.isEmpty {
                throw BuildError("several artifacts have the same output path: " + clashes.sorted().joined(separator: ", "))
            }
            for path in paths { owners[path] = plugin }
            pathsByPlugin[plugin, default: []] += paths
        }
    }

    /// The paths `plugin` has emitted so far, sorted.
    public func paths(of plugin: String) -> [OutputPath] {
        lock.withLock { (pathsByPlugin[plugin] ?? []).sorted() }
    }

    /// How many artifacts all plugins have emitted.
    public var count: Int { lock.withLock { owners.count } }

    /// For an in-memory sink: what was emitted, in the order it came.
    public var collected: [Artifact] { lock.withLock { kept } }
}

/// One plugin's handle on the tenant's `ArtifactSink`: `emit` hands over finished artifacts while the plugin runs.
///
/// Emitting is the streaming alternative to returning artifacts in `PluginOutput`; both end up in the same place.
/// Emit in batches (one newsletter issue, one sitemap file), not one file at a time, so writes run in parallel.
public struct ArtifactEmitter: Sendable {
    public let plugin: String
    public let sink: ArtifactSink

    public init(plugin: String, sink: ArtifactSink) {
        self.plugin = plugin
        self.sink = sink
    }

    /// An emitter into a fresh in-memory sink, for running a plugin outside a build (tests, benchmarks).
    public static func inMemory(plugin: String = "plugin") -> ArtifactEmitter {
        ArtifactEmitter(plugin: plugin, sink: ArtifactSink())
    }

    public func emit(_ artifacts: [Artifact]) throws {
        try sink.accept(artifacts, from: plugin)
    }

    public func emit(_ artifact: Artifact) throws {
        try sink.accept([artifact], from: plugin)
    }

    /// The paths this plugin has emitted so far, sorted.
    public var emittedPaths: [OutputPath] { sink.paths(of: plugin) }

    /// For an in-memory sink: this plugin's artifacts, in the order they were emitted.
    public var collected: [Artifact] {
        let mine = Set(emittedPaths)
        return sink.collected.filter { mine.contains($0.path) }
    }
}
