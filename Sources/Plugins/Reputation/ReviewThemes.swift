import HeraldData

/// Recurring terms across reviews: the words most reviews mention, with those reviews' average rating.
public struct ReviewTheme: Sendable, Hashable {
    public var term: String
    /// Number of reviews that mention the term (each review counts once).
    public var reviews: Int
    public var averageRating: Double
}

public enum ReviewThemes {
    /// Terms of at least three letters, not stop words nor sentiment modifiers, mentioned by at least
    /// `minimumReviews` reviews; most mentioned first, ties by term. At most `limit`.
    public static func top(_ reviews: [Review], limit: Int = 10, minimumReviews: Int = 2) -> [ReviewTheme] {
        var mentions: [String: (count: Int, stars: Int)] = [:]
        for review in reviews {
            var seen = Set<String>()
            let text = (review.title.map { $0 + ". " } ?? "") + review.text
            for token in SentimentTokenizer.tokenize(text).tokens where token.kind == .word {
                let term = token.text
                guard term.utf8.count >= 3, !term.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                      !stopWords.contains(term), !SentimentRules.isNegator(term),
                      SentimentRules.intensifiers[term] == nil, seen.insert(term).inserted else { continue }
                mentions[term, default: (0, 0)].count += 1
                mentions[term, default: (0, 0)].stars += review.rating
            }
        }
        return mentions.filter { $0.value.count >= minimumReviews }
            .map { ReviewTheme(term: $0.key, reviews: $0.value.count, averageRating: Double($0.value.stars) / Double($0.value.count)) }
            .sorted { $0.reviews != $1.reviews ? $0.reviews > $1.reviews : $0.term < $1.term }
            .prefix(limit).map { $0 }
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "are", "but", "was", "were", "with", "this", "that", "these", "those", "there", "their",
        "they", "them", "then", "than", "have", "has", "had", "having", "you", "your", "yours", "our", "ours", "out",
        "from", "into", "onto", "about", "after", "before", "again", "all", "any", "some", "each", "every", "both",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "did", "does", "doing", "done",
        "get", "got", "gets", "getting", "just", "also", "only", "even", "still", "yet", "here", "where", "when",
        "what", "which", "who", "whom", "whose", "why", "how", "its", "it's", "i'm", "i've", "i'd", "i'll", "we're",
        "we've", "you're", "they're", "he's", "she's", "that's", "there's", "one", "two", "her", "his", "him", "she",
        "off", "over", "under", "own", "same", "other", "another", "such", "while", "because", "been", "being", "via",
        "per", "upon", "around", "through", "during", "until", "though", "although", "went", "come", "came", "going",
        "make", "made", "take", "took", "give", "gave", "say", "said", "see", "saw", "way", "lot", "lots", "bit",
        "thing", "things", "much", "many", "well", "back", "time", "times", "day", "days", "week", "did", "let",
        "now", "today", "yesterday", "tomorrow", "ever", "here", "like", "really", "very", "too", "more", "most",
        "who", "which", "what", "whats", "what's", "not", "yes", "had", "him", "first", "last", "next", "once",
    ]
}
