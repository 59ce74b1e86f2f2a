import Foundation
import Generator
import HeraldData
import Markup
import Testing
@testable import ReputationPlugin

@Suite struct ReputationPluginTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(2)' x='",
        "javascript:alert(3)",
        "</blockquote><a href=\"javascript:alert(4)\">click</a>",
        "{{ report.headline }} {% if true %}liquid{% endif %}",
    ]

    static func hostileReviews() -> [Review] {
        hostile.enumerated().map { index, payload in
            review("h\(index)", rating: 1 + index % 2, at: "2026-03-30T1\(index):00:00+02:00", text: "Bad. " + payload,
                   title: payload, author: payload, source: payload)
        }
    }

    static let sample: [Review] = [
        review("r1", rating: 5, at: "2026-03-31T09:00:00+02:00", text: "Wonderful dinner, friendly staff!",
               respondedAt: "2026-03-31T09:30:00+02:00"),
        review("r2", rating: 4, at: "2026-03-30T12:00:00+02:00", text: "Good pasta, slow service."),
        review("r3", rating: 1, at: "2026-03-29T20:00:00+02:00", text: "Cold food and a rude waiter.", title: "Never again"),
        review("r4", rating: 2, at: "2026-03-29T00:30:00+01:00", text: "Überteuert und laut. Not good.",
               respondedAt: "2026-03-29T12:30:00+02:00"),
        review("p1", rating: 3, at: "2026-03-27T12:00:00+01:00", text: "Average."),
        review("p2", rating: 5, at: "2026-03-28T12:00:00+01:00", text: "Superb."),
    ]

    @Test func summaryAndArtifacts() throws {
        let output = try ReputationPlugin().run(pluginInput(Self.sample))
        #expect(output.artifacts.map(\.path.value) == ["reports/reputation/index.html", "reports/reputation/reviews.csv",
                                                       "email/reputation/digest.eml"])
        let summary = try #require(output.summary)
        #expect(summary.title == "Reputation")
        #expect(summary.headline == "3.0 ★ (-1.0)")
        #expect(summary.detail == "4 reviews, 1 unanswered low rating")
        #expect(summary.link == "reports/reputation/index.html")
        // No recipients configured: an info notice, not an error.
        #expect(output.notices.map(\.severity) == [.info])

        let html = try #require(output.text(ReputationPlugin.reportPath))
        let root = HTMLParser.parse(html)
        #expect(root.first("svg") != nil)
        #expect(root.descendants(named: "rect").count == 5)
        let listed = root.descendants(named: "li").filter { $0[attribute: "class"] == "review" }
        #expect(listed.count == 1)
        #expect(listed.first?.textContent.contains("Cold food and a rude waiter.") == true)
        #expect(html.contains("2026-03-29 to 2026-03-31"))
        #expect(html.contains("50%"))  // response rate 2 of 4
    }

    @Test func hostileReviewTextIsEscapedInTheReport() throws {
        let output = try ReputationPlugin().run(pluginInput(Self.hostileReviews(), settings: [("period_days", .int(3)), ("low_rating_threshold", .int(2))]))
        let html = try #require(output.text(ReputationPlugin.reportPath))
        try Self.assertInert(html)
        let root = HTMLParser.parse(html)
        let quotes = root.descendants(named: "blockquote").map(\.textContent)
        for payload in Self.hostile {
            #expect(quotes.contains("Bad. " + payload), "review text shown verbatim as text: \(payload)")
        }
        // Liquid in data is data, not template code.
        #expect(html.contains("{{ report.headline }}"))
    }

    @Test func hostileReviewTextIsEscapedInTheDigest() throws {
        let output = try ReputationPlugin().run(pluginInput(Self.hostileReviews()))
        let raw = try #require(output.text(ReputationPlugin.digestPath))
        let message = try #require(ParsedMessage(raw))
        let html = try #require(message.parts.last?.body)
        try Self.assertInert(html)
        let text = try #require(message.parts.first?.body)
        #expect(text.contains("<script>alert(1)</script>"))  // plain text: shown as is, never interpreted
    }

    /// No script element, no event-handler attribute, no javascript: URL anywhere in the document.
    static func assertInert(_ html: String) throws {
        let root = HTMLParser.parse(html)
        let elements = [root] + root.descendants()
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.descendants(named: "img").isEmpty)
        for element in elements {
            for attribute in element.attributes {
                #expect(!attribute.name.lowercased().hasPrefix("on"), "\(element.name) has \(attribute.name)")
                if ["href", "src", "action", "formaction"].contains(attribute.name.lowercased()) {
                    #expect(HTMLEscape.isSafeURL(attribute.value), "\(attribute.value)")
                }
            }
        }
        #expect(!root.descendants(named: "a").contains { $0.textContent == "click" })
    }

    @Test func digestStructure() throws {
        let output = try ReputationPlugin().run(pluginInput(Self.sample, settings: [
            ("period_days", .int(3)),
            ("recipients", .array([ConfigNode(.string("owner@acme.example"), at: SourceLocation(file: "t")),
                                   ConfigNode(.string("b@acme.example"), at: SourceLocation(file: "t"))])),
        ]))
        #expect(output.notices.isEmpty)
        let raw = try #require(output.text(ReputationPlugin.digestPath))
        let bytes = Array(raw.utf8)
        for (i, b) in bytes.enumerated() where b == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at \(i)") }
        #expect(bytes.allSatisfy { $0 < 0x80 }, "7-bit message")
        for line in raw.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }

        let message = try #require(ParsedMessage(raw))
        #expect(message.header("From") == "reputation@acme.example")
        #expect(message.header("To") == "b@acme.example, owner@acme.example")
        #expect(message.header("Date") == "Tue, 31 Mar 2026 10:00:00 +0200")
        #expect(message.header("Message-ID") == "<reputation-digest.acme.20260331080000@acme.example>")
        #expect(message.header("MIME-Version") == "1.0")
        let subject = try #require(message.header("Subject"))
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(message.header("Content-Type")?.hasPrefix("multipart/alternative; boundary=\"=_herald-reputation-") == true, "\(message.header("Content-Type") ?? "")")
        #expect(raw.hasSuffix("\r\n--" + message.boundary + "--\r\n"))

        #expect(message.parts.count == 2)
        #expect(message.parts[0].headers.first { $0.0 == "Content-Type" }?.1 == "text/plain; charset=utf-8")
        #expect(message.parts[1].headers.first { $0.0 == "Content-Type" }?.1 == "text/html; charset=utf-8")
        #expect(message.parts.allSatisfy { $0.headers.contains { $0 == ("Content-Transfer-Encoding", "quoted-printable") } })
        #expect(message.parts[0].body.contains("Average rating: 3.0 ★ (-1.0)"))
        #expect(message.parts[0].body.contains("Überteuert") == false)  // answered, so not listed
        #expect(message.parts[0].body.contains("Cold food and a rude waiter."))
        #expect(HTMLParser.parse(message.parts[1].body).first("title")?.textContent == "Reputation digest: Acme Bistro")
    }

    @Test func reviewsCSV() throws {
        let hostile = review("=cmd|' /C calc'!A0", rating: 2, at: "2026-03-30T10:00:00Z", source: "+x,\"y\"")
        let output = try ReputationPlugin().run(pluginInput(Self.sample + [hostile]))
        let csv = try #require(output.text(ReputationPlugin.csvPath))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "id,source,created_at,local_day,rating,responded,response_hours,sentiment,sentiment_label")
        #expect(lines.count == 1 + 5 + 1)  // header, five reviews in the period, final empty string
        #expect(lines[1].hasPrefix("r4,google,2026-03-29T00:30:00+01:00,2026-03-29,2,true,11.00,"))
        #expect(lines.contains { $0.hasPrefix("'=cmd|' /C calc'!A0,\"'+x,\"\"y\"\"\",2026-03-30T10:00:00Z,2026-03-30,2,false,,") })
        #expect(lines.last == "")
    }

    @Test func deterministicOutput() throws {
        let a = try ReputationPlugin().run(pluginInput(Self.sample + Self.hostileReviews()))
        let b = try ReputationPlugin().run(pluginInput((Self.sample + Self.hostileReviews()).reversed()))
        #expect(a.artifacts.map(\.bytes) == b.artifacts.map(\.bytes))
        #expect(a.summary == b.summary)
    }

    @Test(arguments: [
        ([("period_days", ConfigValue.int(3)), ("colour", .string("red"))], "unknown key 'colour'"),
        ([("period_days", .int(0))], "period_days must be between 1 and 3660"),
        ([("low_rating_threshold", .int(5))], "low_rating_threshold must be between 1 and 4"),
        ([("recipients", .array([ConfigNode(.string("x@y.com\r\nBcc: z@w.com"), at: SourceLocation(file: "t"))]))],
         "is not an email address"),
        ([("period_days", .string("thirty"))], "expected"),
    ])
    func settingsAreStrict(_ settings: [(String, ConfigValue)], _ message: String) {
        do {
            _ = try ReputationPlugin().run(pluginInput(Self.sample, settings: settings))
            Issue.record("expected an error for \(settings)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
            #expect("\(error)".contains("tenant.yml"), "error names the file: \(error)")
        }
    }

    @Test func missingReviewsAndBadRatingsAreErrors() {
        #expect(throws: Diagnostic.self) { try ReputationPlugin().run(pluginInput(nil)) }
        #expect(throws: DiagnosticList.self) {
            try ReputationPlugin().run(pluginInput([review("bad", rating: 7, at: "2026-03-30T12:00:00Z", line: 4)]))
        }
        var badZone = tenant
        badZone.timeZone = "Nowhere/Atlantis"
        #expect(throws: Diagnostic.self) { try ReputationPlugin().run(pluginInput(Self.sample, tenant: badZone)) }
    }

    @Test func inconsistentAndFutureReviewsAreNoticed() throws {
        let output = try ReputationPlugin().run(pluginInput([
            review("x", rating: 4, at: "2026-03-30T12:00:00Z", respondedAt: "2026-03-30T11:00:00Z", line: 3),
            review("y", rating: 4, at: "2026-04-02T12:00:00Z", line: 4),
        ]))
        let messages = output.notices.map(\.description)
        #expect(messages.contains { $0.contains("reviews.ndjson:3") && $0.contains("response dated before the review") })
        #expect(messages.contains { $0.contains("1 review dated after the build time") })
    }
}

/// Writes the sample report and digest to $HERALD_REPUTATION_PREVIEW (when set) for a look in a browser.
@Suite struct ReputationPreview {
    @Test func preview() throws {
        guard let folder = ProcessInfo.processInfo.environment["HERALD_REPUTATION_PREVIEW"] else { return }
        let output = try ReputationPlugin().run(pluginInput(ReputationPluginTests.sample + ReputationPluginTests.hostileReviews()))
        for artifact in output.artifacts {
            let path = folder + "/" + artifact.path.value
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(artifact.bytes).write(to: URL(fileURLWithPath: path))
        }
    }
}
