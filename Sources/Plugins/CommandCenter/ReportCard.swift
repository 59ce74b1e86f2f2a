import Generator
import Liquid
import Markup

/// One report's card on the command center.
public struct ReportCard: Sendable, Equatable {
    public var pluginID: String
    public var title: String
    public var headline: String
    public var detail: String
    /// Relative to the page the card is on; nil when the report's link was empty or unsafe.
    public var link: String?

    public init(pluginID: String, summary: ReportSummary, linkPrefix: String = "") {
        self.pluginID = pluginID
        title = summary.title
        headline = summary.headline
        detail = summary.detail
        link = ReportCard.link(summary.link, prefix: linkPrefix)
    }

    /// Cards for the reports that have a summary, sorted by title then plugin id.
    public static func cards(from reports: [PluginReport], linkPrefix: String = "") -> [ReportCard] {
        reports.compactMap { report in
            report.summary.map { ReportCard(pluginID: report.pluginID, summary: $0, linkPrefix: linkPrefix) }
        }.sorted { ($0.title, $0.pluginID) < ($1.title, $1.pluginID) }
    }

    /// A relative link inside the output tree; absolute URLs, scripts and `..` escapes are refused.
    static func link(_ raw: String, prefix: String) -> String? {
        guard !raw.isEmpty, HTMLEscape.isSafeURL(raw), !raw.contains(":"), !raw.hasPrefix("/"),
              !raw.split(separator: "/").contains("..") else { return nil }
        return prefix + raw
    }

    var liquidValue: LiquidValue {
        var object = LiquidObject()
        object["id"] = .string(pluginID)
        object["title"] = .string(title)
        object["headline"] = .string(headline)
        object["detail"] = .string(detail)
        object["link"] = link.map(LiquidValue.string) ?? .null
        return .object(object)
    }
}
