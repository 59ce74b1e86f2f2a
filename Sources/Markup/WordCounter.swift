/// Counts the words of a page's text for the low-content check, on UTF-8 bytes.
///
/// A word is a run of characters other than ASCII whitespace and U+00A0/U+3000. Chinese and Japanese are written
/// without spaces, so each character from U+3040 to U+9FFF (kana, CJK ideographs and their extensions A) counts as
/// a word of its own. Inline elements (`<a>`, `<b>`, `<code>`…) do not split a word (`un<b>bold</b>` is one word);
/// every other element does, and the text of `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>` and `<math>`
/// is not counted.
public struct WordCounter {
    public private(set) var count = 0
    private var inWord = false

    public init() {}

    /// How an element affects the count.
    public enum Kind {
        case inline, block, skipped

        public init(_ name: UnsafePointer<UInt8>) {
            // Most elements of a text are p, li, div, td…: names starting with a letter no inline or skipped name
            // starts with are blocks, decided on the first byte.
            switch name[0] | 0x20 {
            case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"),
                 UInt8(ascii: "i"), UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"),
                 UInt8(ascii: "q"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "u"), UInt8(ascii: "v"):
                break
            default:
                self = .block
                return
            }
            var measured = 0
            while measured < 9, name[measured] != 0 { measured += 1 }
            // A constant for `is_` to capture: a captured variable is boxed and checked for exclusive access on
            // every read, which cost more than the comparisons (this runs for every element of every page).
            let length = measured
            func is_(_ text: StaticString) -> Bool {
                guard text.utf8CodeUnitCount == length else { return false }
                for i in 0..<length where text.utf8Start[i] != (name[i] | 0x20) { return false }
                return true
            }
            switch length {
            case 1: self = is_("a") || is_("b") || is_("i") || is_("q") || is_("s") || is_("u") ? .inline : .block
            case 2: self = is_("em") ? .inline : .block
            case 3: self = is_("svg") ? .skipped : is_("kbd") || is_("var") || is_("sub") || is_("sup") || is_("dfn") || is_("bdi")
                    || is_("bdo") ? .inline : .block
            case 4: self = is_("math") ? .skipped : is_("span") || is_("code") || is_("abbr") || is_("cite") || is_("mark")
                    || is_("samp") || is_("time") || is_("data") ? .inline : .block
            case 5: self = is_("style") ? .skipped : is_("small") || is_("label") ? .inline : .block
            case 6: self = is_("script") ? .skipped : is_("strong") ? .inline : .block
            case 8: self = is_("noscript") || is_("template") ? .skipped : .block
            default: self = .block
            }
        }
    }

    /// Adds a run of text.
    public mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        add(base, count: bytes.count)
    }

    /// Adds a NUL-terminated run of text (libxml2's text nodes), read once rather than measured first.
    public mutating func add(nulTerminated text: UnsafePointer<UInt8>) {
        add(text, count: nil)
    }

    /// The loop behind both: `count` nil reads up to the NUL (a text node holds none before its end). Counts are
    /// kept in locals, and the common byte of a word, 0x21–0xC1, is decided by one range check.
    @inline(__always)
    private mutating func add(_ bytes: UnsafePointer<UInt8>, count length: Int?) {
        Self.commonBytes.withUnsafeBufferPointer { addRun(bytes, count: length, classes: $0) }
    }

    /// Per byte: 1 for 0x21–0xC1 (always inside a word), 2 for space and LF, 0 for the rest (decided one by one).
    private static let commonBytes: [UInt8] = (0...255).map { $0 >= 0x21 && $0 <= 0xC1 ? 1 : $0 == 0x20 || $0 == 0x0A ? 2 : 0 }

    @inline(__always)
    private mutating func addRun(_ bytes: UnsafePointer<UInt8>, count length: Int?, classes: UnsafeBufferPointer<UInt8>) {
        var count = self.count
        var inWord: UInt8 = self.inWord ? 1 : 0
        var i = 0
        let n = length ?? Int.max
        /// Whether index `k` is inside the text.
        func has(_ k: Int) -> Bool { length == nil ? bytes[k] != 0 : k < n }
        while i < n {
            let b = bytes[i]
            // The common bytes, 0x21–0xC1 inside words and space or LF between them, without a branch on which:
            // word boundaries come every few bytes and would mispredict.
            // (A table: comparisons combined in code compile back into the very branches this avoids.)
            let common = classes[Int(b)]
            if common != 0 {
                let wordByte = common & 1
                count &+= Int(wordByte & ~inWord)
                inWord = wordByte
                i += 1
                continue
            }
            if length == nil, b == 0 { break }
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                inWord = 0
                i += 1
            } else if b == 0xC2, has(i + 1), bytes[i + 1] == 0xA0 {  // U+00A0
                inWord = 0
                i += 2
            } else if b >= 0xE3, b <= 0xE9, has(i + 1), has(i + 2) {
                // U+3000–U+9FFF: U+3000 (ideographic space) and punctuation up to U+303F separate; U+3040 on is a word each.
                if !(b == 0xE3 && bytes[i + 1] == 0x80) { count += 1 }
                inWord = 0
                i += 3
            } else {
                if inWord == 0 { count += 1; inWord = 1 }
                i += 1
            }
        }
        self.count = count
        self.inWord = inWord != 0
    }

    /// An element boundary that separates words.
    public mutating func breakWord() { inWord = false }
}
