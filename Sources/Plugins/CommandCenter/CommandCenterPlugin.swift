import Foundation
import Generator
import HeraldData
import Liquid

/// The tenant's `index.html`: one card per report with its headline figure and a link, plus build information.
public struct CommandCenterPlugin: Plugin {
    public init() {}

    public var id: String { "command-center" }
    public var phase: PluginPhase { .index }

    public static let template = "command-center/index.html"
    public static let outputPath = "index.html"

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) { _ = try input.settings.decode(CommandCenterSettings.self) }
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        _ = try input.settings.decode(CommandCenterSettings.self)
        var notices: [Diagnostic] = []
        let zone: TimeZone
        if let found = TimeZone(identifier: input.tenant.timeZone) {
            zone = found
        } else {
            zone = TimeZone(secondsFromGMT: 0)!
            notices.append(Diagnostic("unknown time zone '\(input.tenant.timeZone)'; the command center shows UTC",
                                      at: input.tenant.location, severity: .warning))
        }
        let cards = ReportCard.cards(from: input.reports)
        var variables = LiquidObject()
        variables["reports"] = .array(cards.map(\.liquidValue))
        variables["build"] = BuildInfo(snapshot: input.snapshot.date, previous: input.previous?.date,
                                       now: input.now, timeZone: zone).liquidValue
        let meta = PageMeta(title: "Command center")
        let html = try input.templates.renderPage(Self.template, variables, page: meta, tenant: input.tenant,
                                                  outputPath: Self.outputPath)
        return PluginOutput(artifacts: [try Artifact(Self.outputPath, text: html)], notices: notices)
    }
}

/// The command center has no settings yet; unknown keys are still errors.
struct CommandCenterSettings: Decodable {
    enum CodingKeys: CodingKey, CaseIterable {
        var stringValue: String { switch self {} }
        var intValue: Int? { nil }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }
    init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }
}
