import Foundation
import Testing
import HeraldData
import Generator
@testable import NewsletterPlugin

@Suite struct SegmentTests {
    static let ann = Subscriber(id: "ann", email: "ann@example.org", firstName: "Ann", tags: ["vip", "berlin"], attributes: ["city": "Berlin", "plan": "pro"])
    static let bob = Subscriber(id: "bob", email: "bob@example.org", firstName: "Bob", tags: ["churned"], attributes: ["city": "Hamburg", "plan": "team"])
    static let cem = Subscriber(id: "cem", email: "cem@example.org", firstName: "Cem", tags: [], attributes: ["city": " Berlin "])

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var rule: SegmentRule
        var members: [String]
        var testDescription: String { name }
    }

    static let rules: [RuleCase] = [
        RuleCase(name: "no condition: everyone", rule: SegmentRule(), members: ["ann", "bob", "cem"]),
        RuleCase(name: "all tags", rule: SegmentRule(tags: ["vip", "berlin"]), members: ["ann"]),
        RuleCase(name: "any tag", rule: SegmentRule(anyTags: ["vip", "churned"]), members: ["ann", "bob"]),
        RuleCase(name: "not tags", rule: SegmentRule(notTags: ["churned"]), members: ["ann", "cem"]),
        RuleCase(name: "attribute, trimmed", rule: SegmentRule(attributes: ["city": ["Berlin"]]), members: ["ann", "cem"]),
        RuleCase(name: "attribute one of", rule: SegmentRule(attributes: ["plan": ["pro", "team"]]), members: ["ann", "bob"]),
        RuleCase(name: "missing attribute never matches", rule: SegmentRule(attributes: ["plan": ["", "pro"]]), members: ["ann"]),
        RuleCase(name: "every condition must hold", rule: SegmentRule(tags: ["vip"], notTags: ["berlin"], attributes: ["city": ["Berlin"]]), members: []),
    ]

    @Test(arguments: rules)
    func rulesSelectSubscribers(_ c: RuleCase) {
        #expect([SegmentTests.ann, SegmentTests.bob, SegmentTests.cem].filter(c.rule.matches).map(\.id) == c.members)
    }

    static func node(_ value: ConfigValue, _ line: Int) -> ConfigNode {
        ConfigNode(value, at: SourceLocation(file: "tenants/acme/tenant.yml", line: line, column: 3))
    }

    static func map(_ pairs: [(String, ConfigValue)], line: Int) -> ConfigValue {
        .map(pairs.enumerated().map { k, pair in (key: pair.0, value: node(pair.1, line + k)) })
    }

    /// `segments:` with `berlin` (attribute city: Berlin) and `vips` (tag vip, not churned).
    static let segments: (String, ConfigValue) = ("segments", map([
        ("berlin", map([("attributes", map([("city", .string("Berlin"))], line: 22))], line: 21)),
        ("vips", map([("tags", .array([node(.string("vip"), 31)])), ("not_tags", .array([node(.string("churned"), 32)]))], line: 31)),
    ], line: 20))

    static func issue(_ pairs: [(String, ConfigValue)], name: String = "2026-11-20-seg.md") -> ContentDocument {
        issueDocument("newsletter/" + name, "Hello {{ subscriber.first_name | default: \"you\" }}", [("subject", .string("Segmented"))] + pairs)
    }

    func recipients(_ output: NewsletterRun, _ folder: String) -> [String] {
        output.artifacts.map(\.path.value).filter { $0.hasPrefix(folder) && $0.hasSuffix(".eml") }
            .map { String($0.dropFirst(folder.count).dropLast(4)) }
    }

    @Test func anIssueGoesToTheUnionOfItsSegments() throws {
        let readers = [SegmentTests.ann, SegmentTests.bob, SegmentTests.cem]
        let one = try runNewsletter(makeInput([SegmentTests.issue([("segment", .string("berlin"))])], subscribers: readers, settings: [SegmentTests.segments]))
        #expect(recipients(one, "email/newsletter/2026-11-20-seg/") == ["ann", "cem"])
        let both = try runNewsletter(makeInput([SegmentTests.issue([("segments", .array([SegmentTests.node(.string("vips"), 5), SegmentTests.node(.string("berlin"), 6)]))])],
                                                        subscribers: readers, settings: [SegmentTests.segments]))
        #expect(recipients(both, "email/newsletter/2026-11-20-seg/") == ["ann", "cem"])
        let vips = try runNewsletter(makeInput([SegmentTests.issue([("segments", .array([SegmentTests.node(.string("vips"), 5)]))])],
                                                        subscribers: readers, settings: [SegmentTests.segments]))
        #expect(recipients(vips, "email/newsletter/2026-11-20-seg/") == ["ann"])
        let all = try runNewsletter(makeInput([SegmentTests.issue([])], subscribers: readers, settings: [SegmentTests.segments]))
        #expect(recipients(all, "email/newsletter/2026-11-20-seg/") == ["ann", "bob", "cem"])
    }

    @Test func withoutSegmentsDefinedASegmentNameIsATag() throws {
        let output = try runNewsletter(makeInput([SegmentTests.issue([("segment", .string("churned"))])],
                                                          subscribers: [SegmentTests.ann, SegmentTests.bob]))
        #expect(recipients(output, "email/newsletter/2026-11-20-seg/") == ["bob"])
    }

    @Test(arguments: [
        ([SegmentTests.segments], [("segment", ConfigValue.string("berlni"))],
         "content/acme/newsletter/2026-11-20-seg.md:1: error: issue '2026-11-20-seg' targets segment 'berlni', which is not defined under segments: (defined: berlin, vips)"),
        ([("segments", SegmentTests.map([("x", SegmentTests.map([("tag", .array([]))], line: 41))], line: 40))], [],
         "tenants/acme/tenant.yml:41:3 (segments.x.tag): error: unknown key 'tag'; expected one of: any_tags, attributes, not_tags, tags"),
        ([SegmentTests.segments], [("segment", ConfigValue.string("berlin")), ("segments", .array([]))], "use either 'segment' or 'segments', not both"),
        ([], [("subject_variants", ConfigValue.array([SegmentTests.node(.string("Only one"), 7)]))], "'subject_variants' needs at least two subject lines"),
        ([], [("subject_variants", ConfigValue.array([SegmentTests.node(.string("Same"), 7), SegmentTests.node(.string("Same"), 8)]))], "the same subject line twice"),
    ])
    func mistakesAreErrorsWithLocations(_ settings: [(String, ConfigValue)], _ front: [(String, ConfigValue)], _ message: String) {
        #expect {
            try runNewsletter(makeInput([SegmentTests.issue(front)], subscribers: [SegmentTests.ann], settings: settings))
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func subjectVariantsGiveOneCompleteMessageSetEach() throws {
        let variants = ConfigValue.array([SegmentTests.node(.string("Autumn news 🍂"), 7), SegmentTests.node(.string("What's new this autumn?"), 8)])
        let output = try runNewsletter(makeInput([SegmentTests.issue([("subject_variants", variants)])],
                                                          subscribers: [SegmentTests.ann, SegmentTests.bob]))
        #expect(recipients(output, "email/newsletter/2026-11-20-seg/a/") == ["ann", "bob"])
        #expect(recipients(output, "email/newsletter/2026-11-20-seg/b/") == ["ann", "bob"])
        #expect(recipients(output, "email/newsletter/2026-11-20-seg/").allSatisfy { $0.hasPrefix("a/") || $0.hasPrefix("b/") })
        #expect(output.summary?.headline.hasSuffix("4 messages") == true)
        let paths = ["a/ann", "b/ann", "a/bob", "b/bob"].map { "email/newsletter/2026-11-20-seg/\($0).eml" }
        let messages = try paths.map { try #require(output.artifact($0)).bytes }
        guard let parsed = try Python.parse(messages) else {
            print("python3 is not installed: skipping the subject checks")
            return
        }
        #expect(parsed.map(\.subject) == ["Autumn news 🍂", "What's new this autumn?", "Autumn news 🍂", "What's new this autumn?"])
        #expect(Set(parsed.map(\.message_id)).count == 4)
        // Same body and unsubscribe link in both variants for a reader.
        #expect(parsed[0].html == parsed[1].html && parsed[0].list_unsubscribe == parsed[1].list_unsubscribe)
    }
}
