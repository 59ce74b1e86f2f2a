import Foundation
import Generator
import HeraldData
import Plugins
import Testing

@Suite("One tenant's failure never stops the others")
struct TenantIsolationTests {
    static let project = """
        output_dir: out
        editions:
          basic:
            plugins: [seo, command-center]
        """

    static func tenant(_ name: String) -> String {
        "name: \(name)\nbase_url: https://\(name).example/\nedition: basic\n"
    }

    static let page = "<html lang=en><head><title>Home page of the shop</title></head><body><h1>Hi</h1></body></html>"

    @Test("a tenant with a malformed snapshot fails, keeps its previous output, and the others build")
    func failingTenantKeepsPreviousOutput() throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": Self.project,
            "snapshots/good/tenant.yml": Self.tenant("good"),
            "snapshots/good/2026-11-30/crawl/site/index.html": Self.page,
            "snapshots/bad/tenant.yml": Self.tenant("bad"),
            "snapshots/bad/2026-11-30/crawl/site/index.html": Self.page,
        ])
        defer { fixture.remove() }
        let pipeline = ProjectFixture.pipeline()
        let request = BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now)
        let (output, first) = try pipeline.build(request)
        #expect(first.allSatisfy { $0.succeeded }, "\(first.compactMap(\.failure))")
        let before = ProjectFixture.tree(output + "/bad")
        #expect(!before.isEmpty)

        // Break the bad tenant: an unknown key in tenant.yml.
        try (Self.tenant("bad") + "colour: red\n").write(toFile: fixture.root + "/snapshots/bad/tenant.yml", atomically: true, encoding: .utf8)
        let (_, second) = try pipeline.build(request)
        let bad = try #require(second.first { $0.tenant == "bad" })
        let good = try #require(second.first { $0.tenant == "good" })
        #expect(good.succeeded)
        let failure = try #require(bad.failure)
        #expect(failure.contains("tenant.yml"), "the error names the file: \(failure)")
        #expect(failure.contains("colour"), "the error names the key: \(failure)")
        #expect(ProjectFixture.tree(output + "/bad") == before, "the failed tenant's previous output is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".") && $0 != ".herald-output" }
        #expect(leftovers.isEmpty, "no staging folders left behind: \(leftovers)")
    }

    /// A folder of snapshots/ that cannot be a tenant fails as that tenant; it never stops the nightly build of the
    /// others.
    @Test("a misnamed or incomplete tenant folder fails alone and the others build", arguments: [
        ("bad id", "tenant.yml", "tenant folder name 'bad id' is not allowed"),
        ("yamlext", "tenant.yaml", "found 'tenant.yaml': rename it to tenant.yml"),
        ("capital", "Tenant.yml", "found 'Tenant.yml': rename it to tenant.yml"),
    ])
    func badTenantFolderFailsAlone(folder: String, file: String, message: String) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": Self.project,
            "snapshots/good/tenant.yml": Self.tenant("good"),
            "snapshots/good/2026-11-30/crawl/site/index.html": Self.page,
            "snapshots/\(folder)/\(file)": Self.tenant("other"),
            "snapshots/\(folder)/2026-11-30/crawl/site/index.html": Self.page,
        ])
        defer { fixture.remove() }
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect(results.map(\.tenant) == [folder, "good"].sorted())
        let good = try #require(results.first { $0.tenant == "good" })
        #expect(good.succeeded, "\(good.failure ?? "")")
        let bad = try #require(results.first { $0.tenant == folder })
        let failure = try #require(bad.failure)
        #expect(failure.hasPrefix("snapshots/\(folder)") && failure.contains(message), "\(failure)")

        let checked = ProjectCheck.run(root: fixture.root, plugins: ProjectFixture.pipeline().plugins, now: ProjectFixture.now)
        #expect(checked.contains { $0.severity == .error && $0.description.contains(message) }, "\(checked)")
    }

    @Test("a failed tenant's message lists its errors, not the information found while loading")
    func failureListsErrorsOnly() throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": "editions:\n  basic:\n    plugins: [command-center]\n",
            "snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: basic\n",
            "snapshots/acme/2026-11-30/touchpoints.csv": """
                touchpoint_id,anonymous_id,user_id,timestamp,channel
                t1,a1,,2026-11-20T10:00:00Z,Direct
                t1,a1,,2026-11-20T10:00:00Z,Direct
                t2,a1,,2026-11-20T10:00:00,Direct

                """,
        ])
        defer { fixture.remove() }
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let failure = try #require(results.first?.failure)
        #expect(failure.hasPrefix("snapshots/acme/2026-11-30/touchpoints.csv:4:"), "\(failure)")
        #expect(!failure.contains("info:") && !failure.contains("duplicate"), "\(failure)")
    }
}

