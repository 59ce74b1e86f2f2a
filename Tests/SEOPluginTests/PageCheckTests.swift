import Foundation
import HeraldData
import Markup
import Testing
@testable import SEOPlugin

private typealias D = Fixture.Document
private func head(_ prefix: String, _ replacement: String...) -> D { D().replacing(prefix, in: \.head, with: replacement) }
private func body(_ prefix: String, _ replacement: String...) -> D { D().replacing(prefix, in: \.body, with: replacement) }
private func headAdding(_ lines: String...) -> D { var d = D(); d.head += lines; return d }
private func bodyAdding(_ lines: String...) -> D { var d = D(); d.body += lines; return d }
private func social(_ tags: String) -> D { var d = D(); d.social = tags; return d }
private func words(_ line: String?) -> D { var d = D(); d.words = line; return d }
private func lang(_ value: String) -> D { var d = D(); d.lang = value; return d }
private func title(_ text: String) -> D { head("<title>", "<title>\(text)</title>") }
private func description(_ text: String) -> D { head("<meta name=\"description\"", "<meta name=\"description\" content=\"\(text)\">") }
private func viewport(_ content: String) -> D { head("<meta name=\"viewport\"", "<meta name=\"viewport\" content=\"\(content)\">") }
private func page(_ path: String, _ document: D = D(), contentType: String = "text/html; charset=utf-8") -> [CrawledPage] {
    Fixture.crawl(Fixture.page(path, document, headers: [(name: "content-type", value: contentType)]))
}
private func x(_ n: Int, _ s: String = "x") -> String { String(repeating: s, count: n) }
/// The Open Graph tags of the clean fixture page, without `twitter:card`.
private let og = "<meta property=\"og:title\" content=\"A page\"><meta property=\"og:type\" content=\"website\">"
    + "<meta property=\"og:description\" content=\"A page.\"><meta property=\"og:url\" content=\"https://example.com/page.html\">"
    + "<meta property=\"og:image\" content=\"https://example.com/a.png\">"

