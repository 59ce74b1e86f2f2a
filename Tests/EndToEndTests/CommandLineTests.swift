import Foundation
import Testing

/// The command line's contract: exit status 2 for a wrong invocation, the same answer from `check` and `build`.
@Suite("herald's command line", .enabled(if: HeraldExecutable.built, "herald is not built (.build/debug/herald)"))
struct CommandLineTests {
    @Test("outside a project, check and build both say there is no herald.yml and exit 2", arguments: ["check", "build"])
    func noProject(command: String) throws {
        let folder = NSTemporaryDirectory() + "herald-noproject-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try HeraldExecutable.run([command, "--project", folder])
        #expect(result.status == 2)
        #expect(result.err.contains("no herald.yml in the project folder"), "\(result.err)")
    }

    @Test("robots check judges a full user-agent string by its product token")
    func robotsAgentToken() throws {
        let robots = NSTemporaryDirectory() + "herald-robots-" + UUID().uuidString + ".txt"
        try "User-agent: *\nAllow: /\n\nUser-agent: Googlebot\nDisallow: /private/\n".write(toFile: robots, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: robots) }
        let result = try HeraldExecutable.run(["robots", "check", robots, "--agent", "Googlebot/2.1", "/private/x", "/public"])
        #expect(result.out.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) } == ["disallowed", "allowed"])
    }

    @Test("sitemap check --url must be an absolute http(s) URL with a host: otherwise a usage error, exit 2",
          arguments: ["ftp://acme.example/sitemap.xml", "not a url", "", "/sitemap.xml", "https:///sitemap.xml"])
    func sitemapCheckURLIsValidated(url: String) throws {
        let file = NSTemporaryDirectory() + "herald-sitemap-" + UUID().uuidString + ".xml"
        try "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://acme.example/</loc></url></urlset>"
            .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try HeraldExecutable.run(["sitemap", "check", file, "--url", url])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("herald sitemap: --url must be an absolute http(s) URL with a host, found '\(url)'"), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(try HeraldExecutable.run(["sitemap", "check", file, "--url", "https://acme.example/sitemap.xml"]).status == 0)
    }

    @Test("sitemap check names a missing file and a folder, with a summary line for each, and exits 1")
    func sitemapCheckUnreadableFiles() throws {
        let folder = NSTemporaryDirectory() + "herald-sitemap-dir-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = folder + "/nope.xml"
        let result = try HeraldExecutable.run(["sitemap", "check", missing, folder])
        #expect(result.status == 1)
        #expect(result.out == "\(missing): error: cannot read the file: \(missing): does not exist\n"
            + "\(folder): error: cannot read the file: \(folder): is a directory, not a file\n")
        #expect(result.err == "\(missing): unreadable, 0 URLs, 1 problem\n\(folder): unreadable, 0 URLs, 1 problem\n")
    }
}
