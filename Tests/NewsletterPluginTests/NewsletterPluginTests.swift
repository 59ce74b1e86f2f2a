import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Mail
import Testing
import Generator
import HeraldData
@testable import NewsletterPlugin

let sampleBody = """
Hi {{ subscriber.first_name | default: "friend" }}, welcome to the **November** issue.

- first point
- see [the docs](https://acme.example/docs?a=1&b=2)

```yaml
token: ${{ steps.auth.outputs.token }}
name: {{ subscriber.first_name }}
```

<script>alert("x")</script><p onclick="steal()">Raw <a href="javascript:alert(1)">bad link</a> and <img src="chart.png" alt="A chart" onerror="x()"></p>
<iframe src="https://evil.example/"></iframe><style>p { color: red }</style>

| Plan | Price |
|------|-------|
| Basic | 10 € |
"""

func sampleIssue(_ name: String = "2026-11-15-november.md", subject: String = "November news 🎉", segment: String? = nil) -> ContentDocument {
    var pairs: [(String, ConfigValue)] = [("subject", .string(subject)), ("preheader", .string("What happened in November")),
                                          ("date", .string(String(name.prefix(10))))]
    if let segment { pairs.append(("segment", .string(segment))) }
    return issueDocument("newsletter/" + name, sampleBody, pairs)
}

let people: [Subscriber] = [
    Subscriber(id: "s1", email: "zoe@example.org", firstName: "Zoë", lastName: "Müller", tags: ["vip"]),
    Subscriber(id: "s2", email: "bob@example.org", firstName: nil, tags: []),
    Subscriber(id: "s3", email: "evil@example.org", firstName: "<b>\"x'", lastName: "<script>", tags: ["vip"]),
    Subscriber(id: "s4", email: "gone@example.org", firstName: "Gone", subscribed: false),
    Subscriber(id: "../../etc/passwd", email: "path@example.org", firstName: "Path"),
    Subscriber(id: "s5", email: "not an address", firstName: "Bad"),
]