/// The crawler checks of the per-page audit, one rule at a time: a page that triggers it and one that must not
/// (thresholds are Screaming Frog's defaults; widths are Arial's at Google's sizes).
let pageCheckCases: [RuleCase] = [
    // Titles and descriptions: characters and pixels.
    RuleCase(.titleTooShort, "29 characters vs 30", positive: title(x(29, "o")), negative: title(x(30, "o"))),
    RuleCase(.titleTooWide, "40 W: 40 × 1933 units at 20 px = 755 px > 561", positive: title(x(40, "W")),
             negative: title(x(40, "o"))),
    RuleCase(.titleTooNarrow, "35 i: 35 × 455 units at 20 px = 156 px < 200", positive: title(x(35, "i")),
             negative: title(x(35, "o"))),
    RuleCase(.descriptionTooShort, "69 characters vs 70", positive: description(x(69, "o")), negative: description(x(70, "o"))),
    RuleCase(.descriptionTooWide, "100 W: 100 × 1933 units at 14 px = 1321 px > 985", positive: description(x(100, "W")),
             negative: description(x(100, "o"))),
    RuleCase(.descriptionTooNarrow, "100 i: 100 × 455 units at 14 px = 311 px < 400", positive: description(x(100, "i")),
             negative: description(x(100, "o"))),
    // Headings.
    RuleCase(.h1TooLong, "71 characters vs 70", positive: body("<h1>", "<h1>\(x(71))</h1>"), negative: body("<h1>", "<h1>\(x(70))</h1>")),
    RuleCase(.h2TooLong, "71 characters vs 70", positive: bodyAdding("<h2>\(x(71))</h2>"), negative: bodyAdding("<h2>\(x(70))</h2>")),
    RuleCase(.h1NotFirst, "an h2 before the h1", positive: body("<h1>", "<h2>Intro</h2>", "<h1>Heading</h1>"),
             negative: body("<h1>", "<h1>Heading</h1>", "<h2>Intro</h2>")),
    RuleCase(.headingEmpty, "whitespace only", positive: bodyAdding("<h3> \n </h3>"),
             negative: bodyAdding("<h3><img src=\"/a.png\" alt=\"Logo\"></h3>")),
    RuleCase(.headingEmpty, "an image without alt names nothing", positive: bodyAdding("<h2><img src=\"/a.png\" alt=\"\"></h2>"),
             negative: bodyAdding("<h2><span>Named</span></h2>")),
    RuleCase(.headingDuplicate, "the same h2 twice", positive: bodyAdding("<h2>Parameters</h2>", "<h2>Parameters</h2>"),
             negative: bodyAdding("<h3>Parameters</h3>", "<h3>Parameters</h3>", "<h2>Parameters</h2>")),
    RuleCase(.headingDuplicate, "whitespace does not tell headings apart", positive: body("<h1>", "<h1>Heading</h1>", "<h1> Heading\n</h1>"),
             negative: body("<h1>", "<h1>Heading</h1>", "<h2>Heading</h2>")),
    // URL, alt, words.
    RuleCase(.urlTooLong, "116 characters vs 115", positive: page(x(91) + ".html"), negative: page(x(90) + ".html")),
    RuleCase(.imageAltTooLong, "101 characters vs 100", positive: bodyAdding("<img src=\"/a.png\" alt=\"\(x(101))\">"),
             negative: bodyAdding("<img src=\"/a.png\" alt=\" \(x(100)) \">")),
    RuleCase(.contentLow, "199 words vs 200 (the fixture's body has 5 more)", positive: words("<p>" + Array(repeating: "w", count: 194).joined(separator: " ") + "</p>"),
             negative: words("<p>" + Array(repeating: "w", count: 195).joined(separator: " ") + "</p>")),
    RuleCase(.contentLow, "each CJK character is a word; script text is not",
             positive: words("<script>" + Array(repeating: "w", count: 300).joined(separator: " ") + "</script>"),
             negative: words("<p>" + x(200, "語") + "</p>")),
    // Document.
    RuleCase(.htmlLangInvalid, "underscore", positive: lang("en_US"), negative: lang("en-US")),
    RuleCase(.htmlLangInvalid, "not a language code", positive: lang("english"), negative: lang("zh-Hant-TW")),
    RuleCase(.htmlLangInvalid, "x-default is for hreflang only", positive: lang("x-default"), negative: lang("de")),
    RuleCase(.viewportInvalid, "neither width nor initial-scale", positive: viewport("user-scalable=yes"),
             negative: viewport("initial-scale=1")),
    RuleCase(.viewportInvalid, "zoom disabled", positive: viewport("width=device-width, user-scalable=no"),
             negative: viewport("width=device-width, user-scalable=yes")),
    RuleCase(.viewportInvalid, "maximum-scale below 5", positive: viewport("width=device-width, maximum-scale=1"),
             negative: viewport("width=device-width, maximum-scale=5")),
    RuleCase(.viewportInvalid, "width out of range", positive: viewport("width=0"), negative: viewport("width=320")),
    RuleCase(.headInvalidElement, "an <img> in head", positive: head("<title>", "<img src=\"/a.png\" alt=\"x\">", "<title>A clear page title that says what</title>"),
             negative: head("<title>", "<noscript><link rel=\"stylesheet\" href=\"/a.css\"></noscript>", "<title>A clear page title that says what</title>")),
    RuleCase(.headInvalidElement, "a <div> in head; markup inside script is not an element",
             positive: headAdding("<div>banner</div>"),
             negative: headAdding("<script>document.write('<div>x</div>')</script>", "<!-- <div> -->", "<template><div>t</div></template>")),
    RuleCase(.headInvalidElement, "stray text in head", positive: headAdding("Welcome"), negative: headAdding("<style>p { color: red }</style>")),
    RuleCase(.charsetMissing, "no BOM, no header charset, no meta charset",
             positive: page("page.html", head("<meta charset"), contentType: "text/html"),
             negative: page("page.html", head("<meta charset"), contentType: "text/html; charset=utf-8")),
    RuleCase(.charsetLate, "the meta charset starts after 1,024 bytes",
             positive: page("page.html", head("<meta charset", "<!-- \(x(1100)) -->", "<meta charset=\"utf-8\">"), contentType: "text/html"),
             negative: page("page.html", head("<meta charset", "<!-- \(x(300)) -->", "<meta charset=\"utf-8\">"), contentType: "text/html")),
    RuleCase(.charsetNotUTF8, "windows-1252 in the header", positive: page("page.html", contentType: "text/html; charset=windows-1252"),
             negative: page("page.html", contentType: "text/html; charset=UTF-8")),
    // Open Graph and Twitter cards.
    RuleCase(.ogMissing, "no og: tags", positive: social(""), negative: social(og)),
    RuleCase(.ogIncomplete, "og:title alone", positive: social("<meta property=\"og:title\" content=\"A page\">"), negative: social(og)),
    RuleCase(.ogInvalid, "relative og:image", positive: social(og.replacingOccurrences(of: "https://example.com/a.png", with: "/a.png")),
             negative: social(og)),
    RuleCase(.ogInvalid, "og:url is not the canonical",
             positive: social(og.replacingOccurrences(of: "https://example.com/page.html", with: "https://example.com/other.html")),
             negative: social(og.replacingOccurrences(of: "https://example.com/page.html", with: "https://EXAMPLE.com:443/page.html"))),
    RuleCase(.ogInvalid, "empty og:title, or two different ones",
             positive: social(og.replacingOccurrences(of: "content=\"A page\"", with: "content=\" \"")),
             negative: social(og + "<meta property=\"og:title\" content=\"A page\">")),
    RuleCase(.ogInvalid, "og:title twice with different values", positive: social(og + "<meta property=\"og:title\" content=\"Other\">"),
             negative: social(og + "<meta property=\"og:image\" content=\"https://example.com/b.png\">")),
    RuleCase(.twitterCardMissing, "Open Graph without twitter:card", positive: social(og), negative: social("")),
    RuleCase(.twitterCardInvalid, "unknown card type", positive: social(og + "<meta name=\"twitter:card\" content=\"large\">"),
             negative: social(og + "<meta name=\"twitter:card\" content=\"summary_large_image\">")),
    RuleCase(.twitterCardInvalid, "a summary card with no title anywhere", positive: social("<meta name=\"twitter:card\" content=\"summary\">"),
             negative: social("<meta name=\"twitter:card\" content=\"summary\"><meta name=\"twitter:title\" content=\"T\">")),
    RuleCase(.twitterCardInvalid, "a player card without its player",
             positive: social(og + "<meta name=\"twitter:card\" content=\"player\">"),
             negative: social(og + "<meta name=\"twitter:card\" content=\"player\"><meta name=\"twitter:player\" content=\"https://example.com/p\">"
                              + "<meta name=\"twitter:player:width\" content=\"480\"><meta name=\"twitter:player:height\" content=\"270\">")),
    RuleCase(.twitterCardInvalid, "relative twitter:image",
             positive: social(og + "<meta name=\"twitter:card\" content=\"summary\"><meta name=\"twitter:image\" content=\"a.png\">"),
             negative: social(og + "<meta name=\"twitter:card\" content=\"summary\"><meta name=\"twitter:image\" content=\"https://example.com/a.png\">")),
]

