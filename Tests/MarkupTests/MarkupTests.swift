import Testing
@testable import Markup

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

    /// The byte path for ASCII URLs decides as the Character path does; other text takes the Character path.
    @Test(arguments: [
        "https://example.com/a", "HTTP://X", "hTtPs:", "Mailto:x", "tel:+1", "tel", "telx:1", "http:x", "https:",
        "ftp://x", "javascript:alert(1)", "JAVASCRIPT:x", "java\tscript:x", "java\r\nscript:x", " \u{7}http:x",
        "https\u{7F}:x", "mailtomailto:x", "mailto1:x", "a/b:c", "?q:x", "#f:x", "//x:y", "", ":", "::", "noscheme",
        "http:", "http :x", "h t t p s : / /", "data:text/html,<b>", "\u{1}\u{2}tel:1",
    ])
    func asciiURLSafety(url: String) {
        #expect(Array(url.utf8).withUnsafeBufferPointer(HTMLEscape.isSafeASCIIURL) == HTMLEscape.isSafeUnicodeURL(url))
    }

    @Test(arguments: ["javascript:\u{301}alert(1)", "é:x", "https://é.example/", "K\u{212A}:x"])
    func nonASCIIURLSafety(url: String) {
        #expect(Array(url.utf8).withUnsafeBufferPointer(HTMLEscape.isSafeASCIIURL) == nil)
        #expect(HTMLEscape.isSafeURL(url) == HTMLEscape.isSafeUnicodeURL(url))
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
