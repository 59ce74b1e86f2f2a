import Foundation
import Generator
import HeraldData
import Liquid
import Markup

let tenant = TenantConfig(id: "acme", name: "Acme", baseURL: "https://acme.example/", edition: "pro",
                          locale: "de-DE", timeZone: "Europe/Berlin")
/// 2026-12-01T00:00:00Z
let now = Date(timeIntervalSince1970: 1_796_083_200)

func report(_ id: String, _ title: String, _ headline: String, detail: String = "", link: String) -> PluginReport {
    PluginReport(pluginID: id, summary: ReportSummary(title: title, headline: headline, detail: detail, link: link),
                 pages: [], artifactPaths: [link])
}

func input(_ reports: [PluginReport], previous: String? = "2026-11-23", timeZone: String = "Europe/Berlin",
           settings: [(String, ConfigValue)] = []) -> PluginInput {
    var t = tenant
    t.timeZone = timeZone
    let node = ConfigNode(.map(settings.map { (key: $0.0, value: ConfigNode($0.1, at: SourceLocation(file: "herald.yml", line: 3))) }),
                          at: SourceLocation(file: "herald.yml", line: 2))
    return PluginInput(tenant: t, snapshot: Snapshot(date: "2026-11-30", folder: "s/2026-11-30"),
                       previous: previous.map { Snapshot(date: $0, folder: "s/" + $0) },
                       settings: PluginSettings(node), now: now, templates: theme, reports: reports)
}

func string(_ value: LiquidValue?) -> String? {
    switch value {
    case let .string(s)?, let .safe(s)?: s
    case let .int(i)?: String(i)
    default: nil
    }
}

/// Stands in for the Liquid theme: renders the same variables the real templates read, escaped.
let theme = ThemeRenderer { name, variables in
    func e(_ value: LiquidValue?) -> String { HTMLEscape.escape(string(value) ?? "") }
    func cards(_ value: LiquidValue?) -> String {
        guard case let .array(items)? = value else { return "" }
        return items.map { item -> String in
            guard case let .object(card) = item else { return "" }
            let link = string(card["link"]).map { "<a href=\"\(HTMLEscape.escape($0))\">\(e(card["title"]))</a>" } ?? e(card["title"])
            return "<li class=\"card\"><h3>\(link)</h3><p class=\"figure\">\(e(card["headline"]))</p><p>\(e(card["detail"]))</p></li>"
        }.joined()
    }
    switch name {
    case "command-center/index.html":
        guard case let .object(build)? = variables["build"] else { return "" }
        return "<p class=\"meta\"><time datetime=\"\(e(build["built_at"]))\">\(e(build["built_at_display"]))</time> "
            + "\(e(build["time_zone"])) \(e(build["snapshot"])) \(e(build["previous"]))</p><ul>\(cards(variables["reports"]))</ul>"
    case "command-center/tenants.html":
        guard case let .array(tenants)? = variables["tenants"] else { return "" }
        return tenants.map { item -> String in
            guard case let .object(t) = item else { return "" }
            return "<section class=\"status-\(e(t["status"]))\"><h2><a href=\"\(e(t["link"]))\">\(e(t["name"]))</a></h2>"
                + "<p>\(e(t["message"]))</p><ul>\(cards(t["reports"]))</ul></section>"
        }.joined()
    case "layouts/base.html":
        return "<!DOCTYPE html><html><head><title>x</title></head><body>\(string(variables["content"]) ?? "")</body></html>"
    default:
        throw MissingTemplate(name: name)
    }
}

struct MissingTemplate: Error { var name: String }
