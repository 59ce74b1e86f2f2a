import Testing
import Liquid

/// `include` shares the caller's scope; `render` is isolated.
@Suite struct PartialTests {
    static let partials = [
        "p": "{{ x }}-{{ p }}",
        "set": "{% assign leaked = 'yes' %}",
        "loop": "{{ forloop.index }}{{ loop }}",
        "inc": "{% include 'p' %}",
        "counter": "{% increment n %}",
    ]

    static let cases: [Case] = [
        Case("{% assign x = 'outer' %}{% include 'p' %}", "outer-"),
        Case("{% assign x = 'outer' %}{% render 'p' %}", "-"),
        Case("{% include 'p' with 'v' %}", "-v"),
        Case("{% render 'p' with 'v' %}", "-v"),
        Case("{% render 'p' with 'v' as x %}", "v-"),
        Case("{% include 'p' with 'v' as x %}", "v-"),
        Case("{% render 'p', x: 1, p: 2 %}", "1-2"),
        Case("{% include 'p', x: 1 %}", "1-"),
        Case("{% include 'set' %}{{ leaked }}", "yes"),
        Case("{% render 'set' %}[{{ leaked }}]", "[]"),
        Case("{% assign a = 'x,y' | split: ',' %}{% render 'p' for a %}", "-x-y"),
        Case("{% assign a = 'x,y' | split: ',' %}{% render 'loop' for a %}", "1x2y"),
        Case("{% assign a = 'x,y' | split: ',' %}{% render 'p' for a as x %}", "x-y-"),
        Case("{% assign a = 'x,y' | split: ',' %}{% include 'p' for a %}", "-x-y"),
        Case("{% assign name = 'p' %}{% include name %}", "-"),
        // Counters inside a render are the partial's own.
        Case("{% increment n %}{% render 'counter' %}{% increment n %}", "001"),
        Case("{% increment n %}{% include 'counter' %}{% increment n %}", "012"),
    ]

    @Test(arguments: cases) func partial(c: Case) throws {
        #expect(try render(c.template, partials: Self.partials) == c.expected)
    }

    @Test func includeInsideRenderIsAnError() {
        let error = liquidError { try render("{% render 'inc' %}", partials: Self.partials) }
        #expect(error?.message.contains("include usage is not allowed") == true)
    }

    @Test func missingPartialNamesIt() {
        let error = liquidError { try render("{% include 'nope' %}", partials: Self.partials) }
        #expect(error?.message.contains("nope") == true)
    }
}
