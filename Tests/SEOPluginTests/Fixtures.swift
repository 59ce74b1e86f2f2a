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
            "<title>A clear page title</title>",
            "<meta name=\"description\" content=\"What this page is about, in one sentence.\">",
        ]
        /// Added after `head`; nil = a self-referencing canonical.
        var canonical: [String]? = nil
        var body: [String] = ["<h1>Heading</h1>", "<p>Text with <a href=\"/other.html\">a link</a>.</p>",
                              "<img src=\"/a.png\" alt=\"A chart\">"]

        func html(url: String) -> String {
            let langAttribute = lang.map { " lang=\"\($0)\"" } ?? ""
            let canonicalTags = canonical ?? ["<link rel=\"canonical\" href=\"\(url)\">"]
            return (["<!DOCTYPE html>", "<html\(langAttribute)>", "<head>"] + head + canonicalTags
                + ["</head>", "<body>"] + body + ["</body>", "</html>"]).joined(separator: "\n")
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
        other.head = other.head.map { $0.hasPrefix("<title>") ? "<title>Another page</title>" : $0 }
        other.head = other.head.map { $0.hasPrefix("<meta name=\"description\"") ? "<meta name=\"description\" content=\"Another page.\">" : $0 }
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
