/// Deterministic, locale-independent number formatting for reports.
enum Figures {
    /// `value` rounded to `places` decimals, e.g. `decimal(4.25, 1)` → "4.3"; never "-0.0".
    static func decimal(_ value: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        let negative = value < 0 && scaled != 0
        var text = String(scaled)
        if places > 0 {
            if text.utf8.count <= places { text = String(repeating: "0", count: places - text.utf8.count + 1) + text }
            let cut = text.index(text.endIndex, offsetBy: -places)
            text = text[..<cut] + "." + text[cut...]
        }
        return (negative ? "-" : "") + text
    }

    /// With an explicit sign: "+0.2", "-0.3", "+0.0".
    static func signed(_ value: Double, _ places: Int) -> String {
        let text = decimal(value, places)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// A share as a whole percentage: "83%".
    static func percent(_ share: Double) -> String { decimal(share * 100, 0) + "%" }

    /// Hours as "5.5 h" below two days, else "3.2 days".
    static func duration(hours: Double) -> String {
        hours < 48 ? decimal(hours, 1) + " h" : decimal(hours / 24, 1) + " days"
    }
}
