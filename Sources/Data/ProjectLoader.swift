import Foundation

/// Loads a Herald project (format v1, see docs/format.md):
///
/// ```
/// herald.yml
/// snapshots/<tenant>/tenant.yml
/// snapshots/<tenant>/<YYYY-MM-DD>/{crawl/, touchpoints.csv, conversions.csv, identities.csv, paths.csv,
///                                  rates.csv, reviews.ndjson, subscribers.csv}
/// content/<tenant>/**/*.md
/// ```
///
/// Diagnostics name files relative to the project root. Loading methods throw a `DiagnosticList` (or a
/// `Diagnostic`); `check()` returns every problem of the whole project instead.
public struct ProjectLoader: Sendable {
    public let root: String
    public let fileSystem: any FileSystem
    /// When set, plugin ids in `herald.yml` and `tenant.yml` are checked against it.
    public var knownPluginIDs: Set<String>?
    /// Errors listed per file before the rest are only counted.
    public var errorCap = 100

    /// Files a snapshot may contain.
    public static let datasetFiles = ["conversions.csv", "crawl", "identities.csv", "paths.csv", "rates.csv", "reviews.ndjson",
                                      "subscribers.csv", "touchpoints.csv"]

    public init(root: String, fileSystem: any FileSystem = LocalFileSystem()) {
        self.root = root
        self.fileSystem = fileSystem
    }

    /// Absolute (or root-relative) path of a project-relative path.
    public func path(_ relative: String) -> String {
        if root.isEmpty || root == "." { return relative }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    private func read(_ relative: String) throws(Diagnostic) -> [UInt8] {
        do { return try fileSystem.read(path(relative)) } catch {
            let reason = fileSystem.exists(path(relative)) ? "cannot be read" : "does not exist"
            throw Diagnostic("the file \(reason)", at: SourceLocation(file: relative))
        }
    }

    private func list(_ relative: String) throws(Diagnostic) -> [String] {
        do { return try fileSystem.list(path(relative)) } catch {
            throw Diagnostic("cannot list the folder", at: SourceLocation(file: relative))
        }
    }

    // MARK: - Project and tenants

    public func project() throws -> ProjectConfig {
        try ConfigFiles.project(try read("herald.yml"), file: "herald.yml")
    }

    /// herald.yml's problems, and its configuration whenever the known keys decode (`ConfigFiles.checkedProject`).
    public func checkedProject() -> (config: ProjectConfig?, errors: [Diagnostic]) {
        do { return ConfigFiles.checkedProject(try read("herald.yml"), file: "herald.yml") } catch {
            return (nil, ConfigFiles.list(error, "herald.yml").diagnostics)
        }
    }

    /// The folders of `snapshots/`: tenants, and folders that cannot be one.
    public struct TenantFolders: Sendable {
        /// Sorted ids of the valid tenant folders.
        public var ids: [String]
        /// Folders meant as tenants that cannot be built (a name that is not a valid id; a misnamed tenant.yml such
        /// as `tenant.yaml`), sorted by name, with the problem. A build fails these tenants and builds the others.
        public var rejected: [(name: String, problem: Diagnostic)]
        /// Warnings for folders without any tenant file: they are not tenants and are skipped.
        public var skipped: [Diagnostic]
    }

    /// Names a tenant.yml is mistaken for; a folder holding one of them is meant as a tenant.
    static let misnamedTenantFiles = ["tenant.yaml", "Tenant.yml", "Tenant.yaml", "TENANT.yml", "tenants.yml", "tenant.yml.txt", "tenant.yml.yml"]

    /// The folders of `snapshots/` with a `tenant.yml` are tenants, and their names must be valid ids. A folder with
    /// a misnamed tenant file (`tenant.yaml`) is a tenant that cannot build; one with no tenant file is skipped
    /// with a warning.
    public func tenantFolders() throws(Diagnostic) -> TenantFolders {
        guard fileSystem.isDirectory(path("snapshots")) else { return TenantFolders(ids: [], rejected: [], skipped: []) }
        var ids: [String] = []
        var rejected: [(name: String, problem: Diagnostic)] = []
        var skipped: [Diagnostic] = []
        for name in try list("snapshots").sorted() where !name.hasPrefix(".") && fileSystem.isDirectory(path("snapshots/" + name)) {
            let at = SourceLocation(file: "snapshots/\(name)")
            if !fileSystem.exists(path("snapshots/\(name)/tenant.yml")) {
                if let near = Self.misnamedTenantFiles.first(where: { fileSystem.exists(path("snapshots/\(name)/" + $0)) }) {
                    rejected.append((name, Diagnostic("tenant folder '\(name)' has no tenant.yml; found '\(near)': rename it to tenant.yml",
                                                      at: SourceLocation(file: "snapshots/\(name)/\(near)"))))
                } else {
                    skipped.append(Diagnostic("folder '\(name)' has no tenant.yml, so it is not a tenant and is not built",
                                              at: at, severity: .warning))
                }
            } else if !Self.isValidTenantID(name) {
                rejected.append((name, Diagnostic("tenant folder name '\(name)' is not allowed; use letters, digits, '-', '_' and '.' (not first)", at: at)))
            } else {
                ids.append(name)
            }
        }
        return TenantFolders(ids: ids, rejected: rejected, skipped: skipped)
    }

    /// Sorted ids of the tenant folders; throws when any folder of `snapshots/` cannot be a tenant.
    public func tenantIDs() throws -> [String] {
        let folders = try tenantFolders()
        if !folders.rejected.isEmpty { throw DiagnosticList(folders.rejected.map(\.problem)) }
        return folders.ids
    }

    public static func isValidTenantID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first), first.isASCII else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    public func tenant(_ id: String) throws -> TenantConfig {
        let file = "snapshots/\(id)/tenant.yml"
        return try ConfigFiles.tenant(try read(file), file: file, id: id)
    }

