/// The constants and word lists of Herald's rule layer (VADER-style heuristics, Herald's own word lists).
public struct SentimentRules: Sendable {
    /// A negator within three preceding words multiplies a valence by this.
    public var negationScalar = -0.74
    /// Added (in the valence's direction) by a booster; subtracted by a dampener.
    public var boosterStep = 0.293
    /// Added (in the valence's direction) to a shouted word when the text is not all capitals.
    public var capsStep = 0.733
    /// Per exclamation mark (at most `maxExclamations`), added in the direction of the total.
    public var exclamationStep = 0.292
    public var maxExclamations = 4
    /// Per question mark when there are several (at most three count).
    public var questionStep = 0.18
    /// Weight of the words before and after "but" in its sentence.
    public var beforeBut = 0.5
    public var afterBut = 1.5
    /// Booster/dampener effect by distance (1, 2, 3 words before).
    public var distanceFactors: [Double] = [1.0, 0.95, 0.9]
    /// The normalisation constant of `x / sqrt(x² + alpha)`.
    public var alpha = 15.0

    public init() {}

    public static let standard = SentimentRules()

    /// Words that flip the sentiment of the next three words (`n't` endings are recognised too).
    public static let negators: Set<String> = [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot", "without",
        "rarely", "seldom", "hardly", "despite", "aint", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
        "werent", "wont", "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "hadnt", "mustnt", "neednt", "nope",
        "nah", "nothin", "neva", "nada",
    ]

    /// +1 boosts, −1 dampens.
    public static let intensifiers: [String: Double] = [
        "very": 1, "really": 1, "so": 1, "extremely": 1, "absolutely": 1, "completely": 1, "totally": 1,
        "utterly": 1, "entirely": 1, "fully": 1, "thoroughly": 1, "highly": 1, "hugely": 1, "immensely": 1,
        "enormously": 1, "tremendously": 1, "exceptionally": 1, "especially": 1, "particularly": 1, "truly": 1,
        "deeply": 1, "greatly": 1, "incredibly": 1, "unbelievably": 1, "remarkably": 1, "insanely": 1, "super": 1,
        "uber": 1, "mega": 1, "most": 1, "more": 1, "too": 1, "such": 1, "quite": 1, "seriously": 1, "hella": 1,
        "freaking": 1, "frickin": 1, "fricking": 1, "friggin": 1, "effing": 1, "fucking": 1, "fuckin": 1,
        "bloody": 1, "damn": 1, "real": 1, "sooo": 1, "soo": 1, "majorly": 1, "purely": 1, "intensely": 1,
        "slightly": -1, "somewhat": -1, "kinda": -1, "sorta": -1, "barely": -1, "scarcely": -1, "marginally": -1,
        "partly": -1, "partially": -1, "occasionally": -1, "almost": -1, "fairly": -1, "rather": -1, "less": -1,
        "little": -1, "mildly": -1, "moderately": -1, "reasonably": -1, "relatively": -1,
    ]

    /// True for "not", "never", "without", "isn't", "dont" and the like.
    public static func isNegator(_ word: String) -> Bool {
        negators.contains(word) || word.utf8.count > 3 && word.hasSuffix("n't")
    }
}
