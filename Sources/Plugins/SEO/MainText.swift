import Foundation

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
    /// FNV-1a of the word sequence, each word's hash one 64-bit unit: equal texts have equal hashes (texts that
    /// collide are told apart by their shingles). One multiplication a word, where hashing the words' hashes byte by
    /// byte took eight on a chain as long as the text; only equality matters, the value is never shown.
    public var contentHash: UInt64
    /// Hashes of the 3-word shingles (`Words.shingle` of the three words' hashes) in text order, repeats included:
    /// MinHash keeps minima, which repeats do not change, so only the texts that are compared exactly pay for
    /// sorting them into a set (`shingleSet`).
    public var shingles: [UInt64]

    public static let shingleSize = 3

    public init(html: [UInt8]) {
        // Shingles go to a buffer with room for the most a page can have (words are at least a byte and a separator
        // apart), reused from the allocator's free memory page after page, and are then copied once at their exact
        // count: an array grown by appends copied itself as it doubled and kept up to twice the memory (perf: page
        // faults clearing fresh pages).
        let room = html.count / 2 + 1
        let shingles = UnsafeMutablePointer<UInt64>.allocate(capacity: room)
        defer { shingles.deallocate() }
        let words = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Scanner.batchSize) { batch in
            var scanner = Scanner(words: Words(shingles: shingles), pending: batch.baseAddress!)
            html.withUnsafeBufferPointer { scanner.scan($0) }
            return scanner.words
        }
        wordCount = words.count
        contentHash = words.content.value
        self.shingles = Array(UnsafeBufferPointer(start: shingles, count: words.shingleCount))
    }

    /// The shingles sorted, each once: the set the similarity compares.
    public var shingleSet: [UInt64] { Self.set(shingles) }

    /// Jaccard similarity of the two shingle sets: shared shingles over all distinct shingles.
    public func similarity(to other: MainText) -> Double { Self.similarity(shingleSet, other.shingleSet) }

    /// Jaccard similarity of two shingle sets (each sorted, each value once).
    static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let shared = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in SharedValues.count(a, b)! } }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// `values` sorted, each once. Shingles are hashes, spread over 64 bits, which a bucket sort orders in linear
    /// time (perf: Swift's merge sort was a third of the main-text work).
    static func set(_ values: [UInt64]) -> [UInt64] {
        var sorted = IntegerSort.sortedHashes(values)
        var count = 0
        sorted.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where count == 0 || buffer[count - 1] != buffer[index] {
                buffer[count] = buffer[index]
                count += 1
            }
        }
        sorted.removeLast(sorted.count - count)
        return sorted
    }

    /// The word sequence of the main text, hashed as it is read: its length, its content hash and its shingles.
    struct Words {
        var count = 0
        var content = FNV1a()
        /// The hashes of the last word and of the one before it.
        var last: UInt64 = 0, beforeLast: UInt64 = 0
        /// The shingles so far, `shingleCount` of them (room for one a word).
        let shingles: UnsafeMutablePointer<UInt64>
        var shingleCount = 0

        init(shingles: UnsafeMutablePointer<UInt64>) { self.shingles = shingles }

        /// A shingle's hash from its words' hashes, in order: a polynomial in two odd multipliers, so each word's hash
        /// maps one to one onto the result whatever the other two, and the order counts. Two multiplications a
        /// shingle, where an FNV-1a over the 24 bytes took 24 (perf: a tenth of the audit's duplicate search). The
        /// word hashes' strong bits are their high ones (FNV-1a carries upward), which stay high here; MinHash mixes
        /// each shingle before binning it (`ContentDuplicates.mix`).
        @inline(__always)
        static func shingle(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
            (first &* 0x9E37_79B9_7F4A_7C15 &+ second) &* 0xC2B2_AE3D_27D4_EB4F &+ third
        }

        /// Adds the words whose hashes `batch` holds, in order. Words arrive in batches so that the byte loop keeps
        /// its few values in registers (perf: with the hashing inlined into it, every byte waited on a spilled value).
        @inline(never)
        mutating func add(_ batch: UnsafeMutableBufferPointer<UInt64>) {
            var content = content, last = last, beforeLast = beforeLast
            var shingleCount = shingleCount
            for (index, word) in zip(batch.indices, batch) {
                content.add(unit: word)
                if count + index >= 2 {
                    shingles[shingleCount] = Self.shingle(beforeLast, last, word)
                    shingleCount += 1
                }
                beforeLast = last
                last = word
            }
            self.content = content
            self.last = last
            self.beforeLast = beforeLast
            self.shingleCount = shingleCount
            count += batch.count
        }
    }

    /// The tag scanner. Words before a main region count until one opens; from then on only words inside one.
    struct Scanner {
        var words: Words
        var sawMain = false
        /// Open elements whose text is skipped (nav, header… nested ones count too).
        var skipDepth = 0
        /// The element that opened the main region (its packed name) and how deeply it is nested in itself.
        var mainElement: UInt64?
        var mainDepth = 0
        /// Hashes of the words read but not yet added to `words` (see `Words.add`), `pendingCount` of them: room for
        /// `batchSize`.
        let pending: UnsafeMutablePointer<UInt64>
        var pendingCount = 0
        static let batchSize = 256

        /// Tag names packed into a UInt64 (up to 8 lower-cased bytes), so the scanner compares names without
        /// allocating; longer names never match.
        static func pack(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        /// `pack("body")` and `pack("main")` as literals: a static computed once is still checked on every access.
        static var body: UInt64 { 0x626F_6479 }
        static var main: UInt64 { 0x6D61_696E }

        /// Elements whose text is left out: head, noscript, template, svg, math, nav, header, footer, aside
        /// (`pack`ed names as literals: a switch over constants, where a `Set` hashed every tag's name).
        static func isSkipped(_ name: UInt64) -> Bool {
            switch name {
            case 0x6865_6164, 0x6E6F_7363_7269_7074, 0x7465_6D70_6C61_7465, 0x73_7667, 0x6D61_7468, 0x6E_6176,
                 0x6865_6164_6572, 0x666F_6F74_6572, 0x61_7369_6465: true
            default: false
            }
        }

        /// Raw-text elements (script, style, textarea, title, xmp): their content is not markup, so it is skipped up
        /// to the closing tag.
        static func isRawText(_ name: UInt64) -> Bool {
            switch name {
            case 0x7363_7269_7074, 0x73_7479_6C65, 0x7465_7874_6172_6561, 0x74_6974_6C65, 0x78_6D70: true
            default: false
            }
        }

        /// Whether text read now is part of the main text.
        var counting: Bool { skipDepth == 0 && (!sawMain || mainElement != nil) }

        /// Per byte: the byte as it enters a word's hash (ASCII letters lower-cased) in the low 8 bits, `wordBit`
        /// for word bytes (ASCII letters and digits, and every non-ASCII byte), `markupBit` for "<" and "&".
        static let wordBit: UInt16 = 0x100, markupBit: UInt16 = 0x200
        static let byteTable: [UInt16] = (0...255).map { (byte: Int) -> UInt16 in
            let b = UInt8(byte)
            let lowered = UInt16(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
            if b >= 0x80 || isAlphanumeric(b) { return lowered | wordBit }
            return b == 0x3C || b == 0x26 ? lowered | markupBit : lowered
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            Self.byteTable.withUnsafeBufferPointer { scan(bytes, table: $0) }
            flush()
        }

        /// Adds the pending words.
        mutating func flush() {
            words.add(UnsafeMutableBufferPointer(start: pending, count: pendingCount))
            pendingCount = 0
        }

        mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt16>) {
            guard let base = bytes.baseAddress else { return }
            var i = 0
            let n = bytes.count
            while i < n {
                guard counting else {
                    // Skipped text holds no markup to interpret before the next "<".
                    guard let next = memchr(base + i, 0x3C, n - i) else { return }
                    i = UnsafePointer<UInt8>(next.assumingMemoryBound(to: UInt8.self)) - base
                    i = tag(bytes, at: i)
                    continue
                }
                // Text: words up to the next "<". Branch-free per byte (a table gives the byte lower-cased and its
                // class, the hash steps on every byte and restarts on the others, a word's end advances the count of
                // pending hashes), so that only markup branches: branching on word bytes mispredicted at every word's
                // start and end.
                let basis = FNV1a().value
                var word = basis
                var inWord: UInt16 = 0
                var count = pendingCount
                while i < n {
                    let entry = table[Int(base[i])]
                    let isWord = entry >> 8 & 1
                    // The hash is stored at every byte and kept (the count advances) only at a word's end.
                    pending[count] = word
                    count &+= Int(inWord & ~isWord)
                    let stepped = (word ^ UInt64(entry & 0xFF)) &* 0x0000_0100_0000_01B3
                    word = isWord != 0 ? stepped : basis
                    inWord = isWord
                    if count == Self.batchSize {
                        pendingCount = count
                        flush()
                        count = 0
                    }
                    if entry & Self.markupBit != 0 {
                        if base[i] == 0x3C { break }  // <
                        i += 1  // & : a character reference separates words
                        var length = 0
                        while i < n, length < 32, Self.isReferenceByte(base[i]) { i += 1; length += 1 }
                        if i < n, base[i] == 0x3B { i += 1 }
                        continue
                    }
                    i += 1
                }
                pendingCount = count
                if inWord != 0 {
                    pending[pendingCount] = word
                    pendingCount += 1
                    if pendingCount == Self.batchSize { flush() }
                }
                if i < n { i = tag(bytes, at: i) }
            }
        }
        /// Reads the markup at `start` (a `<`) and returns the index after it.
        mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
            let n = bytes.count
            var i = start + 1
            guard i < n else { return n }
            if bytes[i] == 0x21 {  // <!-- … --> or <!DOCTYPE …>
                if i + 2 < n, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x2D {
                    return Self.find(bytes, "-->", from: i + 3) ?? n
                }
                return Self.find(bytes, ">", from: i) ?? n
            }
            if bytes[i] == 0x3F { return Self.find(bytes, ">", from: i) ?? n }  // <?…>
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
            // The rest of the tag, minding quoted attribute values (they may hold ">"): memchr skips each value whole,
            // values being most of a tag's bytes (URLs, class lists).
            let attributesStart = i
            let base = bytes.baseAddress!
            while i < n {
                let byte = base[i]
                if byte == 0x3E { break }
                if byte == 0x22 || byte == 0x27 {
                    guard let close = memchr(base + i + 1, Int32(byte), n - i - 1) else {
                        i = n  // unterminated: the tag runs to the end
                        break
                    }
                    i = UnsafePointer<UInt8>(close.assumingMemoryBound(to: UInt8.self)) - base
                }
                i += 1
            }
            let end = min(i + 1, n)
            let selfClosing = i > attributesStart && bytes[i - 1] == 0x2F
            if closing {
                if Self.isSkipped(name) { skipDepth = max(0, skipDepth - 1) }
                if let main = mainElement, main == name {
                    mainDepth -= 1
                    if mainDepth == 0 { mainElement = nil }
                }
                return end
            }
            if Self.isRawText(name) {
                // Skip to </name, case-insensitively.
                let length = nameLength
                var j = end
                while let afterSlash = Self.find(bytes, "</", from: j) {
                    var k = 0
                    while k < length, afterSlash + k < n, bytes[afterSlash + k] | 0x20 == bytes[nameStart + k] | 0x20 { k += 1 }
                    if k == length { return Self.find(bytes, ">", from: afterSlash + k) ?? n }
                    j = afterSlash
                }
                return n
            }
            if selfClosing { return end }
            if name == Self.body {
                skipDepth = 0  // </head> is optional: the body ends the head
            } else if Self.isSkipped(name) {
                skipDepth += 1
            } else if let main = mainElement {
                if main == name { mainDepth += 1 }
            } else if name == Self.main || Self.hasMainRole(bytes, attributesStart..<i) {
                mainElement = name
                mainDepth = 1
                if !sawMain {
                    // The page has a main region: only its words count, not those read before it.
                    sawMain = true
                    words = Words(shingles: words.shingles)
                    pendingCount = 0
                }
            }
            return end
        }

        /// True when the four bytes at `i` are `word` (lower case), ASCII case-insensitive.
        @inline(__always)
        static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: (UInt8, UInt8, UInt8, UInt8)) -> Bool {
            bytes[i] | 0x20 == word.0 && bytes[i + 1] | 0x20 == word.1 && bytes[i + 2] | 0x20 == word.2 && bytes[i + 3] | 0x20 == word.3
        }

        /// True when the attributes hold `role="main"` (or `role=main`), ASCII case-insensitive: a "role" (not the end
        /// of a longer name) then, spaces allowed around it, "=" and "main" (not the start of a longer value). Runs for
        /// every start tag before the main region, so it looks only at each "=" (memchr) rather than at every byte.
        static func hasMainRole(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
            let role: (UInt8, UInt8, UInt8, UInt8) = (0x72, 0x6F, 0x6C, 0x65), main: (UInt8, UInt8, UInt8, UInt8) = (0x6D, 0x61, 0x69, 0x6E)
            guard let base = bytes.baseAddress else { return false }
            let low = range.lowerBound, high = range.upperBound
            var equals = low
            while equals < high, let hit = memchr(base + equals, 0x3D, high - equals) {
                equals = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                var nameEnd = equals
                while nameEnd > low, base[nameEnd - 1] == 0x20 { nameEnd -= 1 }
                let name = nameEnd - 4
                if name >= low, matches(bytes, name, role), name == low || !isAlphanumeric(base[name - 1]) {
                    var j = equals + 1
                    while j < high, base[j] == 0x20 { j += 1 }
                    if j < high, base[j] == 0x22 || base[j] == 0x27 { j += 1 }
                    if j + 4 <= high, matches(bytes, j, main), j + 4 == high || !isAlphanumeric(base[j + 4]) { return true }
                }
                equals += 1
            }
            return false
        }

        /// The index just after the first occurrence of `pattern` (ASCII) at or after `from`.
        static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ pattern: StaticString, from: Int) -> Int? {
            guard let base = bytes.baseAddress else { return nil }
            let p = pattern.utf8Start, length = pattern.utf8CodeUnitCount
            var i = from
            let last = bytes.count - length
            while i <= last {
                // memchr finds the first byte; the rest is compared in place.
                guard let hit = memchr(base + i, Int32(p[0]), last + 1 - i) else { return nil }
                i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                var k = 1
                while k < length, base[i + k] == p[k] { k += 1 }
                if k == length { return i + length }
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

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// One step with all of `unit` in place of a byte.
    @inline(__always)
    mutating func add(unit: UInt64) {
        value = (value ^ unit) &* 0x0000_0100_0000_01B3
    }

    /// Adds the eight bytes of `word`, little-endian (MinHash band keys). Unrolled and inlined.
    @inline(__always)
    mutating func add(_ word: UInt64) {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var h = value
        h = (h ^ (word & 0xFF)) &* prime
        h = (h ^ (word >> 8 & 0xFF)) &* prime
        h = (h ^ (word >> 16 & 0xFF)) &* prime
        h = (h ^ (word >> 24 & 0xFF)) &* prime
        h = (h ^ (word >> 32 & 0xFF)) &* prime
        h = (h ^ (word >> 40 & 0xFF)) &* prime
        h = (h ^ (word >> 48 & 0xFF)) &* prime
        h = (h ^ (word >> 56)) &* prime
        value = h
    }

    static func hash(_ text: String) -> UInt64 {
        var hash = FNV1a()
        for byte in text.utf8 { hash.add(byte) }
        return hash.value
    }
}
