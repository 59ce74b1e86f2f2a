import Testing
@testable import NewsletterPlugin

/// The `style` attribute the inliner gives the element with `id="t"`.
func inlinedStyle(_ css: String, _ body: String) -> String? {
    let html = "<html><head><style>\(css)</style></head><body>\(body)</body></html>"
    let out = CSSInliner().inline(html)
    let tree = HTMLTree(out)
    guard let index = tree.elements.indices.first(where: { tree.elements[$0].id == "t" }) else { return nil }
    return tree.attribute(index, "style")
}

struct InlineCase: CustomTestStringConvertible, Sendable {
    var name: String
    var css: String
    var body: String
    var expected: String?
    var testDescription: String { name }
}

@Suite struct CSSInlinerTests {
    static let cascade: [InlineCase] = [
        InlineCase(name: "class beats type", css: ".a { color: blue } p { color: red }", body: #"<p class="a" id="t">x</p>"#, expected: "color: blue"),
        InlineCase(name: "later rule wins at equal specificity", css: ".a { color: red } .b { color: blue }", body: #"<p class="a b" id="t">x</p>"#, expected: "color: blue"),
        InlineCase(name: "id beats later class", css: "#t { color: red } .a { color: blue }", body: #"<p class="a" id="t">x</p>"#, expected: "color: red"),
        InlineCase(name: "two classes beat one", css: "p.a.b { color: red } .a { color: blue }", body: #"<p class="a b" id="t">x</p>"#, expected: "color: red"),
        InlineCase(name: "inline normal beats stylesheet normal", css: "#t { color: red }", body: #"<p id="t" style="color: blue">x</p>"#, expected: "color: blue"),
        InlineCase(name: "stylesheet !important beats inline normal", css: ".a { color: red !important }", body: #"<p class="a" id="t" style="color: blue">x</p>"#, expected: "color: red !important"),
        InlineCase(name: "inline !important beats stylesheet !important", css: "#t.a { color: red !important }", body: #"<p class="a" id="t" style="color: blue !important">x</p>"#, expected: "color: blue !important"),
        InlineCase(name: "!important beats specificity", css: "p { color: red !important } #t { color: blue }", body: #"<p id="t">x</p>"#, expected: "color: red !important"),
        InlineCase(name: "shorthand before the more specific longhand", css: "p { padding: 0 } .a { padding-left: 5px }", body: #"<p class="a" id="t">x</p>"#, expected: "padding: 0; padding-left: 5px"),
        InlineCase(name: "longhand before the more specific shorthand", css: ".a { padding: 0 } p { padding-left: 5px }", body: #"<p class="a" id="t">x</p>"#, expected: "padding-left: 5px; padding: 0"),
        InlineCase(name: "existing inline style merged last", css: "p { margin: 0; color: red }", body: #"<p id="t" style="color: green; border: 0">x</p>"#, expected: "margin: 0; color: green; border: 0"),
        InlineCase(name: "descendant combinator", css: "div p { color: red }", body: #"<div><section><p id="t">x</p></section></div>"#, expected: "color: red"),
        InlineCase(name: "child combinator does not match grandchildren", css: "div > p { color: red }", body: #"<div><section><p id="t">x</p></section></div>"#, expected: nil),
        InlineCase(name: "child combinator", css: "section > p { color: red }", body: #"<div><section><p id="t">x</p></section></div>"#, expected: "color: red"),
        InlineCase(name: "adjacent sibling", css: "h1 + p { color: red }", body: #"<h1>a</h1><p id="t">x</p>"#, expected: "color: red"),
        InlineCase(name: "attribute prefix", css: #"a[href^="https"] { color: green }"#, body: #"<a id="t" href="https://x.example/">x</a>"#, expected: "color: green"),
        InlineCase(name: "attribute equality mismatch", css: #"a[target=_blank] { color: green }"#, body: #"<a id="t" target="_self">x</a>"#, expected: nil),
        InlineCase(name: ":first-child", css: "li:first-child { font-weight: bold }", body: #"<ul><li id="t">a</li><li>b</li></ul>"#, expected: "font-weight: bold"),
        InlineCase(name: ":first-child does not match the second", css: "li:first-child { font-weight: bold }", body: #"<ul><li>a</li><li id="t">b</li></ul>"#, expected: nil),
        InlineCase(name: "selector list", css: "h1, .x, p { color: red }", body: #"<p id="t">x</p>"#, expected: "color: red"),
        InlineCase(name: "@media is not inlined", css: "@media (max-width: 600px) { p { color: red } }", body: #"<p id="t">x</p>"#, expected: nil),
        InlineCase(name: ":hover is not inlined", css: "a:hover { color: red } a { color: blue }", body: ##"<a id="t" href="#">x</a>"##, expected: "color: blue"),
        InlineCase(name: "comments and strings", css: #"/* c { color: red } */ p { font-family: "Helvetica Neue", Arial; background: url("a;b.png") }"#, body: #"<p id="t">x</p>"#, expected: #"font-family: 'Helvetica Neue', Arial; background: url('a;b.png')"#),
        InlineCase(name: "uppercase tags and !IMPORTANT", css: "P { COLOR: red ! IMPORTANT } p { color: blue }", body: #"<P id="t">x</P>"#, expected: "color: red !important"),
        InlineCase(name: ":not()", css: "p:not(.x) { color: red }", body: #"<p class="x">a</p><p id="t">x</p>"#, expected: "color: red"),
        InlineCase(name: "fallbacks in one rule are kept", css: "p { background: #fff; background: linear-gradient(#fff, #eee); color: red }", body: #"<p id="t">x</p>"#,
                   expected: "background: #fff; background: linear-gradient(#fff, #eee); color: red"),
        InlineCase(name: "fallbacks of a losing rule are not", css: "#t { color: red; color: rgba(1,2,3,.5) } p { color: blue }", body: #"<p id="t">x</p>"#,
                   expected: "color: red; color: rgba(1,2,3,.5)"),
        InlineCase(name: ":nth-child(odd) matches the third", css: "li:nth-child(odd) { color: red }", body: #"<ul><li>a</li><li>b</li><li id="t">c</li></ul>"#, expected: "color: red"),
        InlineCase(name: ":nth-child(2n+1) skips the second", css: "li:nth-child(2n+1) { color: red }", body: #"<ul><li>a</li><li id="t">b</li></ul>"#, expected: nil),
        InlineCase(name: ":nth-child(-n+2) matches the first two", css: "li:nth-child(-n+2) { color: red }", body: #"<ul><li>a</li><li id="t">b</li><li>c</li></ul>"#, expected: "color: red"),
        InlineCase(name: ":nth-last-child(1)", css: "li:nth-last-child(1) { color: red }", body: #"<ul><li>a</li><li id="t">b</li></ul>"#, expected: "color: red"),
        InlineCase(name: ":nth-of-type(2) counts same-name siblings", css: "p:nth-of-type(2) { color: red }", body: #"<div><p>a</p><span>s</span><p id="t">b</p></div>"#, expected: "color: red"),
        InlineCase(name: "descendant whose ancestor class is missing", css: ".outer p { color: red }", body: #"<div class="inner"><p id="t">x</p></div><div class="outer"></div>"#, expected: nil),
        InlineCase(name: "descendant through several ancestors", css: "table.wrap td .cta a { color: red }", body: ##"<table class="wrap"><tr><td><div><p class="cta"><span><a id="t" href="#">x</a></span></p></div></td></tr></table>"##, expected: "color: red"),
        InlineCase(name: "child of an ancestor that is not the parent", css: "#box > a { color: red }", body: ##"<div id="box"><span><a id="t" href="#">x</a></span></div>"##, expected: nil),
        InlineCase(name: "universal selector", css: "* { margin: 0 }", body: #"<p id="t">x</p>"#, expected: "margin: 0"),
    ]

    @Test(arguments: cascade)
    func cascadeOrder(_ c: InlineCase) {
        #expect(inlinedStyle(c.css, c.body) == c.expected)
    }

    @Test func keepsWhatCannotBeInlinedInStyle() {
        let html = "<html><head><style>p { color: red } a:hover { color: blue } @media (max-width: 600px) { p { font-size: 14px } .x { color: red !important } } @font-face { font-family: X; src: url(x.woff) }</style></head><body><p>x</p></body></html>"
        let out = CSSInliner().inline(html)
        #expect(out.contains("a:hover { color: blue; }"))
        #expect(out.contains("@media (max-width: 600px) {\np { font-size: 14px !important; }\n.x { color: red !important; }\n}"))
        #expect(out.contains("@font-face { font-family: X; src: url(x.woff) }"))
        #expect(out.contains(#"<p style="color: red">x</p>"#))
        #expect(!out.contains("p { color: red }"))
    }

    @Test func removesAStyleElementThatWasFullyInlined() {
        let out = CSSInliner().inline("<html><head><style>p { color: red }</style>\n</head><body><p>x</p></body></html>")
        #expect(out == "<html><head></head><body><p style=\"color: red\">x</p></body></html>")
    }

    @Test func leavesEverythingElseByteForByte() {
        let body = #"<a href="{{ url | append: '?a=1&b=2' }}" class="a" title="Tom &amp; Jerry" data-x='*|FNAME|*'>%%{first_name}%%</a><!--[if mso]><p class="a">mso</p><![endif]--><br/>&nbsp;&#x1F600;"#
        let out = CSSInliner().inline("<style>.a { color: red }</style>" + body)
        #expect(out == #"<a href="{{ url | append: '?a=1&b=2' }}" class="a" title="Tom &amp; Jerry" data-x='*|FNAME|*' style="color: red">%%{first_name}%%</a><!--[if mso]><p class="a">mso</p><![endif]--><br/>&nbsp;&#x1F600;"#)
    }

    @Test func escapesQuotesInTheStyleAttribute() {
        #expect(CSSInliner().inline(#"<style>p { font-family: "A & B" }</style><p>x</p>"#) == #"<p style="font-family: 'A &amp; B'">x</p>"#)
        #expect(CSSInliner().inline(#"<style>p { content: "it's" }</style><p>x</p>"#) == #"<p style="content: &quot;it's&quot;">x</p>"#)
    }

    @Test(arguments: [
        #"<a href="{{ url | append: '?a=1&b=2' }}" title="{% if vip %}VIP &amp; co{% endif %}" data-m="*|FNAME|*" data-g="%%{first_name, "there"}%%" class="a">x</a>"#,
        #"<img src="https://x.example/{{ id }}.png" alt='{{ name | default: "there" }}' class="a">"#,
    ])
    func templateTagsInAttributesAreByteIdentical(_ element: String) {
        let out = CSSInliner().inline("<style>.a { color: red }</style>" + element)
        let insert = element.hasSuffix(">x</a>") ? element.dropLast(6) + #" style="color: red">x</a>"# : element.dropLast() + #" style="color: red">"#
        #expect(out == insert)
    }

    @Test func aStyleAttributeWithTemplateTagsIsKeptVerbatimAfterTheSheet() {
        let out = CSSInliner().inline(#"<style>p { margin: 0; color: red }</style><p style='color: {{ c | default: "blue" }}; {% if x > 1 %}font-weight: bold{% endif %}'>x</p>"#)
        #expect(out == #"<p style='margin: 0; color: red; color: {{ c | default: "blue" }}; {% if x > 1 %}font-weight: bold{% endif %}'>x</p>"#)
    }

    @Test func entitiesRoundTripExactlyOnce() {
        let out = CSSInliner().inline(#"<style>p { font-family: "A&B" }</style><p style="background: url(a?x=1&amp;y=2)" title="&lt;&amp;&gt;">Tom &amp; Jerry &#8212;</p>"#)
        #expect(out == #"<p style="font-family: 'A&amp;B'; background: url(a?x=1&amp;y=2)" title="&lt;&amp;&gt;">Tom &amp; Jerry &#8212;</p>"#)
    }

    @Test func conditionalCommentsAreOpaque() {
        let body = #"<!--[if mso]><table class="a"><tr><td class="a">x</td></tr></table><![endif]--><!--[if !mso]><!--><p class="a">y</p><!--<![endif]-->"#
        let out = CSSInliner().inline("<style>.a { color: red }</style>" + body)
        #expect(out == #"<!--[if mso]><table class="a"><tr><td class="a">x</td></tr></table><![endif]--><!--[if !mso]><!--><p class="a" style="color: red">y</p><!--<![endif]-->"#)
    }

    @Test func atRulesAndPseudoRulesStayInStyle() {
        let out = CSSInliner().inline("<style>@supports (display: grid) { .a { display: grid } } p::before { content: 'x' } a:hover, a:focus { color: red } @media print { p { color: black !important } }</style><p class=\"a\">x</p>")
        #expect(out.contains("@supports (display: grid) {\n.a { display: grid; }\n}"))
        #expect(out.contains("p::before { content: 'x'; }"))
        #expect(out.contains("a:hover, a:focus { color: red; }"))
        #expect(out.contains("@media print {\np { color: black !important; }\n}"))
        #expect(out.contains(#"<p class="a">x</p>"#))
    }

    @Test(arguments: ["data-embed", "data-herald-keep", #"data-css-inline="keep""#])
    func styleOptOuts(_ attribute: String) {
        let html = "<style \(attribute)>p { color: red }</style><p>x</p>"
        #expect(CSSInliner().inline(html) == html)
    }

    @Test func premailerStyleOptions() {
        let html = ##"<style>td { background-color: #abc } .x { color: red }</style><table><tr><td class="x">a</td><td bgcolor="#fff">b</td></tr></table>"##
        let out = CSSInliner(removeClasses: true, keepStyleElements: true, tableBackgroundAttributes: true).inline(html)
        #expect(out == ##"<style>td { background-color: #abc } .x { color: red }</style><table><tr><td style="background-color: #abc; color: red" bgcolor="#aabbcc">a</td><td bgcolor="#fff" style="background-color: #abc">b</td></tr></table>"##)
    }

    @Test func optOuts() {
        let out = CSSInliner().inline(#"<style data-herald-keep>p { color: red }</style><style>p { margin: 0 }</style><p data-herald-ignore>x</p><p>y</p>"#)
        #expect(out == #"<style data-herald-keep>p { color: red }</style><p data-herald-ignore>x</p><p style="margin: 0">y</p>"#)
    }

    /// The ancestor filter only ever rejects: every element whose selector matches passes it.
    @Test func ancestorFilterNeverRejectsAMatch() throws {
        let tree = HTMLTree(##"<html><body><div id="a" class="x y"><section class="z"><p class="q"><a href="#">t</a></p></section></div><ul><li class="x"><b>b</b></li></ul></body></html>"##)
        let matcher = SelectorMatcher(tree: tree)
        for text in ["#a a", ".x .z p", "div > section p.q", "body ul li b", ".y a", "html a", "li.x > b", "section a", ".x b"] {
            let selector = try #require(CSSSelector.parse(text))
            let required = try #require(SelectorMatcher.requiredAncestors(selector))
            for element in tree.elements.indices where matcher.matches(selector, element) {
                #expect(matcher.mayMatch(required, element), "\(text) on element \(element)")
            }
        }
        let nowhere = try #require(CSSSelector.parse(".nowhere a"))
        let absent = try #require(SelectorMatcher.requiredAncestors(nowhere))
        let link = try #require(tree.elements.indices.first { tree.elements[$0].name == "a" })
        #expect(!matcher.mayMatch(absent, link))
    }

    @Test(arguments: [
        ("div.a > p:first-child", 2_002),
        ("#x .y a", 1_000_000 + 1_000 + 1),
        ("a[href]", 1_001),
        ("*", 0),
        ("a:not(.x)", 1_001),
        ("tr:nth-child(2n+1)", 1_001),
        ("li:nth-last-of-type(2) a", 1_002),
    ])
    func specificity(_ selector: String, _ expected: Int) {
        #expect(CSSSelector.parse(selector)?.specificity == expected)
    }

    @Test(arguments: ["a:hover", "p::before", "p:not(div p)", "p:nth-child(2n+)", "p:nth-child(x)", "li:nth-child(2 of .a)", "> p", "a[", "p ~"])
    func unsupportedSelectorsAreRejected(_ selector: String) {
        #expect(CSSSelector.parse(selector) == nil)
    }
}
