import Testing
@testable import HeraldData

/// Numbers that no amount, count or rate comes near are data errors: their totals would overflow to infinity and
/// reports would show "€∞".
@Suite("Numbers beyond 1e15 are errors")
struct NumberRangeTests {
    static let header = "conversion_id,user_id,timestamp,value,currency\n"

    @Test("order values up to 1e15 load; larger ones are errors at the field",
          arguments: [("1e15", true), ("999999999999999.9", true), ("1.0000001e15", false), ("1e308", false), ("1e400", false)])
    func conversionValue(value: String, loads: Bool) {
        let loaded = ConversionsLoader.load(bytes(Self.header + "c1,u1,2026-01-01T00:00:00Z,\(value),EUR\n"), file: "conversions.csv")
        if loads {
            #expect(loaded.diagnostics.isEmpty)
        } else {
            #expect(lines(loaded.diagnostics) == [
                "conversions.csv:2:28: error: column 'value': the number is too large (at most 1e15; totals of larger numbers overflow), found '\(value)'",
            ])
        }
    }

    @Test("the bound holds in every numeric column", arguments: [
        ("paths.csv", "path;total_conversions;total_conversion_value;total_null\na > b;1;2e15;0\n", "paths.csv:2:9"),
        ("paths.csv", "path;total_conversions;total_conversion_value;total_null\na > b;1;2;1e16\n", "paths.csv:2:11"),
        ("rates.csv", "currency,rate\nGBP,1e300\n", "rates.csv:2:5"),
    ])
    func everyColumn(file: String, text: String, location: String) {
        let diagnostics = file == "paths.csv"
            ? PathsLoader.load(bytes(text), file: file).diagnostics
            : RatesLoader.load(bytes(text), file: file, reportingCurrency: "EUR").diagnostics
        #expect(diagnostics.count == 1)
        #expect(lines(diagnostics).first?.hasPrefix(location + ": error: column '") == true, "\(lines(diagnostics))")
        #expect(lines(diagnostics).first?.contains("the number is too large") == true)
    }
}