    /// For `herald check`: the tenant's problems, and its configuration with defaults in place of invalid values
    /// (nil when tenant.yml cannot be read or decoded), so the check can go on to the tenant's data.
    public func checkedTenant(_ id: String) -> (config: TenantConfig?, errors: [Diagnostic]) {
        let file = "snapshots/\(id)/tenant.yml"
        do {
            return ConfigFiles.checkedTenant(try read(file), file: file, id: id)
        } catch {
            return (nil, ConfigFiles.list(error, file).diagnostics)
        }
    }

    /// Sorted `YYYY-MM-DD` folders of the tenant. Other folders (except `templates/`) are errors; files other than
    /// `tenant.yml` are ignored.
    public func snapshotDates(_ id: String) throws -> [String] {
        let (dates, errors) = try scanSnapshotDates(id)
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return dates
    }

    private func scanSnapshotDates(_ id: String) throws(Diagnostic) -> (dates: [String], errors: [Diagnostic]) {
        let folder = "snapshots/\(id)"
        var dates: [String] = []
        var errors: [Diagnostic] = []
        for name in try list(folder) where !name.hasPrefix(".") && fileSystem.isDirectory(path(folder + "/" + name)) {
            if name == "templates" { continue }
            if TimestampFormat.isDate(name) { dates.append(name) } else if Self.looksLikeDate(name) {
                // Shaped like a date, so "named by date" would not say what is wrong.
                errors.append(Diagnostic("snapshot folder '\(name)' is not a real calendar date", at: SourceLocation(file: folder + "/" + name)))
            } else {
                errors.append(Diagnostic("unexpected folder '\(name)'; snapshot folders are named by date, YYYY-MM-DD",
                                         at: SourceLocation(file: folder + "/" + name)))
            }
        }
        return (dates.sorted(), errors)
    }

