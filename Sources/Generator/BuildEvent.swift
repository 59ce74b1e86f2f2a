import Foundation
import HeraldData

/// Progress of a build, for the terminal, JSON logs and tests.
public enum BuildEvent: Sendable {
    case tenantStarted(tenant: String)
    case phaseFinished(tenant: String, step: String, seconds: Double)
    case pluginFinished(tenant: String, plugin: String, seconds: Double, artifacts: Int)
    /// Something the build reports without failing: `message` is the diagnostic's text (with its location),
    /// `severity` its level.
    case notice(tenant: String, plugin: String?, message: String, severity: Diagnostic.Severity = .warning)
    case tenantFinished(TenantResult)
}

/// The outcome of one tenant's build.
public struct TenantResult: Sendable {
    public var tenant: String
    public var name: String
    /// nil when the tenant built.
    public var failure: String?
    public var snapshotDate: String?
    public var previousSnapshotDate: String?
    public var artifactCount: Int
    /// Step name (`load`, a plugin id, `write`) → seconds, in the order run.
    public var timings: [(step: String, seconds: Double)]
    public var reports: [PluginReport]
    public var notices: [String]
    /// Another build held the tenant's folder: this run did not build it, and what the folder shows is that build's.
    public var leftToOtherBuild = false

    public init(tenant: String, name: String, failure: String? = nil, snapshotDate: String? = nil,
                previousSnapshotDate: String? = nil, artifactCount: Int = 0,
                timings: [(step: String, seconds: Double)] = [], reports: [PluginReport] = [], notices: [String] = []) {
        self.tenant = tenant
        self.name = name
        self.failure = failure
        self.snapshotDate = snapshotDate
        self.previousSnapshotDate = previousSnapshotDate
        self.artifactCount = artifactCount
        self.timings = timings
        self.reports = reports
        self.notices = notices
    }

    public var succeeded: Bool { failure == nil }
    public var totalSeconds: Double { timings.reduce(0) { $0 + $1.seconds } }
}

/// Measures elapsed wall time for build-step tables. This is a stopwatch, not a clock: it never reaches output files.
struct Stopwatch {
    private let start = DispatchTime.now().uptimeNanoseconds
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
