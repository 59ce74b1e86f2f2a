import Testing
@testable import SEOPlugin

/// The main-text word sequence, hashed while it is scanned: shingles in text order, the set the similarity uses, and
/// the region rules (words before a main region do not count).
struct MainTextTests {
    /// What `MainText` computes, from the words themselves: each word's FNV-1a (lower-cased), the content hash over
    /// the word hashes (each one unit), and each 3-word shingle as (a·k₁ + b)·k₂ + c over its word hashes a, b, c
    /// (mod 2⁶⁴).
    static func expected(_ words: [String]) -> (content: UInt64, shingles: [UInt64]) {
        let hashes = words.map { FNV1a.hash($0.lowercased()) }
        var content = FNV1a()
        for hash in hashes { content.add(unit: hash) }
        var shingles: [UInt64] = []
        if hashes.count >= 3 {
            for start in 0...(hashes.count - 3) {
                let (a, b, c) = (hashes[start], hashes[start + 1], hashes[start + 2])
                shingles.append((a &* 0x9E37_79B9_7F4A_7C15 &+ b) &* 0xC2B2_AE3D_27D4_EB4F &+ c)
            }
        }
        return (content.value, shingles)
    }

    /// `count` distinct words, "w0 w1 w2…".
    static func numbered(_ count: Int) -> String { (0..<count).map { "w\($0)" }.joined(separator: " ") }

    @Test("shingles in text order, repeats kept; the set is sorted with each value once", arguments: [
        ("<body><p>a b c a b c</p></body>", "a b c a b c"),
        ("<body><nav>menu</nav><p>One two</p><p>THREE four</p></body>", "one two three four"),
        ("<p>before the main</p><main>x y z</main><p>after</p><main>w v</main>", "x y z w v"),
        ("<div role=\"main\">q r s</div><p>outside</p><div role=main>t u</div>", "q r s t u"),
        ("<body>caf\u{E9} &amp; cr\u{E8}me<script>var a = 1</script> tart</body>", "caf\u{E9} cr\u{E8}me tart"),
        ("<body>two words</body>", "two words"),
        // Longer than a batch of words (they are hashed 256 at a time), and a main region opening after a full batch.
        ("<body><p>" + Self.numbered(600) + "</p></body>", Self.numbered(600)),
        ("<body><p>" + Self.numbered(300) + "</p><main>" + Self.numbered(5) + "</main>", Self.numbered(5)),
        // The densest text, one-byte words one byte apart, with no markup: as many shingles as the page has room for.
        ("x" + String(repeating: " x", count: 300), "x" + String(repeating: " x", count: 300)),
    ])
    func wordsAndShingles(html: String, text: String) {
        let words = text.split(separator: " ").map(String.init)
        let main = MainText(html: Array(html.utf8))
        let expected = Self.expected(words)
        #expect(main.wordCount == words.count)
        #expect(main.contentHash == expected.content)
        #expect(main.shingles == expected.shingles)
        #expect(main.shingleSet == Array(Set(expected.shingles)).sorted())
    }

    @Test("quoted attribute values may hold \">\" and the other quote; an unterminated quote runs to the end", arguments: [
        ("<body><p title=\"a > b\" class='c \"d\" >'>one two</p></body>", "one two"),
        ("<body><a href=x>one</a> <img alt=\"'\"/> two</body>", "one two"),
        ("<body><p>one two</p><p title=\"three > four", "one two"),
    ])
    func quotedAttributes(html: String, text: String) {
        let main = MainText(html: Array(html.utf8))
        #expect(main.wordCount == text.split(separator: " ").count)
        #expect(main.contentHash == Self.expected(text.split(separator: " ").map(String.init)).content)
    }

