import Foundation
import HeraldData

/// What to build.
public struct BuildRequest: Sendable {
    public var projectRoot: String
    /// Overrides `output_dir` from herald.yml.
    public var outputDirectory: String?
    /// Tenant ids to build; empty means all.
    public var tenants: [String]
    /// The build instant: every date in the output derives from it, never from the system clock.
    public var now: Date
    /// Tenants built at once.
    public var jobs: Int

    public init(projectRoot: String, outputDirectory: String? = nil, tenants: [String] = [], now: Date, jobs: Int = 2) {
        self.projectRoot = projectRoot
        self.outputDirectory = outputDirectory
        self.tenants = tenants
        self.now = now
        self.jobs = max(1, jobs)
    }
}

/// The whole data flow in one place: snapshot → datasets → plugins → artifacts → writer.
///
/// Tenants build in isolation and concurrently; a failing tenant is reported and keeps its previous output.
public struct Pipeline: Sendable {
    public let fileSystem: any FileSystem
    public let plugins: [any Plugin]
    public let themes: ThemeFactory
    public let secrets: SecretStore
    public let log: @Sendable (BuildEvent) -> Void
    /// The limit names the plugins read (`seo.pages`…); when set, an edition with another limit name fails its
    /// tenants (see `Edition.unknownLimits`).
    public var knownLimits: Set<String>?

    public init(fileSystem: any FileSystem, plugins: [any Plugin], themes: ThemeFactory, secrets: SecretStore = SecretStore(),
                log: @escaping @Sendable (BuildEvent) -> Void = { _ in }) {
        self.fileSystem = fileSystem
        self.plugins = plugins
        self.themes = themes
        self.secrets = secrets
        self.log = log
    }

    /// The output folder a request writes to.
    public func outputDirectory(for request: BuildRequest, project: ProjectConfig) -> String {
        let configured = request.outputDirectory ?? project.outputDirectory
        if configured.hasPrefix("/") { return configured }
        return request.projectRoot + "/" + configured
    }

    /// Why `output` cannot be the output folder: it is, or is inside, one of the project's input folders
    /// (snapshots/, content/, templates/), where tenant folders would replace the tenants' data. nil when it is fine.
    public static func outputProblem(_ output: String, projectRoot: String) -> String? {
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        let out = resolved(output)
        for input in ["snapshots", "content", "templates"] {
            let folder = resolved(projectRoot + "/" + input)
            if out == folder || out.hasPrefix(folder + "/") {
                return "the output folder \(output) is inside the project's \(input)/ folder, where tenant output would "
                    + "replace the project's data; choose a folder outside snapshots/, content/ and templates/"
            }
        }
        return nil
    }

    /// `<out>/.lock-<tenant>`: held while a build works on the tenant's folder, removed after.
    static let lockPrefix = ".lock-"

    /// Marks an output folder as Herald's (`.herald-output`); the top-level index.html is written into it.
    public static let outputMarker = ".herald-output"

    /// Creates the output folder, or accepts an existing one only when Herald wrote it: a folder that holds the
    /// marker, or (from builds before the marker) a tenant folder with its build.json. `--out ~` must never
    /// overwrite someone's index.html.
    func claimOutput(_ output: String) throws {
        let marker = output + "/" + Self.outputMarker
        if fileSystem.isDirectory(output), !fileSystem.exists(marker) {
            let entries = try fileSystem.list(output)
            let built = entries.contains { fileSystem.exists(output + "/" + $0 + "/" + BuildManifest.fileName) }
            if !entries.isEmpty, !built {
                throw RequestError("the output folder \(output) already holds files Herald did not write "
                    + "(\(entries.sorted().prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : "")); "
                    + "choose a new or empty folder, or one Herald built before")
            }
        }
        do {
            try fileSystem.createDirectory(output)
            if !fileSystem.exists(marker) {
                try fileSystem.write(Array("This folder is Herald's build output; Herald replaces what is in it.\n".utf8), to: marker)
            }
            // A read-only or full output folder fails here, once, instead of in every tenant after its data loaded.
            let probe = output + "/" + Self.probePrefix + "\(getpid())"
            try fileSystem.write([], to: probe)
            try fileSystem.remove(probe)
            try removeStaleTemporaries(output)
        } catch {
            throw BuildError("the output folder \(output) cannot be written: \(describe(error))")
        }
    }

    static let probePrefix = ".write-test-"

