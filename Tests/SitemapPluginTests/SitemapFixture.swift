import Foundation
import Generator
import HeraldData

enum SitemapFixture {
    static let base = "https://acme.example/"

    static func page(_ path: String, status: Int = 200, head: String = "", headers: [(name: String, value: String)] = [],
                     fetchedAt: Timestamp? = nil, url: String? = nil) -> CrawledPage {
        let html = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title>\(head)</head><body><h1>x</h1></body></html>"
        return CrawledPage(url: url ?? base + path, status: status,
                           headers: [(name: "content-type", value: "text/html")] + headers, fetchedAt: fetchedAt,
                           body: Array(html.utf8), location: SourceLocation(file: "crawl.ndjson"))
    }

    static func input(_ pages: [CrawledPage], published: [PublishedPage] = [], settings: PluginSettings = .empty,
                      baseURL: String = base, locale: String? = nil) -> PluginInput {
        var tenant = TenantConfig(id: "acme", name: "Acme", baseURL: baseURL, edition: "basic")
        if let locale { tenant.locale = locale }
        var snapshot = Snapshot(date: "2026-12-01", folder: "snapshots/acme/2026-12-01")
        snapshot.crawl = Crawl(pages: pages)
        let reports = published.isEmpty ? [] : [PluginReport(pluginID: "pages", summary: nil, pages: published, artifactPaths: [])]
        return PluginInput(tenant: tenant, snapshot: snapshot, settings: settings, now: Date(timeIntervalSince1970: 1_796_000_000),
                           templates: ThemeRenderer { name, _ in name }, reports: reports)
    }

    /// `plugins.sitemap` settings written as YAML (in `tenant.yml`, so errors name that file and a line).
    static func settings(_ yaml: String) throws -> PluginSettings {
        PluginSettings(try YAMLReader.parse(yaml, file: "tenant.yml"))
    }

    /// Runs the plugin; `artifacts` holds what it emitted while running, then what it returned.
    static func run(_ plugin: some Plugin, _ input: PluginInput) throws -> PluginOutput {
        var output = try plugin.run(input)
        output.artifacts = input.emitter.collected + output.artifacts
        return output
    }

    static func text(_ output: PluginOutput, _ path: String) -> String? {
        output.artifacts.first { $0.path.value == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
