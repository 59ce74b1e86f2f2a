import Foundation
import HeraldData

/// One tenant's build: load, run plugins by phase, check, write.
struct TenantBuild {
    let id: String
    let project: ProjectConfig
    let loader: ProjectLoader
    let request: BuildRequest
    let pipeline: Pipeline

    func run(into result: inout TenantResult, output: String) throws {
        var clock = Stopwatch()
        let tenant = try loader.tenant(id)
        result.name = tenant.name
        guard let edition = project.editions[tenant.edition] else {
            let defined = project.editions.isEmpty ? "herald.yml defines no editions"
                : "defined: " + project.editions.keys.sorted().joined(separator: ", ")
            throw BuildError("edition '\(tenant.edition)' is not defined in herald.yml (\(defined))", at: tenant.location)
        }
        let plugins = try selectPlugins(edition, tenant: tenant)
        let dates = try loader.snapshotDates(id)
        guard let newest = dates.last else {
            throw BuildError("no dated snapshot folder (YYYY-MM-DD) for tenant '\(id)'",
                             at: SourceLocation(file: request.projectRoot + "/snapshots/" + id))
        }
        let loaded = loader.loadSnapshot(id, date: newest, tenant: tenant)
        let snapshot = try loaded.get()
        // What the loader skipped or repaired in the built snapshot (a WARC record too large to inflate, a capture
        // the crawler cut): said in the build's log as well as by `herald check`, not only there.
        for warning in loaded.diagnostics where warning.severity == .warning {
            result.notices.append("snapshot: \(warning)")
            pipeline.log(.notice(tenant: id, plugin: "snapshot", message: warning.description, severity: .warning))
        }
        let previous = try dates.count > 1 ? loader.snapshot(id, date: dates[dates.count - 2]) : nil
        let content = try loader.content(id)
        let history = SnapshotHistory(dates: Array(dates.dropLast()), load: { [loader, id] date in try loader.snapshot(id, date: date) })
        result.snapshotDate = newest
        result.previousSnapshotDate = previous?.date
        step("load", &clock, &result)

        // Written as the plugins emit it, into a staging folder that replaces the output only if all of it succeeds.
        let writer = ArtifactWriter(fileSystem: pipeline.fileSystem)
        var earlierWrites = 0.0
        let staged = try writer.stage(output + "/" + id, stagingTag: "\(getpid())", ownedBy: BuildManifest.fileName)
        do {
            let (reports, writeSeconds) = try runPlugins(plugins, tenant: tenant, edition: edition, snapshot: snapshot,
                                                         previous: previous, history: history, content: content,
                                                         sink: staged.sink, clock: &clock, result: &result)
            earlierWrites = writeSeconds
            result.reports = reports
            let manifest = BuildManifest(tenant: id, name: tenant.name, snapshot: newest, previousSnapshot: previous?.date,
                                         builtAt: request.now, reports: reports)
            try staged.sink.accept([try Artifact(BuildManifest.fileName, bytes: manifest.encoded())], from: "herald")
            try writer.commit(staged)
        } catch {
            writer.discard(staged)
            throw error
        }
        result.artifactCount = staged.sink.count
        step("write", &clock, &result, plus: earlierWrites)
    }

    /// Runs the plugins phase by phase; each one's artifacts go to `sink`, emitted during the run or returned.
    private func runPlugins(_ plugins: [any Plugin], tenant: TenantConfig, edition: Edition, snapshot: Snapshot,
                            previous: Snapshot?, history: SnapshotHistory, content: [ContentDocument], sink: ArtifactSink,
                            clock: inout Stopwatch, result: inout TenantResult) throws -> (reports: [PluginReport], writeSeconds: Double) {
        let theme = pipeline.themes.renderer(projectRoot: request.projectRoot, tenantID: id)
        var reports: [PluginReport] = []
        var writeSeconds = 0.0
        for phase in [PluginPhase.content, .index] {
            for plugin in plugins where plugin.phase == phase {
                try checkDatasets(plugin, snapshot: snapshot, content: content)
                let emitter = ArtifactEmitter(plugin: plugin.id, sink: sink)
                let input = PluginInput(tenant: tenant, snapshot: snapshot, previous: previous, content: content,
                                        settings: PluginSettings.merged(plugin.id, project: project, tenant: tenant),
                                        limits: edition.limits, now: request.now, templates: theme,
                                        secrets: pipeline.secrets, reports: reports, history: history, jobs: request.jobs,
                                        emitter: emitter)
                let pluginOutput: PluginOutput
                let seconds: Double
                do {
                    pluginOutput = try plugin.run(input)
                    seconds = clock.seconds
                    // Writing what the plugin returned counts as the build's write step, not as the plugin's time;
                    // waiting for its emitted batches too, so a failed write is reported against this plugin.
                    try emitter.emit(pluginOutput.artifacts)
                    try sink.drain()
                } catch {
                    throw BuildError("plugin '\(plugin.id)' failed: " + describe(error))
                }
                for notice in pluginOutput.notices {
                    result.notices.append("\(plugin.id): \(notice)")
                    pipeline.log(.notice(tenant: id, plugin: plugin.id, message: notice.description, severity: notice.severity))
                }
                let paths = emitter.emittedPaths
                reports.append(PluginReport(pluginID: plugin.id, summary: pluginOutput.summary, pages: pluginOutput.pages,
                                            artifactPaths: paths.map(\.value)))
                reports.sort { $0.pluginID < $1.pluginID }
                writeSeconds += clock.seconds - seconds
                clock = Stopwatch()
                result.timings.append((plugin.id, seconds))
                pipeline.log(.pluginFinished(tenant: id, plugin: plugin.id, seconds: seconds, artifacts: paths.count))
            }
        }
        return (reports, writeSeconds)
    }