    /// Removes the temporary files a killed build leaves at the top of the output folder (the index being replaced,
    /// the write probe); those of a build still running are left alone. Tenant folders are repaired under their lock.
    private func removeStaleTemporaries(_ output: String) throws {
        for prefix in ["index.html.tmp-", Self.probePrefix] {
            for entry in try fileSystem.list(output) where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid == getpid() || !ArtifactWriter.processIsAlive(pid) else { continue }
                try fileSystem.remove(output + "/" + entry)
            }
        }
    }

    /// Builds the requested tenants. Throws only for project-level problems (herald.yml, unknown tenant ids);
    /// tenant failures are in the results.
    public func build(_ request: BuildRequest) throws -> (output: String, results: [TenantResult]) {
        let loader = ProjectLoader(root: request.projectRoot, fileSystem: fileSystem)
        if !fileSystem.exists(loader.path("herald.yml")) {
            let folder = request.projectRoot
            throw RequestError(fileSystem.isDirectory(folder)
                ? "no herald.yml in the project folder \(folder); run Herald in a project folder or pass --project DIR"
                : "the project folder \(folder) does not exist")
        }
        let project = try loader.project()
        let folders = try loader.tenantFolders()
        let known = folders.ids
        // A folder that cannot be a tenant fails as that tenant; the others still build.
        let rejected = folders.rejected.filter { request.tenants.isEmpty || request.tenants.contains($0.name) }
        let unknown = request.tenants.filter { name in !known.contains(name) && !rejected.contains { $0.name == name } }
        if !unknown.isEmpty {
            throw RequestError("--tenant: unknown tenant \(unknown.map { "'\(Diagnostic.visible($0))'" }.joined(separator: ", ")); "
                + "the project has: " + known.joined(separator: ", "))
        }
        let selected = request.tenants.isEmpty ? known : known.filter { request.tenants.contains($0) }
        let output = outputDirectory(for: request, project: project)
        if let problem = Self.outputProblem(output, projectRoot: request.projectRoot) {
            throw BuildError(problem, at: request.outputDirectory == nil
                ? SourceLocation(file: request.projectRoot + "/herald.yml", keyPath: "output_dir") : nil)
        }
        try claimOutput(output)
        var failed: [TenantResult] = []
        for (name, problem) in rejected {
            let result = TenantResult(tenant: name, name: name, failure: problem.description)
            log(.tenantFinished(result))
            failed.append(result)
        }

        let results = ResultBox(count: selected.count)
        let gate = DispatchSemaphore(value: request.jobs)
        DispatchQueue.concurrentPerform(iterations: selected.count) { index in
            gate.wait()
            defer { gate.signal() }
            let result = buildTenant(selected[index], project: project, loader: loader, request: request, output: output)
            results.set(index, result)
            log(.tenantFinished(result))
        }
        return (output, (results.values + failed).sorted { $0.tenant < $1.tenant })
    }

    private func buildTenant(_ id: String, project: ProjectConfig, loader: ProjectLoader, request: BuildRequest,
                             output: String) -> TenantResult {
        log(.tenantStarted(tenant: id))
        var result = TenantResult(tenant: id, name: id)
        do {
            // One build at a time per tenant folder (two nightly runs into one --out would swap each other's folders).
            guard let lock = try fileSystem.tryLock(output + "/" + Self.lockPrefix + id) else {
                result.leftToOtherBuild = true
                throw BuildError("another Herald build is writing this tenant's output in \(output) right now; "
                                 + "its output is left to that build", at: SourceLocation(file: output + "/" + id))
            }
            defer { lock.release() }
            // Before anything else: a build killed while swapping this tenant's folder must not cost its output. With
            // the lock held, every leftover is from a dead process, whatever its pid (containers reuse pids).
            let exclusive = lock.isExclusive
            let writer = ArtifactWriter(fileSystem: fileSystem)
            for note in try writer.recover(output + "/" + id, isAlive: { pid in !exclusive && ArtifactWriter.processIsAlive(pid) }) {
                result.notices.append("herald: \(note)")
                log(.notice(tenant: id, plugin: "herald", message: note, severity: .info))
            }
            try TenantBuild(id: id, project: project, loader: loader, request: request, pipeline: self)
                .run(into: &result, output: output)
        } catch {
            result.failure = describe(error)
        }
        return result
    }
}

/// Collects results from concurrent tenant builds in input order.
private final class ResultBox: @unchecked Sendable {
    private var slots: [TenantResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: TenantResult) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }
    var values: [TenantResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
