import Testing
import Markup

@Suite("HTML escaping, URL safety, Markdown and HTML parsing")
struct MarkupTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("a & b \"q\"", "a &amp; b &quot;q&quot;"),
        ("&amp;", "&amp;amp;"),
    ])
    func escapes(text: String, expected: String) {
        #expect(HTMLEscape.escape(text) == expected)
    }

    @Test(arguments: [
        ("https://example.com/a", true), ("/relative", true), ("#top", true), ("mailto:a@b.c", true),
        ("javascript:alert(1)", false), (" JaVaScRiPt:alert(1)", false), ("java\tscript:alert(1)", false),
        ("data:text/html,<b>", false), ("vbscript:x", false), ("a/b:c", true),
    ])
    func urlSafety(url: String, safe: Bool) {
        #expect(HTMLEscape.isSafeURL(url) == safe)
    }

    @Test(arguments: [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", "<table>"),
        ("~~gone~~", "<del>gone</del>"),
        ("see https://example.com now", "<a href=\"https://example.com\">https://example.com</a>"),
        ("text[^1]\n\n[^1]: note\n", "class=\"footnotes\""),
        ("- [x] done\n", "checked"),
        ("<script>alert(1)</script>\n", "&lt;script>"),
    ])
    func markdownExtensions(markdown: String, fragment: String) {
        #expect(Markdown.html(markdown).contains(fragment))
    }

    @Test func htmlParserReadsElementsAttributesAndLines() {
        let root = HTMLParser.parse("<html lang=\"de\"><head><title>T &amp; U</title></head>\n<body><IMG SRC=\"a.png\"></body></html>")
        #expect(root.name == "html")
        #expect(root[attribute: "lang"] == "de")
        #expect(root.first("title")?.textContent == "T & U")
        let image = root.descendants(named: "img").first
        #expect(image?[attribute: "src"] == "a.png")
        #expect(image?.has("alt") == false)
        #expect(image?.line == 2)
    }
}
