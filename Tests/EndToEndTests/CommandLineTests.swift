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
}
