import Liquid

/// The analysis as templates see it (`report.*`). Review texts, authors, titles and sources are plain strings:
/// the templates render with autoescape on, so they are always escaped. Only the chart is marked safe.
enum ReputationTemplateValues {
    static func report(_ a: ReputationAnalysis, headline: String) -> LiquidValue {
        var period = LiquidObject()
        period["first_day"] = .string(a.period.firstDay)
        period["last_day"] = .string(a.period.lastDay)
        period["days"] = .int(a.period.days)
        period["previous_first_day"] = .string(a.previousPeriod.firstDay)
        period["previous_last_day"] = .string(a.previousPeriod.lastDay)

        var responses = LiquidObject()
        responses["responded"] = .int(a.responses.responded)
        responses["total"] = .int(a.responses.reviews)
        responses["rate"] = a.responses.rate.map { .string(Figures.percent($0)) } ?? .null
        responses["median"] = a.responses.medianHours.map { .string(Figures.duration(hours: $0)) } ?? .null

        var sentiment = LiquidObject()
        sentiment["mean"] = a.sentiment.mean.map { .string(Figures.signed($0, 2)) } ?? .null
        sentiment["positive"] = .int(a.sentiment.positive)
        sentiment["neutral"] = .int(a.sentiment.neutral)
        sentiment["negative"] = .int(a.sentiment.negative)

        var object = LiquidObject()
        object["headline"] = .string(headline)
        object["period"] = .object(period)
        object["count"] = .int(a.current.count)
        object["previous_count"] = .int(a.previous.count)
        object["average"] = a.current.average.map { .string(Figures.decimal($0, 1)) } ?? .null
        object["previous_average"] = a.previous.average.map { .string(Figures.decimal($0, 1)) } ?? .null
        object["change"] = a.change.map { .string(Figures.signed($0, 1)) } ?? .null
        object["change_direction"] = a.change.map { change -> LiquidValue in
            let rounded = Figures.decimal(change, 1)
            return .string(rounded == "0.0" ? "flat" : change > 0 ? "up" : "down")
        } ?? .null
        object["chart"] = .safe(RatingChart.svg(distribution: a.current.distribution))
        object["distribution"] = .array((1...5).reversed().map { stars in
            let count = a.current.distribution[stars - 1]
            var row = LiquidObject()
            row["stars"] = .int(stars)
            row["count"] = .int(count)
            row["percent"] = .string(a.current.count > 0 ? Figures.percent(Double(count) / Double(a.current.count)) : "0%")
            return .object(row)
        })
        object["responses"] = .object(responses)
        object["sentiment"] = .object(sentiment)
        object["themes"] = .array(a.themes.map { theme in
            var row = LiquidObject()
            row["term"] = .string(theme.term)
            row["reviews"] = .int(theme.reviews)
            row["average"] = .string(Figures.decimal(theme.averageRating, 1))
            return .object(row)
        })
        object["threshold"] = .int(a.lowRatingThreshold)
        object["unanswered"] = .array(a.unanswered.map(review))
        object["older_unanswered"] = .int(a.olderUnanswered)
        return .object(object)
    }

    static func review(_ scored: ScoredReview) -> LiquidValue {
        let r = scored.review
        var row = LiquidObject()
        row["id"] = .string(r.id)
        row["source"] = .string(r.source)
        row["author"] = .string(r.author)
        row["title"] = r.title.map(LiquidValue.string) ?? .null
        row["text"] = .string(r.text)
        row["rating"] = .int(r.rating)
        row["stars"] = .string(stars(r.rating))
        row["day"] = .string(scored.localDay)
        row["created_at"] = .string(r.createdAt.description)
        row["sentiment"] = .string(Figures.signed(scored.sentiment.compound, 2))
        row["sentiment_label"] = .string(scored.sentiment.label.rawValue)
        return .object(row)
    }

    /// "★★☆☆☆" for 2.
    static func stars(_ rating: Int) -> String {
        let filled = max(0, min(5, rating))
        return String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }
}
