import Generator
/// `attribution.csv`: one row per channel and model, sorted by channel then model id.
///
/// Columns: `channel,model,conversions,value` (value in the reporting currency). Conversions carry 6 decimals,
/// values 4; fields are quoted per RFC 4180 when needed, and channel names (untrusted text) are defused against
/// spreadsheet formulas (`CSVText`).
public enum AttributionCSV {
    public static func render(_ result: AttributionResult) -> String {
        var rows: [(channel: String, model: String, credit: Credit)] = []
        for model in result.models {
            guard let credits = result.credits[model] else { continue }
            for (index, channel) in result.channels.enumerated() {
                rows.append((channel, model.rawValue, credits[index]))
            }
        }
        rows.sort { ($0.channel, $0.model) < ($1.channel, $1.model) }
        var out = "channel,model,conversions,value\n"
        for row in rows {
            out += CSVText.field(row.channel) + "," + row.model + ","
            out += NumberFormat.fixed(row.credit.conversions, decimals: 6) + ","
            out += NumberFormat.fixed(row.credit.value, decimals: 4) + "\n"
        }
        return out
    }

}
