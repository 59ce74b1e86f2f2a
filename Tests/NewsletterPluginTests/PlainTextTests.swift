import Testing
@testable import NewsletterPlugin

struct TextCase: CustomTestStringConvertible, Sendable {
    var name: String
    var html: String
    var text: String
    var testDescription: String { name }
}

@Suite struct PlainTextTests {
    static let cases: [TextCase] = [
        TextCase(name: "paragraphs and whitespace", html: "<p>Hello\n   <b>world</b></p><p>Second</p>", text: "Hello world\n\nSecond\n"),
        TextCase(name: "headings on their own lines", html: "<h1>Title</h1><p>a</p><h2>Sub</h2><h3>Small</h3><p>b</p>",
                 text: "Title\n=====\n\na\n\nSub\n---\n\nSmall\n\nb\n"),
        TextCase(name: "unordered and ordered lists", html: "<ul><li>one</li><li>two</li></ul><ol start=\"3\"><li>three</li><li>four</li></ol>",
                 text: "- one\n- two\n\n3. three\n4. four\n"),
        TextCase(name: "nested lists", html: "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", text: "- a\n  - b\n- c\n"),
        TextCase(name: "links as text (url)", html: #"<p>See <a href="https://example.com/x?a=1&amp;b=2">the docs</a>.</p>"#,
                 text: "See the docs (https://example.com/x?a=1&b=2).\n"),
        TextCase(name: "a link showing its URL is not repeated", html: #"<p><a href="https://example.com/">https://example.com/</a></p>"#,
                 text: "https://example.com/\n"),
        TextCase(name: "mailto shows the address", html: #"<p><a href="mailto:a@b.example">write</a></p>"#, text: "write (a@b.example)\n"),
        TextCase(name: "cmark-gfm footnotes: bracketed markers, no back links",
                 html: ##"<p>pack.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p><section class="footnotes" data-footnotes><ol><li id="fn-1"><p>While stocks last. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to reference 1">↩</a></p></li></ol></section>"##,
                 text: "pack.[1]\n\n1. While stocks last.\n"),
        TextCase(name: "fragment links drop the URL", html: ##"<p>Note<sup><a href="#fn1">1</a></sup></p>"##, text: "Note1\n"),
        TextCase(name: "head, style, script, comments, preheader and pixels dropped",
                 html: #"<html><head><title>T</title><style>p{}</style></head><body><div class="preheader" style="display:none">pre</div><!-- c --><script>x()</script><p>Body</p><img src="https://t.example/p.gif" width="1" height="1" alt="pixel"></body></html>"#,
                 text: "Body\n"),
        TextCase(name: "display none dropped", html: #"<p>a</p><div style="color: red; display: none">hidden</div><p>b</p>"#, text: "a\n\nb\n"),
        TextCase(name: "emoji kept", html: "<p>Ship it 🚀 — 한국어 테스트</p>", text: "Ship it 🚀 — 한국어 테스트\n"),
        TextCase(name: "entities decoded", html: "<p>Tom &amp; Jerry &lt;3 &quot;x&quot; &#8212; &#x1F600; &nbsp;end</p>", text: "Tom & Jerry <3 \"x\" — 😀  end\n"),
        TextCase(name: "wrapping at 76", html: "<p>" + String(repeating: "word ", count: 30) + "</p>",
                 text: String(repeating: "word ", count: 15).trimmingASCIISpace() + "\n" + String(repeating: "word ", count: 15).trimmingASCIISpace() + "\n"),
        TextCase(name: "long URLs are never broken", html: #"<p>Go to <a href="https://example.com/"# + String(repeating: "a", count: 100) + #"">here</a> now</p>"#,
                 text: "Go to here\n(https://example.com/" + String(repeating: "a", count: 100) + ")\nnow\n"),
        TextCase(name: "pre kept verbatim", html: "<p>a</p><pre><code>fn main() {\n    let x = 1;   \n}\n</code></pre><p>b</p>",
                 text: "a\n\nfn main() {\n    let x = 1;   \n}\n\nb\n"),
        TextCase(name: "blockquote", html: "<blockquote><p>quoted text</p><p>more</p></blockquote>", text: "> quoted text\n>\n> more\n"),
        TextCase(name: "line breaks", html: "<p>a<br>b<br/>c</p>", text: "a\nb\nc\n"),
        TextCase(name: "data table as aligned columns", html: "<table><tr><th>Name</th><th>Count</th></tr><tr><td>apples</td><td>3</td></tr></table>",
                 text: "Name    Count\napples  3\n"),
        TextCase(name: "layout tables flow as blocks", html: #"<table role="presentation"><tr><td><p>one</p></td></tr><tr><td><p>two</p></td></tr></table>"#,
                 text: "one\n\ntwo\n"),
        TextCase(name: "cells with line breaks stay in their column",
                 html: "<table><tr><th>Office<br>Berlin</th><th>Hours</th></tr><tr><td>Mitte</td><td>9–5</td></tr></table>",
                 text: "Office  Hours\nBerlin\nMitte   9–5\n"),
        TextCase(name: "pre in a cell keeps its lines and indentation",
                 html: "<table><tr><td><pre>a\n  b</pre></td><td>x</td></tr></table>", text: "a    x\n  b\n"),
        TextCase(name: "short rows are padded with empty cells; widths count characters",
                 html: "<table><tr><td>Länge</td><td>ä</td><td>3</td></tr><tr><td>1</td><td>2</td></tr></table>", text: "Länge  ä  3\n1      2\n"),
        TextCase(name: "cells outside a row form one; text outside any cell comes before the table",
                 html: "<p>Prices</p><table><caption>Q3</caption><td>a</td><td>b</td><tr>note<td>c</td><td>d</td></tr></table>",
                 text: "Prices\n\nQ3 note\n\na  b\nc  d\n"),
        TextCase(name: "cells and rows with no table run inline", html: "<div>one <td>two</td><td>three</td></div>", text: "one two three\n"),
        TextCase(name: "white-space: pre keeps the lines", html: "<p>a</p><div style=\"white-space: pre\">x\n  y</div>", text: "a\n\nx\n  y\n"),
        TextCase(name: "images show alt text", html: #"<p><img src="x.png" alt="A chart"> and <img src="y.png" alt=""></p>"#, text: "[A chart] and\n"),
    ]

    @Test(arguments: cases)
    func converts(_ c: TextCase) {
        #expect(PlainTextRenderer().render(c.html) == c.text)
    }

    @Test func noLineExceedsTheWidthUnlessItIsOneWord() {
        let html = "<p>" + (0..<200).map { "w\($0)" }.joined(separator: " ") + "</p><ul><li>" + String(repeating: "item text ", count: 20) + "</li></ul>"
        let text = PlainTextRenderer().render(html)
        for line in text.split(separator: "\n") {
            #expect(line.count <= 76 || !line.contains(" "), "\(line)")
        }
    }
}
