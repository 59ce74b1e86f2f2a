import Foundation
import Testing

/// `herald liquid render`: bad paths and bad data files are reported by name and location, with exit
/// status 1 for unreadable input and 2 for a wrong invocation.
@Suite("herald liquid render", .enabled(if: HeraldExecutable.built, "herald is not built (.build/debug/herald)"))
struct LiquidCommandTests {
    /// A scratch folder holding `files` (name → contents), removed after `body`.
    func withFolder(_ files: [String: String], _ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "herald-liquid-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/dir", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        try body(folder)
    }

    @Test("a directory as TEMPLATE or --data is an error naming it", arguments: [
        ["dir"], ["t.liquid", "--data", "dir"],
    ])
    func directoryIsNotAFile(arguments: [String]) throws {
        try withFolder(["t.liquid": "Hello"]) { folder in
            let result = try HeraldExecutable.run(["liquid", "render"] + arguments, in: folder)
            #expect(result.status == 1)
            #expect(result.err.contains("dir: it is a directory"), "\(result.err)")
            #expect(result.out.isEmpty)
        }
    }

    @Test("a missing or non-directory --partials is a usage error", arguments: [
        ("nope_dir", "--partials nope_dir does not exist"), ("t.liquid", "--partials t.liquid is not a directory"),
    ])
    func partialsMustBeADirectory(partials: String, message: String) throws {
        try withFolder(["t.liquid": "{% include 'sub' %}"]) { folder in
            let result = try HeraldExecutable.run(["liquid", "render", "t.liquid", "--partials", partials], in: folder)
            #expect(result.status == 2)
            #expect(result.err.contains(message), "\(result.err)")
        }
    }

    /// A data file and the `FILE:LINE:COLUMN: message` it must be reported with.
    @Test("malformed --data is reported as FILE:LINE:COLUMN: what was expected", arguments: [
        ("{\"name\": \"Ada\",\n \"x\": [1,2,\n }", "d.json:3:2: expected a JSON value (object, array, string, number, true, false or null), found '}'"),
        ("{\"a\": 1,\n}", "d.json:2:1: expected a quoted key in the JSON object, found '}'"),
        ("{\"é\": \"ü\" x}", "d.json:1:11: expected ',' or '}' in the JSON object, found 'x'"),
        ("{\"a\" 1}", "d.json:1:6: expected ':' after the key 'a', found '1'"),
        ("{\"a\": \"open", "d.json:1:12: expected the closing quote of the string, found the end of the data"),
        ("{} []", "d.json:1:4: expected the end of the data after the JSON value, found '['"),
        ("[1]", "d.json:1:1: expected a JSON object holding the render variables"),
        ("", "d.json:1:1: expected a JSON value, found the end of the data"),
    ])
    func malformedData(json: String, message: String) throws {
        try withFolder(["t.liquid": "{{ name }}", "d.json": json]) { folder in
            let result = try HeraldExecutable.run(["liquid", "render", "t.liquid", "--data", "d.json"], in: folder)
            #expect(result.status == 1)
            #expect(result.err == "herald liquid: \(message)\n")
        }
    }

    @Test("data files may start with a UTF-8 byte order mark; huge numbers render as Ruby's floats", arguments: [
        ("\u{FEFF}{\"name\": \"bom\"}", "{{ name }}", "bom"),
        ("{\"n\": 1e999999}", "{{ n | plus: 1 }}|{{ n | times: 2 }}", "Infinity|Infinity"),
        ("{\"n\": 1e200}", "{{ n | plus: 1 }}|{{ n | times: 1 }}|{{ n | minus: 0 }}", "1.0e+200|1.0e+200|1.0e+200"),
    ])
    func dataRenders(json: String, template: String, expected: String) throws {
        try withFolder(["t.liquid": template, "d.json": json]) { folder in
            let result = try HeraldExecutable.run(["liquid", "render", "t.liquid", "--data", "d.json"], in: folder)
            #expect(result.status == 0, "\(result.err)")
            #expect(result.out == expected)
        }
    }
}
