import Testing
@testable import HeraldData

/// Control characters and non-UTF-8 encodings are refused where text enters Herald, with the file, line and
/// column: no HTML page, XML feed or e-mail can carry them, and a NUL cuts a C string (a path) short.
@Suite("Control characters and UTF-16 files are errors at the field")
struct ControlCharacterTests {
    static let controls: [(name: String, scalar: Unicode.Scalar)] = [
        ("NUL", "\u{0}"), ("BEL", "\u{7}"), ("BS", "\u{8}"), ("VT", "\u{B}"), ("FF", "\u{C}"), ("ESC", "\u{1B}"), ("DEL", "\u{7F}"),
    ]

    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    @Test("a control character in a CSV field, quoted or not, is an error at the field", arguments: controls, [false, true])
    func csvField(control: (name: String, scalar: Unicode.Scalar), quoted: Bool) {
        let value = "Bo" + String(control.scalar) + "b"
        let field = quoted ? "\"" + value + "\"" : value
        var c = DiagnosticCollector(file: "t.csv")
        let table = CSVReader.read(bytes("id,name\n1,ok\n2," + field + "\n"), file: "t.csv", collector: &c)
        let diagnostics = lines(c.finish())
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("t.csv:3:3: error: control character \(Self.code(control.scalar))") == true, "\(diagnostics)")
        #expect(table.records.map { $0.fields } == [["1", "ok"]], "the row is left out")
    }

    @Test("tabs and line breaks inside quotes stay text", arguments: ["a\tb", "two\nlines", "two\r\nlines"])
    func csvWhitespaceIsText(value: String) {
        var c = DiagnosticCollector(file: "t.csv")
        let table = CSVReader.read(bytes("a\n\"" + value + "\"\n"), file: "t.csv", collector: &c)
        #expect(c.finish().isEmpty)
        #expect(table.records.map { $0.fields } == [[value]])
    }

    static let utf16: [(String, [UInt8])] = [
        ("UTF-16", [0xFF, 0xFE] + Array("a,b\n1,2\n".utf8).flatMap { [$0, 0] }),
        ("UTF-16", [0xFE, 0xFF] + Array("a,b\n1,2\n".utf8).flatMap { [0, $0] }),
        ("UTF-32", [0xFF, 0xFE, 0, 0] + Array("a,b\n".utf8).flatMap { [$0, 0, 0, 0] }),
    ]

    @Test("a UTF-16 or UTF-32 CSV file is one error naming the encoding", arguments: utf16)
    func csvUTF16(encoding: String, file: [UInt8]) {
        let loaded = RatesLoader.load(file, file: "rates.csv", reportingCurrency: "EUR")
        #expect(lines(loaded.diagnostics)
                == ["rates.csv:1:1: error: the file is \(encoding) (it starts with a \(encoding) byte order mark); save it as UTF-8"])
    }

    @Test("a UTF-16 NDJSON file is one error naming the encoding", arguments: utf16)
    func ndjsonUTF16(encoding: String, file: [UInt8]) {
        let loaded = ReviewsLoader.load(file, file: "reviews.ndjson")
        #expect(lines(loaded.diagnostics)
                == ["reviews.ndjson:1:1: error: the file is \(encoding) (it starts with a \(encoding) byte order mark); save it as UTF-8"])
    }

    static let base = #""id":"r1","source":"g","rating":2,"text":"t","created_at":"2026-01-01T00:00:00Z""#

    @Test("a JSON escape that decodes to a control character is an error at the escape",
          arguments: [#"\u0000"#, #"\u001b"#, #"\u007F"#, #"\b"#, #"\f"#])
    func jsonEscape(escape: String) {
        let line = #"{\#(Self.base),"author":"A"# + escape + #"B"}"#
        let column = line.utf8.count - escape.utf8.count - 2 // the backslash
        let loaded = ReviewsLoader.load(bytes(line + "\n"), file: "reviews.ndjson")
        #expect(loaded.value.isEmpty)
        let message = lines(loaded.diagnostics).first ?? ""
        #expect(message.hasPrefix("reviews.ndjson:1:\(column): error: control character U+00"), "\(message)")
    }

    @Test("line breaks and tabs in JSON strings stay text", arguments: [#"\n"#, #"\t"#, #"\r\n"#])
    func jsonWhitespace(escape: String) throws {
        let loaded = ReviewsLoader.load(bytes(#"{\#(Self.base),"author":"A"# + escape + #"B"}"# + "\n"), file: "reviews.ndjson")
        #expect(loaded.diagnostics.isEmpty)
        #expect(try loaded.get().count == 1)
    }

    @Test("a YAML escape that decodes to a control character is an error at the value", arguments: [#"\0"#, #"\e"#, #"\a"#, #"\x7f"#])
    func yamlEscape(escape: String) {
        let messages = thrown { _ = try YAMLReader.parse("title: \"A" + escape + "\"\n", file: "t.yml") }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("t.yml:1:8 (title): error: control character U+00") == true, "\(messages)")
    }

    @Test("a TOML escape that decodes to a control character is an error", arguments: [#"\u0000"#, #"\U0000001B"#, #"\e"#, #"\b"#, #"\f"#])
    func tomlEscape(escape: String) {
        let messages = thrown { _ = try TOMLReader.parse("title = \"A" + escape + "\"", file: "t.toml") }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("error: control character U+00") == true, "\(messages)")
    }
}
