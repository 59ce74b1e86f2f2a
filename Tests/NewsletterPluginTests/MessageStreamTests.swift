import Testing
import Generator
import HeraldData
@testable import NewsletterPlugin

/// Messages stream to the build in batches while the plugin runs, so memory holds a batch, not the whole output.
@Suite struct MessageStreamTests {
    /// Enough readers for many batches and several chunks per batch; every fourth has no first name.
    static let readers: [Subscriber] = (1...150).map { k in
        Subscriber(id: "r" + String(1000 + k).dropFirst(), email: "r\(k)@example.org", firstName: k % 4 == 0 ? nil : "R\(k)")
    }
    static let issues = [sampleIssue(), sampleIssue("2026-10-01-october.md", subject: "October"),
                         issueDocument("newsletter/2026-09-01-dear.md", "Dear {{ subscriber.first_name }}, hello.", [("subject", .string("Dear"))])]

    @Test func messagesAreEmittedWhileRunningNotReturned() throws {
        let run = try runNewsletter(makeInput(Self.issues, subscribers: Self.readers))
        #expect(run.output.artifacts.allSatisfy { !$0.path.value.hasSuffix(".eml") })
        #expect(run.emitted.count == 3 * Self.readers.count)
        #expect(run.emitted.allSatisfy { $0.path.value.hasSuffix(".eml") })
        #expect(run.summary?.headline == "3 issues, 450 messages")
    }

    @Test func messagesComeNewestIssueFirstThenInRecipientOrder() throws {
        let run = try runNewsletter(makeInput(Self.issues, subscribers: Self.readers.reversed()), NewsletterPlugin(messageBatch: 16))
        let expected = ["2026-11-15-november", "2026-10-01-october", "2026-09-01-dear"].flatMap { slug in
            Self.readers.map { "email/newsletter/\(slug)/\($0.id).eml" }
        }
        #expect(run.emitted.map(\.path.value) == expected)
    }

    @Test(arguments: [1, 2, 7, 64, 149, 100_000])
    func theBatchSizeNeverChangesTheOutput(_ batch: Int) throws {
        let reference = try runNewsletter(makeInput(Self.issues, subscribers: Self.readers))
        let batched = try runNewsletter(makeInput(Self.issues, subscribers: Self.readers), NewsletterPlugin(messageBatch: batch))
        #expect(batched.emitted.map(\.path) == reference.emitted.map(\.path))
        #expect(batched.emitted.map(\.bytes) == reference.emitted.map(\.bytes))
        #expect(batched.output.artifacts.map(\.bytes) == reference.output.artifacts.map(\.bytes))
        // Counts over all batches: the empty-merge notice and the header lint of the first message.
        #expect(batched.notices == reference.notices)
        #expect(batched.notices.contains { $0.message.contains("37 message(s) have an empty merge") })
    }

    @Test(arguments: [1, 3])
    func subjectVariantsStayCompleteSetsWhateverTheBatch(_ batch: Int) throws {
        let variants = ConfigValue.array([ConfigNode(.string("A"), at: SourceLocation(file: "x")), ConfigNode(.string("B"), at: SourceLocation(file: "x"))])
        let issue = issueDocument("newsletter/2026-11-20-ab.md", "Hello", [("subject", .string("A")), ("subject_variants", variants)])
        let run = try runNewsletter(makeInput([issue], subscribers: Array(Self.readers.prefix(5))), NewsletterPlugin(messageBatch: batch))
        let ids = Self.readers.prefix(5).map(\.id)
        #expect(run.emitted.map(\.path.value) == ids.flatMap { ["email/newsletter/2026-11-20-ab/a/\($0).eml", "email/newsletter/2026-11-20-ab/b/\($0).eml"] })
    }
}
