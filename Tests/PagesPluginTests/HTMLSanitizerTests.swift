import Markup
import Testing
@testable import PagesPlugin

@Suite struct HTMLSanitizerTests {
    /// Inputs that must come out with no script-capable element, handler attribute or unsafe URL.
    static let hostile: [String] = [
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "<IMG SRC=x OnError='alert(1)'>",
        "<img/src=x/onerror=alert(1)>",
        "<img src=x\nonerror=alert(1)>",
        "<img src=\"x\"onerror=\"alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"java&Tab;script:alert(1)\">x</a>",
        "<a href=\"javascript&#58alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=javascript:alert(1)>x</a>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<button formaction=\"javascript:alert(1)\">go</button>",
        "<img srcset=\"ok.png 1x, javascript:alert(1) 2x\">",
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><a href=\"javascript:alert(1)\">x</a></mtext></math>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width:expression(alert(1))\">x</div>",
        "<details open ontoggle=alert(1)>x</details>",
        "<body onload=alert(1)>",
        "<!--> <img src=x onerror=alert(1)> -->",
        "<!---> <img src=x onerror=alert(1)> -->",
        "<!-- x --!> <img src=x onerror=alert(1)> -->",
        "<!-- unterminated <img src=x onerror=alert(1)>",
        "<? x ><img src=x onerror=alert(1)>",
        "<img src=x onerror=alert(1)",
        "<a title='unterminated",
        "<textarea><img src=x onerror=alert(1)></textarea>",
        "<template><img src=x onerror=alert(1)></template>",
        "<a href=\"#\" =onclick=x onclick=alert(1)>x</a>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
    ]

    @Test(arguments: hostile)
    func disarms(html: String) {
        let clean = HTMLSanitizer.sanitize(html)
        // What a browser would build, checked with libxml2's HTML parser, wrapped in a layout as the pages are.
        let tree = HTMLParser.parse("<html><body><main>" + clean + "</main><footer><a href='/x'>f</a></footer></body></html>")
        let dangerous: Set<String> = ["script", "iframe", "object", "embed", "base", "meta", "link", "style", "svg",
                                      "math", "form", "noscript", "textarea", "template", "frame", "frameset"]
        for element in tree.descendants() {
            #expect(!dangerous.contains(element.name), "\(element.name) survived in \(clean)")
            for attribute in element.attributes {
                #expect(!attribute.name.hasPrefix("on"), "\(attribute.name) survived in \(clean)")
                if ["href", "src", "action", "formaction", "data", "srcset"].contains(attribute.name) {
                    let urls = attribute.name == "srcset" ? attribute.value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [attribute.value]
                    for url in urls { #expect(HTMLEscape.isSafeURL(url), "\(attribute.name)=\(url) survived in \(clean)") }
                }
                if attribute.name == "style" { #expect(!attribute.value.contains("javascript") && !attribute.value.contains("expression")) }
            }
        }
        // The fragment never swallows the layout after it.
        #expect(tree.descendants(named: "footer").count == 1, "layout swallowed by \(clean)")
        #expect(HTMLSanitizer.sanitize(clean) == clean, "not idempotent")
    }

    /// Markup cmark produces, and harmless raw HTML, passes through byte for byte.
    @Test(arguments: [
        "<p>Hello <em>world</em> &amp; <a href=\"https://example.com/?a=1&amp;b=2\">friends</a></p>\n",
        "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n</tr>\n</thead>\n</table>\n",
        "<p><img src=\"/img/x.png\" alt=\"An &quot;x&quot;\" title=\"t\" /></p>\n",
        "<a href=\"mailto:team@acme.example\">mail</a> <a href=\"tel:+4930123\">call</a> <a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>",
        "<div class=\"note\" data-kind=\"info\" style=\"color: red\">Note</div>",
        "<pre><code class=\"language-swift\">let x = a &lt; b\n</code></pre>\n",
        "<p>1 &lt; 2 and 3 > 2</p>",
        "<input type=\"checkbox\" disabled=\"\" checked=\"\" /> done",
        "<a href=\"relative/page.html\">rel</a><a href=\"../up.html\">up</a><a href=\"//cdn.example/x\">cdn</a>",
        "<img srcset=\"a.png 1x, b.png 2x\" src=\"a.png\" alt=\"\">",
        "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\"><p>Note <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a></p></li></ol></section>",
    ])
    func keepsSafeMarkup(html: String) {
        #expect(HTMLSanitizer.sanitize(html) == html)
    }

    @Test(arguments: [
        ("<img src=x onerror=alert(1)>", "<img src=x>"),
        ("<img src=\"x\" onerror=\"alert(1)\" alt=\"y\">", "<img src=\"x\" alt=\"y\">"),
        ("<a href=\"javascript:alert(1)\" title=\"t\">x</a>", "<a title=\"t\">x</a>"),
        ("a<script>b</script>c", "a&lt;script>b&lt;/script>c"),
        ("x<!-- note -->y", "xy"),
        ("x<img src=y", "x&lt;img src=y"),
    ])
    func exactRewrites(html: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(html) == expected)
    }
}
