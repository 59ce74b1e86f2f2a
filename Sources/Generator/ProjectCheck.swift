import Foundation
import HeraldData

/// `herald check`: the data layer's checks (herald.yml, tenant.yml, snapshots, front matter syntax) plus what only
/// the plugins know — their settings and the meaning of the content's front matter — so that a project that checks
/// clean does not fail in the nightly build on a key the plugins reject.
public enum ProjectCheck {
    /// Every problem of the project, in a stable order (file, line, column; unlocated ones of a file first, a
    /// "more errors" summary of a file after that file's listed errors).
    public static func run(root: String, fileSystem: any FileSystem = LocalFileSystem(), plugins: [any Plugin],
                           knownLimits: Set<String>? = nil, now: Date = Date()) -> [Diagnostic] {
        var loader = ProjectLoader(root: root, fileSystem: fileSystem)
        loader.knownPluginIDs = Set(plugins.map(\.id))
        var found = loader.check()
        if let knownLimits, let project = loader.checkedProject().config {
            for name in project.editions.keys.sorted() { found += project.editions[name]?.unknownLimits(known: knownLimits) ?? [] }
        }
        found += pluginChecks(loader: loader, plugins: plugins, now: now)
        return sorted(found)
    }

    /// Each tenant's edition plugins check their merged settings and the tenant's content.
    static func pluginChecks(loader: ProjectLoader, plugins: [any Plugin], now: Date) -> [Diagnostic] {
        guard let project = loader.checkedProject().config, let ids = try? loader.tenantFolders().ids else { return [] }
        let registered = Dictionary(plugins.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        for id in ids {
            guard let tenant = loader.checkedTenant(id).config, let edition = project.editions[tenant.edition] else { continue }
            let content = loader.loadContent(id).value
            // The newest snapshot is the one built: it must hold what the edition's plugins need.
            let newest = (try? loader.snapshotDates(id))?.last
            let entries = newest.flatMap { try? loader.fileSystem.list(loader.path("snapshots/\(id)/\($0)")) }.map(Set.init)
            for pluginID in edition.plugins.sorted() {
                guard let plugin = registered[pluginID] else { continue }
                if let newest, let entries {
                    let missing = plugin.missingDatasets { kind in kind.snapshotEntry.map(entries.contains) ?? true }
                    if !missing.isEmpty {
                        let names = missing.map(\.fileName).joined(separator: ", ")
                        found.append(Diagnostic("plugin '\(pluginID)' (edition '\(tenant.edition)') needs \(names), which the "
                                                + "newest snapshot \(newest) does not have; the build of '\(id)' would fail",
                                                at: SourceLocation(file: "snapshots/\(id)/\(newest)")))
                    }
                }
                let input = PluginCheckInput(tenant: tenant, settings: .merged(pluginID, project: project, tenant: tenant),
                                             content: content, limits: edition.limits, now: now)
                // Problems in herald.yml's plugin_defaults show up for every tenant: report each once.
                for diagnostic in plugin.check(input) where seen.insert(diagnostic).inserted {
                    found.append(diagnostic)
                }
            }
        }
        return found
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> (String, Int, Int, Int) {
            // The "N more errors in this file" line has no line number but belongs after the listed ones.
            let summary = d.omitted > 0
            return (d.location.file, summary ? 1 : 0, d.location.line ?? 0, d.location.column ?? 0)
        }
        return diagnostics.enumerated().sorted { a, b in
            let (x, y) = (key(a.element), key(b.element))
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }
}
