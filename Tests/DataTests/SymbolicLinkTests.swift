import Foundation
import Testing
@testable import HeraldData

/// Trees Herald walks (a crawl's `site/`, a tenant's content) never lead outside themselves through symbolic links:
/// a link to a folder is not followed (`loop → .` repeated the crawl forty times over, `etc → /etc` audited the
/// system's files), and a linked file counts only when it resolves inside the tree.
@Suite("Symbolic links never lead a loader outside its folder")
struct SymbolicLinkTests {
    /// A scratch folder holding `outside.html` and `tree/` with `page.html`, plus the given links inside `tree/`.
    static func tree(links: [(name: String, target: String)]) throws -> String {
        let root = NSTemporaryDirectory() + "herald-links-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/tree/sub", withIntermediateDirectories: true)
        try "<title>Outside</title>".write(toFile: root + "/outside.html", atomically: true, encoding: .utf8)
        try "<title>Page</title>".write(toFile: root + "/tree/page.html", atomically: true, encoding: .utf8)
        try "<title>Sub</title>".write(toFile: root + "/tree/sub/index.html", atomically: true, encoding: .utf8)
        for link in links {
            let target = link.target.replacingOccurrences(of: "$ROOT", with: root)
            try fm.createSymbolicLink(atPath: root + "/tree/" + link.name, withDestinationPath: target)
        }
        return root
    }

    static let cases: [(link: String, target: String, read: Bool, warning: String?)] = [
        ("loop", ".", false, "symbolic link to a folder, not followed"),
        ("up", "..", false, "symbolic link to a folder, not followed"),
        ("disk", "/", false, "symbolic link to a folder, not followed"),
        ("leak.html", "$ROOT/outside.html", false, "symbolic link to a file outside crawl/site, skipped"),
        ("climb.html", "../outside.html", false, "symbolic link to a file outside crawl/site, skipped"),
        ("alias.html", "page.html", true, nil),
        ("deep.html", "sub/index.html", true, nil),
    ]

    @Test("crawl/site: folder links are not followed, files linked from outside are skipped", arguments: cases)
    func crawlSite(link: String, target: String, read: Bool, warning: String?) throws {
        let root = try Self.tree(links: [(link, target)])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = CrawlLoader.loadSite(LocalFileSystem(), folder: root + "/tree", displayFolder: "crawl/site", baseURL: "https://a.example/")
        let urls = loaded.value.pages.map(\.url)
        let expected = ["https://a.example/page.html", "https://a.example/sub/"] + (read ? ["https://a.example/" + link] : [])
        #expect(urls == expected.sorted())
        #expect(lines(loaded.diagnostics) == (warning.map { ["crawl/site/\(link): warning: \($0)"] } ?? []))
    }

    @Test("content: the same rules for markdown files", arguments: [("loop", ".", false), ("leak.md", "../../outside.md", false),
                                                                    ("alias.md", "page.md", true)])
    func content(link: String, target: String, read: Bool) throws {
        let root = NSTemporaryDirectory() + "herald-links-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/content/acme/pages", withIntermediateDirectories: true)
        try "# Outside\n".write(toFile: root + "/content/outside.md", atomically: true, encoding: .utf8)
        try "# Page\n".write(toFile: root + "/content/acme/pages/page.md", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: root + "/content/acme/pages/" + link, withDestinationPath: target)
        let loaded = ProjectLoader(root: root).loadContent("acme")
        #expect(loaded.value.map(\.path) == (read ? ["pages/\(link)", "pages/page.md"] : ["pages/page.md"]))
        #expect(loaded.diagnostics.count == (read ? 0 : 1))
        #expect(loaded.diagnostics.allSatisfy { $0.severity == .warning && $0.location.file == "content/acme/pages/" + link })
    }

    @Test("a manifest body reached through a linked folder outside the crawl is an error at the body")
    func manifestBody() throws {
        let root = try Self.tree(links: [("bodies", "/etc")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let line = #"{"url":"https://a.example/","status":200,"body":"bodies/hostname"}"#
        try (line + "\n").write(toFile: root + "/tree/manifest.ndjson", atomically: true, encoding: .utf8)
        let loaded = CrawlLoader.loadManifest(LocalFileSystem(), folder: root + "/tree", displayFolder: "crawl")
        #expect(loaded.value.pages.isEmpty)
        #expect(lines(loaded.diagnostics) == [
            "crawl/manifest.ndjson:1:49: error: 'body': the path 'bodies/hostname' leads outside the crawl folder through a symbolic link",
        ])
    }

    @Test("resolves(_:inside:) follows every link on the way, and a linked folder itself still counts as the folder",
          arguments: [
            ("tree/page.html", "tree", true),
            ("tree/sub/index.html", "tree", true),
            ("tree/missing.html", "tree", false),
            ("tree/in/index.html", "tree", true),        // in → sub
            ("tree/out/hostname", "tree", false),        // out → /etc
            ("tree/leak.html", "tree", false),           // leak.html → ../outside.html
            ("tree/alias.html", "tree", true),           // alias.html → page.html
            ("tree/../outside.html", "tree", false),
            ("tree/./page.html", "tree", true),
            ("linked/page.html", "linked", true),        // linked → tree: inside what the folder resolves to
            ("outside.html", "tree", false),
          ])
    func resolvesInside(path: String, folder: String, inside: Bool) throws {
        let root = try Self.tree(links: [("in", "sub"), ("out", "/etc"), ("leak.html", "../outside.html"), ("alias.html", "page.html")])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/tree")
        #expect(LocalFileSystem().resolves(root + "/" + path, inside: root + "/" + folder) == inside)
    }
}
