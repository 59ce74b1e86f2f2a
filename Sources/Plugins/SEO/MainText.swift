/// The words of a page's main content, as the duplicate-content rules compare them.
///
/// Read straight from the body bytes with a small tag scanner rather than from libxml2's tree: the audit already
/// walks the tree once per page for `PageFacts`, and a second parse would cost as much again. Text inside
/// `<head>`, `script`, `style`, `noscript`, `template`, `textarea`, `svg`, `math`, `nav`, `header`, `footer`,
/// `aside` and comments is left out (navigation and boilerplate are the same on every page); when the page has a
/// `<main>` element or an element with `role="main"`, only the text inside it counts. Words are runs of ASCII
/// letters and digits and non-ASCII bytes (so any ASCII-compatible charset works), ASCII letters lower-cased;
/// character references separate words.
public struct MainText: Sendable, Equatable {
    /// Words in the main text.
    public var wordCount: Int
    /// FNV-1a of the word sequence: equal texts have equal hashes.
    public var contentHash: UInt64
    /// Hashes of the 3-word shingles (each the FNV-1a of the three words' hashes), sorted, each once.
    public var shingles: [UInt64]

    public static let shingleSize = 3

    public init(html: [UInt8]) {
        var scanner = Scanner()
        html.withUnsafeBufferPointer { scanner.scan($0) }
        let words = scanner.sawMain ? scanner.mainWords : scanner.allWords
        wordCount = words.count
        var hash = FNV1a()
        for word in words { hash.add(word) }
        contentHash = hash.value
        var shingles: [UInt64] = []
        if words.count >= Self.shingleSize {
            shingles.reserveCapacity(words.count - Self.shingleSize + 1)
            for start in 0...(words.count - Self.shingleSize) {
                var shingle = FNV1a()
                for word in words[start..<(start + Self.shingleSize)] { shingle.add(word) }
                shingles.append(shingle.value)
            }
        }
        shingles.sort()
        self.shingles = shingles.uniqued()
    }