    /// `NNNN-NN-NN`.
    static func looksLikeDate(_ name: String) -> Bool {
        let b = Array(name.utf8)
        return b.count == 10 && b.enumerated().allSatisfy { k, c in k == 4 || k == 7 ? c == 0x2D : (0x30...0x39).contains(c) }
    }

    // MARK: - Snapshots

    public func snapshot(_ id: String, date: String) throws -> Snapshot {
        try snapshot(id, date: date, tenant: tenant(id))
    }

    public func snapshot(_ id: String, date: String, tenant: TenantConfig) throws -> Snapshot {
        try loadSnapshot(id, date: date, tenant: tenant).get()
    }

    /// Loads every dataset present, collecting all diagnostics (the datasets with errors are left nil).
    public func loadSnapshot(_ id: String, date: String, tenant: TenantConfig) -> Loaded<Snapshot> {
        let folder = "snapshots/\(id)/\(date)"
        var snapshot = Snapshot(date: date, folder: folder)
        var diagnostics: [Diagnostic] = []
        guard TimestampFormat.isDate(date) else {
            return Loaded(snapshot, diagnostics: [Diagnostic("'\(date)' is not a snapshot date (YYYY-MM-DD)", at: SourceLocation(file: folder))])
        }
        let names: [String]
        do { names = try list(folder) } catch {
            return Loaded(snapshot, diagnostics: [error])
        }
        for name in names where !name.hasPrefix(".") && !Self.datasetFiles.contains(name) {
            diagnostics.append(Diagnostic("unknown file '\(name)' in the snapshot is ignored; expected: \(Self.datasetFiles.joined(separator: ", "))",
                                          at: SourceLocation(file: folder + "/" + name), severity: .warning))
        }
        func load<T>(_ name: String, _ loader: ([UInt8], String) -> Loaded<T>) -> T? {
            guard names.contains(name) else { return nil }
            let file = folder + "/" + name
            if fileSystem.isDirectory(path(file)) {
                diagnostics.append(Diagnostic("'\(name)' is a folder; expected a file", at: SourceLocation(file: file)))
                return nil
            }
            let bytes: [UInt8]
            do { bytes = try read(file) } catch {
                diagnostics.append(error)
                return nil
            }
            let loaded = loader(bytes, file)
            diagnostics += loaded.diagnostics
            return loaded.hasErrors ? nil : loaded.value
        }
        let cap = errorCap
        snapshot.touchpoints = load("touchpoints.csv") { TouchpointsLoader.load($0, file: $1, cap: cap) }
        snapshot.conversions = load("conversions.csv") { ConversionsLoader.load($0, file: $1, cap: cap) }
        snapshot.identities = load("identities.csv") { IdentitiesLoader.load($0, file: $1, cap: cap) }
        snapshot.paths = load("paths.csv") { PathsLoader.load($0, file: $1, cap: cap) }
        snapshot.rates = load("rates.csv") { RatesLoader.load($0, file: $1, reportingCurrency: tenant.reportingCurrency, cap: cap) }
        snapshot.reviews = load("reviews.ndjson") { ReviewsLoader.load($0, file: $1, cap: cap) }
        snapshot.subscribers = load("subscribers.csv") { SubscribersLoader.load($0, file: $1, cap: cap) }
        if names.contains("crawl") {
            let crawlFolder = folder + "/crawl"
            let hasManifest = fileSystem.exists(path(crawlFolder + "/manifest.ndjson"))
            let hasSite = fileSystem.isDirectory(path(crawlFolder + "/site"))
            let warcFiles = ((try? fileSystem.list(path(crawlFolder))) ?? []).filter(WARCCrawlLoader.isWARCFile)
            var loaded: Loaded<Crawl>?
            let layouts = [hasManifest ? "manifest.ndjson" : nil, hasSite ? "site/" : nil, warcFiles.isEmpty ? nil : "WARC files"]
                .compactMap { $0 }
            if layouts.count > 1 {
                diagnostics.append(Diagnostic("the crawl has \(layouts.joined(separator: " and ")); keep one of them", at: SourceLocation(file: crawlFolder)))
            } else if hasManifest {
                loaded = CrawlLoader.loadManifest(fileSystem, folder: path(crawlFolder), displayFolder: crawlFolder, cap: cap)
            } else if hasSite {
                loaded = CrawlLoader.loadSite(fileSystem, folder: path(crawlFolder + "/site"), displayFolder: crawlFolder + "/site", baseURL: tenant.baseURL)
            } else if !warcFiles.isEmpty {
                loaded = CrawlLoader.loadWARC(fileSystem, folder: path(crawlFolder), displayFolder: crawlFolder, names: warcFiles, cap: cap)
            } else {
                diagnostics.append(Diagnostic("the crawl folder needs a manifest.ndjson, a site/ folder or .warc/.warc.gz files", at: SourceLocation(file: crawlFolder)))
            }
            if let loaded {
                diagnostics += loaded.diagnostics
                if !loaded.hasErrors { snapshot.crawl = loaded.value }
            }
        }
        // A rates.csv with errors is reported on its own; "no rate" for every currency would only add noise.
        if !(names.contains("rates.csv") && snapshot.rates == nil) {
            diagnostics += currencyDiagnostics(snapshot, folder: folder, tenant: tenant)
        }
        snapshot.diagnostics = diagnostics.filter { $0.severity != .error }
        return Loaded(snapshot, diagnostics: diagnostics)
    }