@Suite struct NewsletterPluginTests {
    @Test func emitsOneMessagePerSubscribedRecipient() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        let emails = output.artifacts.map(\.path.value).filter { $0.hasSuffix(".eml") }
        #expect(emails == [
            "email/newsletter/2026-11-15-november/_2E_2E_2F_2E_2E_2Fetc_2Fpasswd.eml",
            "email/newsletter/2026-11-15-november/s1.eml",
            "email/newsletter/2026-11-15-november/s2.eml",
            "email/newsletter/2026-11-15-november/s3.eml",
        ])
        #expect(output.summary?.headline == "1 issue, 4 messages")
        #expect(output.summary?.link == "reports/newsletter/index.html")
        #expect(output.notices.contains { $0.message.contains("s5") && $0.severity == .warning })
        #expect(output.pages.map(\.path) == ["newsletter/", "newsletter/2026-11-15-november/", "newsletter/atom.xml", "newsletter/feed.xml"])
        #expect(output.artifact("site/newsletter/2026-11-15-november/index.html") != nil)
        #expect(output.artifact("site/newsletter/index.html") != nil)
    }

    @Test func personalisesAndEscapesSubscriberFields() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        let messages = ["s1", "s2", "s3"].map { output.artifact("email/newsletter/2026-11-15-november/\($0).eml")!.bytes }
        guard let parsed = try Python.parse(messages) else {
            print("python3 is not installed: skipping the checks through Python's email package")
            return
        }
        #expect(parsed[0].html.contains("Hi Zoë, welcome"))
        #expect(parsed[0].text.contains("Hi Zoë, welcome"))
        #expect(parsed[1].html.contains("Hi friend, welcome"))
        // The issue greets the reader itself, so the layout's greeting is left out.
        #expect(!parsed[1].html.contains("class=\"greeting\""))
        // Hostile names are escaped in HTML, and verbatim in text.
        #expect(parsed[2].html.contains("Hi &lt;b&gt;&quot;x&#39;, welcome"))
        #expect(!parsed[2].html.contains("<b>\"x'"))
        #expect(parsed[2].text.contains("Hi <b>\"x', welcome"))
        #expect(parsed[2].to_name == "<b>\"x' <script>")
        #expect(parsed[0].to_name == "Zoë Müller")
        #expect(parsed[0].subject == "November news 🎉")
        #expect(parsed[0].date == "Sun, 15 Nov 2026 00:00:00 +0100")
        #expect(parsed[0].from_name == "Acme & Söhne" && parsed[0].from_addr == "newsletter@acme.example")
        #expect(parsed[0].list_id == "Acme & Söhne <newsletter.acme.example>")
        // Code keeps its template-like text.
        #expect(parsed[0].html.contains("${{ steps.auth.outputs.token }}"))
        #expect(parsed[0].html.contains("name: {{ subscriber.first_name }}"))
        #expect(parsed[0].text.contains("name: {{ subscriber.first_name }}"))
        for message in parsed {
            #expect(message.defects.isEmpty)
            #expect(!message.bare_newlines && !message.dot_lines && message.max_line <= 998)
            #expect(message.content_types == ["multipart/alternative", "text/plain", "text/html"])
            #expect(message.list_unsubscribe_post == "List-Unsubscribe=One-Click")
        }
    }

    @Test func unsubscribeLinksCarryAVerifiableToken() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        let raw = output.text("email/newsletter/2026-11-15-november/s1.eml")!
        let token = UnsubscribeToken(secret: Array(secretKey.utf8)).token(tenant: "acme", issue: "2026-11-15-november", subscriber: "s1")
        let url = "https://acme.example/unsubscribe?t=\(token)&i=2026-11-15-november&s=s1"
        #expect(raw.contains("List-Unsubscribe: <\(url)>,\r\n <mailto:unsubscribe@acme.example?subject=unsubscribe%20\(token)>\r\n"))
        guard let parsed = try Python.parse([Array(raw.utf8)])?.first else { return }
        #expect(parsed.html.contains("href=\"\(url.replacingOccurrences(of: "&", with: "&amp;"))\""))
        #expect(parsed.text.contains("Unsubscribe (\(url))"))
    }

    @Test func sanitisesRawHTMLFromMarkdown() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        for path in ["email/newsletter/2026-11-15-november/preview.html", "site/newsletter/2026-11-15-november/index.html"] {
            let html = output.text(path)!
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("alert("), "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
            #expect(!html.contains("onclick"), "\(path)")
            #expect(!html.contains("onerror"), "\(path)")
            #expect(!html.contains("javascript:"), "\(path)")
            #expect(!html.contains("color: red"), "\(path)")
            // Relative images resolve against the web version.
            #expect(html.contains("src=\"https://acme.example/newsletter/2026-11-15-november/chart.png\""), "\(path)")
        }
        let text = output.text("email/newsletter/2026-11-15-november/preview.txt")!
        #expect(!text.contains("alert"))
        #expect(text.contains("[A chart]"))
    }

    @Test func webVersionHasNoPersonalData() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        let web = output.text("site/newsletter/2026-11-15-november/index.html")!
        #expect(web.contains("Hi friend, welcome"))
        for person in people {
            #expect(!web.contains(person.email))
        }
        #expect(!web.contains("?t="))
        let archive = output.text("site/newsletter/index.html")!
        // Links name the file, so the archive also works when the output is opened from disk.
        #expect(archive.contains("href=\"2026-11-15-november/index.html\""))
        #expect(output.artifacts.contains { $0.path.value == "site/newsletter/2026-11-15-november/index.html" })
        #expect(web.contains("href=\"../index.html\""), "the web version links back to the archive file")
    }

    @Test func theSecretNeverAppearsInOutput() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people))
        let secret = Array(secretKey.utf8)
        for artifact in output.artifacts {
            #expect(artifact.bytes.firstRange(of: secret) == nil, "\(artifact.path)")
            let qp = QuotedPrintable.encode(secret)
            #expect(artifact.bytes.firstRange(of: qp.dropLast(2)) == nil)
        }
        for notice in output.notices { #expect(!notice.message.contains(secretKey)) }
    }

    @Test func failsClearlyWithoutASecret() throws {
        #expect {
            try runNewsletter(makeInput([sampleIssue()], subscribers: people, secret: nil))
        } throws: { error in
            "\(error)".contains("HERALD_UNSUBSCRIBE_KEY")
        }
        // Without recipients there is nothing to sign.
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: [], secret: nil))
        #expect(output.artifact("site/newsletter/2026-11-15-november/index.html") != nil)
    }

    @Test func outputIsDeterministic() throws {
        let a = try runNewsletter(makeInput([sampleIssue(), sampleIssue("2026-10-01-october.md", subject: "October")], subscribers: people))
        let b = try runNewsletter(makeInput([sampleIssue("2026-10-01-october.md", subject: "October"), sampleIssue()], subscribers: people.reversed()))
        #expect(a.artifacts.map(\.path) == b.artifacts.map(\.path))
        #expect(a.artifacts.map(\.bytes) == b.artifacts.map(\.bytes))
        // Newest first in the archive.
        let archive = a.text("site/newsletter/index.html")!
        let november = archive.range(of: "2026-11-15-november/")!.lowerBound
        let october = archive.range(of: "2026-10-01-october/")!.lowerBound
        #expect(november < october)
    }

    @Test(arguments: [("vip", ["s1", "s3"]), ("nobody", [])])
    func segmentsSelectRecipientsByTag(_ segment: String, _ expected: [String]) throws {
        let output = try runNewsletter(makeInput([sampleIssue(segment: segment)], subscribers: people))
        let ids = output.artifacts.map(\.path.value).filter { $0.hasSuffix(".eml") }.map { String($0.split(separator: "/").last!.dropLast(4)) }
        #expect(ids == expected)
    }

    @Test func editionLimitIsReportedNotSilent() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: people, limits: ["newsletter.subscribers": 2]))
        let emails = output.artifacts.filter { $0.path.value.hasSuffix(".eml") }
        #expect(emails.count == 2)
        let notice = try #require(output.notices.first { $0.message.contains("edition limit") })
        #expect(notice.severity == .warning)
        #expect(notice.message.contains("2 not emailed"))
        #expect(output.text("reports/newsletter/2026-11-15-november-unsent.csv") == "subscriber_id,reason\ns2,edition limit\ns3,edition limit\n")
        #expect(output.summary?.headline == "1 issue, 2 messages")
    }

    @Test func zolaFrontMatterUsesTitleAndPathDate() throws {
        let doc = issueDocument("newsletter/inside-rust/leadership@9.md", "Body with a [relative link](../other/) and ![img](pic.png).",
                                [("path", .string("inside-rust/2026/08/18/leadership@9")), ("title", .string("Leadership update")),
                                 ("authors", .array([ConfigNode(.string("Jane"), at: SourceLocation(file: "x"))])),
                                 ("extra", .map([]))])
        let output = try runNewsletter(makeInput([doc], subscribers: [people[0]]))
        let raw = try #require(output.text("email/newsletter/inside-rust-leadership-9/s1.eml"))
        #expect(raw.contains("Date: Tue, 18 Aug 2026 00:00:00 +0200\r\n"))
        #expect(raw.contains("Subject: Leadership update\r\n"))
        let preview = output.text("email/newsletter/inside-rust-leadership-9/preview.html")!
        #expect(preview.contains("href=\"https://acme.example/inside-rust/2026/08/18/other/\""))
        // The layout greets readers of issues that do not, and shows the title the article lacks.
        #expect(preview.contains("<p class=\"greeting\" style=\"margin: 0 0 16px\">Hi there,</p>"))
        #expect(preview.contains(">Leadership update</h1>"))
        #expect(raw.contains("Hi =?") == false)
        #expect(preview.contains("src=\"https://acme.example/inside-rust/2026/08/18/leadership@9/pic.png\""))
    }

    @Test(arguments: [
        ([("preheader", ConfigValue.string("x"))], "no subject"),
        ([("subject", ConfigValue.string("x")), ("date", .string("15/11/2026"))], "is not YYYY-MM-DD"),
        ([("subject", ConfigValue.string("x")), ("sender", .string("me"))], "unknown front matter key 'sender'"),
    ])
    func frontMatterErrorsNameTheProblem(_ pairs: [(String, ConfigValue)], _ message: String) {
        #expect {
            try runNewsletter(makeInput([issueDocument("newsletter/bad.md", "x", pairs)], subscribers: people))
        } throws: { error in
            "\(error)".contains(message) && "\(error)".contains("content/acme/newsletter/bad.md")
        }
    }

    @Test func anArticleWithItsOwnHeadingIsNotTitledTwice() throws {
        let doc = issueDocument("newsletter/2026-11-01-x.md", "# Own heading\n\nText", [("subject", .string("Subject line"))])
        let output = try runNewsletter(makeInput([doc], subscribers: [people[1]], settings: [("greeting", .string(""))]))
        let preview = output.text("email/newsletter/2026-11-01-x/preview.html")!
        #expect(!preview.contains(">Subject line</h1>"))
        #expect(preview.contains(">Own heading</h1>"))
        #expect(!preview.contains("greeting"))
        let web = output.text("site/newsletter/2026-11-01-x/index.html")!
        #expect(web.components(separatedBy: "<h1").count == 2)
    }

    @Test func feedsListIssuesNewestFirstAndParse() throws {
        let output = try runNewsletter(makeInput([sampleIssue(), sampleIssue("2026-10-01-october.md", subject: "October <&> \"news\"")],
                                                          subscribers: []))
        let rss = try #require(output.artifact("site/newsletter/feed.xml"))
        let atom = try #require(output.artifact("site/newsletter/atom.xml"))
        for feed in [rss, atom] {
            let document = try XMLDocument(data: Data(feed.bytes))
            let titles = try document.nodes(forXPath: "//*[local-name()='item' or local-name()='entry']/*[local-name()='title']").map { $0.stringValue ?? "" }
            #expect(titles == ["November news 🎉", "October <&> \"news\""])
        }
        let text = String(decoding: rss.bytes, as: UTF8.self)
        #expect(text.contains("<pubDate>Sun, 15 Nov 2026 00:00:00 +0100</pubDate>"))
        #expect(text.contains("<link>https://acme.example/newsletter/2026-11-15-november/</link>"))
        #expect(String(decoding: atom.bytes, as: UTF8.self).contains("<updated>2026-11-14T23:00:00Z</updated>") ||
                String(decoding: atom.bytes, as: UTF8.self).contains("<updated>2026-11-15T00:00:00+01:00</updated>"))
    }

    @Test func mergesThatRenderEmptyAreReported() throws {
        let doc = issueDocument("newsletter/2026-11-02-y.md", "Dear {{ subscriber.first_name }}, hello.", [("subject", .string("Y"))])
        let output = try runNewsletter(makeInput([doc], subscribers: people))
        let notice = try #require(output.notices.first { $0.message.contains("empty merge") })
        #expect(notice.message.contains("1 message(s)"))
        #expect(notice.message.contains("{{ subscriber.first_name }}"))
        #expect(output.text("reports/newsletter/index.html")!.contains("1 message(s) with an empty merge"))
    }

    @Test(arguments: [
        (#"<body><a href="x">u</a><img src="http://x/a.png"></body>"#, ["no unsubscribe link", "without alt", "without a width", "not on https", "no preheader"]),
        ("<body><a href=\"\u{E000}0\u{E001}\">u</a><img src=\"https://x/a.png\" alt=\"\" width=\"10\"></body>", ["no preheader"]),
    ])
    func lintFindings(_ html: String, _ expected: [String]) {
        let issue = NewsletterIssue(slug: "x", subject: "x", title: "x", preheader: nil, description: nil,
                                    date: Timestamp(millisecondsSinceEpoch: 0, offsetSeconds: 0), day: "1970-01-01", segments: [],
                                    authors: [], markdown: "", baseURL: "https://x/", location: SourceLocation(file: "x"))
        let lint = IssueLint(issue: issue, html: Array(html.utf8), unsubscribeSentinel: MergeMarker.sentinel(0))
        #expect(lint.findings.count == expected.count)
        for (finding, text) in zip(lint.findings, expected) { #expect(finding.message.contains(text)) }
    }

    @Test func settingsAreStrictAndApplied() throws {
        let output = try runNewsletter(makeInput([sampleIssue()], subscribers: [people[0]],
                                                          settings: [("from", .string("Acme News <news@acme.example>")),
                                                                     ("unsubscribe_url", .string("https://lists.acme.example/u?list=1")),
                                                                     ("unsubscribe_mailto", .string(""))]))
        let raw = output.text("email/newsletter/2026-11-15-november/s1.eml")!
        #expect(raw.contains("From: Acme News <news@acme.example>\r\n"))
        #expect(raw.contains("List-Unsubscribe: <https://lists.acme.example/u?list=1&t="))
        #expect(!raw.contains("mailto:"))
        #expect(throws: (any Error).self) {
            try runNewsletter(makeInput([sampleIssue()], subscribers: people, settings: [("form", .string("x"))]))
        }
    }
}
