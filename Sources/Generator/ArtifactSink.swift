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
public final class ArtifactSink: @unchecked Sendable {
    private let lock = NSLock()
    private let destination: Destination
    private var owners: [OutputPath: String] = [:]
    private var pathsByPlugin: [String: [OutputPath]] = [:]
    private var kept: [Artifact] = []

    private enum Destination {
        case memory
        case folder(any FileSystem, String)
    }

    /// A sink that keeps the artifacts in memory (`collected`).
    public init() { destination = .memory }

    /// A sink that writes each artifact under `folder` as soon as it is emitted.
    public init(fileSystem: any FileSystem, folder: String) { destination = .folder(fileSystem, folder) }

    /// Registers and stores `artifacts` for `plugin`. Files of one batch are written on all cores.
    public func accept(_ artifacts: [Artifact], from plugin: String) throws {
        try register(artifacts.map(\.path), for: plugin)
        switch destination {
        case .memory:
            lock.withLock { kept += artifacts }
        case .folder(let fileSystem, let folder):
            _ = try artifacts.parallelMap { artifact in
                try fileSystem.write(artifact.bytes, to: folder + "/" + artifact.path.value)
            }
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
