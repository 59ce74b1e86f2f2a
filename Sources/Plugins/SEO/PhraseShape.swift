/// What link-text can tell about a link text from its bytes, before lower-casing it: lower-casing non-ASCII text
/// costs more than the rest of the rule, and most texts (table-of-contents entries, sentences) match no phrase.
///
/// The phrase lookup is `Set<String>.contains(text.lowercased())`, which compares canonically equivalent strings as
/// equal. Neither lower-casing nor canonical equivalence adds, removes or combines an ASCII space or digit (no case
/// mapping or canonical decomposition yields one, and none composes with a combining mark), so a text can only equal
/// a phrase with as many spaces and the same digits; and an ASCII text keeps its length in bytes.
struct PhraseShape {
    var isASCII = true
    var bytes = 0
    var spaces = 0
    var hasDigit = false

    init(_ text: String) {
        bytes = text.utf8.count
        // On the contiguous bytes (the UTF-8 view's iterator costs several times more): this runs for every link.
        if text.utf8.withContiguousStorageIfAvailable({ note($0) }) == nil { note(text.utf8) }
    }

    private mutating func note(_ text: some Sequence<UInt8>) {
        for b in text {
            if b >= 0x80 { isASCII = false } else if b == 0x20 { spaces += 1 } else if b >= 0x30 && b <= 0x39 { hasDigit = true }
        }
    }

    /// The most any phrase of a set has.
    struct Bounds {
        var longestASCII = 0
        var spaces = 0
        var hasDigit = false
    }

    static func bounds(_ start: Bounds, _ phrases: Set<String>) -> Bounds {
        var bounds = start
        for phrase in phrases {
            let shape = PhraseShape(phrase)
            if shape.isASCII { bounds.longestASCII = max(bounds.longestASCII, shape.bytes) }
            bounds.spaces = max(bounds.spaces, shape.spaces)
            bounds.hasDigit = bounds.hasDigit || shape.hasDigit
        }
        return bounds
    }

    /// False when the text certainly equals no phrase within `bounds` once lower-cased.
    func mayMatch(_ bounds: Bounds) -> Bool {
        if isASCII, bytes > bounds.longestASCII { return false }
        if spaces > bounds.spaces { return false }
        return !hasDigit || bounds.hasDigit
    }

    /// `text.lowercased()` for an ASCII text, on its bytes.
    static func lowercasedASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
