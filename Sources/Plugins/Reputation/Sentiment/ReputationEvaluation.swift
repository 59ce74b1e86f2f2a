import HeraldData

/// The real-input check of issue 2, section 6: Herald's sentiment against the human ratings of the VADER
/// evaluation corpora (`<sharedRoot>/corpus/sentiment/`), next to VADER 3.3.2's own correlation.
public enum ReputationEvaluation {
    public struct Corpus: Sendable, Hashable {
        public var name: String
        public var file: String
        /// Pearson r of VADER 3.3.2's compound with the same ratings (from the corpus README).
        public var vader: Double
    }

    public static let corpora = [
        Corpus(name: "tweets", file: "tweets_GroundTruth.txt", vader: 0.872),
        Corpus(name: "movie", file: "movieReviewSnippets_GroundTruth.txt", vader: 0.427),
    ]

    public struct Result: Sendable, Hashable {
        public var corpus: Corpus
        public var count: Int
        public var herald: Double
    }

    /// Scores every corpus under `<sharedRoot>/corpus/sentiment`; throws when a file is missing or malformed.
    public static func evaluate(sharedRoot: String, fileSystem: some FileSystem = LocalFileSystem(),
                                analyzer: SentimentAnalyzer = SentimentAnalyzer()) throws -> [Result] {
        try evaluate(corpusDirectory: sharedRoot + "/corpus/sentiment", fileSystem: fileSystem, analyzer: analyzer)
    }

    /// Scores every corpus in `corpusDirectory` (the folder holding the `*_GroundTruth.txt` files).
    public static func evaluate(corpusDirectory: String, fileSystem: some FileSystem = LocalFileSystem(),
                                analyzer: SentimentAnalyzer = SentimentAnalyzer()) throws -> [Result] {
        try corpora.map { corpus in
            let path = corpusDirectory + "/" + corpus.file
            let rows = try SentimentEvaluation.parseGroundTruth(try fileSystem.read(path), file: path)
            let r = SentimentEvaluation.correlation(rows, analyzer: analyzer) ?? 0
            return Result(corpus: corpus, count: rows.count, herald: r)
        }
    }

    /// A small table for `make real-input`, reading `<sharedRoot>/corpus/sentiment`.
    public static func run(sharedRoot: String, fileSystem: some FileSystem = LocalFileSystem()) throws -> String {
        try run(corpusDirectory: sharedRoot + "/corpus/sentiment", fileSystem: fileSystem)
    }

    /// The same table for `herald reputation evaluate CORPUS_DIR`.
    public static func run(corpusDirectory: String, fileSystem: some FileSystem = LocalFileSystem()) throws -> String {
        let results = try evaluate(corpusDirectory: corpusDirectory, fileSystem: fileSystem)
        var out = "Sentiment: Pearson r of the compound score with the human mean ratings (Hutto & Gilbert, ICWSM 2014)\n"
        out += "corpus      texts   Herald   VADER 3.3.2\n"
        for result in results {
            out += pad(result.corpus.name, 10) + "  " + pad(String(result.count), 6, left: true) + "   "
                + format(result.herald) + "    " + format(result.corpus.vader) + "\n"
        }
        return out
    }

    static func format(_ r: Double) -> String {
        let thousandths = Int((r * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return sign + String(magnitude / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.utf8.count))
        return left ? fill + text : text + fill
    }
}
