import AttributionPlugin
import CommandCenterPlugin
import Foundation
import Generator
import HeraldData
import NewsletterPlugin
import PagesPlugin
import ReputationPlugin
import SEOPlugin
import SitemapPlugin

/// Herald's built-in plugins. A new plugin is a folder under `Sources/Plugins`, a target, and one line here.
public enum BuiltinPlugins {
    public static var all: [any Plugin] {
        [
            PagesPlugin(),
            SEOPlugin(),
            SitemapPlugin(),
            NewsletterPlugin(),
            AttributionPlugin(),
            ReputationPlugin(),
            CommandCenterPlugin(),
        ]
    }

    /// Writes `<out>/index.html`, the index of every tenant in the output folder, with its status and headlines.
    public static func writeTenantIndex(results: [TenantResult], output: String, themes: ThemeFactory,
                                        projectRoot: String, now: Date, fileSystem: any FileSystem = LocalFileSystem()) throws {
        let entries = results.sorted { $0.tenant < $1.tenant }.map { result in
            TenantIndexEntry(id: result.tenant, name: result.name, failure: result.failure,
                             summaries: result.reports.compactMap(\.summary))
        }
        let renderer = ThemeFactory.renderer(roots: [projectRoot + "/templates", themes.builtinRoot].filter { fileSystem.exists($0) })
        let html = try CommandCenterIndex.render(tenants: entries, templates: renderer, now: now)
        try ArtifactWriter(fileSystem: fileSystem).replaceFile(Array(html.utf8), at: output + "/index.html", stagingTag: "\(getpid())")
    }
}
