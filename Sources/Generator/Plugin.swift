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
    /// Every older snapshot's date, loaded on demand (for trends); its last date is `previous`'s.
    public var history: SnapshotHistory
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
    /// Where a plugin with a lot of output hands it over while it runs (see `ArtifactSink`); small plugins just
    /// return their artifacts in `PluginOutput`.
    public var emitter: ArtifactEmitter
    /// Threads a plugin may use for its per-item work (`herald build --jobs`; nil: all cores).
    public var jobs: Int?

    public init(tenant: TenantConfig, snapshot: Snapshot, previous: Snapshot? = nil, content: [ContentDocument] = [],
                settings: PluginSettings, limits: [String: Int] = [:], now: Date, templates: ThemeRenderer,
                secrets: SecretStore = SecretStore(), reports: [PluginReport] = [], history: SnapshotHistory? = nil,
                jobs: Int? = nil, emitter: ArtifactEmitter = .inMemory()) {
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
        self.emitter = emitter
        self.history = history ?? SnapshotHistory(dates: previous.map { [$0.date] } ?? [], load: { [previous] date in
            guard let previous, previous.date == date else { throw BuildError("no snapshot of \(date) in the history") }
            return previous
        })
    }
}

/// What a plugin hands back to the pipeline.
public struct PluginOutput: Sendable {
    /// Artifacts returned at the end of the run; plugins with a lot of output emit most of it earlier through
    /// `PluginInput.emitter`.
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
    /// The page's language as written in its source (`pt_BR`, `de-AT`); the sitemap turns it into a BCP 47 tag.
    public var language: String? {
        get { details?.value.language }
        set { update { $0.language = newValue } }
    }
    /// Pages sharing a key are language versions of one another (`xhtml:link` alternates in the sitemap).
    public var translationKey: String? {
        get { details?.value.translationKey }
        set { update { $0.translationKey = newValue } }
    }
    /// Image URLs of the page (`src` as written: absolute, or relative to the page), for the sitemap's `image:image`.
    public var images: [String] {
        get { details?.value.images ?? [] }
        set { update { $0.images = newValue } }
    }

    /// The optional fields, out of line: a build can hold a million published pages, most without them, and inline
    /// they would add 40 bytes to each. An indirect enum keeps value semantics (the box is immutable, replaced on set).
    private var details: Box?

    private struct Details: Sendable, Hashable {
        var language: String?
        var translationKey: String?
        var images: [String] = []
        var isEmpty: Bool { language == nil && translationKey == nil && images.isEmpty }
    }

    private indirect enum Box: Sendable, Hashable {
        case some(Details)
        var value: Details { switch self { case let .some(details): details } }
    }

    private mutating func update(_ change: (inout Details) -> Void) {
        var value = details?.value ?? Details()
        change(&value)
        details = value.isEmpty ? nil : .some(value)
    }

    public init(path: String, lastModified: Timestamp? = nil, language: String? = nil, translationKey: String? = nil,
                images: [String] = []) {
        self.path = path
        self.lastModified = lastModified
        let value = Details(language: language, translationKey: translationKey, images: images)
        details = value.isEmpty ? nil : .some(value)
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