/// A build that cannot run as asked is a usage error (exit 2), told apart from failed tenants (exit 1).
@Suite("Requests the project cannot satisfy are usage errors")
struct RequestErrorTests {
    @Test(arguments: [
        (["nope"], "--tenant: unknown tenant 'nope'; the project has: good"),
        (["../etc"], "--tenant: unknown tenant '../etc'; the project has: good"),
        (["good", "x\u{1B}[2J"], "--tenant: unknown tenant 'x\\u{1B}[2J'; the project has: good"),
    ])
    func unknownTenant(tenants: [String], message: String) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/good/tenant.yml": TenantIsolationTests.tenant("good"),
            "snapshots/good/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ])
        defer { fixture.remove() }
        let request = BuildRequest(projectRoot: fixture.root, tenants: tenants, now: ProjectFixture.now)
        #expect(throws: RequestError(message)) { _ = try ProjectFixture.pipeline().build(request) }
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/out"), "nothing is written")
    }

    @Test func missingProject() throws {
        let fixture = try ProjectFixture(files: ["README.md": "not a project"])
        defer { fixture.remove() }
        for (root, message) in [(fixture.root, "no herald.yml in the project folder \(fixture.root); run Herald in a project folder or pass --project DIR"),
                                (fixture.root + "/missing", "the project folder \(fixture.root)/missing does not exist")] {
            #expect(throws: RequestError(message)) {
                _ = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: root, now: ProjectFixture.now))
            }
        }
    }
}

/// The writer swaps whole tenant folders into place, so it must never swap away a folder Herald did not write.
@Suite("Herald replaces only its own output")
struct OutputOwnershipTests {
    @Test("an output folder inside the project's inputs is refused before anything is written",
          arguments: ["snapshots", "snapshots/acme", "content", "templates/x", "./snapshots/../content"])
    func outputInsideInputsIsRefused(out: String) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
            "content/acme/pages/about.md": "# About\n",
            "templates/x/keep.txt": "keep",
        ])
        defer { fixture.remove() }
        let before = ProjectFixture.tree(fixture.root)
        let request = BuildRequest(projectRoot: fixture.root, outputDirectory: out, now: ProjectFixture.now)
        #expect(throws: BuildError.self) { _ = try ProjectFixture.pipeline().build(request) }
        #expect(ProjectFixture.tree(fixture.root) == before, "the project is untouched")

        // The same through herald.yml's output_dir.
        try (TenantIsolationTests.project.replacingOccurrences(of: "output_dir: out", with: "output_dir: \(out)"))
            .write(toFile: fixture.root + "/herald.yml", atomically: true, encoding: .utf8)
        let viaConfig = BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now)
        do {
            _ = try ProjectFixture.pipeline().build(viaConfig)
            Issue.record("output_dir: \(out) was accepted")
        } catch let error as BuildError {
            #expect(error.description.contains("herald.yml (output_dir)"), "\(error)")
        }
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/snapshots/acme/2026-11-30/crawl/site/index.html"))
    }

    @Test("a folder in the output that Herald did not write is not replaced; that tenant fails, the others build")
    func foreignFolderIsKept() throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
            "snapshots/good/tenant.yml": TenantIsolationTests.tenant("good"),
            "snapshots/good/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
            "out/.herald-output": "",  // Herald's output folder, where someone left a folder of their own
            "out/acme/thesis.txt": "years of work",
        ])
        defer { fixture.remove() }
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let acme = try #require(results.first { $0.tenant == "acme" })
        let failure = try #require(acme.failure)
        #expect(failure.contains("was not written by Herald"), "\(failure)")
        #expect(ProjectFixture.tree(fixture.root + "/out/acme") == ["thesis.txt": Data("years of work".utf8)])
        #expect(results.first { $0.tenant == "good" }?.succeeded == true)

        // Herald's own previous output is replaced as before.
        try FileManager.default.removeItem(atPath: fixture.root + "/out/acme")
        let (_, first) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let (_, second) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect((first + second).allSatisfy { $0.succeeded })
    }

    @Test("an existing output folder is used only when Herald wrote it", arguments: [
        (["index.html": "<h1>my home page</h1>"], false),
        (["notes/todo.txt": "x"], false),
        ([:], true),
        ([".herald-output": ""], true),
        (["acme/build.json": "{}"], true),  // output of a build from before the marker
    ] as [([String: String], Bool)])
    func outputFolderOwnership(existing: [String: String], accepted: Bool) throws {
        var files = [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ]
        for (path, text) in existing { files["elsewhere/" + path] = text }
        let fixture = try ProjectFixture(files: files)
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.root + "/elsewhere", withIntermediateDirectories: true)
        let before = ProjectFixture.tree(fixture.root + "/elsewhere")
        let request = BuildRequest(projectRoot: fixture.root, outputDirectory: fixture.root + "/elsewhere", now: ProjectFixture.now)
        if accepted {
            let (_, results) = try ProjectFixture.pipeline().build(request)
            #expect(results.allSatisfy { $0.succeeded })
            #expect(FileManager.default.fileExists(atPath: fixture.root + "/elsewhere/.herald-output"))
        } else {
            #expect(throws: RequestError.self) { _ = try ProjectFixture.pipeline().build(request) }
            #expect(ProjectFixture.tree(fixture.root + "/elsewhere") == before, "nothing written")
        }
    }
}