    private func step(_ name: String, _ clock: inout Stopwatch, _ result: inout TenantResult, plus earlier: Double = 0) {
        let seconds = clock.seconds + earlier
        clock = Stopwatch()
        result.timings.append((name, seconds))
        pipeline.log(.phaseFinished(tenant: id, step: name, seconds: seconds))
    }

    /// The edition's plugins, in a stable order; an id Herald does not know is an error.
    private func selectPlugins(_ edition: Edition, tenant: TenantConfig) throws -> [any Plugin] {
        let registered = Dictionary(pipeline.plugins.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown = edition.plugins.filter { registered[$0] == nil }
        if !unknown.isEmpty {
            throw BuildError("edition '\(edition.name)' lists unknown plugin(s) \(unknown.joined(separator: ", ")); "
                + "Herald has: " + registered.keys.sorted().joined(separator: ", "),
                at: SourceLocation(file: request.projectRoot + "/herald.yml", keyPath: "editions.\(edition.name).plugins"))
        }
        if let known = pipeline.knownLimits {
            let problems = edition.unknownLimits(known: known)
            if !problems.isEmpty { throw DiagnosticList(problems) }
        }
        let settingsWithoutPlugin = tenant.plugins.keys.filter { !edition.plugins.contains($0) }.sorted()
        if let first = settingsWithoutPlugin.first, registered[first] == nil {
            throw BuildError("settings for unknown plugin '\(first)'", at: tenant.plugins[first]?.location ?? tenant.location)
        }
        return edition.plugins.sorted().compactMap { registered[$0] }
    }

    private func checkDatasets(_ plugin: any Plugin, snapshot: Snapshot, content: [ContentDocument]) throws {
        let missing = plugin.missingDatasets { kind in
            switch kind {
            case .crawl: snapshot.crawl != nil
            case .touchpoints: snapshot.touchpoints != nil
            case .conversions: snapshot.conversions != nil
            case .identities: snapshot.identities != nil
            case .paths: snapshot.paths != nil
            case .rates: snapshot.rates != nil
            case .reviews: snapshot.reviews != nil
            case .subscribers: snapshot.subscribers != nil
            case .content: true
            }
        }
        if !missing.isEmpty {
            let names = missing.map(\.fileName).sorted().joined(separator: ", ")
            throw BuildError("plugin '\(plugin.id)' needs \(names), which this snapshot does not have",
                             at: SourceLocation(file: snapshot.folder))
        }
    }
}

extension Plugin {
    /// The datasets this plugin needs that a snapshot lacks, given which datasets it `has` (touchpoints and
    /// conversions may come from paths.csv instead; identities, rates and content are optional).
    public func missingDatasets(_ has: (DatasetKind) -> Bool) -> [DatasetKind] {
        requiredDatasets.filter { kind in
            switch kind {
            case .crawl, .reviews, .subscribers: !has(kind)
            case .touchpoints, .conversions: !has(kind) && !has(.paths)
            case .paths: !has(.paths) && !has(.touchpoints)
            case .identities, .rates, .content: false
            }
        }.sorted { $0.rawValue < $1.rawValue }
    }
}

extension DatasetKind {
    /// The file or folder of a snapshot that holds this dataset (nil for content, which is not in a snapshot).
    public var snapshotEntry: String? {
        switch self {
        case .crawl: "crawl"
        case .content: nil
        case .reviews: "reviews.ndjson"
        default: rawValue + ".csv"
        }
    }

    /// The file a snapshot holds this dataset in.
    public var fileName: String {
        switch self {
        case .crawl: "crawl/"
        case .touchpoints: "touchpoints.csv (or paths.csv)"
        case .conversions: "conversions.csv (or paths.csv)"
        case .identities: "identities.csv"
        case .paths: "paths.csv (or touchpoints.csv)"
        case .rates: "rates.csv"
        case .reviews: "reviews.ndjson"
        case .subscribers: "subscribers.csv"
        case .content: "content/"
        }
    }
}
