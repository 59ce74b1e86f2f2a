import Foundation
import Testing
import HeraldData
@testable import NewsletterPlugin

/// Every message the plugin generates for awkward issues, parsed back with Python's `email` package
/// (`policy.default`) and checked octet by octet against RFC 5322, 2045, 2047, 2369 and 5321.
@Suite struct MessageExactnessTests {
    struct IssueCase: Sendable, CustomTestStringConvertible {
        var name: String
        var subject: String
        var testDescription: String { name }
    }

    static let issues: [IssueCase] = [
        IssueCase(name: "40 emoji", subject: String(repeating: "🎉", count: 40)),
        IssueCase(name: "Korean with spaces", subject: "안녕하세요 여러분, 이번 주 뉴스레터 소식을 전해 드립니다. 많이 읽어 주세요 감사합니다"),
        IssueCase(name: "mixed ASCII, accents and emoji", subject: "Ça roule 🚲 — the big autumn update for every café owner in Zürich and beyond"),
        IssueCase(name: "long ASCII", subject: "A plain ASCII subject that is long enough to need folding more than once when written out, really quite long"),
    ]

    static let readers: [Subscriber] = [
        Subscriber(id: "k1", email: "minjun@example.org", firstName: "민준", lastName: "김", tags: []),
        Subscriber(id: "e1", email: "party@example.org", firstName: "🎉🎉🎉", lastName: "Ünïcødé", tags: []),
        Subscriber(id: "a1", email: "plain@example.org", firstName: "Ann", lastName: "Lee", tags: []),
        Subscriber(id: "q1", email: "quote@example.org", firstName: "Smith, \"JJ\"", lastName: nil, tags: []),
    ]

    /// A base that makes the signed unsubscribe URL about 200 characters long.
    static let unsubscribeBase = "https://unsubscribe.acme.example/manage/" + String(repeating: "segment-", count: 12) + "end"

    @Test(.enabled(if: Python.available, "python3 is absent"), arguments: issues)
    func everyGeneratedMessageIsExact(_ c: IssueCase) throws {
        let body = ".starts with a dot\n\nFrom the editor: " + String(repeating: "long words without end ", count: 12) + "🎉\n\nx" + String(repeating: "=", count: 90) + "\n"
        let document = issueDocument("newsletter/2026-11-15-exact.md", body, [("subject", .string(c.subject)), ("date", .string("2026-11-15"))])
        let output = try runNewsletter(makeInput([document], subscribers: Self.readers,
                                                          settings: [("unsubscribe_url", .string(Self.unsubscribeBase))]))
        let emails = output.artifacts.filter { $0.path.value.hasSuffix(".eml") }
        #expect(emails.count == Self.readers.count)
        let parsed = try #require(try Python.parse(emails.map(\.bytes)))
        for (artifact, message) in zip(emails, parsed) {
            let raw = String(decoding: artifact.bytes, as: UTF8.self)
            let where_ = artifact.path.value
            #expect(message.subject == c.subject, "\(where_)")
            #expect(message.defects.isEmpty, "\(where_): \(message.defects)")
            #expect(!message.bare_newlines, "\(where_): a bare LF or CR")
            #expect(message.max_line <= 998, "\(where_)")
            #expect(message.qp_max_line <= 76, "\(where_): a body line of \(message.qp_max_line) octets")
            #expect(!message.dot_lines, "\(where_): a body line starts with '.'")
            #expect(message.mime_version == "1.0")
            #expect(!message.date.isEmpty && !message.message_id.isEmpty && !message.list_id.isEmpty, "\(where_)")
            #expect(message.list_unsubscribe_post == "List-Unsubscribe=One-Click")
            for word in message.encoded_words {
                #expect(word.length <= 75, "\(where_): \(word.word)")
                #expect(word.whole, "\(where_): \(word.word) splits a UTF-8 character")
            }
            // Header lines: ≤ 78 octets, folded only at whitespace (continuations start with a space), except the
            // List-Unsubscribe URLs, which are never folded, encoded or broken inside <…>.
            let unsubscribeLines = message.header_lines.filter { $0.contains("://") || $0.contains("mailto:") }
            for line in message.header_lines where !unsubscribeLines.contains(line) {
                #expect(line.utf8.count <= 78, "\(where_): \(line)")
                #expect(!line.isEmpty)
            }
            let https = try #require(raw.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: <") })
            #expect(https.hasPrefix("List-Unsubscribe: <" + Self.unsubscribeBase + "?"))
            #expect(https.utf8.count >= 200, "the URL should be about 200 characters: \(https)")
            #expect(https.hasSuffix(">,"))
            #expect(raw.contains(">,\r\n <mailto:unsubscribe@acme.example?subject=unsubscribe%20"))
            #expect(message.list_unsubscribe.contains("<mailto:unsubscribe@acme.example?subject=unsubscribe%20"))
            #expect(!message.list_unsubscribe.contains("=?"))
            // The text survives quoted-printable and dot-stuffing-safe encoding.
            #expect(message.text.contains(".starts with a dot"))
            #expect(message.text.contains("x" + String(repeating: "=", count: 90)))
            #expect(message.html.contains(Self.unsubscribeBase))
        }
        // Recipients' display names (first then last name) come back exactly.
        #expect(Set(parsed.map(\.to_name)) == ["민준 김", "🎉🎉🎉 Ünïcødé", "Ann Lee", "Smith, \"JJ\""])
    }
}
