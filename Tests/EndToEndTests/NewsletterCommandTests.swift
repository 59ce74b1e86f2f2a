import Foundation
import Testing

/// `herald inline-css` and `herald html2text`, run as the built executable (`swift build` puts it in .build/debug).
@Suite struct NewsletterCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let binary = root + "/.build/debug/herald"
    static var built: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func temporary(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cli-\(getpid())-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: built, "herald is not built (.build/debug/herald)"))
    func inlineCSSPrintsTheInlinedDocument() throws {
        let html = try temporary("a.html", "<style>p { color: red }</style><p class=\"x\">Hi {{ name }}</p>")
        let css = try temporary("a.css", ".x { margin: 0 }")
        defer { try? FileManager.default.removeItem(atPath: html); try? FileManager.default.removeItem(atPath: css) }
        let plain = try run(["inline-css", html])
        #expect(plain.status == 0)
        #expect(plain.out == "<p class=\"x\" style=\"color: red\">Hi {{ name }}</p>")
        let extra = try run(["inline-css", html, "--css", css])
        #expect(extra.out == "<p class=\"x\" style=\"color: red; margin: 0\">Hi {{ name }}</p>")
    }

    @Test(.enabled(if: built, "herald is not built (.build/debug/herald)"))
    func html2textPrintsThePlainText() throws {
        let html = try temporary("b.html", "<head><title>T</title></head><h1>News</h1><p>Read <a href=\"https://x.example/a\">more</a></p>")
        defer { try? FileManager.default.removeItem(atPath: html) }
        let result = try run(["html2text", html])
        #expect(result.status == 0)
        #expect(result.out.contains("News\n"))
        #expect(result.out.contains("Read more (https://x.example/a)\n"))
        #expect(!result.out.contains("T\n"))
    }

    @Test(.enabled(if: built, "herald is not built (.build/debug/herald)"), arguments: ["inline-css", "html2text"])
    func helpAndUsageErrors(_ command: String) throws {
        let help = try run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.out.hasPrefix("Usage: herald \(command) FILE.html"))
        let missing = try run([command])
        #expect(missing.status == 2)
        #expect(missing.err.contains("missing FILE.html"))
        let unreadable = try run([command, "/nonexistent/herald.html"])
        #expect(unreadable.status == 1)
        let unknown = try run([command, "--bogus", "x.html"])
        #expect(unknown.status == 2)
    }
}
