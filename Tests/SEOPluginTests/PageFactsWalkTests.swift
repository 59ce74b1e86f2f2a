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
        // Second top-level elements: nested in the first by the tree builder, or beside it after a doctype/comment.
        "<html><body><p>in</p></body></html><p>after</p>",
        "<!doctype html><html><body><h1>in</h1></body></html><h1>after</h1>",
        "<!-- c --><title>t</title><a href=/x>x</a>",
        // Headings named by their text, else by an image's alt; nested headings, links and images inside them.
        "<html><body><h1><img alt=' A  b '><img alt='c'></h1><h2><img alt=''><img alt='second'></h2>"
            + "<h3>text <img alt='not used'></h3><h4><h5>inner</h5> outer</h4><h6><a href=/h>linked</a></h6></body></html>",
        // Structured data, boolean and valueless attributes, entities in attributes, http: subresources.
        "<html><head><script type=' Application/LD+JSON '>{\"a\": \"<b>\"}</script>"
            + "<script async src='http://cdn/x.js'></script><link rel=stylesheet href='http://c/s.css'></head>"
            + "<body><img alt src=http://i/p.png><a href='/a?x=1&amp;y=2' download>d</a>"
            + "<form action='http://f/'><input disabled></form><video src=v poster='http://p/'></video></body></html>",
        // Word counts: inline elements join words, blocks split them, script/style/svg/noscript text is not counted.
        "<html><body>un<b>bold</b> two<div>three</div>four<script>no count</script><style>x{}</style>"
            + "<span>five<svg><text>no</text></svg>six</span><noscript><p>hidden</p></noscript>\u{3042}\u{3044} x\u{00A0}y</body></html>",
        // Text longer than libxml2's 1,000-byte character buffer, in a title, a link and the body.
        "<html><head><title>" + String(repeating: "word ", count: 700) + "</title></head><body><a href=/l>"
            + String(repeating: "\u{00E9}t\u{00E9} ", count: 400) + "</a>" + String(repeating: "ab\u{3042}", count: 900)
            + "</body></html>",
        // Lines past 65,535 (the tree stores at most that).
        "<html><body>" + String(repeating: "\n", count: 70_000) + "<h1>late</h1><a href=/z>z</a></body></html>",
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

/// NUL bytes, which libxml2's HTML parser takes for the end of the text and drops the rest of the document at, are
/// left out before parsing, as a browser's tree builder ignores U+0000 in text: the page reads as without them.
struct NULByteTests {
    static let page = "<html><head><title>A title</title></head><body><h1>Heading words here</h1><p>Some text</p></body></html>"

    @Test("a page with NUL bytes has the facts of the page without them", arguments: [
        "<body>\u{0}<h1>", "Heading\u{0} words", "</h1>\u{0}\u{0}\u{0}<p>", "<title>\u{0}A title",
        // More NULs than one read of libxml2 asks for (4 KB): a read of NULs only must not end the document.
        "<body>" + String(repeating: "\u{0}", count: 9000) + "<h1>",
    ])
    func nulBytesAreIgnored(insert: String) throws {
        let marker = insert.replacingOccurrences(of: "\u{0}", with: "")
        let range = try #require(Self.page.range(of: marker))
        let withNUL = Self.page.replacingCharacters(in: range, with: insert)
        let facts = PageFacts(html: Array(withNUL.utf8))
        #expect(facts == PageFacts(html: Array(Self.page.utf8)))
        #expect(facts.headings.first?.value == "Heading words here")
        #expect(facts == PageFacts(document: HTMLParser.parse(Array(withNUL.utf8))))
    }
}
