import Foundation
import HeraldData

/// `<out>/<tenant>/build.json`: what a tenant's output was built from and its headline figures.
///
/// The tenant index reads these, so that it lists every tenant in the output folder, including those not built in
/// this run and those whose build failed (which keep their previous output). It holds no timings: it is part of
/// the deterministic output.
public struct BuildManifest: Codable, Sendable, Equatable {
    public struct Report: Codable, Sendable, Equatable {
        public var plugin: String
        public var title: String
        public var headline: String
        public var detail: String
        public var link: String
    }

    public static let fileName = "build.json"

    public var tenant: String
    public var name: String
    public var snapshot: String
    public var previousSnapshot: String?
    /// The build instant (`--now`), RFC 3339 UTC.
    public var builtAt: String
    public var reports: [Report]

    public init(tenant: String, name: String, snapshot: String, previousSnapshot: String?, builtAt: Date, reports: [PluginReport]) {
        self.tenant = tenant
        self.name = name
        self.snapshot = snapshot
        self.previousSnapshot = previousSnapshot
        self.builtAt = Timestamp(date: builtAt).description
        self.reports = reports.compactMap { report in
            report.summary.map { Report(plugin: report.pluginID, title: $0.title, headline: $0.headline, detail: $0.detail, link: $0.link) }
        }
    }

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [10]
    }

    /// The manifests of every tenant folder in `output`, sorted by tenant id; folders without one are skipped.
    public static func all(in output: String, fileSystem: any FileSystem) -> [BuildManifest] {
        guard let names = try? fileSystem.list(output) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.compactMap { name in
            guard let bytes = try? fileSystem.read(output + "/" + name + "/" + fileName) else { return nil }
            return try? JSONDecoder().decode(BuildManifest.self, from: Data(bytes))
        }
    }
}