    /// Every conversion currency other than the reporting currency needs a rate: a missing rate is an error.
    private func currencyDiagnostics(_ snapshot: Snapshot, folder: String, tenant: TenantConfig) -> [Diagnostic] {
        guard let conversions = snapshot.conversions else { return [] }
        var firstLine: [String: Int] = [:]
        var counts: [String: Int] = [:]
        for c in conversions where c.currency != tenant.reportingCurrency {
            counts[c.currency, default: 0] += 1
            firstLine[c.currency] = min(firstLine[c.currency] ?? .max, c.line)
        }
        var out: [Diagnostic] = []
        for currency in counts.keys.sorted() where snapshot.rates?.rates[currency] == nil {
            let n = counts[currency] ?? 0
            let source = snapshot.rates == nil ? "the snapshot has no rates.csv" : "rates.csv has no row for \(currency)"
            out.append(Diagnostic("no exchange rate from \(currency) to the reporting currency \(tenant.reportingCurrency) (\(source)); \(n) conversion\(n == 1 ? "" : "s") use \(currency)",
                                  at: SourceLocation(file: folder + "/conversions.csv", line: firstLine[currency])))
        }
        return out
    }

    // MARK: - Content

    /// Markdown files under `content/<id>/`, sorted by path; none when the folder is absent.
    public func content(_ id: String) throws -> [ContentDocument] {
        let loaded = loadContent(id)
        if loaded.hasErrors { throw DiagnosticList(loaded.diagnostics) }
        return loaded.value
    }

    public func loadContent(_ id: String) -> Loaded<[ContentDocument]> {
        let base = "content/\(id)"
        guard fileSystem.isDirectory(path(base)) else { return Loaded([]) }
        var documents: [ContentDocument] = []
        var diagnostics: [Diagnostic] = []
        let found = FolderWalk(fileSystem: fileSystem, root: path(base), display: base).walk()
        diagnostics += found.unlistable.map { relative in
            Diagnostic("cannot list the folder", at: SourceLocation(file: relative.isEmpty ? base : base + "/" + relative))
        }
        diagnostics += found.warnings
        for childRelative in found.files where childRelative.hasSuffix(".md") || childRelative.hasSuffix(".markdown") {
            let file = base + "/" + childRelative
            do {
                documents.append(try FrontMatter.parse(try read(file), file: file, path: childRelative))
            } catch {
                diagnostics.append(error)
            }
        }
        documents.sort { $0.path < $1.path }
        return Loaded(documents, diagnostics: diagnostics)
    }

