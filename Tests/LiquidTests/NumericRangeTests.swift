import Testing
import Liquid

/// Numbers beyond the range of `Decimal` (about 1e±128), of `Int` and of `Double`: arithmetic falls back to
/// floats and prints what Ruby Liquid prints (`to_f` of its BigDecimal result), and nothing traps.
@Suite struct NumericRangeTests {
    /// A template, the value of `n` it renders with, and the output.
    struct NumberCase: CustomTestStringConvertible, Sendable {
        var template: String
        var n: Double
        var expected: String
        init(_ template: String, n: Double, _ expected: String) {
            self.template = template; self.n = n; self.expected = expected
        }
        var testDescription: String { "\(template) with n = \(n)" }
    }

    static let data: [NumberCase] = [
        // Floats beyond Decimal's range used to print NaN.
        NumberCase("{{ n | plus: 1 }}|{{ n | times: 1 }}|{{ n | minus: 0 }}", n: 1e200, "1.0e+200|1.0e+200|1.0e+200"),
        NumberCase("{{ n | divided_by: 2 }}|{{ n | times: -1 }}", n: 1e300, "5.0e+299|-1.0e+300"),
        NumberCase("{{ n | times: n }}", n: 1e200, "Infinity"),
        NumberCase("{{ n | times: n }}|{{ n | divided_by: 4 }}", n: 1e-200, "0.0|2.5e-201"),
        NumberCase("{{ n | plus: 1 }}", n: 1e-200, "1.0"),
        NumberCase("{{ n | modulo: 3 }}|{{ n | modulo: -3 }}", n: -7e200, "2.0|-1.0"),
        NumberCase("{{ n | round: 2 }}|{{ n | round }}|{{ n | ceil }}|{{ n | floor }}|{{ n | abs }}", n: -1e200,
                   "-1.0e+200|-1.0e+200|-1.0e+200|-1.0e+200|1.0e+200"),
        NumberCase("{{ n | round: 3 }}|{{ n | round: 400 }}|{{ n | round: -400 }}", n: 1.23456e-200, "0.0|1.23456e-200|0"),
        NumberCase("{{ n | at_least: 5 }}|{{ n | at_most: 5 }}", n: 1e200, "1.0e+200|5"),
        // JSON numbers beyond Double (1e999999) are infinite: used to trap converting to Decimal.
        NumberCase("{{ n | plus: 1 }}|{{ n | minus: n }}|{{ n | modulo: 2 }}", n: .infinity, "Infinity|NaN|NaN"),
        NumberCase("{{ n | times: 2 }}|{{ n | divided_by: 3 }}|{{ n | abs }}", n: -.infinity, "-Infinity|-Infinity|Infinity"),
        NumberCase("{{ n | round: 2 }}|{{ n | ceil }}|{{ n | floor }}", n: .infinity, "Infinity|Infinity|Infinity"),
        NumberCase("{{ n | plus: 1 }}|{{ n | round }}", n: .nan, "NaN|NaN"),
        // The exact (Decimal) path still applies inside its range.
        NumberCase("{{ n | plus: 0.2 }}|{{ n | modulo: 0.03 }}", n: 0.1, "0.3|0.01"),
        NumberCase("{{ n | modulo: 2 }}|{{ n | modulo: -2 }}", n: -7.5, "0.5|-1.5"),
    ]

    @Test("floats beyond Decimal's range use Double arithmetic", arguments: data)
    func beyondDecimal(c: NumberCase) throws {
        #expect(try render(c.template, ["n": .double(c.n)]) == c.expected)
    }

    static let literals: [Case] = [
        // A float literal beyond Double is infinite (as Ruby's to_f), and a trap in Decimal(Double) before.
        Case("{{ DIGITS.0 | plus: 1 }}", "Infinity"),
        Case("{{ 'DIGITS.0' | times: 2 }}", "Infinity"),
        Case("{{ '-DIGITS.0' | minus: 1 }}", "-Infinity"),
        // A digit string beyond Int is a float (Ruby: a big integer), not Int.max.
        Case("{{ '99999999999999999999' | plus: 1 }}|{{ '-99999999999999999999' | minus: 1 }}", "1.0e+20|-1.0e+20"),
        Case("{{ '9223372036854775807' | plus: 0 }}|{{ '9_223_372_036_854_775_807' | minus: 0 }}", "9223372036854775807|9223372036854775807"),
        Case("{{ 'DIGITS' | times: 2 }}|{{ 'DIGITS' | divided_by: 0.5 }}", "Infinity|Infinity"),
        Case("{% assign a = 'DIGITS.0,1' | split: ',' %}{{ a | sum }}", "Infinity"),
        // Integer rounding is exact and half away from zero; past 10^19 it is 0.
        Case("{{ 15 | round: -1 }}|{{ -15 | round: -1 }}|{{ 14 | round: -1 }}|{{ 1234567890123456789 | round: -1 }}",
             "20|-20|10|1234567890123456790"),
        Case("{{ 9223372036854775807 | round: -19 }}|{{ 4999999999999999999 | round: -19 }}", "1.0e+19|0"),
        Case("{{ 9223372036854775807 | round: -9223372036854775808 }}|{{ 1.25 | round: -9223372036854775808 }}", "0|0"),
        Case("{{ 1.25 | round: 9223372036854775807 }}|{{ 2.5 | round: 99999999999999999999 }}", "1.25|2.5"),
        // Lengths at the ends of Int (truncate used to overflow subtracting the ellipsis).
        Case("{{ 'xyz' | truncate: -9223372036854775808, 'abc' }}|{{ 'xyz' | truncate: 9223372036854775807, 'ab' }}", "abc|xyz"),
        Case("{{ 'a b c' | truncatewords: -9223372036854775808 }}|{{ 'a b c' | truncatewords: 9223372036854775807 }}", "a...|a b c"),
        Case("{{ 'abc' | slice: -9223372036854775808, 9223372036854775807 }}|{{ 'abc' | slice: 2, 9223372036854775807 }}", "|c"),
        Case("{{ -9223372036854775808 | abs }}|{{ -9223372036854775808 | divided_by: -1 }}|{{ -9223372036854775808 | modulo: -1 }}",
             "-9223372036854775808|9.223372036854776e+18|0"),
    ]

    @Test("literals and strings beyond Int and Double", arguments: literals)
    func beyondLiterals(c: Case) throws {
        let template = c.template.replacing("DIGITS", with: String(repeating: "9", count: 400))
        #expect(try render(template) == c.expected)
    }
}
