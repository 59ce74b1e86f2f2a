import Testing
import Liquid

/// Every error names the template, the line and (for parse errors) the column, and shows the line.
@Suite struct ErrorLocationTests {
    struct BadTemplate: CustomTestStringConvertible, Sendable {
        var source: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { source }
    }

    static let parseErrors: [BadTemplate] = [
        // The column points at the offending token: here the end of markup where a condition was expected.
        BadTemplate(source: "line one\n  {% if %}", line: 2, column: 9, message: "expression"),
        BadTemplate(source: "a\nb\n{% for i in x %}never closed", line: 3, column: 1, message: "for"),
        BadTemplate(source: "{% nosuchtag %}", line: 1, column: 1, message: "nosuchtag"),
        BadTemplate(source: "ok\n{% endif %}", line: 2, column: 1, message: "endif"),
        BadTemplate(source: "x {{ 'a' | }}\n", line: 1, column: 12, message: "identifier"),
        BadTemplate(source: "{% if true %}\n{% when 1 %}\n{% endif %}", line: 2, column: 1, message: "when"),
        BadTemplate(source: "\n\n{{ 'unterminated }}", line: 3, column: 4, message: "'"),
        BadTemplate(source: "{% liquid\n  assign x = 1\n  bogus\n%}", line: 3, column: 0, message: "bogus"),
        // Columns count characters, not bytes: 'é' and '😀' are one column each.
        BadTemplate(source: "é 😀 {% if %}", line: 1, column: 11, message: "expression"),
        // Invalid UTF-8 (here bytes FF FE, shown as two U+FFFD) is one column per bad byte sequence, not the
        // three bytes of each replacement character (used to say column 13).
        BadTemplate(source: "a\u{FFFD}\u{FFFD}{{ x \u{FFFD} }}", line: 1, column: 9, message: "Unexpected character"),
    ]

    @Test(arguments: parseErrors) func parseErrorIsLocated(bad: BadTemplate) throws {
        let error = try #require(liquidError { try LiquidEngine().parse(bad.source, name: "page.liquid") })
        #expect(error.kind == .syntax)
        #expect(error.template == "page.liquid")
        #expect(error.line == bad.line)
        if bad.column > 0 { #expect(error.column == bad.column) }
        #expect(error.message.contains(bad.message))
        let lines = bad.source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error.sourceLine == String(lines[bad.line - 1]))
        #expect(error.description.contains("page.liquid:\(bad.line)"))
        #expect(error.description.contains(error.sourceLine))
    }

    @Test func renderErrorNamesTemplateAndLine() throws {
        let error = try #require(liquidError { try render("a\nb\n{{ 1 | divided_by: 0 }}", name: "page.liquid") })
        #expect(error.template == "page.liquid")
        #expect(error.line == 3)
        #expect(error.sourceLine == "{{ 1 | divided_by: 0 }}")
    }

    @Test func errorInsidePartialNamesThePartial() throws {
        let partials = ["bad": "fine\n{% if %}", "breaks": "x\n\n{{ 1 | modulo: 0 }}"]
        let parse = try #require(liquidError { try render("{% include 'bad' %}", partials: partials, name: "page") })
        #expect(parse.template == "bad")
        #expect(parse.line == 2)
        let rendering = try #require(liquidError { try render("\n{% render 'breaks' %}", partials: partials, name: "page") })
        #expect(rendering.template == "breaks")
        #expect(rendering.line == 3)
    }

    @Test func errorInLoopBodyPointsAtTheBodyLine() throws {
        let error = try #require(liquidError {
            try render("{% for i in (1..2) %}\n  {{ i | divided_by: 0 }}\n{% endfor %}", name: "loop")
        })
        #expect(error.line == 2)
    }
}
