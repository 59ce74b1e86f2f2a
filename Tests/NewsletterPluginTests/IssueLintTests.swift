import Testing
import HeraldData
@testable import NewsletterPlugin

/// The lint report per issue (issue 5, "Lint report per issue"): size, preheader, and the link and image counts.
@Suite struct IssueLintTests {
    func issue(preheader: String?) -> NewsletterIssue {
        NewsletterIssue(slug: "x", subject: "x", title: "x", preheader: preheader, description: nil,
                        date: Timestamp(millisecondsSinceEpoch: 0, offsetSeconds: 0), day: "1970-01-01", segments: [],
                        authors: [], markdown: "", baseURL: "https://x/", location: SourceLocation(file: "x"))
    }

    /// A body that passes every other check, padded with a comment to `bytes`.
    func html(bytes: Int) -> [UInt8] {
        let body = "<body><a href=\"\u{E000}0\u{E001}\">u</a><a href=\"https://x/\">x</a><img src=\"https://x/a.png\" alt=\"\" width=\"10\">"
        let padding = max(0, bytes - body.utf8.count - "<!---->".utf8.count - "</body>".utf8.count)
        return Array((body + "<!--" + String(repeating: "x", count: padding) + "-->" + "</body>").utf8)
    }

    func findings(bytes: Int, preheader: String?) -> [IssueLint.Finding] {
        IssueLint(issue: issue(preheader: preheader), html: html(bytes: bytes), unsubscribeSentinel: MergeMarker.sentinel(0)).findings
    }

    @Test(arguments: [
        (90 * 1024, nil),
        (90 * 1024 + 1, "close to Gmail's 102 KB clipping limit"),
        (102 * 1024, "close to Gmail's 102 KB clipping limit"),
        (102 * 1024 + 1, "Gmail clips messages over about 102 KB"),
    ] as [(Int, String?)])
    func sizeIsNotedAt90KBAndWarnedAt102KB(_ bytes: Int, _ expected: String?) {
        let found = findings(bytes: bytes, preheader: "Fine")
        #expect(found.map(\.message).filter { $0.contains("KB") }.count == (expected == nil ? 0 : 1))
        if let expected {
            let finding = found.first { $0.message.contains(expected) }
            #expect(finding?.level == (bytes > 102 * 1024 ? .warning : .info))
        }
    }

    @Test(arguments: [
        (nil, "no preheader"),
        (String(repeating: "é", count: 100), nil),
        (String(repeating: "é", count: 101), "preheader is 101 characters"),
    ] as [(String?, String?)])
    func preheaderMustBePresentAndAtMost100Characters(_ preheader: String?, _ expected: String?) {
        let found = findings(bytes: 1024, preheader: preheader).map(\.message)
        #expect(found.count == (expected == nil ? 0 : 1))
        if let expected { #expect(found.first?.contains(expected) == true) }
    }

    @Test func countsLinksAndImagesInTheBody() {
        let lint = IssueLint(issue: issue(preheader: "Fine"), html: html(bytes: 0), unsubscribeSentinel: MergeMarker.sentinel(0))
        #expect(lint.links == 2 && lint.images == 1)
        #expect(lint.findings.isEmpty)
    }
}
