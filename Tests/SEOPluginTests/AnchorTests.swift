import HeraldData
import Testing
@testable import SEOPlugin

/// link-text and crawlable-anchors, with cases from Lighthouse's link-text-test.js, crawlable-anchors-test.js and
/// the seo-failure-cases smoke fixture.
@Suite struct AnchorTests {
    static func findings(_ rule: SEORule, body: [String], lang: String? = "en", settings: SEOSettings = SEOSettings()) -> [SEOFinding] {
        var document = Fixture.Document()
        document.lang = lang
        document.body += body
        return SEOAudit(pages: Fixture.crawl(Fixture.page("page.html", document)), settings: settings, baseURL: Fixture.site)
            .findings.filter { $0.rule == rule }
    }

    // MARK: link-text

    @Test(arguments: [
        "<a href=\"/other.html\">click here</a>",
        "<a href=\"/other.html\">  Read   More </a>",
        "<a href=\"https://elsewhere.org/\">LEARN MORE</a>",
        "<a href=\"/other.html\"><span>here</span></a>",
    ])
    func nonDescriptiveEnglishFails(_ anchor: String) {
        #expect(Self.findings(.linkText, body: [anchor]).count == 1)
    }

    @Test(arguments: [
        "<a href=\"/other.html\">Python’s documentation index</a>",
        "<a href=\"/other.html\" rel=\"nofollow\">click here</a>",
        "<a href=\"/other.html\" rel=\"external NoFollow\">here</a>",
        "<a href=\"javascript:alert(1)\">click here</a>",
        "<a href=\"mailto:info@example.com\">here</a>",
        "<a href=\"#top\">more</a>",
        "<a href=\"page.html#part\">more</a>",
        "<a href=\"https://example.com/page.html\">more</a>",
        "<a name=\"here\">here</a>",
    ])
    func descriptiveOrExcludedPasses(_ anchor: String) {
        #expect(Self.findings(.linkText, body: [anchor]).isEmpty)
    }

