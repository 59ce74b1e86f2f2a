import Foundation
import Generator
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
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no staging folders left behind: \(leftovers)")
    }
}