/// A build killed half-way (out of memory, a nightly timeout) must not cost a tenant its output or leave folders.
@Suite("An interrupted build is repaired by the next one")
struct InterruptedBuildTests {
    /// A process id no process has (above Linux's largest pid_max).
    static let deadPID = 2_147_483_000

    /// Leftovers of a dead process, and of a killed build whose process id is in use again (here: this process's
    /// own, as when every container run is pid 1): the tenant's lock, not the pid, tells that no build owns them.
    static let leftoverPIDs = [deadPID, Int(getpid())]

    @Test("the previous output moved aside by a killed build is put back, and its staging folder removed",
          arguments: [true, false], leftoverPIDs)
    func killedBetweenRenames(nextBuildSucceeds: Bool, pid: Int) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ])
        defer { fixture.remove() }
        let request = BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now)
        let (output, first) = try ProjectFixture.pipeline().build(request)
        #expect(first.allSatisfy { $0.succeeded })
        let before = ProjectFixture.tree(output + "/acme")

        // What a process killed after the first rename leaves: the old output aside, a full staging folder.
        let fm = FileManager.default
        try fm.moveItem(atPath: output + "/acme", toPath: output + "/.previous-acme-\(pid)")
        try fm.createDirectory(atPath: output + "/.staging-acme-\(pid)/site", withIntermediateDirectories: true)
        if !nextBuildSucceeds {
            try (TenantIsolationTests.tenant("acme") + "colour: red\n")
                .write(toFile: fixture.root + "/snapshots/acme/tenant.yml", atomically: true, encoding: .utf8)
        }
        let (_, second) = try ProjectFixture.pipeline().build(request)
        let acme = try #require(second.first)
        #expect(acme.succeeded == nextBuildSucceeds)
        #expect(acme.notices.contains { $0.contains("restored the previous output from .previous-acme-\(pid)") }, "\(acme.notices)")
        #expect(acme.notices.contains { $0.contains("removed .staging-acme-\(pid)") }, "\(acme.notices)")
        #expect(ProjectFixture.tree(output + "/acme") == before)
        #expect(try fm.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".") } == [".herald-output"], "no leftovers")
    }

    @Test("temporary files a killed build left at the top of the output folder are removed; a running build's stay",
          arguments: ["index.html.tmp-", ".write-test-"])
    func staleTemporaries(prefix: String) throws {
        let fixture = try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ])
        defer { fixture.remove() }
        let output = fixture.root + "/out"
        let parent = getppid() // alive: the test runner's parent
        for pid in [Self.deadPID, Int(parent)] {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try "partial".write(toFile: output + "/\(prefix)\(pid)", atomically: false, encoding: .utf8)
        }
        try ".".write(toFile: output + "/.herald-output", atomically: false, encoding: .utf8)
        let (_, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect(results.allSatisfy { $0.succeeded })
        let left = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(prefix) }
        #expect(left == ["\(prefix)\(parent)"])
    }

    @Test("folders of a build that is still running are left alone")
    func liveBuildIsLeftAlone() throws {
        let root = NSTemporaryDirectory() + "herald-recover-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let live = getpid()
        try FileManager.default.createDirectory(atPath: root + "/.staging-acme-\(live)", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/.previous-acme-\(live)", withIntermediateDirectories: true)
        let done = try ArtifactWriter(fileSystem: LocalFileSystem()).recover(root + "/acme")
        #expect(done.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [".previous-acme-\(live)", ".staging-acme-\(live)"])
    }
}

