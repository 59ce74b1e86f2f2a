/// One unit of a text as the sentiment scorer sees it.
public struct SentimentToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A word, lower-cased (`text`), with apostrophes normalised to `'`.
        case word
        /// An emoticon or emoji with its own valence.
        case symbol(Double)
    }

    public var kind: Kind
    public var text: String
    /// Written in capitals (at least two letters, no lower-case letter): "AMAZING".
    public var isShouted: Bool
    /// Index of the sentence the token belongs to; negation and boosters never cross sentences.
    public var sentence: Int

    public init(kind: Kind, text: String, isShouted: Bool = false, sentence: Int = 0) {
        self.kind = kind
        self.text = text
        self.isShouted = isShouted
        self.sentence = sentence
    }
}

/// What the tokenizer found in a text.
public struct TokenizedText: Sendable, Hashable {
    public var tokens: [SentimentToken]
    public var exclamations: Int
    public var questions: Int
}