    // MARK: - Check

    /// Validates the whole project: herald.yml, every tenant.yml, the datasets of each tenant's newest two
    /// snapshots and all content front matter. Returns every diagnostic (info and warnings too), in a stable order.
    public func check() -> [Diagnostic] {
        var out: [Diagnostic] = []
        func collect(_ error: any Error, file: String) {
            if let list = error as? DiagnosticList { out += list.diagnostics } else if let d = error as? Diagnostic { out.append(d) } else {
                out.append(Diagnostic("\(error)", at: SourceLocation(file: file)))
            }
        }
        let checked = checkedProject()
        out += checked.errors
        let project = checked.config
        if let project, let known = knownPluginIDs {
            for name in project.editions.keys.sorted() {
                for (k, plugin) in (project.editions[name]?.plugins ?? []).enumerated() where !known.contains(plugin) {
                    out.append(Diagnostic("unknown plugin '\(plugin)'; known plugins: \(known.sorted().joined(separator: ", "))",
                                          at: SourceLocation(file: "herald.yml", keyPath: "editions.\(name).plugins[\(k)]")))
                }
            }
            for id in project.pluginDefaults.keys.sorted() where !known.contains(id) {
                out.append(Diagnostic("unknown plugin '\(id)'; known plugins: \(known.sorted().joined(separator: ", "))",
                                      at: located(project.pluginDefaults[id]!, "plugin_defaults.\(id)", atKey: true)))
            }
        }
        let ids: [String]
        do {
            let folders = try tenantFolders()
            ids = folders.ids
            out += folders.rejected.map(\.problem) + folders.skipped
        } catch {
            collect(error, file: "snapshots")
            return out
        }
        if ids.isEmpty {
            out.append(Diagnostic("no tenants: expected folders snapshots/<tenant>/ with a tenant.yml", at: SourceLocation(file: "snapshots"), severity: .warning))
        }
        for id in ids {
            let (tenant, tenantErrors) = checkedTenant(id)
            out += tenantErrors
            if let tenant, let project {
                if let edition = project.editions[tenant.edition] {
                    for pluginID in tenant.plugins.keys.sorted() where !edition.plugins.contains(pluginID) {
                        if let known = knownPluginIDs, !known.contains(pluginID) {
                            out.append(Diagnostic("unknown plugin '\(pluginID)'; known plugins: \(known.sorted().joined(separator: ", "))",
                                                  at: located(tenant.plugins[pluginID]!, "plugins.\(pluginID)", atKey: true)))
                        } else {
                            out.append(Diagnostic("settings for plugin '\(pluginID)', which the edition '\(tenant.edition)' does not include, are ignored",
                                                  at: located(tenant.plugins[pluginID]!, "plugins.\(pluginID)"), severity: .warning))
                        }
                    }
                } else {
                    let names = project.editions.keys.sorted().joined(separator: ", ")
                    out.append(Diagnostic("unknown edition '\(tenant.edition)'; herald.yml defines: \(names)",
                                          at: SourceLocation(file: "snapshots/\(id)/tenant.yml", keyPath: "edition")))
                }
            }
            var dates: [String] = []
            do {
                let scan = try scanSnapshotDates(id)
                dates = scan.dates
                out += scan.errors
            } catch { out.append(error) }
            if dates.isEmpty {
                out.append(Diagnostic("no dated snapshot: expected a folder snapshots/\(id)/YYYY-MM-DD", at: SourceLocation(file: "snapshots/\(id)")))
            }
            if let tenant {
                for date in dates.suffix(2) { out += loadSnapshot(id, date: date, tenant: tenant).diagnostics }
            }
            out += loadContent(id).diagnostics
        }
        return out
    }

    private func located(_ node: ConfigNode, _ keyPath: String, atKey: Bool = false) -> SourceLocation {
        var location = atKey ? node.keyReportLocation : node.location
        location.keyPath = keyPath
        return location
    }
}
