import Generator
import Liquid

/// The template variables and the command-center summary of the attribution report.
public enum AttributionPage {
    /// The model whose ranking orders the report: Markov when it ran, else the first model.
    static func headlineModel(_ result: AttributionResult) -> AttributionModel? {
        result.models.contains(.markov) ? .markov : result.models.first
    }

    /// Channels by the headline model's conversions (descending, ties by name), "(none)" last.
    public static func rankedChannels(_ result: AttributionResult) -> [String] {
        let credits = headlineModel(result).flatMap { result.credits[$0] } ?? []
        let indices = result.channels.indices.filter { result.channels[$0] != AttributionResult.unattributedChannel }
        let ranked = indices.sorted {
            let a = credits.isEmpty ? 0 : credits[$0].conversions
            let b = credits.isEmpty ? 0 : credits[$1].conversions
            return a != b ? a > b : result.channels[$0] < result.channels[$1]
        }.map { result.channels[$0] }
        return result.channels.contains(AttributionResult.unattributedChannel)
            ? ranked + [AttributionResult.unattributedChannel] : ranked
    }

    public static func variables(_ result: AttributionResult, notes: [String], currency: String, source: String) -> LiquidObject {
        let channels = rankedChannels(result)
        var rows: [LiquidValue] = []
        for channel in channels {
            guard let index = result.channels.firstIndex(of: channel) else { continue }
            var row = LiquidObject()
            row["channel"] = .string(channel)
            row["conversions"] = .array(result.models.map {
                .string(NumberFormat.fixed(result.credits[$0]?[index].conversions ?? 0, decimals: 1, grouping: true))
            })
            row["values"] = .array(result.models.map {
                .string(NumberFormat.fixed(result.credits[$0]?[index].value ?? 0, decimals: 0, grouping: true))
            })
            if let effects = result.removalEffects, channel != AttributionResult.unattributedChannel {
                row["removal_effect"] = .string(NumberFormat.percent(effects[index]))
            }
            rows.append(.object(row))
        }
        var totals = LiquidObject()
        totals["conversions"] = .array(result.models.map { .string(NumberFormat.fixed(result.total($0).conversions, decimals: 1, grouping: true)) })
        totals["values"] = .array(result.models.map { .string(NumberFormat.fixed(result.total($0).value, decimals: 0, grouping: true)) })

        var variables = LiquidObject()
        variables["headline"] = .string(headline(result, currency: currency))
        variables["detail"] = .string(detail(result))
        variables["currency"] = .string(currency)
        variables["source"] = .string(source)
        variables["models"] = .array(result.models.map { .object(LiquidObject([("id", .string($0.rawValue)), ("title", .string($0.title))])) })
        variables["rows"] = .array(rows)
        variables["totals"] = .object(totals)
        variables["has_removal_effects"] = .bool(result.removalEffects != nil)
        variables["chart"] = .safe(BarChart.svg(result, channels: channels))
        variables["notes"] = .array(notes.map(LiquidValue.string))
        return variables
    }

    /// "3,024 conversions · €184,123.45"
    public static func headline(_ result: AttributionResult, currency: String) -> String {
        let count = NumberFormat.count(result.totalConversions)
        return "\(count) \(count == "1" ? "conversion" : "conversions") · \(NumberFormat.money(result.totalValue, currency: currency))"
    }

    /// "Top channel under Markov: Paid Search (27.4 % of conversions)"
    public static func detail(_ result: AttributionResult) -> String {
        guard let model = headlineModel(result), let top = rankedChannels(result).first,
              top != AttributionResult.unattributedChannel, let credit = result.credit(model, top) else {
            return "No channel received credit."
        }
        let share = result.totalConversions > 0 ? credit.conversions / result.totalConversions : 0
        return "Top channel under \(model.title): \(top) (\(NumberFormat.percent(share)) of conversions)"
    }

    public static func summary(_ result: AttributionResult, currency: String, link: String) -> ReportSummary {
        ReportSummary(title: "Attribution", headline: headline(result, currency: currency), detail: detail(result), link: link)
    }
}
