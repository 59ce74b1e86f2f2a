import Testing
import Liquid

/// Lax mode renders unknown things as nothing; strict modes raise.
@Suite struct StrictModeTests {
    static let data = LiquidObject([("user", ["name": "Ada"]), ("list", [1, 2])])
    static let undefinedVariables = ["{{ nope }}", "{{ user.missing }}", "{{ nope.deeper.still }}",
                                     "{{ user['missing'] }}", "{% assign x = nope %}"]
    static let undefinedFilters = ["{{ 'a' | nofilter }}", "{{ 'a' | upcase | nofilter: 1 }}", "{% assign x = 1 | nofilter %}"]

    @Test(arguments: undefinedVariables) func laxUndefinedVariableIsEmpty(template: String) throws {
        #expect(try render(template, Self.data) == "")
    }

    @Test(arguments: undefinedVariables) func strictUndefinedVariableRaises(template: String) {
        let error = liquidError { try render(template, Self.data, options: LiquidOptions(strictVariables: true)) }
        #expect(error?.kind == .undefined)
        #expect(error?.line == 1)
    }

    @Test func strictVariablesStillRenderDefinedOnes() throws {
        let options = LiquidOptions(strictVariables: true)
        // Ruby's strict_variables answers an out-of-range index with nil, as in lax mode.
        #expect(try render("{{ user.name }}{{ list[1] }}{{ list.size }}{{ list[5] }}", Self.data, options: options) == "Ada22")
    }

    @Test(arguments: undefinedFilters) func laxUnknownFilterPassesInputThrough(template: String) throws {
        #expect(try render(template + "{{ x }}") == (template.hasPrefix("{%") ? "1" : template.contains("upcase") ? "A" : "a"))
    }

    @Test(arguments: undefinedFilters) func strictUnknownFilterRaises(template: String) {
        let error = liquidError { try render(template, options: LiquidOptions(strictFilters: true)) }
        #expect(error?.kind == .undefined)
        #expect(error?.message.contains("nofilter") == true)
    }

    /// Markup the lax parser tolerates (as Ruby's lax mode does) but the strict one rejects.
    @Test(arguments: ["{% for i in (1..2), limit: 1 %}{{ i }}{% endfor %}", "{{ 'a' 'b' }}", "{% raw x %}{% endraw %}",
                      "{% increment a b %}"])
    func strictParsingRejectsLaxForms(template: String) throws {
        #expect(throws: Never.self) { try render(template) }
        let error = liquidError { try render(template, options: LiquidOptions(strictParsing: true)) }
        #expect(error?.kind == .syntax)
    }
}
