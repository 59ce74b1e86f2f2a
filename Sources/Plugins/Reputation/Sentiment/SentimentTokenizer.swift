/// Splits a text into words, emoticons and emoji, on Unicode scalars (never `Character`s).
///
/// - Whitespace separates chunks; a whole chunk may be an emoticon (`:)`, `<3`, `&lt;3`).
/// - Links (`http://…`, `www.…`) and mentions (`@name`) are skipped; `#tag` reads as the word `tag`.
/// - HTML entities such as `&amp;` are separators, not sentence ends.
/// - `.`, `!`, `?`, `;` end a sentence; `!` and `?` are counted for emphasis.
public enum SentimentTokenizer {
    public static func tokenize(_ text: String) -> TokenizedText {
        var result = TokenizedText(tokens: [], exclamations: 0, questions: 0)
        var state = State()
        var chunk: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                if !chunk.isEmpty { scanChunk(chunk, into: &result, state: &state); chunk.removeAll(keepingCapacity: true) }
            } else {
                chunk.append(scalar)
            }
        }
        if !chunk.isEmpty { scanChunk(chunk, into: &result, state: &state) }
        return result
    }

    struct State {
        var sentence = 0
        var tokensInSentence = 0
        mutating func endSentence() {
            if tokensInSentence > 0 { sentence += 1; tokensInSentence = 0 }
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.value == 0xA0 || s.value == 0x0B || s.value == 0x0C
            || (s.value >= 0x2000 && s.value <= 0x200A) || s.value == 0x3000
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return s.properties.isAlphabetic
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s.value == 0x2019 }

    static func hasPrefix(_ chunk: [Unicode.Scalar], _ prefix: String) -> Bool {
        var i = 0
        for p in prefix.unicodeScalars {
            guard i < chunk.count else { return false }
            let c = chunk[i]
            let lower = (c.value >= 0x41 && c.value <= 0x5A) ? c.value + 32 : c.value
            if lower != p.value { return false }
            i += 1
        }
        return true
    }

    static func scanChunk(_ chunk: [Unicode.Scalar], into result: inout TokenizedText, state: inout State) {
        if hasPrefix(chunk, "http://") || hasPrefix(chunk, "https://") || hasPrefix(chunk, "www.") || chunk[0] == "@" {
            return
        }
        if chunk.count <= 8 {
            var raw = String.UnicodeScalarView()
            raw.append(contentsOf: chunk)
            let text = String(raw)
            if let valence = Emoticons.chunks[text] {
                result.tokens.append(SentimentToken(kind: .symbol(valence), text: text, sentence: state.sentence))
                state.tokensInSentence += 1
                return
            }
        }
        var word: [Unicode.Scalar] = []
        func flush() {
            guard !word.isEmpty else { return }
            result.tokens.append(makeWord(word, sentence: state.sentence))
            state.tokensInSentence += 1
            word.removeAll(keepingCapacity: true)
        }
        var i = 0
        while i < chunk.count {
            let s = chunk[i]
            if isWordScalar(s) {
                word.append(s)
            } else if isApostrophe(s), !word.isEmpty, i + 1 < chunk.count, isWordScalar(chunk[i + 1]) {
                word.append("'")
            } else if s == "&", let end = entityEnd(chunk, from: i) {
                flush()
                i = end
            } else if let valence = Emoticons.emoji[s.value] {
                flush()
                result.tokens.append(SentimentToken(kind: .symbol(valence), text: String(s), sentence: state.sentence))
                state.tokensInSentence += 1
            } else {
                flush()
                switch s {
                case "!": result.exclamations += 1; state.endSentence()
                case "?": result.questions += 1; state.endSentence()
                case ".", ";": state.endSentence()
                default: break
                }
            }
            i += 1
        }
        flush()
    }

    /// `&name;` or `&#123;` starting at `start`: the index of the `;`.
    static func entityEnd(_ chunk: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        while j < chunk.count, j - start <= 10 {
            let s = chunk[j]
            if s == ";" { return j > start + 1 ? j : nil }
            guard s.isASCII, isWordScalar(s) || s == "#" else { return nil }
            j += 1
        }
        return nil
    }

    static func makeWord(_ scalars: [Unicode.Scalar], sentence: Int) -> SentimentToken {
        var upper = 0, lower = 0
        var text = String.UnicodeScalarView()
        for s in scalars {
            let v = s.value
            if v >= 0x41 && v <= 0x5A {
                upper += 1
                text.append(Unicode.Scalar(v + 32)!)
            } else if v >= 0x61 && v <= 0x7A {
                lower += 1
                text.append(s)
            } else if s.isASCII {
                text.append(s)
            } else if s.properties.isUppercase {
                upper += 1
                text.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else {
                if s.properties.isLowercase { lower += 1 }
                text.append(s)
            }
        }
        return SentimentToken(kind: .word, text: String(text), isShouted: upper >= 2 && lower == 0, sentence: sentence)
    }
}
