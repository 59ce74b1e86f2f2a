import Testing
@testable import HeraldData

@Suite struct ReviewsLoaderTests {
    @Test func happyPath() throws {
        let text = #"""
        {"id":"r2","source":"google","author":"Ana","rating":5,"title":"Great","text":"Loved it <script>alert(1)</script>","created_at":"2026-02-01T10:00:00+01:00","response":{"text":"Thanks \"Ana\"!","responded_at":"2026-02-02T09:00:00Z"}}

        {"id":"r1","source":"tripadvisor","author":"Bo","rating":1,"text":"Cold soup \u00e9 \ud83d\ude00","created_at":"2026-01-15T19:30:00-05:00","title":null}
        """#
        let loaded = ReviewsLoader.load(bytes(text), file: "reviews.ndjson")
        #expect(loaded.diagnostics.isEmpty)
        let reviews = try loaded.get()
        #expect(reviews.map(\.id) == ["r1", "r2"])
        #expect(reviews[0] == Review(id: "r1", source: "tripadvisor", author: "Bo", rating: 1, title: nil, text: "Cold soup é 😀",
                                     createdAt: try Timestamp(parsing: "2026-01-16T00:30:00Z"), response: nil, line: 3))
        #expect(reviews[1].text == "Loved it <script>alert(1)</script>")
        #expect(reviews[1].response == ReviewResponse(text: "Thanks \"Ana\"!", respondedAt: try Timestamp(parsing: "2026-02-02T09:00:00Z")))
    }

    static let base = #""id":"r1","source":"g","author":"A","text":"t","created_at":"2026-01-01T00:00:00Z""#

    @Test(arguments: [
        (#"{\#(base),"rating":6}"#, "reviews.ndjson:1:94: error: 'rating': expected an integer from 1 to 5, found 6"),
        (#"{\#(base),"rating":1e400}"#, "reviews.ndjson:1:94: error: number out of range (beyond ±1.8e308)"),
        (#"{\#(base),"rating":4.5}"#, "reviews.ndjson:1:94: error: 'rating': expected an integer from 1 to 5, found 4.5"),
        (#"{\#(base),"rating":"5"}"#, "reviews.ndjson:1:94: error: 'rating': expected an integer from 1 to 5, found '5'"),
        (#"{\#(base),"rating":5,"stars":5}"#, "reviews.ndjson:1:104: error: unknown key 'stars'; expected one of: id, source, author, rating, title, text, created_at, response"),
        (#"{\#(base)}"#, "reviews.ndjson:1:1: error: missing required key 'rating'"),
        (#"{"id":"r1","source":"g","author":"A","text":"t","created_at":"2026-01-01 10:00","rating":2}"#,
         "reviews.ndjson:1:62: error: 'created_at': expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the time is not HH:MM:SS, found '2026-01-01 10:00'"),
        (#"{\#(base),"rating":5,"response":{"text":"ok"}}"#, "reviews.ndjson:1:107: error: missing required key 'response.responded_at'"),
        (#"{\#(base),"rating":5,"response":{"text":"ok","at":"x","responded_at":"2026-01-02T00:00:00Z"}}"#,
         "reviews.ndjson:1:125: error: unknown key 'response.at'; expected one of: text, responded_at"),
        (#"{\#(base),"rating":5,"response":"thanks"}"#, "reviews.ndjson:1:107: error: expected a JSON object for 'response', found 'thanks'"),
        (#"{\#(base),"rating":5"#, "reviews.ndjson:1:95: error: expected ',' or '}', found the end of the line"),
        (#"{\#(base),"rating":5,"id":"r2"}"#, "reviews.ndjson:1:96: error: duplicate key 'id' (first at column 2)"),
        (#"["not an object"]"#, "reviews.ndjson:1:1: error: expected a JSON object, found a list"),
        (#"{\#(base),"rating":05}"#, "reviews.ndjson:1:94: error: a JSON number may not have leading zeros"),
        (#"{\#(base),"rating":5,"title":"a\qb"}"#, #"reviews.ndjson:1:106: error: unknown escape sequence '\q'"#),
        (#"{\#(base),"rating":5,"author":"B"}"#, "reviews.ndjson:1:96: error: duplicate key 'author' (first at column 25)"),
    ])
    func recordErrors(line: String, message: String) {
        let loaded = ReviewsLoader.load(bytes(line + "\n"), file: "reviews.ndjson")
        #expect(lines(loaded.diagnostics) == [message])
        #expect(loaded.value.isEmpty)
    }


    /// An unknown key does not hide the record's other problems: all are reported at once.
    @Test(arguments: [
        (#"{\#(base),"rating":9,"x":1}"#, ["reviews.ndjson:1:100: error: unknown key 'x'; expected one of: id, source, author, rating, title, text, created_at, response",
                                          "reviews.ndjson:1:94: error: 'rating': expected an integer from 1 to 5, found 9"]),
        (#"{\#(base),"ratng":5}"#, ["reviews.ndjson:1:93: error: unknown key 'ratng'; expected one of: id, source, author, rating, title, text, created_at, response",
                                   "reviews.ndjson:1:1: error: missing required key 'rating'"]),
    ])
    func everyProblemOfARecord(line: String, messages: [String]) {
        let loaded = ReviewsLoader.load(bytes(line + "\n"), file: "reviews.ndjson")
        #expect(Set(lines(loaded.diagnostics)) == Set(messages))
        #expect(loaded.value.isEmpty)
    }

    @Test func errorsCarryTheirLineAndLaterLinesStillLoad() {
        let good = #"{\#(Self.base),"rating":3}"#
        let text = [good, #"{\#(Self.base.replacingOccurrences(of: "r1", with: "r2")),"rating":0}"#, "", "not json",
                    #"{\#(Self.base.replacingOccurrences(of: "r1", with: "r3")),"rating":2}"#, good].joined(separator: "\n")
        let loaded = ReviewsLoader.load(bytes(text), file: "reviews.ndjson")
        #expect(loaded.value.map(\.id) == ["r1", "r3"])
        #expect(lines(loaded.diagnostics) == [
            "reviews.ndjson:2:94: error: 'rating': expected an integer from 1 to 5, found 0",
            "reviews.ndjson:4:1: error: expected a JSON value",
            "reviews.ndjson:6:7: error: review id 'r1' was already used at line 1",
        ])
    }
}

@Suite struct CrawlLoaderTests {
    @Test func manifestHappyPath() throws {
        let fs = MemoryFileSystem([
            "/c/manifest.ndjson": #"""
            {"url":"https://ex.com/b","status":200,"headers":{"Content-Type":"text/html","Set-Cookie":["a=1","b=2"]},"fetched_at":"2026-01-01T00:00:00Z","body":"bodies/b.html"}
            {"url":"https://ex.com/a","status":301,"headers":{"Location":"https://ex.com/b"}}
            """#,
            "/c/bodies/b.html": "<title>B</title>",
        ])
        let loaded = CrawlLoader.loadManifest(fs, folder: "/c", displayFolder: "crawl")
        #expect(loaded.diagnostics.isEmpty)
        let pages = try loaded.get().pages
        #expect(pages.map(\.url) == ["https://ex.com/a", "https://ex.com/b"])
        #expect(pages[0].status == 301 && pages[0].body.isEmpty && pages[0].header("location") == "https://ex.com/b")
        #expect(pages[1].body == bytes("<title>B</title>"))
        #expect(pages[1].headers.map(\.name) == ["content-type", "set-cookie", "set-cookie"])
        #expect(pages[1].fetchedAt == (try Timestamp(parsing: "2026-01-01T00:00:00Z")))
        #expect(pages[1].location.description == "crawl/manifest.ndjson:1:1")
    }

    @Test(arguments: [
        (#"{"url":"https://ex.com/","status":200,"body":"../../etc/passwd"}"#, "crawl/manifest.ndjson:1:46: error: 'body': the path '../../etc/passwd' must be relative and stay inside the crawl folder"),
        (#"{"url":"https://ex.com/","status":200,"body":"/etc/passwd"}"#, "crawl/manifest.ndjson:1:46: error: 'body': the path '/etc/passwd' must be relative and stay inside the crawl folder"),
        (#"{"url":"https://ex.com/","status":200,"body":"missing.html"}"#, "crawl/manifest.ndjson:1:46: error: 'body': the file 'missing.html' does not exist in crawl"),
        (#"{"url":"/relative","status":200}"#, "crawl/manifest.ndjson:1:8: error: 'url': expected an absolute http(s) URL, found '/relative'"),
        (#"{"url":"https://ex.com/","status":999}"#, "crawl/manifest.ndjson:1:35: error: 'status': expected an integer from 100 to 599, found 999"),
        (#"{"url":"https://ex.com/","status":200,"headers":{"x":1}}"#, "crawl/manifest.ndjson:1:54: error: 'headers.x': expected a string or a list of strings, found 1"),
        (#"{"url":"https://ex.com/","status":200,"fetched_at":"yesterday"}"#, "crawl/manifest.ndjson:1:52: error: 'fetched_at': expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the date is not YYYY-MM-DD, found 'yesterday'"),
        (#"{"url":"https://ex.com/","status":200,"size":3}"#, "crawl/manifest.ndjson:1:46: error: unknown key 'size'; expected one of: url, status, headers, fetched_at, body"),
    ])
    func manifestErrors(line: String, message: String) {
        let fs = MemoryFileSystem(["/c/manifest.ndjson": line + "\n", "/c/ok.html": "x"])
        let loaded = CrawlLoader.loadManifest(fs, folder: "/c", displayFolder: "crawl")
        #expect(lines(loaded.diagnostics) == [message])
    }

    @Test func duplicateURLIsAnError() {
        let line = #"{"url":"https://ex.com/","status":200}"#
        let fs = MemoryFileSystem(["/c/manifest.ndjson": line + "\n" + line + "\n"])
        let loaded = CrawlLoader.loadManifest(fs, folder: "/c", displayFolder: "crawl")
        #expect(lines(loaded.diagnostics) == ["crawl/manifest.ndjson:2:8: error: the URL 'https://ex.com/' was already listed at line 1"])
    }

    @Test func siteFolderMapsOntoBaseURL() throws {
        let fs = MemoryFileSystem([
            "/s/index.html": "home", "/s/about.html": "about", "/s/blog/index.html": "blog", "/s/blog/a post.html": "post",
            "/s/img/logo.png": "png", "/s/.DS_Store": "x",
        ])
        let crawl = try CrawlLoader.loadSite(fs, folder: "/s", displayFolder: "crawl/site", baseURL: "https://ex.com/shop").get()
        #expect(crawl.pages.map(\.url) == ["https://ex.com/shop/", "https://ex.com/shop/about.html", "https://ex.com/shop/blog/",
                                           "https://ex.com/shop/blog/a%20post.html", "https://ex.com/shop/img/logo.png"])
        #expect(crawl.pages.map(\.isHTML) == [true, true, true, true, false])
        #expect(crawl.pages.allSatisfy { $0.status == 200 })
        #expect(crawl.pages[2].body == bytes("blog") && crawl.pages[2].location.file == "crawl/site/blog/index.html")
    }

    @Test(arguments: [("a/b.html", "a/b.html"), ("./a//b", "a/b"), ("a/../b", "b")])
    func safePaths(path: String, normalized: String) {
        #expect(safeRelativePath(path) == normalized)
    }

    @Test(arguments: ["", "/a", "../a", "a/../../b", "a\\b", ".", "a/.."])
    func unsafePaths(path: String) {
        #expect(safeRelativePath(path) == nil)
    }
}
