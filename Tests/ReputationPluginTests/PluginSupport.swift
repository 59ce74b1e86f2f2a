import Foundation
import Generator
import HeraldData
import Liquid
import Mail
@testable import ReputationPlugin

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Herald's built-in theme, rendered by the real Liquid engine with autoescape on (as the pipeline does).
let theme: ThemeRenderer = {
    let engine = LiquidEngine(loader: FileSystemLoader(roots: [packageRoot + "/templates"]),
                              options: LiquidOptions(strictFilters: true, autoescape: true))
    return ThemeRenderer { name, variables in try engine.render(named: name, variables) }
}()

let tenant = TenantConfig(id: "acme", name: "Acme Bistro", baseURL: "https://acme.example/", edition: "pro",
                          locale: "en-GB", timeZone: "Europe/Berlin")

func settingsNode(_ pairs: [(String, ConfigValue)]) -> PluginSettings {
    PluginSettings(ConfigNode(.map(pairs.enumerated().map { index, pair in
        (key: pair.0, value: ConfigNode(pair.1, at: SourceLocation(file: "snapshots/acme/tenant.yml", line: index + 10, column: 5)))
    }), at: SourceLocation(file: "snapshots/acme/tenant.yml", line: 9)))
}

func pluginInput(_ reviews: [Review]?, settings: [(String, ConfigValue)] = [("period_days", .int(3))],
                 now: String = "2026-03-31T10:00:00+02:00", tenant: TenantConfig = tenant) -> PluginInput {
    var snapshot = Snapshot(date: "2026-03-31", folder: "snapshots/acme/2026-03-31")
    snapshot.reviews = reviews
    return PluginInput(tenant: tenant, snapshot: snapshot, settings: settingsNode(settings), now: ts(now).date,
                       templates: theme)
}

extension PluginOutput {
    func text(_ path: String) -> String? {
        artifacts.first { $0.path.value == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}

/// Splits a rendered .eml into headers (unfolded) and its MIME parts (headers, decoded body).
struct ParsedMessage {
    var headers: [(String, String)]
    var boundary: String
    var parts: [(headers: [(String, String)], body: String)]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    init?(_ raw: String) {
        guard let split = raw.range(of: "\r\n\r\n") else { return nil }
        headers = ParsedMessage.headers(String(raw[..<split.lowerBound]))
        guard let type = headers.first(where: { $0.0 == "Content-Type" })?.1,
              let start = type.range(of: "boundary=\"") else { return nil }
        boundary = String(type[start.upperBound...].prefix { $0 != "\"" })
        let body = String(raw[split.upperBound...])
        var parts: [(headers: [(String, String)], body: String)] = []
        let pieces = body.components(separatedBy: "\r\n--" + boundary)
        for piece in pieces.dropFirst() where !piece.hasPrefix("--") {
            let content = piece.hasPrefix("\r\n") ? String(decoding: piece.utf8.dropFirst(2), as: UTF8.self) : piece
            guard let end = content.range(of: "\r\n\r\n") else { return nil }
            let partHeaders = ParsedMessage.headers(String(content[..<end.lowerBound]))
            let encoded = String(content[end.upperBound...])
            parts.append((partHeaders, String(decoding: QuotedPrintable.decode(Array(encoded.utf8)), as: UTF8.self)))
        }
        self.parts = parts
    }

    static func headers(_ block: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for line in block.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !out.isEmpty {
                out[out.count - 1].1 += line
            } else if let colon = line.firstIndex(of: ":") {
                out.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return out
    }
}
