import Foundation
import Testing

/// `herald inline-css` and `herald html2text`, run as the built executable (`swift build` puts it in .build/debug).
@Suite struct NewsletterCommandTests {
    static var built: Bool { HeraldExecutable.built }
    static let binary = HeraldExecutable.path

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try HeraldExecutable.run(arguments, environment: environment)
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

    /// A throwaway key for the tests.
    static let key = "test-secret-key-of-32-characters"

    func token(_ tenant: String, _ issue: String, _ subscriber: String) throws -> String {
        // Computed with Python's hmac module, independently of Herald's code.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import hmac,hashlib,base64,sys; print(base64.urlsafe_b64encode(hmac.new(sys.argv[1].encode(), sys.argv[2].encode(), hashlib.sha256).digest()[:16]).decode().rstrip('='))",
                             Self.key, "\(tenant)|\(issue)|\(subscriber)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: built && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "herald is not built or python3 is absent"))
    func unsubscribeVerify() throws {
        let t = try token("acme", "2026-11-15-november", "s 1")
        let url = "https://acme.example/unsubscribe?t=\(t)&i=2026-11-15-november&s=s%201"
        let ok = try run(["unsubscribe", "verify", url, "--tenant", "acme"], environment: ["HERALD_UNSUBSCRIBE_KEY": Self.key])
        #expect(ok.status == 0)
        #expect(ok.out == "valid  tenant acme  issue 2026-11-15-november  subscriber s 1\n")
        #expect(!ok.out.contains(Self.key) && !ok.err.contains(Self.key))
        let bare = try run(["unsubscribe", "verify", t, "--tenant", "acme", "--issue", "2026-11-15-november", "--subscriber", "s 1"],
                           environment: ["HERALD_UNSUBSCRIBE_KEY": Self.key])
        #expect(bare.status == 0)
        let otherTenant = try run(["unsubscribe", "verify", url, "--tenant", "other"], environment: ["HERALD_UNSUBSCRIBE_KEY": Self.key])
        #expect(otherTenant.status == 1 && otherTenant.out.hasPrefix("invalid"))
        let keyFile = try temporary("key", Self.key + "\n")
        defer { try? FileManager.default.removeItem(atPath: keyFile) }
        let fromFile = try run(["unsubscribe", "verify", url, "--tenant", "acme"], environment: ["HERALD_UNSUBSCRIBE_KEY_FILE": keyFile])
        #expect(fromFile.status == 0)
        let wrongKey = try run(["unsubscribe", "verify", url, "--tenant", "acme"], environment: ["HERALD_UNSUBSCRIBE_KEY": "another-secret-key-of-32-chars"])
        #expect(wrongKey.status == 1 && wrongKey.out.hasPrefix("invalid"))
        // A key too short to be a secret is refused, naming the variable and the minimum, never printing the key.
        let shortKey = try run(["unsubscribe", "verify", url, "--tenant", "acme"], environment: ["HERALD_UNSUBSCRIBE_KEY": "zz"])
        #expect(shortKey.status == 1 && shortKey.err.contains("HERALD_UNSUBSCRIBE_KEY is 2 bytes long") && shortKey.err.contains("at least 16"))
        let noKey = try run(["unsubscribe", "verify", url, "--tenant", "acme"])
        #expect(noKey.status == 1 && noKey.err.contains("HERALD_UNSUBSCRIBE_KEY"))
        #expect(try run(["unsubscribe", "verify", t, "--tenant", "acme"]).status == 2)
        #expect(try run(["unsubscribe", "verify", url]).status == 2)
        #expect(try run(["unsubscribe", "--help"]).out.hasPrefix("Usage: herald unsubscribe verify URL --tenant ID"))
    }
}
