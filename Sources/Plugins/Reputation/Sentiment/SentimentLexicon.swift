/// Word → valence (−4…+4), with a small inflection fallback so that the lexicon can list base forms.
public struct SentimentLexicon: Sendable {
    public let valences: [String: Double]

    public init(valences: [String: Double]) { self.valences = valences }

    /// Parses `valence word word …` lines; blank lines are ignored. Later duplicates are reported by `duplicates`.
    public init(parsing text: String) {
        var table: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first, let valence = Double(first) else { continue }
            for word in fields.dropFirst() where table[String(word)] == nil {
                table[String(word)] = valence
            }
        }
        valences = table
    }

    /// Herald's built-in English lexicon.
    public static let standard = SentimentLexicon(parsing: SentimentLexiconData.text)

    /// Words listed more than once in `text` (a lexicon hygiene check for tests).
    public static func duplicates(in text: String) -> [String] {
        var seen = Set<String>(), repeated = Set<String>()
        for line in text.split(separator: "\n") {
            for word in line.split(separator: " ").dropFirst() where !seen.insert(String(word)).inserted {
                repeated.insert(String(word))
            }
        }
        return repeated.sorted()
    }

    /// The valence of a lower-case word, trying elongation and inflection variants when it is not listed.
    public func valence(of word: String) -> Double? {
        if let v = valences[word] { return v }
        let bytes = Array(word.utf8)
        let squeezed = Self.squeeze(bytes)
        if squeezed.count != bytes.count {
            let text = String(decoding: squeezed, as: UTF8.self)
            if let v = valences[text] { return v }
            let single = String(decoding: Self.squeeze(bytes, keep: 1), as: UTF8.self)
            if let v = valences[single] { return v }
        }
        guard bytes.count >= 4 else { return nil }
        for candidate in Self.baseForms(of: squeezed) {
            if let v = valences[candidate] { return v }
        }
        return nil
    }

    /// Collapses runs of 3+ identical letters ("sooo goood") to `keep` letters.
    static func squeeze(_ bytes: [UInt8], keep: Int = 2) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var run = 0
        for (i, b) in bytes.enumerated() {
            run = (i > 0 && bytes[i - 1] == b) ? run + 1 : 1
            if run <= keep { out.append(b) }
        }
        return out
    }

    /// Candidate base forms for common English suffixes (`-s`, `-ed`, `-ing`, `-ly`, `-er`, `-est`, `-ness`).
    static func baseForms(of word: [UInt8]) -> [String] {
        var out: [String] = []
        func strip(_ suffix: String, _ replacements: [String]) {
            let suffixBytes = suffix.utf8
            guard word.count > suffixBytes.count + 2, word.suffix(suffixBytes.count).elementsEqual(suffixBytes) else { return }
            let stem = word.dropLast(suffixBytes.count)
            for r in replacements {
                out.append(String(decoding: stem, as: UTF8.self) + r)
            }
            // Doubled final consonant: "stopped" → "stop", "winning" → "win".
            if stem.count >= 3, stem[stem.endIndex - 1] == stem[stem.endIndex - 2] {
                out.append(String(decoding: stem.dropLast(), as: UTF8.self))
            }
        }
        strip("iness", ["y"])
        strip("ness", [""])
        strip("ibly", ["ible"])
        strip("ably", ["able"])
        strip("ily", ["y"])
        strip("ly", ["", "le"])
        strip("iest", ["y"])
        strip("ier", ["y"])
        strip("est", ["", "e"])
        strip("er", ["", "e"])
        strip("ied", ["y"])
        strip("ies", ["y"])
        strip("ed", ["", "e"])
        strip("ing", ["", "e"])
        strip("es", [""])
        strip("s", [""])
        return out
    }
}
