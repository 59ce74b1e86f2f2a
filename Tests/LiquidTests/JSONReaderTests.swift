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

    @Test(arguments: ["{", "[1,", "\"abc", "{\"a\" 1}", "tru"]) func malformedIsAnError(json: String) {
        #expect(throws: (any Error).self) { try JSONReader.parse(json) }
    }
}