/// Two builds into one output folder (an overlapping nightly run, a manual rebuild) and process ids reused by
/// containers (every run may be pid 1) must not swap folders under each other or block the repair of a killed build.
@Suite("One build at a time per tenant folder")
struct TenantLockTests {
    static func fixture() throws -> ProjectFixture {
        try ProjectFixture(files: [
            "herald.yml": TenantIsolationTests.project,
            "snapshots/acme/tenant.yml": TenantIsolationTests.tenant("acme"),
            "snapshots/acme/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
            "snapshots/bistro/tenant.yml": TenantIsolationTests.tenant("bistro"),
            "snapshots/bistro/2026-11-30/crawl/site/index.html": TenantIsolationTests.page,
        ])
    }

    @Test("a tenant another build is writing fails alone, its output untouched; the lock goes with the build")
    func busyTenantFailsAlone() throws {
        let fixture = try Self.fixture()
        defer { fixture.remove() }
        let request = BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now)
        let (output, first) = try ProjectFixture.pipeline().build(request)
        #expect(first.allSatisfy { $0.succeeded })
        let before = ProjectFixture.tree(output + "/acme")

        // The other build: it holds acme's lock, as a second herald process would.
        let other = try #require(try LocalFileSystem().tryLock(output + "/.lock-acme"))
        #expect(other.isExclusive)
        let (_, second) = try ProjectFixture.pipeline().build(request)
        let acme = try #require(second.first { $0.tenant == "acme" })
        #expect(acme.failure?.contains("another Herald build is writing this tenant's output") == true, "\(acme.failure ?? "built")")
        #expect(acme.leftToOtherBuild)
        // The index of all tenants shows acme as its last build left it, not as this run's failure.
        try BuiltinPlugins.writeTenantIndex(results: second, output: output, themes: ProjectFixture.themes,
                                            projectRoot: fixture.root, now: ProjectFixture.now)
        let index = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        #expect(!index.contains("another Herald build"), "the busy tenant is not listed as failed")
        #expect(second.first { $0.tenant == "bistro" }?.succeeded == true)
        #expect(ProjectFixture.tree(output + "/acme") == before)
        other.release()

        let (_, third) = try ProjectFixture.pipeline().build(request)
        #expect(third.allSatisfy { $0.succeeded })
        let hidden = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".") }
        #expect(hidden == [".herald-output"], "no lock files or probes left: \(hidden)")
    }
}

@Suite("An output folder that cannot be written fails the build once, before any tenant loads")
struct UnwritableOutputTests {
    @Test("an output path that is a file, or lies below one, is refused with the folder named",
          arguments: ["out-file", "out-file/below"])
    func outputIsAFile(out: String) throws {
        let fixture = try TenantLockTests.fixture()
        defer { fixture.remove() }
        try "not a folder".write(toFile: fixture.root + "/out-file", atomically: true, encoding: .utf8)
        let events = EventLog()
        let pipeline = ProjectFixture.pipeline(log: events.append)
        let request = BuildRequest(projectRoot: fixture.root, outputDirectory: out, now: ProjectFixture.now)
        do {
            _ = try pipeline.build(request)
            Issue.record("built into \(out)")
        } catch {
            #expect(describe(error).contains("the output folder \(fixture.root)/\(out) cannot be written"), "\(describe(error))")
        }
        #expect(events.count == 0, "no tenant started")
    }
}

/// Counts build events from concurrent tenants.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BuildEvent] = []
    func append(_ event: BuildEvent) { lock.withLock { events.append(event) } }
    var count: Int { lock.withLock { events.count } }
}
