import HeraldData
import Generator

/// `reports/reputation/reviews.csv`: one row per review of the current period with its sentiment score,
/// oldest first (ties by id). Texts and authors stay out of the file; `id` and `source` come from data, so every
/// field is quoted as needed and a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` (spreadsheet formula injection).
enum ReviewsCSV {
    static let header = ["id", "source", "created_at", "local_day", "rating", "responded", "response_hours",
                         "sentiment", "sentiment_label"]

    static func render(_ reviews: [ScoredReview]) -> String {
        let sorted = reviews.sorted { a, b in
            a.review.createdAt != b.review.createdAt ? a.review.createdAt < b.review.createdAt : a.review.id < b.review.id
        }
        var out = header.joined(separator: ",") + "\r\n"
        for scored in sorted {
            let r = scored.review
            let hours = r.response.map {
                Figures.decimal(Double($0.respondedAt.millisecondsSinceEpoch - r.createdAt.millisecondsSinceEpoch) / 3_600_000, 2)
            } ?? ""
            let fields = [r.id, r.source, r.createdAt.description, scored.localDay, String(r.rating),
                          r.response == nil ? "false" : "true", hours, Figures.decimal(scored.sentiment.compound, 4),
                          scored.sentiment.label.rawValue]
            out += fields.enumerated().map { index, value in CSVText.field(value, untrusted: index < 2) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

}
