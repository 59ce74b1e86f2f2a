import Testing
@testable import Markup

/// Word counts over byte runs: a run of known length and a NUL-terminated one count alike, and a text cut into two
/// runs (an inline element's boundary) counts as the whole.
struct WordCounterTests {
    static func count(_ text: String) -> Int {
        var counter = WordCounter()
        Array(text.utf8).withUnsafeBufferPointer { counter.add($0) }
        return counter.count
    }

    @Test("words are runs between white space; NBSP and ideographic space separate; CJK characters count one each", arguments: [
        ("", 0), ("one", 1), ("one two  three", 3), ("  padded on both sides  ", 4),
        ("line one\nline two\tand\ta tab", 7), ("crlf\r\nline", 2), ("form\u{0C}feed", 2),
        ("long run of words over eight bytes in ASCII only, punctuation too!", 12),
        ("non\u{A0}breaking", 2), ("日本語のテキスト", 8), ("中文\u{3000}文字", 4), ("mixed 日本 and ascii", 5),
        ("caf\u{E9} cr\u{E8}me br\u{FB}l\u{E9}e", 3), ("tab\there", 2), ("a\u{01}b", 1), ("x\u{7F}y z", 2),
    ])
    func counts(text: String, expected: Int) {
        #expect(Self.count(text) == expected)
    }

    /// The count through the NUL-terminated entry point (libxml2's text nodes in the tree walk).
    static func scalarCount(_ bytes: [UInt8]) -> Int {
        var counter = WordCounter()
        (bytes + [0]).withUnsafeBufferPointer { counter.add(nulTerminated: $0.baseAddress!) }
        return counter.count
    }

    @Test("a run counts alike with a length or NUL-terminated, whole or cut between characters", arguments: 0..<200)
    func agreesWithBytes(seed: Int) {
        // Bytes drawn mostly from ASCII words and separators, with controls, NBSP, CJK and other UTF-8 mixed in.
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> UInt64 { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state }
        let pieces: [[UInt8]] = [Array("word".utf8), Array("ab".utf8), [0x20], [0x20, 0x20], [0x0A], [0x09], [0x0D], [0x0C],
                                 [0x01], [0x7F], Array("\u{A0}".utf8), Array("語".utf8), Array("\u{3000}".utf8), Array("é".utf8),
                                 Array("x".utf8), Array("—".utf8), Array("Zz9".utf8)]
        var bytes: [UInt8] = []
        for _ in 0..<Int(next() % 120) { bytes += pieces[Int(next() % UInt64(pieces.count))] }
        let expected = Self.scalarCount(bytes)
        var whole = WordCounter()
        bytes.withUnsafeBufferPointer { whole.add($0) }
        #expect(whole.count == expected)
        // Cut between two pieces of text (an inline element's boundary does not split a word).
        let cut = bytes.isEmpty ? 0 : Int(next() % UInt64(bytes.count + 1))
        var pieceWise = WordCounter()
        bytes.withUnsafeBufferPointer { all in
            pieceWise.add(UnsafeBufferPointer(rebasing: all[..<cut]))
            pieceWise.add(UnsafeBufferPointer(rebasing: all[cut...]))
        }
        // A cut inside a multi-byte character may count differently; cuts at character boundaries must not.
        if cut == bytes.count || cut == 0 || bytes[cut] & 0xC0 != 0x80 {
            #expect(pieceWise.count == expected)
        }
    }
}
