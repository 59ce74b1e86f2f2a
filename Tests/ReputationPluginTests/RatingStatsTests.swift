import Foundation
import HeraldData
import Testing
@testable import ReputationPlugin

@Suite struct RatingStatsTests {
    static let now = ts("2026-03-31T10:00:00+02:00").date

    static let reviews = [
        review("a", rating: 5, at: "2026-03-31T09:00:00+02:00"),
        review("b", rating: 4, at: "2026-03-30T12:00:00+02:00", respondedAt: "2026-03-30T14:00:00+02:00"),
        review("c", rating: 1, at: "2026-03-29T00:00:00+01:00", text: "Cold food."),
        review("d", rating: 2, at: "2026-03-29T18:00:00+02:00", respondedAt: "2026-03-30T18:00:00+02:00"),
        review("e", rating: 2, at: "2026-03-30T08:00:00+02:00"),
        review("p1", rating: 3, at: "2026-03-27T12:00:00+01:00"),
        review("p2", rating: 4, at: "2026-03-28T23:59:00+01:00"),
        review("old", rating: 1, at: "2026-03-01T12:00:00+01:00"),
        review("future", rating: 1, at: "2026-04-01T12:00:00+02:00"),
    ]

    static func analysis(threshold: Int = 2) throws -> ReputationAnalysis {
        ReputationAnalysis(reviews: reviews, now: now, calendar: try berlin(),
                           settings: ReputationSettings(periodDays: 3, lowRatingThreshold: threshold))
    }

    @Test func averagesDistributionAndChange() throws {
        let a = try Self.analysis()
        #expect(a.current.count == 5)
        #expect(a.current.distribution == [1, 2, 0, 1, 1])
        #expect(a.current.average == 14.0 / 5)
        #expect(a.previous.count == 2)
        #expect(a.previous.average == 3.5)
        #expect(abs(a.change! - (2.8 - 3.5)) < 1e-12)
        #expect(a.future == 1)
        #expect(ReputationPlugin.headline(a) == "2.8 ★ (-0.7)")
    }

    @Test(arguments: [(2, ["e", "c"], 1), (1, ["c"], 1), (4, ["e", "c"], 3)])
    func unansweredLowRatingsNewestFirst(threshold: Int, ids: [String], older: Int) throws {
        let a = try Self.analysis(threshold: threshold)
        #expect(a.unanswered.map(\.review.id) == ids)
        #expect(a.olderUnanswered == older)
    }

    @Test func headlineWithoutPreviousOrReviews() {
        let empty = ReputationAnalysis(reviews: [], now: Self.now, calendar: try! berlin(), settings: ReputationSettings())
        #expect(ReputationPlugin.headline(empty) == "no reviews")
        let one = ReputationAnalysis(reviews: [review("x", rating: 4, at: "2026-03-31T09:00:00+02:00")], now: Self.now,
                                     calendar: try! berlin(), settings: ReputationSettings())
        #expect(ReputationPlugin.headline(one) == "4.0 ★")
    }

    @Test(arguments: [
        ([Double](), nil as Double?),
        ([3.0], 3.0),
        ([5.0, 1.0], 3.0),
        ([10.0, 2.0, 4.0], 4.0),
        ([1.0, 8.0, 2.0, 100.0], 5.0),
    ])
    func median(_ values: [Double], _ expected: Double?) {
        #expect(ResponseStats.median(values) == expected)
    }

    @Test func responseRateAndMedian() throws {
        let a = try Self.analysis()
        #expect(a.responses.responded == 2)
        #expect(a.responses.reviews == 5)
        #expect(a.responses.rate == 0.4)
        #expect(a.responses.medianHours == 13)  // 2 h and 24 h
        let inconsistent = ResponseStats([
            review("x", rating: 3, at: "2026-03-30T12:00:00Z", respondedAt: "2026-03-30T11:00:00Z"),
            review("y", rating: 3, at: "2026-03-30T12:00:00Z", respondedAt: "2026-03-30T18:30:00+02:00"),
        ])
        #expect(inconsistent.responded == 2)
        #expect(inconsistent.inconsistent.map(\.id) == ["x"])
        #expect(inconsistent.medianHours == 4.5)
    }

    @Test(arguments: [
        (4.25, 1, "4.3"), (4.249, 1, "4.2"), (-0.04, 1, "0.0"), (-0.05, 1, "-0.1"), (0.6666, 2, "0.67"), (3, 0, "3"),
        (0.05, 1, "0.1"),
    ])
    func figures(_ value: Double, _ places: Int, _ expected: String) {
        #expect(Figures.decimal(value, places) == expected)
    }

    @Test func themesCountReviewsOnce() {
        let reviews = [
            review("1", rating: 1, at: "2026-03-30T12:00:00Z", text: "Slow service, slow service, rude waiter."),
            review("2", rating: 3, at: "2026-03-30T12:00:00Z", text: "The service was slow."),
            review("3", rating: 5, at: "2026-03-30T12:00:00Z", text: "Lovely waiter and the pasta!"),
        ]
        let themes = ReviewThemes.top(reviews)
        #expect(themes.map(\.term) == ["service", "slow", "waiter"])
        #expect(themes.map(\.reviews) == [2, 2, 2])
        #expect(themes.first?.averageRating == 2)
    }
}