    @Test("role=main: the attribute name whole, spaces around \"=\", the value quoted or not, any case", arguments: [
        ("<div role = \"main\">in</div>", true), ("<div ROLE='Main'>in</div>", true), ("<div id=x role=main>in</div>", true),
        ("<div class=\"a\" role=\"main\" >in</div>", true),
        ("<div xrole=\"main\">in</div>", false), ("<div role=\"mainly\">in</div>", false), ("<div role=\"navigation\">in</div>", false),
        ("<div role>in</div>", false), ("<div role=>in</div>", false),
    ])
    func mainRole(tag: String, isMain: Bool) {
        // Words before a main region do not count once one opens.
        let main = MainText(html: Array(("<body><p>before</p>" + tag + "</body>").utf8))
        #expect(main.wordCount == (isMain ? 1 : 2))
    }

    @Test("role=main is found exactly where the rule reads it, in any attribute text")
    func mainRoleAnywhere() {
        // The rule, read byte by byte: "role" at the range's start or after a byte that is not a letter or digit,
        // spaces, "=", spaces, an optional quote, then "main" at the range's end or before such a byte.
        func isName(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) }
        func matches(_ bytes: [UInt8], _ i: Int, _ word: String) -> Bool {
            i + 4 <= bytes.count && zip(bytes[i..<(i + 4)], word.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        func reading(_ bytes: [UInt8], from low: Int) -> Bool {
            for i in low..<bytes.count where matches(bytes, i, "role") && (i == low || !isName(bytes[i - 1])) {
                var j = i + 4
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3D else { continue }
                j += 1
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j < bytes.count, bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
                if matches(bytes, j, "main"), j + 4 == bytes.count || !isName(bytes[j + 4]) { return true }
            }
            return false
        }
        let pieces = ["role", "ROLE", "Role", "role=", "main", "MAIN", "mainx", "=main", "\"main", "xrole", "=", " ", " = ", "\"",
                      "'", "-", "a", "r", "m"]
        var state: UInt64 = 7
        var found = 0
        for _ in 0..<3000 {
            var text = "div"
            for _ in 0..<6 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            let bytes = Array(text.utf8)
            let expected = reading(bytes, from: 3)
            found += expected ? 1 : 0
            let actual = bytes.withUnsafeBufferPointer { MainText.Scanner.hasMainRole($0, 3..<bytes.count) }
            #expect(actual == expected, "\(text)")
        }
        #expect(found > 20)
    }

    @Test("repeated shingles count once in the similarity")
    func repeatsCountOnce() {
        let twice = MainText(html: Array("<main>a b c a b c</main>".utf8))
        let once = MainText(html: Array("<main>a b c a</main>".utf8))
        // {abc, bca, cab, abc} as a set is {abc, bca, cab}; "a b c a" has {abc, bca}.
        #expect(twice.shingles.count == 4 && twice.shingleSet.count == 3)
        #expect(twice.similarity(to: once) == 2.0 / 3.0)
        #expect(twice.similarity(to: twice) == 1)
        #expect(MainText(html: []).similarity(to: MainText(html: [])) == 1)
    }

    @Test("the sort orders any values as the standard library does", arguments: [0, 1, 2, 16, 33, 64, 65, 500, 5000, 40_000])
    func sortMatchesTheStandardLibrary(count: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count + 1)
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return ContentDuplicates.mix(state)
        }
        let spread = (0..<count).map { _ in next() }
        let inputs: [[UInt64]] = [
            spread,
            spread + spread.prefix(count / 3),  // repeats
            spread + spread.prefix(count / 32).map { $0 ^ 1 },  // pairs sharing their top bytes: the radix leaves some out of order
            spread.map { $0 % 7 },  // few distinct values: the radix leaves most out of order, the quicksort sorts
            spread.map { $0 >> 40 },  // all with the same top bytes
            spread.sorted(), spread.sorted().reversed(),
        ]
        for values in inputs {
            #expect(IntegerSort.sortedHashes(values) == values.sorted())
            var copy = values
            copy.withUnsafeMutableBufferPointer { IntegerSort.sort($0) }
            #expect(copy == values.sorted())
            #expect(MainText.set(values) == Array(Set(values)).sorted())
        }
    }
}
