/// The sentiment of a set of reviews.
public struct SentimentSummary: Sendable, Hashable {
    public var count: Int
    /// Mean compound score; nil without reviews.
    public var mean: Double?
    public var positive: Int
    public var neutral: Int
    public var negative: Int

    public init(_ scores: [SentimentScore]) {
        count = scores.count
        mean = scores.isEmpty ? nil : scores.map(\.compound).reduce(0, +) / Double(scores.count)
        positive = scores.filter { $0.label == .positive }.count
        neutral = scores.filter { $0.label == .neutral }.count
        negative = scores.filter { $0.label == .negative }.count
    }
}
