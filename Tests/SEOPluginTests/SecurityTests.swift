import HeraldData
import Testing
@testable import SEOPlugin

/// mixed-content, form-insecure and structured-data-invalid.
@Suite struct SecurityTests {
    static func findings(_ rule: SEORule, body: [String], head: [String] = [], path: String = "page.html",
                         site: String = Fixture.site) -> [SEOFinding] {
        var document = Fixture.Document()
        document.head += head
        document.body += body
        let url = site + path
        let page = CrawledPage(url: url, status: 200, headers: [(name: "content-type", value: "text/html")],
                               body: Array(document.html(url: url).utf8), location: SourceLocation(file: "crawl.ndjson"))
        return SEOAudit(pages: [page], settings: SEOSettings(), baseURL: site).findings.filter { $0.rule == rule }
    }

    @Test(arguments: [
        "<img src=\"http://cdn.example.com/a.png\" alt=\"a\">",
        "<img src=\"/a.png\" srcset=\"/a2.png 2x, HTTP://cdn.example.com/a3.png 3x\" alt=\"a\">",
        "<script src=\"http://cdn.example.com/app.js\"></script>",
        "<iframe src=\"http://maps.example.com/embed\"></iframe>",
        "<video src=\"https://cdn.example.com/v.mp4\" poster=\"http://cdn.example.com/p.jpg\"></video>",
        "<audio src=\"http://cdn.example.com/a.mp3\"></audio>",
        "<picture><source srcset=\"http://cdn.example.com/a.webp\"><img src=\"/a.png\" alt=\"a\"></picture>",
        "<embed src=\"http://cdn.example.com/x.swf\">",
    ])
    func mixedContent(_ element: String) {
        #expect(Self.findings(.mixedContent, body: [element]).count == 1)
        // The same markup on an http page is not mixed.
        #expect(Self.findings(.mixedContent, body: [element], site: "http://example.com/").isEmpty)
    }

    @Test func stylesheetsAndIconsButNotOtherLinks() {
        let head = ["<link rel=\"stylesheet\" href=\"http://cdn.example.com/a.css\">", "<link rel=\"icon\" href=\"http://cdn.example.com/favicon.ico\">",
                    "<link rel=\"alternate\" hreflang=\"de\" href=\"http://example.com/de/\">"]
        let found = Self.findings(.mixedContent, body: ["<a href=\"http://example.com/plain-link\">a plain link is no subresource</a>"], head: head)
        #expect(found.map(\.evidence) == [head[0], head[1]])
        #expect(found.first?.message == "<link> loads http://cdn.example.com/a.css over plain HTTP on an HTTPS page")
        #expect(found.first?.line == 8)
        #expect(Self.findings(.mixedContent, body: ["<img src=\"//cdn.example.com/a.png\" alt=\"\">", "<script src=\"/app.js\"></script>"]).isEmpty)
    }

    @Test func insecureForms() {
        let found = Self.findings(.formInsecure, body: ["<form action=\"http://example.com/subscribe\" method=\"post\"><input name=\"e\"></form>"])
        #expect(found.map(\.message) == ["the form submits to http://example.com/subscribe over plain HTTP from an HTTPS page"])
        #expect(found.first?.severity == .error)
        #expect(Self.findings(.formInsecure, body: ["<form action=\"/subscribe\"></form>", "<form action=\"https://x.example/\"></form>", "<form></form>"]).isEmpty)
        #expect(Self.findings(.formInsecure, body: ["<form action=\"http://example.com/s\"></form>"], site: "http://example.com/").isEmpty)
    }

    @Test(arguments: [
        ("{\"@context\": \"https://schema.org\", \"@type\": \"Organization\",}", "is not valid JSON"),
        ("{\"@type\": \"Person\"", "is not valid JSON"),
        ("", "is empty"),
        ("\"just a string\"", "is JSON but not an object or an array"),
    ])
    func brokenJSONLD(_ text: String, _ problem: String) throws {
        let found = Self.findings(.structuredDataInvalid, body: ["<script type=\"application/ld+json\">\(text)</script>"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.hasPrefix("JSON-LD block " + problem))
        #expect(finding.evidence == "<script type=\"application/ld+json\">")
    }

    @Test func errorsGiveTheirPlaceInTheBlock() {
        #expect(StrictJSON.problem("{\"a\": 1,\n \"b\": [1, 2,]\n}") == "is not valid JSON: expected a value at line 2, column 13 of the block")
        #expect(StrictJSON.problem("{'a': 1}") == "is not valid JSON: expected a \"quoted\" member name at line 1, column 2 of the block")
        #expect(StrictJSON.problem("[01]") == "is not valid JSON: expected ',' or ']' at line 1, column 3 of the block")
        #expect(StrictJSON.problem("{\"a\": \"\\u00e9\", \"b\": -1.5e+3, \"c\": [true, false, null]}") == nil)
    }

    @Test func validJSONLDAndOtherScriptsPass() {
        let blocks = ["<script type=\"application/ld+json\">\n{\"@context\": \"https://schema.org\", \"@type\": \"Organization\", \"name\": \"A & B <Ltd>\"}\n</script>",
                      "<script type=\" Application/LD+JSON \">[{\"@type\": \"Thing\"}]</script>",
                      "<script>var notJSON = {a: 1,};</script>"]
        #expect(Self.findings(.structuredDataInvalid, body: blocks).isEmpty)
    }
}
