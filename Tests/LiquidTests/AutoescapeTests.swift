import Testing
import Liquid

/// With autoescape on, `{{ }}` output is HTML-escaped unless it is `safe`; template text is never touched.
@Suite struct AutoescapeTests {
    static let data = LiquidObject([
        ("s", "<b>\"Tom\" & 'Jerry'</b>"),
        ("trusted", .safe("<em>ok</em>")),
        ("n", 3),
        ("list", ["<a>", "b"]),
    ])
    static let on = LiquidOptions(autoescape: true)

    static let escaped: [Case] = [
        Case("<p>{{ s }}</p>", "<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p>"),
        Case("{{ s | safe }}", "<b>\"Tom\" & 'Jerry'</b>"),
        Case("{{ trusted }}", "<em>ok</em>"),
        Case("{{ trusted | upcase }}", "&lt;EM&gt;OK&lt;/EM&gt;"),
        Case("{{ n | plus: 1 }}", "4"),
        Case("{{ list }}", "&lt;a&gt;b"),
        Case("{{ list | join: '<br>' }}", "&lt;a&gt;&lt;br&gt;b"),
        Case("{% echo s | truncate: 3, '' %}", "&lt;b&gt;"),
        // escape already produced markup; escaping it again would show entities.
        Case("{{ s | escape }}", "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"),
        // Captured text is template output, already escaped: not escaped twice.
        Case("{% capture c %}<i>{{ s | slice: 0, 3 }}</i>{% endcapture %}{{ c }}", "<i>&lt;b&gt;</i>"),
        Case("<script>{{ 'x' }}</script>", "<script>x</script>"),
    ]

    @Test(arguments: escaped) func autoescapeOn(c: Case) throws {
        #expect(try render(c.template, Self.data, options: Self.on) == c.expected)
    }

    @Test func plainRenderingDoesNotEscape() throws {
        #expect(try render("<p>{{ s }}</p>{{ trusted }}", Self.data) == "<p><b>\"Tom\" & 'Jerry'</b></p><em>ok</em>")
    }

    @Test func partialsAreEscapedToo() throws {
        let output = try render("{% render 'p', v: s %}{% include 'p' with s as v %}", Self.data, options: Self.on,
                                partials: ["p": "[{{ v }}]"])
        #expect(output == "[&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;]"
                + "[&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;]")
    }
}
