import Testing
import Markup

@Suite("Whitespace collapsing agrees with Character.isWhitespace")
struct WhitespaceTests {
    @Test(arguments: [
        ("", ""),
        ("   ", ""),
        ("a", "a"),
        ("  a  b  ", "a b"),
        ("a\t\n\r\u{0B}\u{0C}b", "a b"),
        ("a\r\nb", "a b"),
        ("no\u{00A0}break", "no break"),
        ("ideographic\u{3000}space", "ideographic space"),
        ("line\u{2028}para\u{2029}end", "line para end"),
        ("thin\u{2009}\u{202F}\u{205F}x", "thin x"),
        ("ogham\u{1680}nel\u{0085}x", "ogham nel x"),
        ("zero\u{200B}width", "zero\u{200B}width"),  // U+200B is not White_Space
        ("é 日本 🎉", "é 日本 🎉"),
    ])
    func collapses(input: String, expected: String) {
        #expect(input.collapsingWhitespace == expected)
    }

    /// Every scalar the byte-level table treats as white space is one that `Character.isWhitespace` does, and the
    /// other way round, across the BMP.
    @Test func matchesTheStandardLibrary() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let reference = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if text.collapsingWhitespace != reference { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "scalars that differ: \(disagreements.map { String($0, radix: 16) })")
    }
}
