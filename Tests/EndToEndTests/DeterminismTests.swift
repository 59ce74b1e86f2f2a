import Foundation
import Generator
import Testing

@Suite("Builds are deterministic")
struct DeterminismTests {
    @Test("building the example project twice with the same --now gives byte-identical trees")
    func exampleProjectBuildsIdentically() throws {
        let pipeline = ProjectFixture.pipeline()
        let scratch = NSTemporaryDirectory() + "herald-det-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var trees: [[String: Data]] = []
        for run in 0..<2 {
            let request = BuildRequest(projectRoot: ProjectFixture.repository, outputDirectory: scratch + "/\(run)",
                                       now: ProjectFixture.now, jobs: run + 1)
            let (output, results) = try pipeline.build(request)
            for result in results { #expect(result.failure == nil, "\(result.tenant): \(result.failure ?? "")") }
            trees.append(ProjectFixture.tree(output))
        }
        #expect(trees[0].count > 50, "the example project should produce many files, got \(trees[0].count)")
        #expect(trees[0].keys.sorted() == trees[1].keys.sorted())
        for (path, bytes) in trees[0] where trees[1][path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
    }
}
