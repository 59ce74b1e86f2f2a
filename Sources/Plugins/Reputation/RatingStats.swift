import HeraldData

/// Star ratings of a set of reviews.
public struct RatingStats: Sendable, Hashable {
    public var count: Int
    /// Reviews per star, index 0 = 1 star … index 4 = 5 stars.
    public var distribution: [Int]
    /// Mean rating; nil without reviews.
    public var average: Double?

    public init(_ reviews: some Sequence<Review>) {
        var distribution = [0, 0, 0, 0, 0]
        var total = 0, count = 0
        for review in reviews where (1...5).contains(review.rating) {
            distribution[review.rating - 1] += 1
            total += review.rating
            count += 1
        }
        self.count = count
        self.distribution = distribution
        self.average = count > 0 ? Double(total) / Double(count) : nil
    }

    /// The change of the average against `previous`, nil when either period has no reviews.
    public func change(since previous: RatingStats) -> Double? {
        guard let average, let before = previous.average else { return nil }
        return average - before
    }
}
