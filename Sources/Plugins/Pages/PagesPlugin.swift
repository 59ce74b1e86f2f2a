import Foundation
import Generator
import HeraldData
import Liquid

/// Markdown pages under `content/<tenant>/pages/` → `site/<slug>/index.html` through `pages/page.html` and the layout.
public struct PagesPlugin: Plugin {
    public init() {}

    public var id: String { "pages" }
    public var requiredDatasets: Set<DatasetKind> { [] }

    public static let template = "pages/page.html"
    /// Edition limit on the number of pages built.
    public static let limitKey = "pages.pages"

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try input.settings.decode(PagesSettings.self)
        if settings.descriptionLength < 20 {
            throw Diagnostic("description_length must be at least 20, found \(settings.descriptionLength)",
                             at: input.settings.node.location)
        }
        let timeZone = TimeZone(identifier: input.tenant.timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let tenant = input.tenant
        let documents = input.content.filter(Self.isPage).sorted { $0.path < $1.path }

        let prepared = try documents.parallelMap {
            try PreparedPage($0, tenant: tenant, timeZone: timeZone, settings: settings)
        }
        var notices: [Diagnostic] = []
        var pages = prepared.filter { !$0.frontMatter.draft }
        let drafts = prepared.count - pages.count

        var seen: [PageSlug: String] = [:]
        for page in pages {
            if let other = seen[page.slug] {
                throw Diagnostic("page \(page.source) would be written to \(page.slug.outputPath), which \(other) already uses; "
                                 + "give one of them another `slug` in its front matter", at: page.location)
            }
            seen[page.slug] = page.source
        }
        if let limit = input.limits[Self.limitKey], pages.count > limit {
            let excess = pages[limit...]
            let names = excess.prefix(10).map(\.source).joined(separator: ", ") + (excess.count > 10 ? ", …" : "")
            notices.append(Diagnostic("the edition allows \(limit) pages; \(excess.count) not built: \(names)",
                                      at: excess.first!.location, severity: .warning))
            pages = Array(pages[..<limit])
        }

        let templates = input.templates
        let artifacts = try pages.parallelMap { page in
            try Artifact(page.slug.outputPath, text: Self.render(page, tenant: tenant, templates: templates))
        }
        let published = pages.map { PublishedPage(path: $0.slug.sitePath, lastModified: $0.lastModified) }
            .sorted { $0.path < $1.path }
        return PluginOutput(artifacts: artifacts.sorted { $0.path < $1.path },
                            summary: Self.summary(pages: pages, drafts: drafts, tenant: tenant),
                            pages: published, notices: notices)
    }

    static func isPage(_ document: ContentDocument) -> Bool {
        let lower = document.path.lowercased()
        return lower.hasPrefix("pages/") && (lower.hasSuffix(".md") || lower.hasSuffix(".markdown"))
    }

    /// The page's HTML: `pages/page.html` inside the layout.
    public static func render(_ page: PreparedPage, tenant: TenantConfig, templates: ThemeRenderer) throws -> String {
        var variables = LiquidObject()
        variables["body"] = .safe(page.body)
        variables["show_title"] = .bool(!page.outline.hasH1)
        variables["source"] = .string(page.source)
        if let date = page.frontMatter.date {
            variables["date"] = .string(date.description)
            variables["date_display"] = .string(String(date.description.prefix(10)))
        }
        if let updated = page.frontMatter.updated {
            variables["updated"] = .string(updated.description)
            variables["updated_display"] = .string(String(updated.description.prefix(10)))
        }
        return try templates.renderPage(template, variables, page: page.meta, tenant: tenant,
                                        outputPath: page.slug.outputPath)
    }

    static func summary(pages: [PreparedPage], drafts: Int, tenant: TenantConfig) -> ReportSummary {
        let headline = counted(pages.count, "page")
        var detail = pages.isEmpty ? "No markdown pages under content/\(tenant.id)/pages." : "Published under \(tenant.baseURL)."
        if drafts > 0 { detail += " " + counted(drafts, "draft") + " skipped." }
        let link = pages.first(where: { $0.slug.isHome })?.slug.outputPath ?? pages.map(\.slug).min()?.outputPath ?? ""
        return ReportSummary(title: "Pages", headline: headline, detail: detail, link: link)
    }
}
