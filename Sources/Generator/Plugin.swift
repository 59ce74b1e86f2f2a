import Foundation
import HeraldData

/// A plugin turns a tenant's datasets into artifacts. It never writes files: the pipeline does.
///
/// Plugins run in two phases: `.content` plugins read datasets; `.index` plugins (sitemap, command center)
/// also see what the content plugins produced.
public protocol Plugin: Sendable {
    /// The id used in `herald.yml`, `tenant.yml` and output paths, e.g. `seo`.
    var id: String { get }
    var phase: PluginPhase { get }
    /// The datasets this plugin needs; the pipeline reports a clear error when one is missing.
    var requiredDatasets: Set<DatasetKind> { get }
    func run(_ input: PluginInput) throws -> PluginOutput
    /// For `herald check`: every problem `run` would reject in the settings and content, without building.
    /// A plugin with settings must at least decode them here, so that an unknown or mistyped key is found
    /// before the nightly build.
    func check(_ input: PluginCheckInput) -> [Diagnostic]
}

extension Plugin {
    public var phase: PluginPhase { .content }
    public var requiredDatasets: Set<DatasetKind> { [] }
    public func check(_ input: PluginCheckInput) -> [Diagnostic] { [] }
}

public enum PluginPhase: Int, Sendable, Comparable {
    case content = 0
    case index = 1
    public static func < (a: PluginPhase, b: PluginPhase) -> Bool { a.rawValue < b.rawValue }
}

public enum DatasetKind: String, Sendable, Hashable, CaseIterable {
    case crawl, touchpoints, conversions, identities, paths, rates, reviews, subscribers, content
}

/// Everything a plugin may read. Nothing else: no globals, no file system.
public struct PluginInput: Sendable {
    public var tenant: TenantConfig
    /// The newest dated snapshot.
    public var snapshot: Snapshot
    /// The snapshot before it, for comparisons.
    public var previous: Snapshot?
    /// Markdown documents under `content/<tenant>/`, sorted by path.
    public var content: [ContentDocument]
    /// Project defaults merged with the tenant's settings for this plugin.
    public var settings: PluginSettings
    /// The edition's limits (`seo.pages` etc.); going over one must be reported, not silently truncated.
    public var limits: [String: Int]
    /// The build instant (`--now`); plugins never read the system clock.
    public var now: Date
    public var templates: ThemeRenderer
    public var secrets: SecretStore
    /// For `.index` plugins: what the content plugins produced, sorted by plugin id.
    public var reports: [PluginReport]
    /// Threads a plugin may use for its per-item work (`herald build --jobs`; nil: all cores).
    public var jobs: Int?

    public init(tenant: TenantConfig, snapshot: Snapshot, previous: Snapshot? = nil, content: [ContentDocument] = [],
                settings: PluginSettings, limits: [String: Int] = [:], now: Date, templates: ThemeRenderer,
                secrets: SecretStore = SecretStore(), reports: [PluginReport] = [], jobs: Int? = nil) {
        self.jobs = jobs
        self.tenant = tenant
        self.snapshot = snapshot
        self.previous = previous
        self.content = content
        self.settings = settings
        self.limits = limits
        self.now = now
        self.templates = templates
        self.secrets = secrets
        self.reports = reports
    }
}

/// What a plugin hands back to the pipeline.
public struct PluginOutput: Sendable {
    public var artifacts: [Artifact]
    /// The headline for the command center (nil for plugins without one).
    public var summary: ReportSummary?
    /// Public web pages this plugin produced, for the sitemap.
    public var pages: [PublishedPage]
    /// Warnings such as an edition limit being exceeded.
    public var notices: [Diagnostic]

    public init(artifacts: [Artifact] = [], summary: ReportSummary? = nil, pages: [PublishedPage] = [], notices: [Diagnostic] = []) {
        self.artifacts = artifacts
        self.summary = summary
        self.pages = pages
        self.notices = notices
    }
}

/// The headline figure of one report.
public struct ReportSummary: Sendable, Hashable {
    public var title: String
    /// e.g. "42 findings", "4.3 ★".
    public var headline: String
    /// A sentence of detail under the headline.
    public var detail: String
    /// The report's entry page, relative to the tenant's output folder.
    public var link: String

    public init(title: String, headline: String, detail: String = "", link: String) {
        self.title = title
        self.headline = headline
        self.detail = detail
        self.link = link
    }
}

/// A page on the tenant's public site, relative to its base URL.
public struct PublishedPage: Sendable, Hashable {
    /// Path relative to the tenant's base URL, e.g. `about/` or `newsletter/2026-01.html`.
    public var path: String
    public var lastModified: Timestamp?

    public init(path: String, lastModified: Timestamp? = nil) {
        self.path = path
        self.lastModified = lastModified
    }
}

/// A finished content plugin's output, as `.index` plugins see it.
public struct PluginReport: Sendable {
    public var pluginID: String
    public var summary: ReportSummary?
    public var pages: [PublishedPage]
    public var artifactPaths: [String]

    public init(pluginID: String, summary: ReportSummary?, pages: [PublishedPage], artifactPaths: [String]) {
        self.pluginID = pluginID
        self.summary = summary
        self.pages = pages
        self.artifactPaths = artifactPaths
    }
}
