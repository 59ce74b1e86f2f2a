import Testing
import Liquid

/// A layout rendered around bytes it only prints bare gives the bytes of rendering it with the same markup as a
/// `.safe` string; any other use of the variable leaves the choice to the caller (nil).
@Suite struct SpliceTests {
    static let bodies = ["", "<p>body</p>", "é日本😀 & <b>\"x\"</b>", "{{ content }} {% if %}", "\u{1}splice-\u{1}", "a\u{0}b\r\n"]

    @Test("bare prints, any number of them, anywhere a tag allows", arguments: [
        "<main>{{ content }}</main>",
        "{{ content }}{{ content }}|{{content}}",
        "{{- content -}} {% if page.title %}<h1>{{ page.title }}</h1>{{ content }}{% else %}{{ content }}{% endif %}",
        "{% for item in items %}{{ forloop.index }}{{ content }}{% endfor %}{% case page.title %}{% when 'x' %}{{ content }}{% endcase %}",
        "{% assign other = page.title | upcase %}{{ other }}{% unless page.title %}{{ content }}{% endunless %}",
        "no use at all",
    ])
    func spliced(layout: String) throws {
        for autoescape in [true, false] {
            let engine = LiquidEngine(loader: InMemoryLoader([:]), options: LiquidOptions(autoescape: autoescape))
            let template = try engine.parse(layout)
            for body in Self.bodies {
                let variables: LiquidObject = ["page": ["title": "T<i>"], "items": [1, 2]]
                var reference = variables
                reference["content"] = .safe(body)
                let spliced = try template.renderBytes(variables, splicing: "content", Array(body.utf8))
                #expect(spliced == (try template.renderBytes(reference)))
            }
        }
    }

    @Test("any other use of the variable, a binding of it or a partial: nil", arguments: [
        "{{ content | strip }}", "{{ content.size }}", "{% if content %}x{% endif %}", "{% if a == content %}x{% endif %}",
        "{% assign content = 'x' %}{{ content }}", "{% assign x = content %}", "{% capture c %}{{ content }}{% endcapture %}",
        "{% capture content %}x{% endcapture %}", "{% for content in items %}{{ content }}{% endfor %}",
        "{% for x in content %}{% endfor %}", "{% increment content %}{{ content }}", "{% ifchanged %}{{ content }}{% endifchanged %}",
        "{{ [name] }}", "{{ x | append: content }}", "{{ items[content] }}", "{% case content %}{% endcase %}",
        "{% include 'p' %}", "{% render 'p' %}", "{% cycle content, 'b' %}", "{% tablerow x in content %}{% endtablerow %}",
    ])
    func declined(layout: String) throws {
        let engine = LiquidEngine(loader: InMemoryLoader(["p": "{{ content }}"]), options: LiquidOptions(autoescape: true))
        #expect(try engine.parse(layout).renderBytes(["name": "content", "items": [1]], splicing: "content", Array("b".utf8)) == nil)
    }
}
