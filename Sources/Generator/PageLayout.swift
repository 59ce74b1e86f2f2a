import HeraldData
import Liquid

/// The metadata every HTML page of the theme carries.
public struct PageMeta: Sendable {
    public var title: String
    public var description: String?
    /// Absolute canonical URL (public site pages only).
    public var canonical: String?
    /// Open Graph type (`website`, `article`).
    public var openGraphType: String?
    /// The page's `<html lang>`. nil: the tenant's locale for public site pages (those with a canonical URL), `en`
    /// for Herald's reports, whose own text is English whatever the tenant's locale.
    public var language: String?

    public init(title: String, description: String? = nil, canonical: String? = nil, openGraphType: String? = nil,
                language: String? = nil) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.openGraphType = openGraphType
        self.language = language
    }
}

extension ThemeRenderer {
    /// Renders `template` to a body, then wraps it in `layouts/base.html`.
    ///
    /// The layout receives `page`, `tenant`, `root` (the relative path from `outputPath` back to the tenant's
    /// output folder, e.g. `../../`) and `content` (the body, already rendered and escaped, marked safe).
    public func renderPage(_ template: String, _ variables: LiquidObject, page: PageMeta, tenant: TenantConfig,
                           outputPath: String, layout: String = "layouts/base.html") throws -> String {
        try render(layout, try layoutScope(template, variables, page: page, tenant: tenant, outputPath: outputPath))
    }

    /// `renderPage` as the file's UTF-8 bytes.
    public func renderPageBytes(_ template: String, _ variables: LiquidObject, page: PageMeta, tenant: TenantConfig,
                                outputPath: String, layout: String = "layouts/base.html") throws -> [UInt8] {
        var scope = bodyScope(variables, page: page, tenant: tenant, outputPath: outputPath)
        // The body stays bytes when the layout can take it so (see `LiquidTemplate.renderBytes(_:splicing:_:)`).
        let body = try renderBytes(template, scope)
        if let bytes = try renderBytes(layout, scope, splicing: "content", body) { return bytes }
        scope["content"] = .safe(String(decoding: body, as: UTF8.self))
        return try renderBytes(layout, scope)
    }

    /// Folders between the output folder and the file at `outputPath` (`a/b/c.html`: 2), counted on bytes as the
    /// file system does (splitting the path into Characters cost more than many a page's render).
    static func folderDepth(_ outputPath: String) -> Int {
        var path = outputPath
        return path.withUTF8 { bytes in
            var segments = 0
            var inSegment = false
            for byte in bytes {
                if byte == 0x2F {
                    inSegment = false
                } else if !inSegment {
                    inSegment = true
                    segments += 1
                }
            }
            return max(segments - 1, 0)
        }
    }

    /// The keys of `page` (and of `tenant` below), in this order: built once, not key by key for every page.
    private static let pageLayout = LiquidObject.Layout(["title", "description", "canonical", "og_type", "lang"])

    /// The layout's variables: the body rendered from `template`, and what the layout receives besides.
    private func layoutScope(_ template: String, _ variables: LiquidObject, page: PageMeta, tenant: TenantConfig,
                             outputPath: String) throws -> LiquidObject {
        var scope = bodyScope(variables, page: page, tenant: tenant, outputPath: outputPath)
        let body = try render(template, scope)
        scope["content"] = .safe(body)
        return scope
    }

    /// The body's variables: `variables`, `tenant`, `root` and `page`.
    private func bodyScope(_ variables: LiquidObject, page: PageMeta, tenant: TenantConfig, outputPath: String) -> LiquidObject {
        var scope = variables
        scope["tenant"] = tenant.liquidValue
        scope["root"] = .string(String(repeating: "../", count: Self.folderDepth(outputPath)))
        scope["page"] = .object(LiquidObject(layout: Self.pageLayout, values: [
            .string(page.title),
            page.description.map(LiquidValue.string) ?? .null,
            page.canonical.map(LiquidValue.string) ?? .null,
            page.openGraphType.map(LiquidValue.string) ?? .null,
            .string(page.language ?? (page.canonical == nil ? "en" : tenant.locale)),
        ]))
        return scope
    }
}

extension TenantConfig {
    /// The tenant as templates see it.
    public var liquidValue: LiquidValue {
        let brand = LiquidObject(layout: Self.brandLayout, values: [
            .string(self.brand.primaryColor), .string(self.brand.accentColor), self.brand.logoURL.map(LiquidValue.string) ?? .null,
        ])
        return .object(LiquidObject(layout: Self.liquidLayout, values: [
            .string(id), .string(name), .string(baseURL), .string(edition), .string(locale), .string(timeZone),
            .string(reportingCurrency), .object(brand),
        ]))
    }

    private static let liquidLayout = LiquidObject.Layout(["id", "name", "base_url", "edition", "locale", "time_zone",
                                                           "reporting_currency", "brand"])
    private static let brandLayout = LiquidObject.Layout(["primary_color", "accent_color", "logo_url"])
}
