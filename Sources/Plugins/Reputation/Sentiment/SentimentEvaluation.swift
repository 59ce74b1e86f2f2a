import HeraldData

/// Scoring Herald's sentiment against human-rated corpora.
public enum SentimentEvaluation {
    /// One human-rated text of a ground-truth file.
    public struct RatedText: Sendable, Hashable {
        public var id: String
        /// Mean human rating, −4…+4.
        public var rating: Double
        public var text: String
    }

    /// Pearson's correlation coefficient of two equally long series (nil when either has no variance).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "pearson needs series of equal length")
        let n = Double(x.count)
        guard x.count >= 2 else { return nil }
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - mx, dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Parses a ground-truth file: `id TAB mean-rating TAB text` per line, CRLF (or LF) line endings, the last
    /// line possibly unterminated. Texts are kept verbatim. A malformed line is an error naming file and line.
    public static func parseGroundTruth(_ bytes: [UInt8], file: String) throws -> [RatedText] {
        var rows: [RatedText] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            let line = bytes[start..<stop]
            start = end + 1
            if line.isEmpty { continue }
            guard let tab1 = line.firstIndex(of: 0x09),
                  let tab2 = line[(tab1 + 1)...].firstIndex(of: 0x09) else {
                throw Diagnostic("expected 'id<TAB>rating<TAB>text'", at: SourceLocation(file: file, line: lineNumber))
            }
            let ratingText = String(decoding: line[(tab1 + 1)..<tab2], as: UTF8.self)
            guard let rating = Double(ratingText) else {
                throw Diagnostic("expected a number for the mean rating, found '\(ratingText)'",
                                 at: SourceLocation(file: file, line: lineNumber, column: tab1 - line.startIndex + 2))
            }
            rows.append(RatedText(id: String(decoding: line[line.startIndex..<tab1], as: UTF8.self), rating: rating,
                                  text: String(decoding: line[(tab2 + 1)...], as: UTF8.self)))
        }
        return rows
    }

    /// Pearson r between the analyzer's compound and the human ratings.
    public static func correlation(_ rows: [RatedText], analyzer: SentimentAnalyzer = SentimentAnalyzer()) -> Double? {
        pearson(rows.map { analyzer.score($0.text).compound }, rows.map(\.rating))
    }
}
