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

    public func check(_ input: PluginCheckInput) -> [Diagnostic] {
        diagnostics(at: input.settings.node.location) {
            _ = try Self.prepare(input.content, tenant: input.tenant, settings: Self.settings(input.settings))
        }
    }

    static func settings(_ node: PluginSettings) throws -> PagesSettings {
        let settings = try node.decode(PagesSettings.self)
        if settings.descriptionLength < 20 {
            throw Diagnostic("description_length must be at least 20, found \(settings.descriptionLength)",
                             at: node.node.location)
        }
        return settings
    }

    /// Every page of the content, drafts included, in path order. Throws every page's problem at once (front
    /// matter, two pages on one output path), not just the first.
    static func prepare(_ content: [ContentDocument], tenant: TenantConfig, settings: PagesSettings) throws -> [PreparedPage] {
        let timeZone = TimeZone(identifier: tenant.timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let documents = content.filter(Self.isPage).sorted { $0.path < $1.path }
        let results = try documents.parallelMap { document -> Result<PreparedPage, Diagnostic> in
            do throws(Diagnostic) {
                return .success(try PreparedPage(document, tenant: tenant, timeZone: timeZone, settings: settings))
            } catch {
                return .failure(error)
            }
        }
        var problems: [Diagnostic] = []
        var prepared: [PreparedPage] = []
        for result in results {
            switch result {
            case let .success(page): prepared.append(page)
            case let .failure(problem): problems.append(problem)
            }
        }
        var seen: [PageSlug: String] = [:]
        for page in prepared where !page.frontMatter.draft {
            if let other = seen[page.slug] {
                problems.append(Diagnostic("page \(page.source) would be written to \(page.slug.outputPath), which \(other) already uses; "
                                           + "give one of them another `slug` in its front matter", at: page.location))
            }
            seen[page.slug] = seen[page.slug] ?? page.source
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return prepared
    }

    public func run(_ input: PluginInput) throws -> PluginOutput {
        let settings = try Self.settings(input.settings)
        let tenant = input.tenant
        let prepared = try Self.prepare(input.content, tenant: tenant, settings: settings)
        var notices: [Diagnostic] = []
        var pages = prepared.filter { !$0.frontMatter.draft }
        let drafts = prepared.count - pages.count
        if let limit = input.limits[Self.limitKey], pages.count > limit {
            let excess = pages[limit...]
            let names = excess.prefix(10).map(\.source).joined(separator: ", ") + (excess.count > 10 ? ", …" : "")
            notices.append(Diagnostic("the edition allows \(limit) pages; \(excess.count) not built: \(names)",
                                      at: excess.first!.location, severity: .warning))
            pages = Array(pages[..<limit])
        }

        let templates = input.templates
        var artifacts = try pages.parallelMap { page in
            try Artifact(page.slug.outputPath, text: Self.render(page, tenant: tenant, templates: templates))
        }
        var published = pages.map {
            PublishedPage(path: $0.slug.sitePath, lastModified: $0.lastModified, language: $0.frontMatter.lang,
                          translationKey: $0.frontMatter.translationKey, images: PageImages.sources(Array($0.body.utf8)))
        }
        // Without a home page (content/<tenant>/pages/index.md) the site root would be empty: the header's home link,
        // the command center's Pages card and the site's root URL lead to a list of the pages instead.
        if !pages.isEmpty, !pages.contains(where: \.slug.isHome) {
            artifacts.append(try Artifact(Self.indexPath, text: Self.renderIndex(pages, tenant: tenant, templates: templates)))
            published.append(PublishedPage(path: "", lastModified: pages.compactMap(\.lastModified).max()))
        }
        published.sort { $0.path < $1.path }
        return PluginOutput(artifacts: artifacts.sorted { $0.path < $1.path },
                            summary: Self.summary(pages: pages, drafts: drafts, tenant: tenant),
                            pages: published, notices: notices)
    }

    static let indexTemplate = "pages/index.html"
    static let indexPath = "site/index.html"

    /// The generated home page: every page, in path order, with its title and description.
    static func renderIndex(_ pages: [PreparedPage], tenant: TenantConfig, templates: ThemeRenderer) throws -> String {
        var variables = LiquidObject()
        variables["pages"] = .array(pages.sorted { $0.slug < $1.slug }.map { page in
            var item = LiquidObject()
            item["title"] = .string(page.meta.title)
            item["description"] = page.meta.description.map(LiquidValue.string) ?? .null
            item["link"] = .string(page.slug.sitePath + "index.html")
            return .object(item)
        })
        let meta = PageMeta(title: tenant.name, description: "Pages of \(tenant.name)", canonical: tenant.baseURL,
                            openGraphType: "website")
        return try templates.renderPage(indexTemplate, variables, page: meta, tenant: tenant, outputPath: indexPath)
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
        let link = pages.isEmpty ? "" : indexPath
        return ReportSummary(title: "Pages", headline: headline, detail: detail, link: link)
    }
}
