import HeraldData

/// The plain-text alternative of the digest (built in code: plain text needs no escaping).
enum DigestText {
    static func render(_ a: ReputationAnalysis, tenantName: String, headline: String, reportLink: String?) -> String {
        var lines: [String] = []
        lines.append("Reputation digest: \(tenantName)")
        lines.append("\(a.period.firstDay) to \(a.period.lastDay) (\(counted(a.period.days, "day")))")
        lines.append("")
        lines.append("Average rating: \(headline)")
        if let previous = a.previous.average {
            lines.append("Previous \(a.period.days) days: \(Figures.decimal(previous, 1)) from \(counted(a.previous.count, "review"))")
        }
        lines.append("Reviews: \(a.current.count)")
        for stars in (1...5).reversed() {
            lines.append("  \(counted(stars, "star")): \(a.current.distribution[stars - 1])")
        }
        if let rate = a.responses.rate {
            var line = "Responses: \(a.responses.responded) of \(a.responses.reviews) (\(Figures.percent(rate)))"
            if let median = a.responses.medianHours { line += ", median time \(Figures.duration(hours: median))" }
            lines.append(line)
        }
        if let mean = a.sentiment.mean {
            lines.append("Sentiment: mean \(Figures.signed(mean, 2)); \(a.sentiment.positive) positive, "
                         + "\(a.sentiment.neutral) neutral, \(a.sentiment.negative) negative")
        }
        lines.append("")
        if a.unanswered.isEmpty {
            lines.append("No unanswered reviews of \(a.lowRatingThreshold) stars or fewer in this period.")
        } else {
            lines.append("Unanswered reviews of \(a.lowRatingThreshold) stars or fewer (newest first):")
            for scored in a.unanswered {
                let r = scored.review
                lines.append("")
                lines.append("- \(r.rating)/5 by \(r.author) on \(r.source), \(scored.localDay)")
                if let title = r.title, !title.isEmpty { lines.append("  \(title)") }
                lines.append("  \(r.text.split(whereSeparator: \.isNewline).joined(separator: " "))")
            }
        }
        if a.olderUnanswered > 0 {
            lines.append("")
            lines.append("\(counted(a.olderUnanswered, "older low rating")) before this period also await an answer.")
        }
        if let reportLink {
            lines.append("")
            lines.append("Full report: \(reportLink)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
