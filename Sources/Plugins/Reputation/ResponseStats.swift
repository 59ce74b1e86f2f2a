import HeraldData

/// How the business answered a set of reviews.
public struct ResponseStats: Sendable, Hashable {
    public var reviews: Int
    public var responded: Int
    /// Median hours from review to response, over responses not dated before their review; nil without any.
    public var medianHours: Double?
    /// Responses dated before their review (bad data): left out of the median and reported.
    public var inconsistent: [Review]

    public var rate: Double? { reviews > 0 ? Double(responded) / Double(reviews) : nil }

    public init(_ reviews: [Review]) {
        self.reviews = reviews.count
        var hours: [Double] = []
        var inconsistent: [Review] = []
        var responded = 0
        for review in reviews {
            guard let response = review.response else { continue }
            responded += 1
            let delta = response.respondedAt.millisecondsSinceEpoch - review.createdAt.millisecondsSinceEpoch
            if delta < 0 { inconsistent.append(review); continue }
            hours.append(Double(delta) / 3_600_000)
        }
        self.responded = responded
        self.inconsistent = inconsistent
        self.medianHours = Self.median(hours)
    }

    /// The middle value (the mean of the two middle values for an even count).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
