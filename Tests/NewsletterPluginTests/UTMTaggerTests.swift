import Foundation
import Testing
import HeraldData
@testable import NewsletterPlugin

@Suite struct UTMTaggerTests {
    static let tagger = UTMTagger(parameters: [UTMParameter("utm_source", "acme news"), UTMParameter("utm_medium", "email"),
                                              UTMParameter("utm_campaign", "2026-11/autumn")],
                                  domains: ["acme.example", "shop.example"],
                                  excludedPrefixes: ["https://acme.example/unsubscribe", "https://acme.example/newsletter/x/"],
                                  excludedMarkers: ["\u{E000}0\u{E001}"])
    static let suffix = "utm_source=acme%20news&amp;utm_medium=email&amp;utm_campaign=2026-11%2Fautumn"

    @Test(arguments: [
        ("https://acme.example/a", "https://acme.example/a?" + suffix),
        ("http://www.acme.example/a?x=1", "http://www.acme.example/a?x=1&amp;" + suffix),
        ("https://acme.example/a?x=1&amp;y=2#top", "https://acme.example/a?x=1&amp;y=2&amp;" + suffix + "#top"),
        ("https://acme.example/#/route?q", "https://acme.example/?" + suffix + "#/route?q"),
        ("https://acme.example/a?", "https://acme.example/a?" + suffix),
        ("https://SHOP.example:8443/p", "https://SHOP.example:8443/p?" + suffix),
        ("https://acme.example/p?id={{ subscriber.id }}", "https://acme.example/p?id={{ subscriber.id }}&amp;" + suffix),
        ("https://acme.example/p/*|FNAME|*/%%first_name%%", "https://acme.example/p/*|FNAME|*/%%first_name%%?" + suffix),
        ("https://acme.example/a?q=&#38;x", "https://acme.example/a?q=&#38;x&amp;" + suffix),
        ("https://acme.example/a?utm_source=x", "https://acme.example/a?utm_source=x&amp;utm_medium=email&amp;utm_campaign=2026-11%2Fautumn"),
    ])
    func tagsAllowedLinks(_ href: String, _ expected: String) {
        #expect(UTMTaggerTests.tagger.tag(rawHref: href) == expected)
    }

    @Test(arguments: [
        "mailto:news@acme.example", "tel:+4930123", "#section", "/relative/path", "ftp://acme.example/f",
        "https://evil.example/a", "https://acme.example.evil.example/a", "https://notacme.example/a",
        "https://acme.example/unsubscribe?t=abc", "https://acme.example/newsletter/x/", "\u{E000}0\u{E001}",
        "https://{{ host }}/a", "https://acme.example/a?utm_source=x&amp;utm_medium=y&amp;UTM_CAMPAIGN=z",
        "javascript:alert(1)",
    ])
    func leavesOtherLinksAlone(_ href: String) {
        #expect(UTMTaggerTests.tagger.tag(rawHref: href) == nil)
    }

    @Test func rewritesOnlyHrefsOfLinksByteForByte() {
        let html = #"<a href="https://acme.example/a" class="x">A</a><img src="https://acme.example/i.png"><link href="https://acme.example/s.css"><p data-herald-no-utm><a href='https://acme.example/b'>B</a></p><area href=https://shop.example/c>"#
        let out = String(decoding: UTMTaggerTests.tagger.tagLinks(Array(html.utf8)), as: UTF8.self)
        #expect(out == #"<a href="https://acme.example/a?"# + UTMTaggerTests.suffix + #"" class="x">A</a><img src="https://acme.example/i.png"><link href="https://acme.example/s.css"><p data-herald-no-utm><a href='https://acme.example/b'>B</a></p><area href=https://shop.example/c?"# + UTMTaggerTests.suffix + ">")
    }

    static func utm(_ pairs: [(String, ConfigValue)]) -> (String, ConfigValue) {
        ("utm", .map(pairs.enumerated().map { k, pair in
            (key: pair.0, value: ConfigNode(pair.1, at: SourceLocation(file: "tenants/acme/tenant.yml", line: 10 + k, column: 5)))
        }))
    }

    @Test func theIssueIsTaggedButNotItsUnsubscribeOrWebVersionLinks() throws {
        let doc = issueDocument("newsletter/2026-11-15-utm.md", "Read [the post](https://acme.example/blog/post#comments) or [write](mailto:hi@acme.example).",
                                [("subject", .string("UTM")), ("utm_campaign", .string("autumn sale"))])
        let output = try runNewsletter(makeInput([doc], subscribers: [people[0]],
                                                          settings: [UTMTaggerTests.utm([("source", .string("newsletter"))])]))
        let preview = try #require(output.text("email/newsletter/2026-11-15-utm/preview.html"))
        #expect(preview.contains(#"href="https://acme.example/blog/post?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=autumn%20sale#comments""#))
        #expect(preview.contains(#"href="mailto:hi@acme.example""#))
        #expect(!preview.contains("unsubscribe?utm_") && !preview.contains("unsubscribe&amp;utm_"))
        #expect(!preview.contains("2026-11-15-utm/?utm_"))
        let message = try #require(output.text("email/newsletter/2026-11-15-utm/s1.eml"))
        #expect(!message.contains("utm_source=newsletter&t="))
        // The web version is not an email: its links stay as written.
        let web = try #require(output.text("site/newsletter/2026-11-15-utm/index.html"))
        #expect(!web.contains("utm_source"))
    }

    @Test(arguments: [
        ([("source", ConfigValue.string("n")), ("campaing", .string("x"))], "tenants/acme/tenant.yml:11:5 (utm.campaing): error: unknown key 'campaing'"),
        // The helper places the `utm` map itself at content/acme/newsletter/x.md:2:1.
        ([("medium", ConfigValue.string("email"))], "x.md:2:1 (utm.source): error: missing required key 'source'"),
    ])
    func utmSettingsAreStrict(_ pairs: [(String, ConfigValue)], _ message: String) {
        #expect {
            try runNewsletter(makeInput([sampleIssue()], subscribers: people, settings: [UTMTaggerTests.utm(pairs)]))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
