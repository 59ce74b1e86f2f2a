import Testing
import Liquid

/// The JSON reader behind `herald liquid render --data` and the conformance runner.
@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("\"\\u00e9\"", "é"),
        ("\"\\ud83d\\ude00\"", "😀"),
        // A high surrogate followed by something other than a low surrogate is replaced, not a trap.
        ("\"\\ud800\\u0041\"", "\u{FFFD}"),
    ])
    func stringEscapes(json: String, expected: String) throws {
        guard case .string(let s) = try JSONReader.parse(json) else {
            Issue.record("not a string")
            return
        }
        #expect(s == expected)
    }

    @Test func objectsKeepKeyOrder() throws {
        guard case .object(let object) = try JSONReader.parse("{\"b\": 1, \"a\": [true, null, 2.5]}") else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["b", "a"])
    }

    /// Malformed JSON, and the line, column (in characters) and message of the failure.
    @Test(arguments: [
        ("{", 1, 2, "expected a quoted key in the JSON object, found the end of the data"),
        ("[1,", 1, 4, "expected a JSON value, found the end of the data"),
        ("\"abc", 1, 5, "expected the closing quote of the string, found the end of the data"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the key 'a', found '1'"),
        ("tru", 1, 1, "expected the literal true"),
        ("[1,\n  2,\n]", 3, 1, "expected a JSON value (object, array, string, number, true, false or null), found ']'"),
        ("[\"ééé\", 1-2]", 1, 9, "expected a number, found '1-2'"),
        ("\u{FEFF}[1, 2 3]", 1, 7, "expected ',' or ']' in the JSON array, found '3'"),
    ])
    func malformedIsLocated(json: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONReader.Failure(line: line, column: column, message: message)) { try JSONReader.parse(json) }
    }

    @Test func byteOrderMarkIsSkipped() throws {
        guard case .object(let object) = try JSONReader.parse("\u{FEFF} {\"a\": 1}") else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["a"])
    }
}
