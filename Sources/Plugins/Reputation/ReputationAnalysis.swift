import Foundation
import HeraldData

/// A review with what the report shows about it.
public struct ScoredReview: Sendable, Hashable {
    public var review: Review
    public var sentiment: SentimentScore
    /// `YYYY-MM-DD` in the tenant's time zone.
    public var localDay: String
}

/// Everything the reputation report says, computed from the reviews (pure; no rendering).
public struct ReputationAnalysis: Sendable {
    public var period: ReportingPeriod
    public var previousPeriod: ReportingPeriod
    public var current: RatingStats
    public var previous: RatingStats
    public var responses: ResponseStats
    public var sentiment: SentimentSummary
    public var themes: [ReviewTheme]
    /// Every review of the current period with its sentiment, in input order.
    public var scored: [ScoredReview]
    /// Unanswered reviews at or below the threshold in the current period, newest first.
    public var unanswered: [ScoredReview]
    /// Unanswered low ratings older than the current period (counted, not listed).
    public var olderUnanswered: Int
    /// Reviews dated after `now` (ignored).
    public var future: Int
    public var lowRatingThreshold: Int

    public var change: Double? { current.change(since: previous) }

    public init(reviews: [Review], now: Date, calendar: Calendar, settings: ReputationSettings,
                analyzer: SentimentAnalyzer = SentimentAnalyzer()) {
        let (period, previousPeriod) = ReportingPeriod.periods(endingAt: now, days: settings.periodDays, calendar: calendar)
        let threshold = settings.lowRatingThreshold
        self.period = period
        self.previousPeriod = previousPeriod
        lowRatingThreshold = threshold
        let inPeriod = reviews.filter { period.contains($0.createdAt) }
        current = RatingStats(inPeriod)
        previous = RatingStats(reviews.filter { previousPeriod.contains($0.createdAt) })
        responses = ResponseStats(inPeriod)
        future = reviews.filter { $0.createdAt.millisecondsSinceEpoch >= period.end }.count
        let scored = inPeriod.map { review in
            ScoredReview(review: review, sentiment: analyzer.score(Self.fullText(review)),
                         localDay: LocalDay.string(review.createdAt.date, calendar))
        }
        self.scored = scored
        sentiment = SentimentSummary(scored.map(\.sentiment))
        themes = ReviewThemes.top(inPeriod)
        unanswered = scored.filter { $0.review.rating <= threshold && $0.review.response == nil }
            .sorted { a, b in
                a.review.createdAt != b.review.createdAt ? a.review.createdAt > b.review.createdAt : a.review.id < b.review.id
            }
        olderUnanswered = reviews.filter {
            $0.createdAt.millisecondsSinceEpoch < period.start && $0.rating <= threshold && $0.response == nil
        }.count
    }

    /// Title and text, as scored.
    public static func fullText(_ review: Review) -> String {
        guard let title = review.title, !title.isEmpty else { return review.text }
        return title + ". " + review.text
    }
}
