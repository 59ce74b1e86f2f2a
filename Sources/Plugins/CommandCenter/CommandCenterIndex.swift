import Foundation
import Generator
import HeraldData
import Liquid

/// A tenant as the top-level index lists it.
public struct TenantIndexEntry: Sendable {
    public enum Status: Sendable, Equatable {
        case built
        /// The build failed; its previous output (if any) was left in place.
        case failed(message: String)
    }

    public var id: String
    public var name: String
    public var status: Status
    /// The headline figures of the tenant's reports.
    public var summaries: [ReportSummary]
    /// The snapshot date (`YYYY-MM-DD`) the shown output was built from, when known.
    public var snapshot: String?
    /// Whether the tenant's folder holds output (this build's, or an earlier one kept after a failure): a tenant
    /// that failed before it ever built has nothing to link to.
    public var hasOutput: Bool

    public init(id: String, name: String, status: Status, snapshot: String? = nil, summaries: [ReportSummary] = [],
                hasOutput: Bool = true) {
        self.id = id
        self.name = name
        self.status = status
        self.snapshot = snapshot
        self.summaries = summaries
        self.hasOutput = hasOutput
    }

    /// `failure` nil means built; otherwise its message.
    public init(id: String, name: String, failure: String?, snapshot: String? = nil, summaries: [ReportSummary] = [],
                hasOutput: Bool = true) {
        self.init(id: id, name: name, status: failure.map { .failed(message: $0) } ?? .built, snapshot: snapshot,
                  summaries: summaries, hasOutput: hasOutput)
    }
}

/// The top-level `<out>/index.html` listing every tenant.
public enum CommandCenterIndex {
    public static let template = "command-center/tenants.html"

    public static func render(tenants: [TenantIndexEntry], templates: ThemeRenderer, now: Date) throws -> String {
        let entries = tenants.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        var list: [LiquidValue] = []
        for entry in entries {
            let folder = pathSegment(entry.id)
            var object = LiquidObject()
            object["id"] = .string(entry.id)
            object["name"] = .string(entry.name)
            object["link"] = entry.hasOutput ? .string(folder + "/index.html") : .null
            object["snapshot"] = entry.snapshot.map(LiquidValue.string) ?? .null
            switch entry.status {
            case .built:
                object["status"] = .string("built")
                object["message"] = .null
            case let .failed(message):
                object["status"] = .string("failed")
                object["message"] = .string(message)
            }
            let reports = entry.summaries.map { ReportCard(pluginID: "", summary: $0, linkPrefix: folder + "/") }
                .sorted { ($0.title, $0.headline) < ($1.title, $1.headline) }
            object["reports"] = .array(reports.map(\.liquidValue))
            list.append(.object(object))
        }
        var variables = LiquidObject()
        variables["tenants"] = .array(list)
        variables["failed_count"] = .int(entries.filter { $0.status != .built }.count)
        let info = BuildInfo(snapshot: "", previous: nil, now: now, timeZone: TimeZone(secondsFromGMT: 0)!)
        variables["built_at"] = .string(info.builtAt.description)
        variables["built_at_display"] = .string(info.builtAtDisplay)
        let site = TenantConfig(id: "", name: "Herald", baseURL: "", edition: "", locale: "en")
        return try templates.renderPage(template, variables, page: PageMeta(title: "Tenants"), tenant: site,
                                        outputPath: "index.html")
    }

    /// Tenant ids are folder names; anything outside `[A-Za-z0-9._~-]` is percent-encoded.
    static func pathSegment(_ id: String) -> String {
        if id == "." || id == ".." || id.isEmpty { return "_" }
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
