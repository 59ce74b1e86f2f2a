import HeraldData
@testable import SEOPlugin

/// HTML documents built in code: a clean page by default, with one part changed per test.
enum Fixture {
    static let site = "https://example.com/"

    struct Document {
        var lang: String? = "en"
        var head: [String] = [
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>A clear page title that says what the page holds</title>",
            "<meta name=\"description\" content=\"What this page is about, in one sentence that is long enough for a snippet.\">",
        ]
        /// Added after `head`; nil = a self-referencing canonical.
        var canonical: [String]? = nil
        /// Open Graph and Twitter card tags on the `<head>` line (so that no line moves); nil = complete ones for the page's URL.
        var social: String? = nil
        /// A last body line; the default is a paragraph of 200 words made from the page's URL, so that the page is not
        /// thin and no two pages of a fixture are duplicates of each other.
        var words: String? = Document.wordsOfTheURL
        static let wordsOfTheURL = "<p>(200 words of the page's URL)</p>"

        /// 200 distinct words built from the letters and digits of `url` and the position (`pagehtmlab`, `pagehtmlac`, …).
        static func words(for url: String) -> String {
            let stem = String(url.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                .suffix(16).map(Character.init))
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let words = (0..<200).map { i in stem + String(letters[i / 26]) + String(letters[i % 26]) }
            return "<p>" + words.joined(separator: " ") + "</p>"
        }
        var body: [String] = ["<h1>Heading</h1>", "<p>Text with <a href=\"/other.html\">a link</a>.</p>",
                              "<img src=\"/a.png\" alt=\"A chart\">"]

        func html(url: String) -> String {
            let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
            let canonicalTags = canonical ?? ["<link rel=\"canonical\" href=\"\(url)\">"]
            let socialTags = social ?? "<meta property=\"og:title\" content=\"A page\"><meta property=\"og:type\" content=\"website\">"
                + "<meta property=\"og:description\" content=\"A page.\"><meta property=\"og:url\" content=\"\(url)\">"
                + "<meta property=\"og:image\" content=\"\(Fixture.site)a.png\"><meta name=\"twitter:card\" content=\"summary\">"
            return (["<!DOCTYPE html>", "<html\(langAttribute)>", "<head>" + socialTags] + head + canonicalTags
                + ["</head>", "<body>"] + body + (words.map { [$0 == Self.wordsOfTheURL ? Self.words(for: url) : $0] } ?? [])
                + ["</body>", "</html>"]).joined(separator: "\n")
        }

        func replacing(_ prefix: String, in part: KeyPath<Document, [String]>, with replacement: [String]) -> Document {
            var copy = self
            let lines = self[keyPath: part].flatMap { $0.hasPrefix(prefix) ? replacement : [$0] }
            if part == \Document.head { copy.head = lines } else if part == \Document.body { copy.body = lines }
            return copy
        }
    }

    static func page(_ path: String, _ document: Document = Document(), status: Int = 200,
                     headers: [(name: String, value: String)] = [(name: "content-type", value: "text/html; charset=utf-8")]) -> CrawledPage {
        let url = site + path
        return CrawledPage(url: url, status: status, headers: headers, body: Array(document.html(url: url).utf8),
                           location: SourceLocation(file: "crawl.ndjson"))
    }

    /// A crawl with the page under test plus `other.html` and `a.png`, so the default links resolve.
    static func crawl(_ page: CrawledPage, extra: [CrawledPage] = []) -> [CrawledPage] {
        var other = Document()
        other.head = other.head.map { $0.hasPrefix("<title>") ? "<title>Another page, with a title of its own for the tests</title>" : $0 }
        other.head = other.head.map { $0.hasPrefix("<meta name=\"description\"") ? "<meta name=\"description\" content=\"Another page, described in a sentence of its own that is long enough here.\">" : $0 }
        return [page, Fixture.page("other.html", other),
                CrawledPage(url: site + "a.png", status: 200, headers: [(name: "content-type", value: "image/png")], body: [],
                            location: SourceLocation(file: "crawl.ndjson"))] + extra
    }

    /// The site's `/robots.txt` as the crawl saw it.
    static func robots(_ text: String, status: Int = 200) -> CrawledPage {
        CrawledPage(url: site + "robots.txt", status: status, headers: [(name: "content-type", value: "text/plain")],
                    body: Array(text.utf8), location: SourceLocation(file: "crawl.ndjson"))
    }

    static func audit(_ pages: [CrawledPage], settings: SEOSettings = SEOSettings(), limit: Int? = nil) -> SEOAudit {
        SEOAudit(pages: pages, settings: settings, baseURL: site, limit: limit)
    }
}
