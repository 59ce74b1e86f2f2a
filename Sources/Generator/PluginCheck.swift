import Foundation
import HeraldData

/// What `herald check` hands a plugin: everything it can validate without building — the tenant, its merged
/// settings, its content and the edition's limits. No datasets: the data layer checks those.
public struct PluginCheckInput: Sendable {
    public var tenant: TenantConfig
    public var settings: PluginSettings
    /// Markdown documents under `content/<tenant>/` whose front matter parsed, sorted by path.
    public var content: [ContentDocument]
    public var limits: [String: Int]
    public var now: Date

    public init(tenant: TenantConfig, settings: PluginSettings, content: [ContentDocument] = [], limits: [String: Int] = [:],
                now: Date = Date(timeIntervalSince1970: 0)) {
        self.tenant = tenant
        self.settings = settings
        self.content = content
        self.limits = limits
        self.now = now
    }
}

extension PluginSettings {
    /// A plugin's settings for a tenant: `plugin_defaults.<id>` from herald.yml overlaid by the tenant's
    /// `plugins.<id>`, key by key.
    public static func merged(_ pluginID: String, project: ProjectConfig, tenant: TenantConfig) -> PluginSettings {
        let defaults = project.pluginDefaults[pluginID]
        let overrides = tenant.plugins[pluginID]
        guard case let .map(base)? = defaults?.value else {
            return PluginSettings(overrides ?? defaults ?? PluginSettings.empty.node)
        }
        guard let overrides, case let .map(top) = overrides.value else { return PluginSettings(defaults!) }
        var merged = base.filter { pair in !top.contains { $0.key == pair.key } }
        merged += top
        return PluginSettings(ConfigNode(.map(merged), at: overrides.location))
    }
}

/// Every diagnostic an error carries: a list, a single diagnostic, or a build error (at `fallback` when it has no
/// location of its own).
public func diagnostics(of error: any Error, fallback: SourceLocation) -> [Diagnostic] {
    switch error {
    case let list as DiagnosticList: return list.diagnostics
    case let one as Diagnostic: return [one]
    case let build as BuildError: return [Diagnostic(build.message, at: build.location ?? fallback)]
    default: return [Diagnostic(describe(error), at: fallback)]
    }
}

/// Runs `body` and returns what it threw as diagnostics (empty when it succeeded).
public func diagnostics(at fallback: SourceLocation, _ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch {
        return diagnostics(of: error, fallback: fallback)
    }
}
