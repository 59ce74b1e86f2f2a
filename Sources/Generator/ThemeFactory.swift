import Foundation
import Liquid

/// Makes each tenant's `ThemeRenderer`: templates resolve in the tenant's `templates/` first, then the project's
/// `templates/`, then Herald's built-in theme, so a project needs no template of its own and one tenant can be
/// white-labelled.
public struct ThemeFactory: Sendable {
    /// The built-in theme folder (Herald's `templates/`).
    public let builtinRoot: String
    public let fileSystemCheck: @Sendable (String) -> Bool

    public init(builtinRoot: String, exists: @escaping @Sendable (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) {
        self.builtinRoot = builtinRoot
        self.fileSystemCheck = exists
    }

    public func roots(projectRoot: String, tenantID: String) -> [String] {
        [projectRoot + "/snapshots/" + tenantID + "/templates", projectRoot + "/templates", builtinRoot]
            .filter(fileSystemCheck)
    }

    public func renderer(projectRoot: String, tenantID: String) -> ThemeRenderer {
        Self.renderer(roots: roots(projectRoot: projectRoot, tenantID: tenantID))
    }

    /// A renderer over explicit roots: HTML, XML and SVG templates autoescape; text templates do not.
    public static func renderer(roots: [String]) -> ThemeRenderer {
        let loader = FileSystemLoader(roots: roots)
        let markup = LiquidEngine(loader: loader, options: LiquidOptions(strictVariables: false, strictFilters: true, autoescape: true))
        let text = LiquidEngine(loader: loader, options: LiquidOptions(strictVariables: false, strictFilters: true, autoescape: false))
        @Sendable func engine(_ name: String) -> LiquidEngine {
            name.hasSuffix(".html") || name.hasSuffix(".xml") || name.hasSuffix(".svg") ? markup : text
        }
        return ThemeRenderer({ name, variables in try engine(name).render(named: name, variables) },
                             bytes: { name, variables in try engine(name).template(named: name).renderBytes(variables) },
                             splicing: { name, variables, key, safe in
                                 try engine(name).template(named: name).renderBytes(variables, splicing: key, safe)
                             })
    }

    /// Finds the built-in theme: `HERALD_THEME_DIR`, else `share/herald/templates` beside the executable's
    /// prefix, else the nearest `templates/` above the executable (a build inside the source tree).
    public static func locateBuiltinTheme(environment: [String: String], executablePath: String) -> String? {
        if let dir = environment["HERALD_THEME_DIR"], !dir.isEmpty { return dir }
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        let shared = dir.deletingLastPathComponent().appendingPathComponent("share/herald/templates")
        if fm.fileExists(atPath: shared.path + "/layouts/base.html") { return shared.path }
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent("templates")
            if fm.fileExists(atPath: candidate.path + "/layouts/base.html") { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