    /// Jaccard similarity of the two shingle sets: shared shingles over all distinct shingles.
    public func similarity(to other: MainText) -> Double {
        let a = shingles, b = other.shingles
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The tag scanner. Keeps word hashes for the whole body and for the main region.
    struct Scanner {
        var allWords: [UInt64] = []
        var mainWords: [UInt64] = []
        var sawMain = false
        /// Open elements whose text is skipped (nav, header… nested ones count too).
        var skipDepth = 0
        /// The element that opened the main region (its packed name) and how deeply it is nested in itself.
        var mainElement: UInt64?
        var mainDepth = 0

        /// Tag names packed into a UInt64 (up to 8 lower-cased bytes), so the scanner compares names without
        /// allocating; longer names never match.
        static func pack(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        static let skipped: Set<UInt64> = Set(["head", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside"].map(pack))
        /// Raw-text elements: their content is not markup, so it is skipped up to the closing tag.
        static let rawText: Set<UInt64> = Set(["script", "style", "textarea", "title", "xmp"].map(pack))
        static let body = pack("body"), main = pack("main")

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            var i = 0
            let n = bytes.count
            var word = FNV1a()
            var inWord = false
            func endWord(_ s: inout Scanner) {
                if inWord {
                    if s.skipDepth == 0 {
                        s.allWords.append(word.value)
                        if s.mainElement != nil { s.mainWords.append(word.value) }
                    }
                    word = FNV1a()
                    inWord = false
                }
            }
            while i < n {
                let byte = bytes[i]
                if byte == 0x3C {  // <
                    endWord(&self)
                    i = tag(bytes, at: i)
                } else if byte == 0x26 {  // & : a character reference separates words
                    endWord(&self)
                    i += 1
                    var length = 0
                    while i < n, length < 32, Self.isReferenceByte(bytes[i]) { i += 1; length += 1 }
                    if i < n, bytes[i] == 0x3B { i += 1 }
                } else if byte >= 0x80 || Self.isAlphanumeric(byte) {
                    word.add(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                    inWord = true
                    i += 1
                } else {
                    endWord(&self)
                    i += 1
                }
            }
            endWord(&self)
        }

        /// Reads the markup at `start` (a `<`) and returns the index after it.
        mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
            let n = bytes.count
            var i = start + 1
            guard i < n else { return n }
            if bytes[i] == 0x21 {  // <!-- … --> or <!DOCTYPE …>
                if i + 2 < n, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
                    return Self.find(bytes, [0x2D, 0x2D, 0x3E], from: i + 3) ?? n
                }
                return Self.find(bytes, [0x3E], from: i) ?? n
            }
            if bytes[i] == 0x3F { return Self.find(bytes, [0x3E], from: i) ?? n }  // <?…>
            let closing = bytes[i] == 0x2F
            if closing { i += 1 }
            let nameStart = i
            while i < n, Self.isAlphanumeric(bytes[i]) { i += 1 }
            guard i > nameStart else { return start + 1 }  // a lone "<" is text
            let nameLength = i - nameStart
            var name: UInt64 = 0
            if i - nameStart <= 8 {
                for k in nameStart..<i { name = name << 8 | UInt64(bytes[k] | 0x20) }  // letters lower-cased; digits keep their value
            } else {
                name = UInt64.max
            }
            // The rest of the tag, minding quoted attribute values (they may hold ">").
            let attributesStart = i
            var quote: UInt8 = 0
            while i < n {
                let byte = bytes[i]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == 0x3E {
                    break
                }
                i += 1
            }
            let end = min(i + 1, n)
            let selfClosing = i > attributesStart && bytes[i - 1] == 0x2F
            if closing {
                if Self.skipped.contains(name) { skipDepth = max(0, skipDepth - 1) }
                if let main = mainElement, main == name {
                    mainDepth -= 1
                    if mainDepth == 0 { mainElement = nil }
                }
                return end
            }
            if Self.rawText.contains(name) {
                // Skip to </name, case-insensitively.
                let length = nameLength
                var j = end
                while let afterSlash = Self.find(bytes, [0x3C, 0x2F], from: j) {
                    var k = 0
                    while k < length, afterSlash + k < n, bytes[afterSlash + k] | 0x20 == bytes[nameStart + k] | 0x20 { k += 1 }
                    if k == length { return Self.find(bytes, [0x3E], from: afterSlash + k) ?? n }
                    j = afterSlash
                }
                return n
            }
            if selfClosing { return end }
            if name == Self.body {
                skipDepth = 0  // </head> is optional: the body ends the head
            } else if Self.skipped.contains(name) {
                skipDepth += 1
            } else if let main = mainElement {
                if main == name { mainDepth += 1 }
            } else if name == Self.main || Self.hasMainRole(bytes, attributesStart..<i) {
                mainElement = name
                mainDepth = 1
                sawMain = true
            }
            return end
        }

        static let roleBytes: [UInt8] = Array("role".utf8), mainBytes: [UInt8] = Array("main".utf8)

        /// True when the attributes hold `role="main"` (or `role=main`), ASCII case-insensitive.
        static func hasMainRole(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
            let role = roleBytes, main = mainBytes
            var i = range.lowerBound
            while i + 4 <= range.upperBound {
                if (0..<4).allSatisfy({ bytes[i + $0] | 0x20 == role[$0] }), i == range.lowerBound || !isAlphanumeric(bytes[i - 1]) {
                    var j = i + 4
                    while j < range.upperBound, bytes[j] == 0x20 { j += 1 }
                    guard j < range.upperBound, bytes[j] == 0x3D else { i += 1; continue }
                    j += 1
                    while j < range.upperBound, bytes[j] == 0x20 { j += 1 }
                    if j < range.upperBound, bytes[j] == 0x22 || bytes[j] == 0x27 { j += 1 }
                    if j + 4 <= range.upperBound, (0..<4).allSatisfy({ bytes[j + $0] | 0x20 == main[$0] }),
                       j + 4 == range.upperBound || !isAlphanumeric(bytes[j + 4]) {
                        return true
                    }
                }
                i += 1
            }
            return false
        }

        /// The index just after the first occurrence of `pattern` at or after `from`.
        static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8], from: Int) -> Int? {
            var i = from
            let last = bytes.count - pattern.count
            while i <= last {
                if bytes[i] == pattern[0] {
                    var k = 1
                    while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return i + pattern.count }
                }
                i += 1
            }
            return nil
        }

        static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }

        static func isReferenceByte(_ byte: UInt8) -> Bool { byte == 0x23 || isAlphanumeric(byte) }
    }
}

/// 64-bit FNV-1a: stable across runs and platforms (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds the eight bytes of `word`, little-endian.
    mutating func add(_ word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    static func hash(_ text: String) -> UInt64 {
        var hash = FNV1a()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }
}

extension Array where Element: Equatable {
    /// Drops elements equal to their predecessor (on a sorted array: keeps each value once).
    func uniqued() -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for element in self where out.last != element { out.append(element) }
        return out
    }
}
