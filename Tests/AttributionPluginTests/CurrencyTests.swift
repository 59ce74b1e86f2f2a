import AttributionPlugin
import HeraldData
import Testing

struct CurrencyTests {
    static let rates = ExchangeRates(reportingCurrency: "EUR", rates: ["USD": 0.9, "GBP": 1.2],
                                     location: SourceLocation(file: "snap/rates.csv"))

    static func snapshot(_ orders: [Conversion], rates: ExchangeRates? = CurrencyTests.rates) -> Snapshot {
        var snapshot = Snapshot(date: "2026-05-01", folder: "snap")
        snapshot.touchpoints = [touch("t1", user: "u", "2026-03-01T10:00:00Z", "Email")]
        snapshot.conversions = orders
        snapshot.identities = []
        snapshot.rates = rates
        return snapshot
    }

    @Test func valuesAreConvertedIntoTheReportingCurrency() throws {
        let output = try AttributionPlugin().run(pluginInput(Self.snapshot([
            conversion("o1", user: "u", "2026-03-02T10:00:00Z", value: 100, currency: "EUR", line: 2),
            conversion("o2", user: "u", "2026-03-03T10:00:00Z", value: 100, currency: "USD", line: 3),
            conversion("o3", user: "u", "2026-03-04T10:00:00Z", value: 100, currency: "GBP", line: 4),
        ])))
        #expect(output.summary?.headline == "3 conversions · €310.00")
        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        #expect(csv.contains("Email,linear,3.000000,310.0000\n"))
    }

    static let missing: [(String, Bool, String, String)] = [
        ("CHF", true, "snap/conversions.csv:4", "CHF"),
        ("GBP", false, "snap/conversions.csv:4", "GBP"),
    ]

    @Test(arguments: missing)
    func aMissingRateFailsNamingTheLineAndCurrency(currency: String, withRates: Bool, location: String, named: String) throws {
        let snapshot = Self.snapshot([
            conversion("o1", user: "u", "2026-03-02T10:00:00Z", value: 100, currency: "EUR", line: 2),
            conversion("o2", user: "u", "2026-03-03T10:00:00Z", value: 100, currency: "USD", line: 3),
            conversion("o3", user: "u", "2026-03-04T10:00:00Z", value: 100, currency: currency, line: 4),
        ], rates: withRates ? Self.rates : ExchangeRates(reportingCurrency: "EUR", rates: ["USD": 0.9], location: SourceLocation(file: "snap/rates.csv")))
        let error = #expect(throws: Diagnostic.self) { try AttributionPlugin().run(pluginInput(snapshot)) }
        #expect(error?.location.description == location)
        #expect(error?.message.contains(named) == true)
        #expect(error?.severity == .error)
    }

    @Test func withoutARatesFileOnlyTheReportingCurrencyWorks() throws {
        let fine = try AttributionPlugin().run(pluginInput(Self.snapshot([
            conversion("o1", user: "u", "2026-03-02T10:00:00Z", value: 100, currency: "EUR", line: 2),
        ], rates: nil)))
        #expect(fine.summary?.headline == "1 conversion · €100.00")
        let error = #expect(throws: Diagnostic.self) {
            try AttributionPlugin().run(pluginInput(Self.snapshot([
                conversion("o1", user: "u", "2026-03-02T10:00:00Z", value: 100, currency: "USD", line: 2),
            ], rates: nil)))
        }
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("USD") == true)
    }

    @Test func ratesForAnotherReportingCurrencyAreAnError() {
        let snapshot = Self.snapshot([conversion("o1", user: "u", "2026-03-02T10:00:00Z", line: 2)],
                                     rates: ExchangeRates(reportingCurrency: "USD", rates: ["EUR": 1.1], location: SourceLocation(file: "snap/rates.csv")))
        let error = #expect(throws: Diagnostic.self) { try AttributionPlugin().run(pluginInput(snapshot)) }
        #expect(error?.location.file == "snap/rates.csv")
    }
}
