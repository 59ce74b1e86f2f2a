/// Locale-independent, deterministic number formatting for reports.
public enum NumberFormat {
    /// `x` rounded half away from zero to `decimals` places, with `,` thousands separators when `grouping`.
    /// Never prints `-0`.
    public static func fixed(_ x: Double, decimals: Int, grouping: Bool = false) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(x) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return String(x) }
        let units = Int64(scaled)
        let whole = units / scale
        let fraction = units % scale
        var text = String(whole)
        if grouping && text.utf8.count > 3 {
            var grouped: [UInt8] = []
            let digits = Array(text.utf8)
            for (i, digit) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
                grouped.append(digit)
            }
            text = String(decoding: grouped, as: UTF8.self)
        }
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (x < 0 && units != 0 ? "-" : "") + text
    }

    /// A conversion count: whole numbers without decimals, others with one (`3,024`, `812.4`).
    public static func count(_ x: Double) -> String {
        let rounded = (x * 10).rounded() / 10
        return fixed(x, decimals: rounded == rounded.rounded() ? 0 : 1, grouping: true)
    }

    /// Money with the currency's symbol when it has a common one (`€1,234.50`), else its code (`CHF 1,234.50`).
    public static func money(_ x: Double, currency: String) -> String {
        let amount = fixed(abs(x), decimals: 2, grouping: true)
        let sign = x < 0 && amount != "0.00" ? "-" : ""
        switch currency {
        case "EUR": return sign + "€" + amount
        case "GBP": return sign + "£" + amount
        case "USD": return sign + "$" + amount
        default: return sign + currency + " " + amount
        }
    }

    /// A share as a percentage with one decimal (`27.4 %`).
    public static func percent(_ share: Double) -> String { fixed(share * 100, decimals: 1) + " %" }
}