@Suite struct PageCheckTests {
    @Test(arguments: pageCheckCases)
    func firesOnPositive(_ c: RuleCase) {
        let findings = Fixture.audit(c.positive).findings.filter { $0.rule == c.rule }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == c.rule.severity && !$0.evidence.isEmpty && $0.url.hasPrefix(Fixture.site) })
    }

    @Test(arguments: pageCheckCases)
    func silentOnNegative(_ c: RuleCase) {
        let findings = Fixture.audit(c.negative).findings.filter { $0.rule == c.rule }
        #expect(findings.isEmpty, "\(findings)")
    }

    /// The element that ends `<head>` is the evidence, with its source line, and the message names what it pushes
    /// out of the head (here the canonical, which libxml2 and browsers then read in the body and ignore).
    @Test func headInvalidElementNamesWhatItHides() throws {
        let document = head("<meta name=\"viewport\"", "<img src=\"/pixel.gif\">", "<meta name=\"viewport\" content=\"width=device-width\">")
        let findings = Fixture.audit(Fixture.crawl(Fixture.page("page.html", document))).findings
        let finding = try #require(findings.first { $0.rule == .headInvalidElement && $0.url.hasSuffix("/page.html") })
        #expect(finding.evidence == "<img src=\"/pixel.gif\">")
        #expect(finding.line == 5)
        #expect(finding.message.contains("<link rel=\"canonical\" href=\"https://example.com/page.html\"> (line 9)"))
    }

    /// Widths are sums of the table's advances (font units) × size ÷ 2048, e.g. "Herald" = H 1479 + e 1139 + r 682 +
    /// a 1139 + l 455 + d 1139 = 6033 units.
    @Test(arguments: [
        ("Herald", 20.0, 6033),
        ("Herald", 14.0, 6033),
        (" ", 20.0, 569),
        ("é", 20.0, 1139),           // Latin-1: as e
        ("Ж", 20.0, 1891),           // Cyrillic
        ("日本", 14.0, 2 * 2048),     // East Asian wide: 1 em each
        ("ก", 20.0, 1003),           // Thai: not in the table, the mean of a–z
        ("W i", 20.0, 1933 + 569 + 455),
    ])
    func pixelWidths(_ text: String, _ size: Double, _ units: Int) {
        #expect(SERPWidth.pixels(text, size: size) == Double(units) * size / 2048)
    }

    /// The table holds Arial's advances (Liberation Sans is metric-compatible): every digit is 1139 units, as in Arial.
    @Test func digitsAreTabular() {
        let widths = Set("0123456789".unicodeScalars.map(SERPWidth.advance))
        #expect(widths == [1139])
    }

    @Test(arguments: [
        ("one two  three", 3),
        ("un<b>bold</b> word", 2),
        ("<p>one</p><p>two</p>", 2),
        ("<ul><li>a</li><li>b</li></ul>", 2),
        ("日本語のテキスト", 8),
        ("a\u{00A0}b\u{3000}c", 3),
        ("<style>p { x: y }</style><svg><text>no</text></svg>words here", 2),
        ("\u{1}x y\u{1}", 2),  // control characters are part of words
        ("caf\u{E9} \u{A9}2026 \u{43F}\u{440}\u{438}\u{432}\u{435}\u{442} \u{43C}\u{438}\u{440}", 4),
        ("\u{65E5}\u{3001}\u{672C} x", 3),  // U+3001 separates and is no word; each ideograph is one
        ("tab\tnew\nline\r\nfeed end", 5),
    ])
    func wordCount(_ html: String, _ expected: Int) {
        let document = "<html><body>\(html)</body></html>"
        #expect(PageFacts(html: Array(document.utf8)).wordCount == expected)
        #expect(HTMLParser.parse(document).first("body")?.wordCount == expected)
    }

    @Test(arguments: [
        ("title_min_length: -1", "title_min_length must be at least 0"),
        ("h1_max_length: 0", "h1_max_length must be at least 1"),
        ("title_min_pixels: 600", "title_min_pixels (600) must not be above title_max_pixels (561)"),
        ("description_min_length: 200", "description_min_length (200) must not be above description_max_length (155)"),
        ("url_max_length: 0", "url_max_length must be at least 1"),
    ])
    func thresholdSettingsAreChecked(_ settings: String, _ message: String) throws {
        let error = #expect(throws: Diagnostic.self) {
            try SEOPlugin().run(seoInput(Fixture.crawl(Fixture.page("page.html")), settings: settings))
        }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func thresholdSettingsApply() throws {
        var settings = SEOSettings()
        settings.urlMaxLength = 20
        settings.minWordCount = 206
        settings.titleMaxPixels = 300
        let findings = Fixture.audit(Fixture.crawl(Fixture.page("page.html")), settings: settings).findings
            .filter { $0.url.hasSuffix("/page.html") }
        #expect(findings.first { $0.rule == .urlTooLong }?.message == "the URL is 29 characters long (maximum 20)")
        #expect(findings.first { $0.rule == .contentLow }?.message.hasPrefix("205 words in <body>") == true)
        #expect(findings.first { $0.rule == .titleTooWide }?.message.hasSuffix("px wide in 20 px Arial (maximum 300)") == true)
    }
}