    @Test func languagePicksTheList() {
        // German page: "hier" is non-descriptive, "click here" is not in the German list.
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">Hier</a>"], lang: "de-DE").count == 1)
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">click here</a>"], lang: "de").isEmpty)
        // The anchor's own lang wins over the document's.
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\" lang=\"en\">click here</a>"], lang: "de").count == 1)
        // No lang: every list applies.
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">läs mer</a>", "<a href=\"/a.html\">続きを読む</a>",
                                                "<a href=\"/b.html\">más información</a>"], lang: nil).count == 3)
    }

    @Test func evidenceAndMessage() throws {
        let finding = try #require(Self.findings(.linkText, body: ["<a href=\"/other.html\">Click here</a>"]).first)
        #expect(finding.evidence == "<a href=\"/other.html\">Click here</a>")
        #expect(finding.message == "link text \"Click here\" does not describe the target (the en list)")
        #expect(finding.line == 14)
        #expect(finding.severity == .warning)
    }

    @Test func configuredPhrasesAddToTheLists() {
        var settings = SEOSettings()
        settings.linkTextPhrases = ["Cliquez  ici"]
        let found = Self.findings(.linkText, body: ["<a href=\"/other.html\">cliquez ici</a>"], lang: "fr", settings: settings)
        #expect(found.map(\.message) == ["link text \"cliquez ici\" does not describe the target (link_text_phrases)"])
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">cliquez ici</a>"], lang: "fr").isEmpty)
    }

    @Test("long link texts are judged too: ASCII ones longer than every phrase are passed over unread")
    func longTexts() {
        var settings = SEOSettings()
        settings.linkTextPhrases = ["see the full list of all the options"]
        let long = "<a href=\"/other.html\">See the full list of all the options</a>"
        #expect(Self.findings(.linkText, body: [long], settings: settings).count == 1)
        #expect(Self.findings(.linkText, body: [long]).isEmpty)
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">இங்கே கிளிக் செய்யவும்</a>"], lang: "ta").count == 1)
        #expect(AnchorAudit.allNonDescriptiveShape.longestASCII == "mehr informationen".utf8.count)
    }

    @Test("texts with more spaces or with digits are passed over unread, unless a configured phrase has as many")
    func spacesAndDigits() {
        #expect(AnchorAudit.allNonDescriptiveShape.spaces == 2)
        #expect(AnchorAudit.allNonDescriptiveShape.hasDigit == false)
        var settings = SEOSettings()
        settings.linkTextPhrases = ["Teil 2 hier klicken bitte"]
        let numbered = "<a href=\"/other.html\">TEIL 2 HIER KLICKEN BITTE</a>"
        #expect(Self.findings(.linkText, body: [numbered], lang: "de", settings: settings).count == 1)
        #expect(Self.findings(.linkText, body: [numbered], lang: "de").isEmpty)
        // Non-ASCII text is lower-cased the Unicode way once it may match: "KLICKEN SIE HİER" is not the phrase.
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">KLICKEN SIE HIER</a>"], lang: "de").count == 1)
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">KLİCKEN SIE HIER</a>"], lang: "de").isEmpty)
        #expect(Self.findings(.linkText, body: ["<a href=\"/other.html\">LÄS MER</a>"], lang: "sv").count == 1)
    }

    @Test(arguments: [("Läs mer", 1, false, true), ("6.2. Paquets", 1, true, false), ("here", 0, false, true),
                      ("Voir la liste des options", 4, false, false), ("see the whole list", 3, false, false),
                      ("mehr informationen!", 1, false, false)])
    func phraseShapes(_ text: String, _ spaces: Int, _ digit: Bool, _ mayMatch: Bool) {
        let shape = PhraseShape(text)
        #expect(shape.spaces == spaces && shape.hasDigit == digit)
        #expect(shape.mayMatch(AnchorAudit.allNonDescriptiveShape) == mayMatch)
    }

    // MARK: crawlable-anchors

    @Test(arguments: [
        "<a href=\"\">empty</a>",
        "<a href=\"javascript:void(0)\">void</a>",
        "<a href=\"javascript: void(0);\">void with spaces</a>",
        "<a href=\"JavaScript:Void 0\">void without parentheses</a>",
        "<a href=\"file:///C:/Users/me/page.html\">local</a>",
        "<a href=\"https://exa mple.com/\">space in the host</a>",
        "<a href=\"http://example.com:99999/\">port out of range</a>",
        "<a href=\"https://[::1/\">unclosed IPv6</a>",
        "<a href=\"//\">no host</a>",
        "<a onclick=\"go()\">no href, a click handler</a>",
    ])
    func uncrawlableFails(_ anchor: String) {
        #expect(Self.findings(.crawlableAnchors, body: [anchor]).count == 1)
    }

    @Test(arguments: [
        "<a href=\"/other.html\">fine</a>",
        "<a href=\"#section\">fragment</a>",
        "<a href=\"https://[::1]:8080/\">IPv6</a>",
        "<a href=\"mailto:someone@example.com\">mail</a>",
        "<a href=\"mailto:javascript:void(0)\">mail even with a bad pattern</a>",
        "<a role=\"button\" href=\"javascript:void(0)\">button</a>",
        "<a role=\"link\" onclick=\"go()\">with a role</a>",
        "<a name=\"bookmark\"></a>",
        "<a id=\"bookmark\" onclick=\"go()\"></a>",
        "<a>placeholder without href or handler</a>",
        "<a href=\"javascript:go()\">other javascript</a>",
    ])
    func crawlableOrIgnoredPasses(_ anchor: String) {
        #expect(Self.findings(.crawlableAnchors, body: [anchor]).isEmpty)
    }

    @Test func crawlableAnchorEvidence() throws {
        let finding = try #require(Self.findings(.crawlableAnchors, body: ["<a href=\"javascript:void(0)\" class=\"x\">x</a>"]).first)
        #expect(finding.evidence == "<a href=\"javascript:void(0)\" class=\"x\">")
        #expect(finding.line == 14)
        #expect(finding.message == "javascript:void(0) is no URL to follow")
    }
}

/// Length limits count user-perceived characters; texts with no more bytes than the limit are not counted.
struct TextLengthTests {
    @Test(arguments: [("abc", 3, false), ("abcd", 3, true), ("héllo", 5, false), ("héllo", 4, true),
                      ("e\u{301}e\u{301}", 2, false), ("🇫🇷🇩🇪", 1, true), ("", 0, false)])
    func longerThan(_ text: String, _ maximum: Int, _ expected: Bool) {
        #expect(TextNormalization.isLonger(text, than: maximum) == expected)
        #expect((text.count > maximum) == expected)
    }
}
