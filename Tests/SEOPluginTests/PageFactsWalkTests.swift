import Testing
import Markup
@testable import SEOPlugin

/// The audit reads pages with a streaming walk; it must see exactly what the tree form sees.
@Suite("Page facts from the streaming walk equal those from the parsed tree")
struct PageFactsWalkTests {
    static let documents: [String] = [
        "",
        "just text",
        "<p>a fragment</p><p lang=x>two roots</p>",
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title> Two   words </title>
        <meta name="Description" content=" d  e "><meta name="viewport" content="a"><meta name="viewport" content="b">
        <meta name="robots" content="noindex"><link rel="alternate canonical" href="https://x/a"><base href="/b/"></head>
        <body><h1>One <b>bold</b></h1><svg><title>icon</title><h1>not mine</h1></svg><math><title>m</title></math>
        <h1>Two</h1><img src=a.png><img src=b.png alt=""><a href="/x">x</a><area href="/y"><a name=no-href>n</a>
        <!-- <a href="/commented"> --><p><![CDATA[ignored]]></p></body></html>
        """,
        "<HTML LANG=DE><HEAD><TITLE>Upper</TITLE></HEAD><BODY><A HREF='/Up'>u</A></BODY></HTML>",
        "<html><head><title>\u{00E9}t\u{00E9} &amp; &lt;script&gt;</title></head><body><h1></h1></body></html>",
        "<title>no html</title><h1>h</h1>",
        "<html><body><a href=\"javascript:alert(1)\" onclick=\"x\">\"quoted\"</a><img alt=\"<script>\"></body></html>",
        "<html><head><title>unclosed",
    ]

    @Test(arguments: documents)
    func sameFacts(html: String) {
        let bytes = Array(html.utf8)
        #expect(PageFacts(html: bytes) == PageFacts(document: HTMLParser.parse(bytes)))
    }

    @Test(.enabled(if: PythonDocsFixture.isAvailable, "python3.11-doc is not installed"))
    func sameFactsOnThePythonDocs() throws {
        let pages = try PythonDocsFixture.pages().filter(\.isHTML).prefix(120)
        #expect(pages.count > 100)
        for page in pages {
            #expect(PageFacts(html: page.body) == PageFacts(document: HTMLParser.parse(page.body)), "\(page.url)")
        }
    }
}

/// The byte-level rel check agrees with splitting the list into Strings.
struct RelListTests {
    @Test("rel tokens are found case-insensitively among white space", arguments: [
        ("canonical", "canonical", true), ("Canonical", "canonical", true), ("alternate  canonical", "canonical", true),
        ("\tstylesheet\n", "stylesheet", true), ("canonicalx", "canonical", false), ("x-canonical", "canonical", false),
        ("", "canonical", false), ("   ", "icon", false), ("shortcut icon", "icon", true), ("apple-touch-icon", "icon", false),
        ("canonical\r\nnext", "canonical", false), ("canonical\rnext", "canonical", true), ("préload icon", "icon", true),
        ("NoFollow", "nofollow", true),
    ])
    func relContains(rel: String, token: String, expected: Bool) {
        #expect(PageFacts.relContains(rel, token) == expected)
    }
}
