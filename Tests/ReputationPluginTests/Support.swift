import Foundation
import HeraldData
@testable import ReputationPlugin

/// Parses `2026-03-29T00:00:00+01:00` / `…Z` for test data.
func ts(_ text: String) -> Timestamp {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let date = formatter.date(from: text) ?? {
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)!
    }()
    var offset = 0
    if !text.hasSuffix("Z") {
        let tail = text.suffix(6)
        let sign = tail.hasPrefix("-") ? -1 : 1
        offset = sign * (Int(tail.dropFirst().prefix(2))! * 3600 + Int(tail.suffix(2))! * 60)
    }
    return Timestamp(millisecondsSinceEpoch: Int64((date.timeIntervalSince1970 * 1000).rounded()), offsetSeconds: offset)
}

func review(_ id: String, rating: Int, at created: String, text: String = "It was fine.", title: String? = nil,
            author: String = "A. Customer", source: String = "google", respondedAt: String? = nil, line: Int = 0) -> Review {
    Review(id: id, source: source, author: author, rating: rating, title: title, text: text, createdAt: ts(created),
           response: respondedAt.map { ReviewResponse(text: "Thank you", respondedAt: ts($0)) }, line: line)
}

func berlin() throws -> Calendar {
    try LocalDay.calendar(timeZone: "Europe/Berlin", at: SourceLocation(file: "tenant.yml"))
}
