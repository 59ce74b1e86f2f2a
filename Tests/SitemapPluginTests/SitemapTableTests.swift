import HeraldData
import Testing
@testable import SitemapPlugin

/// The plugin's column store must list exactly what `SitemapURLs.merged` gives for the same entries: sorted by loc,
/// one per loc, newest lastmod, images joined; also when a loc lies outside the table's prefix.
struct SitemapTableTests {
    static let older = Timestamp(millisecondsSinceEpoch: 1_000_000, offsetSeconds: 3600)
    static let newer = Timestamp(millisecondsSinceEpoch: 2_000_000, offsetSeconds: -7200)

    static let cases: [[SitemapEntry]] = [
        [SitemapEntry(loc: "https://a.example/a"), SitemapEntry(loc: "https://a.example/b", lastModified: older)],
        [SitemapEntry(loc: "https://a.example/b"), SitemapEntry(loc: "https://a.example/a", lastModified: older),
         SitemapEntry(loc: "https://a.example/a", lastModified: newer, images: ["https://a.example/i.png"])],
        [SitemapEntry(loc: "https://a.example/z", images: ["https://a.example/1.png"]),
         SitemapEntry(loc: "https://other.example/x"),
         SitemapEntry(loc: "https://a.example/z", lastModified: older, images: ["https://a.example/2.png", "https://a.example/1.png"]),
         SitemapEntry(loc: "https://a.example/")],
    ]

    @Test(arguments: cases) func mergesLikeTheEntryMerge(entries: [SitemapEntry]) {
        var table = SitemapTable(prefix: "https://a.example/")
        for entry in entries { table.append(entry) }
        let moved = table.merge()
        let expected = SitemapURLs.merged(entries)
        #expect((0..<table.count).map { table.entry($0) } == expected)
        for (old, entry) in entries.enumerated() {
            #expect(table.index(of: entry.loc) == moved.map { Int($0[old]) } ?? old)
        }
    }
}
