import HeraldData

/// Converts conversion values into the tenant's reporting currency with the snapshot's rates.
///
/// A value already in the reporting currency needs no rate. Any other currency needs one: a missing rate (or a
/// missing rates.csv) is an error at the conversion's row naming the currency. Rates for another reporting
/// currency than the tenant's are an error too.
public struct CurrencyConverter: Sendable {
    private let rates: ExchangeRates?
    private let reportingCurrency: String
    private let ratesFile: String

    public init(rates: ExchangeRates?, reportingCurrency: String, ratesFile: String = "rates.csv") throws(Diagnostic) {
        if let rates, rates.reportingCurrency != reportingCurrency {
            throw Diagnostic("the rates convert into \(rates.reportingCurrency) but the tenant reports in \(reportingCurrency)",
                             at: rates.location)
        }
        self.rates = rates
        self.reportingCurrency = reportingCurrency
        self.ratesFile = ratesFile
    }

    public func convert(_ amount: Double, from currency: String, at location: SourceLocation) throws(Diagnostic) -> Double {
        if currency == reportingCurrency { return amount }
        guard let rates else {
            throw Diagnostic("no exchange rate from \(currency) to \(reportingCurrency): the snapshot has no \(ratesFile)", at: location)
        }
        return try rates.convert(amount, from: currency, at: location)
    }
}
