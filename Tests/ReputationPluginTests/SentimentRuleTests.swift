import Testing
@testable import ReputationPlugin

@Suite struct SentimentRuleTests {
    let analyzer = SentimentAnalyzer()
    func score(_ text: String) -> Double { analyzer.score(text).compound }

    struct Ordered: Sendable, CustomTestStringConvertible {
        var rule: String
        var stronger: String
        var weaker: String
        var testDescription: String { "\(rule): \"\(stronger)\" > \"\(weaker)\"" }
    }

    /// Each rule: the first text scores strictly higher than the second.
    @Test(arguments: [
        Ordered(rule: "negation flips", stronger: "The staff were not rude", weaker: "The staff were rude"),
        Ordered(rule: "negation flips", stronger: "The room was good", weaker: "The room was not good"),
        Ordered(rule: "n't negates", stronger: "The room was good", weaker: "The room wasn't good"),
        Ordered(rule: "negation reaches 3 words", stronger: "good", weaker: "never really very good"),
        Ordered(rule: "booster", stronger: "The service was very good", weaker: "The service was good"),
        Ordered(rule: "booster on negative", stronger: "The service was bad", weaker: "The service was extremely bad"),
        Ordered(rule: "dampener", stronger: "The service was good", weaker: "The service was slightly good"),
        Ordered(rule: "kind of dampens", stronger: "It was good", weaker: "It was kind of good"),
        Ordered(rule: "caps emphasis", stronger: "The pasta was GREAT", weaker: "The pasta was great"),
        Ordered(rule: "caps emphasis on negative", stronger: "The wait was terrible", weaker: "The wait was TERRIBLE"),
        Ordered(rule: "exclamation", stronger: "Great pasta!", weaker: "Great pasta"),
        Ordered(rule: "more exclamations", stronger: "Great pasta!!!", weaker: "Great pasta!"),
        Ordered(rule: "exclamation on negative", stronger: "Awful pasta", weaker: "Awful pasta!!"),
        Ordered(rule: "but: the second clause wins", stronger: "The wait was long but the food was great",
                weaker: "The food was great but the wait was awful"),
        Ordered(rule: "emoticon", stronger: "Dinner :)", weaker: "Dinner"),
        Ordered(rule: "emoticon negative", stronger: "Dinner", weaker: "Dinner :("),
        Ordered(rule: "emoji", stronger: "Dinner 😍", weaker: "Dinner 😡"),
        Ordered(rule: "heart as entity", stronger: "Dinner &lt;3", weaker: "Dinner"),
        Ordered(rule: "elongation", stronger: "sooo goooood", weaker: "meh"),
        Ordered(rule: "inflection", stronger: "We loved it", weaker: "We hated it"),
        Ordered(rule: "least", stronger: "the most helpful staff", weaker: "the least helpful staff"),
    ])
    func ordering(_ c: Ordered) {
        #expect(score(c.stronger) > score(c.weaker), "\(c.rule)")
    }

    @Test(arguments: [
        ("Great food, friendly staff, we will be back!", SentimentScore.Label.positive),
        ("Terrible service and the room was dirty.", .negative),
        ("We arrived at seven and ordered two dishes.", .neutral),
        ("Not bad at all", .positive),
        ("The food was great but the staff were rude and the wait was awful", .negative),
        ("No problem with the booking", .positive),
    ])
    func labels(_ text: String, _ expected: SentimentScore.Label) {
        #expect(analyzer.score(text).label == expected, "\(text) → \(score(text))")
    }

    @Test func exactArithmetic() throws {
        let good = try #require(analyzer.lexicon.valence(of: "good"))
        let alpha = analyzer.rules.alpha
        #expect(abs(score("good") - good / (good * good + alpha).squareRoot()) < 1e-12)
        let negated = good * -0.74
        #expect(abs(score("not good") - negated / (negated * negated + alpha).squareRoot()) < 1e-12)
        let boosted = good + 0.293
        #expect(abs(score("very good") - boosted / (boosted * boosted + alpha).squareRoot()) < 1e-12)
        let exclaimed = good + 2 * 0.292
        #expect(abs(score("good!!") - exclaimed / (exclaimed * exclaimed + alpha).squareRoot()) < 1e-12)
        #expect(abs(analyzer.normalise(4) - 4 / 31.0.squareRoot()) < 1e-12)
    }

    @Test(arguments: ["", "   ", "!!!", "http://example.com @someone", "the of and"])
    func neutralTexts(_ text: String) {
        #expect(score(text) == 0)
    }

    @Test func compoundStaysInRange() {
        let gush = String(repeating: "AMAZING wonderful perfect!!! ", count: 200)
        let rant = String(repeating: "HORRIBLE awful disgusting!!! ", count: 200)
        #expect(score(gush) > 0.99 && score(gush) <= 1)
        #expect(score(rant) < -0.99 && score(rant) >= -1)
    }

    @Test func negationStopsAtSentenceEnd() {
        #expect(score("No. The food was good") == score("The food was good"))
        #expect(score("Never again. The food was good") == score("The food was good"))
    }
}

@Suite struct SentimentTokenizerTests {
    @Test(arguments: [
        ("Ben &amp; Jerry's was GREAT!", ["ben", "jerry's", "was", "great"], 1, 0),
        ("#happy day http://url_removed @anonymous", ["happy", "day"], 0, 0),
        ("Don’t go. Really?", ["don't", "go", "really"], 0, 1),
        ("Crème brûlée, well-made", ["crème", "brûlée", "well", "made"], 0, 0),
    ])
    func tokens(_ text: String, _ words: [String], _ exclamations: Int, _ questions: Int) {
        let t = SentimentTokenizer.tokenize(text)
        #expect(t.tokens.map(\.text) == words)
        #expect(t.exclamations == exclamations)
        #expect(t.questions == questions)
    }

    @Test func sentencesAndShouting() {
        let t = SentimentTokenizer.tokenize("Ok &amp; fine. GREAT stuff! I")
        #expect(t.tokens.map(\.sentence) == [0, 0, 1, 1, 2])
        #expect(t.tokens.map(\.isShouted) == [false, false, true, false, false])
    }

    @Test func lexiconHygiene() {
        #expect(SentimentLexicon.duplicates(in: SentimentLexiconData.text) == [])
        let lexicon = SentimentLexicon.standard
        #expect(lexicon.valences.count >= 900)
        #expect(lexicon.valences.values.allSatisfy { (-4...4).contains($0) && $0 != 0 })
        // Every entry can be reached: lower-case, no spaces or hyphens (the tokenizer splits on them).
        #expect(lexicon.valences.keys.allSatisfy { key in
            SentimentTokenizer.tokenize(key).tokens.map(\.text) == [key]
        })
        // Modifiers stay out of the lexicon unless they also stand alone ("damn", "real").
        #expect(lexicon.valences["very"] == nil && lexicon.valences["not"] == nil)
    }

    @Test(arguments: [("loved", "love"), ("hates", "hate"), ("happiest", "happy"), ("badly", "bad"),
                      ("terribly", "terrible"), ("stopped", "stop"), ("winning", "win"), ("goooood", "good")])
    func inflections(_ form: String, _ base: String) {
        let lexicon = SentimentLexicon(valences: ["love": 3, "hate": -3, "happy": 2, "bad": -2, "terrible": -3,
                                                  "stop": -1, "win": 2, "good": 2])
        #expect(lexicon.valence(of: form) == lexicon.valences[base])
    }
}
