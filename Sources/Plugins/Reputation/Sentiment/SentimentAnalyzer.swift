/// The sentiment of one text.
public struct SentimentScore: Sendable, Hashable {
    /// Normalised sum of valences, −1 (most negative) … +1 (most positive).
    public var compound: Double

    public init(compound: Double) { self.compound = compound }

    public enum Label: String, Sendable, Hashable, CaseIterable {
        case negative, neutral, positive
    }

    /// Positive above +0.05, negative below −0.05.
    public var label: Label {
        compound > 0.05 ? .positive : compound < -0.05 ? .negative : .neutral
    }
}

/// Herald's lexicon-and-rules sentiment scorer (in the spirit of VADER; Herald's own lexicon and code).
///
/// Rules: a word's valence comes from the lexicon; a shouted word (ALL CAPS in a mixed-case text) is stronger;
/// boosters and dampeners up to three words before adjust it (less with distance); a negator up to three words
/// before flips and weakens it (×−0.74); in a sentence with "but" the words before weigh half and the words after
/// one and a half; exclamation marks (and several question marks) push the total further from zero; the total
/// is normalised with x / sqrt(x² + 15).
public struct SentimentAnalyzer: Sendable {
    public var lexicon: SentimentLexicon
    public var rules: SentimentRules

    public init(lexicon: SentimentLexicon = .standard, rules: SentimentRules = .standard) {
        self.lexicon = lexicon
        self.rules = rules
    }

    public func score(_ text: String) -> SentimentScore {
        let tokenized = SentimentTokenizer.tokenize(text)
        let valences = self.valences(tokenized)
        var total = valences.reduce(0, +)
        if total != 0 {
            var emphasis = Double(min(tokenized.exclamations, rules.maxExclamations)) * rules.exclamationStep
            if tokenized.questions > 1 { emphasis += Double(min(tokenized.questions, 3)) * rules.questionStep }
            total += total > 0 ? emphasis : -emphasis
        }
        return SentimentScore(compound: normalise(total))
    }

    /// x / sqrt(x² + alpha), clamped to [−1, 1].
    public func normalise(_ total: Double) -> Double {
        let value = total / (total * total + rules.alpha).squareRoot()
        return min(1, max(-1, value))
    }

    /// The adjusted valence of every token (0 for tokens without sentiment), before punctuation emphasis.
    public func valences(_ text: TokenizedText) -> [Double] {
        let tokens = text.tokens
        let hasShouted = tokens.contains { $0.kind == .word && $0.isShouted }
        let hasQuiet = tokens.contains { $0.kind == .word && !$0.isShouted && $0.text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } }
        let capsMatter = hasShouted && hasQuiet
        var out = [Double](repeating: 0, count: tokens.count)
        for i in tokens.indices {
            let token = tokens[i]
            if case .symbol(let valence) = token.kind { out[i] = valence; continue }
            guard !isModifier(tokens, at: i), var v = lexicon.valence(of: token.text) else { continue }
            let sign: Double = v >= 0 ? 1 : -1
            if capsMatter && token.isShouted { v += sign * rules.capsStep }
            for distance in 1...3 {
                let j = i - distance
                guard j >= 0, tokens[j].sentence == token.sentence, tokens[j].kind == .word else { break }
                if let direction = intensifier(tokens, at: j), isModifier(tokens, at: j) {
                    var step = direction * rules.boosterStep
                    if capsMatter && tokens[j].isShouted { step += direction * rules.capsStep }
                    v += sign * step * rules.distanceFactors[distance - 1]
                }
                if SentimentRules.isNegator(tokens[j].text) {
                    v *= rules.negationScalar
                } else if distance == 1, tokens[j].text == "least", j == 0 || tokens[j - 1].text != "at" {
                    v *= rules.negationScalar
                }
            }
            out[i] = v
        }
        applyBut(tokens, to: &out)
        return out
    }

    /// The +1/−1 direction of an intensifier at `j`, if the word there acts as one.
    func intensifier(_ tokens: [SentimentToken], at j: Int) -> Double? {
        let word = tokens[j].text
        if (word == "kind" || word == "sort"), j + 1 < tokens.count, tokens[j + 1].text == "of" { return -1 }
        if word == "of", j > 0, tokens[j - 1].text == "kind" || tokens[j - 1].text == "sort" { return nil }
        return SentimentRules.intensifiers[word]
    }

    /// Intensifiers, negators and "kind of" carry no valence of their own when they modify a following word.
    func isModifier(_ tokens: [SentimentToken], at i: Int) -> Bool {
        let word = tokens[i].text
        if SentimentRules.isNegator(word) || word == "but" || word == "least" { return true }
        if (word == "kind" || word == "sort"), i + 1 < tokens.count, tokens[i + 1].text == "of" { return true }
        guard SentimentRules.intensifiers[word] != nil else { return false }
        // A word that is both ("damn", "pretty", "real") is a modifier only before another sentiment word.
        guard lexicon.valences[word] != nil else { return true }
        guard i + 1 < tokens.count, tokens[i + 1].sentence == tokens[i].sentence else { return false }
        return lexicon.valence(of: tokens[i + 1].text) != nil
    }

    /// Within each sentence containing "but": words before weigh `beforeBut`, words after `afterBut`.
    func applyBut(_ tokens: [SentimentToken], to out: inout [Double]) {
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].sentence == tokens[start].sentence { end += 1 }
            if let but = (start..<end).first(where: { tokens[$0].text == "but" && tokens[$0].kind == .word }) {
                for k in start..<but { out[k] *= rules.beforeBut }
                for k in (but + 1)..<end { out[k] *= rules.afterBut }
            }
            start = end
        }
    }
}
