import Foundation
import Testing
@testable import HeraldData

/// The shared corpus (read at ../shared, never copied into the repo).
@Suite struct CorpusTests {
    @Test(.enabled(if: sharedRoot != nil, "../shared is absent")) func touchpointSampleLoadsWithDuplicatesRemoved() throws {
        let shared = try #require(sharedRoot)
        let folder = shared + "/corpus/attribution/touchpoints_sample"
        let fs = LocalFileSystem()
        let touchpoints = TouchpointsLoader.load(try fs.read(folder + "/touchpoints.csv"), file: "touchpoints.csv")
        #expect(errors(touchpoints.diagnostics).isEmpty)
        #expect(touchpoints.value.count == 59_631 - 150)
        #expect(lines(touchpoints.diagnostics).count == 1)
        #expect(touchpoints.diagnostics.first?.severity == .info)
        #expect(touchpoints.diagnostics.first?.message.hasPrefix("removed 150 exact duplicate rows") == true)
        // Sorted by instant, not by text.
        #expect(zip(touchpoints.value, touchpoints.value.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(Set(touchpoints.value.map(\.channel)).count == 10)
        #expect(touchpoints.value.filter { $0.anonymousID == nil }.count == 638)
        #expect(touchpoints.value.contains { $0.campaign == "Frühling, 20 % Rabatt" })
        #expect(touchpoints.value.contains { $0.campaign == "creator_collab \"Trail Week\"" })

        let conversions = ConversionsLoader.load(try fs.read(folder + "/conversions.csv"), file: "conversions.csv")
        #expect(errors(conversions.diagnostics).isEmpty)
        #expect(conversions.value.count == 3_024)
        #expect(Dictionary(grouping: conversions.value, by: \.currency).mapValues(\.count) == ["EUR": 1_542, "GBP": 508, "USD": 974])

        let identities = IdentitiesLoader.load(try fs.read(folder + "/identities.csv"), file: "identities.csv")
        #expect(errors(identities.diagnostics).isEmpty)
        #expect(identities.value.count == 8_737)
    }

    @Test(.enabled(if: sharedRoot != nil, "../shared is absent")) func channelAttributionPathsLoad() throws {
        let shared = try #require(sharedRoot)
        let file = shared + "/corpus/attribution/channelattribution_paths.csv"
        let paths = PathsLoader.load(try LocalFileSystem().read(file), file: "paths.csv")
        #expect(paths.diagnostics.isEmpty)
        #expect(paths.value.count == 10_000)
        #expect(paths.value.reduce(0) { $0 + $1.conversions } == 19_785)
        #expect(paths.value.reduce(0) { $0 + $1.nulls } == 68_602)
        #expect(abs(paths.value.reduce(0) { $0 + $1.value } - 74_802.9716) < 0.001)
        #expect(paths.value.reduce(0) { $0 + $1.channels.count } == 59_454)
        #expect(Set(paths.value.flatMap(\.channels)).count == 12)
        #expect(paths.value[0].channels == ["eta", "iota", "alpha", "eta"])
    }

    @Test(.enabled(if: sharedRoot != nil, "../shared is absent")) func rustBlogTOMLFrontMatterParses() throws {
        let shared = try #require(sharedRoot)
        let root = shared + "/corpus/newsletter/rust-blog"
        let fs = LocalFileSystem()
        var files: [String] = []
        var stack = [""]
        while let rel = stack.popLast() {
            for name in try fs.list(rel.isEmpty ? root : root + "/" + rel) {
                let child = rel.isEmpty ? name : rel + "/" + name
                if fs.isDirectory(root + "/" + child) { stack.append(child) } else if name.hasSuffix(".md") && name != "README.md" { files.append(child) }
            }
        }
        #expect(files.count == 30)
        for file in files {
            let doc = try FrontMatter.parse(try fs.read(root + "/" + file), file: file, path: file)
            guard case let .map(pairs) = doc.frontMatter.value else { Issue.record("\(file): not a map"); continue }
            let keys = Set(pairs.map(\.key))
            #expect(keys.contains("title") && keys.contains("path") && keys.contains("authors"), "\(file)")
            #expect(!doc.body.isEmpty)
        }
    }
}
