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
        try renderBytes(layout, try layoutScope(template, variables, page: page, tenant: tenant, outputPath: outputPath))
    }

    /// The layout's variables: the body rendered from `template`, and what the layout receives besides.
    private func layoutScope(_ template: String, _ variables: LiquidObject, page: PageMeta, tenant: TenantConfig,
                             outputPath: String) throws -> LiquidObject {
        let depth = outputPath.split(separator: "/").count - 1
        let root = String(repeating: "../", count: max(depth, 0))
        var scope = variables
        scope["tenant"] = tenant.liquidValue
        scope["root"] = .string(root)
        var pageObject = LiquidObject()
        pageObject["title"] = .string(page.title)
        pageObject["description"] = page.description.map(LiquidValue.string) ?? .null
        pageObject["canonical"] = page.canonical.map(LiquidValue.string) ?? .null
        pageObject["og_type"] = page.openGraphType.map(LiquidValue.string) ?? .null
        pageObject["lang"] = .string(page.language ?? (page.canonical == nil ? "en" : tenant.locale))
        scope["page"] = .object(pageObject)
        let body = try render(template, scope)
        scope["content"] = .safe(body)
        return scope
    }
}

extension TenantConfig {
    /// The tenant as templates see it.
    public var liquidValue: LiquidValue {
        var brand = LiquidObject()
        brand["primary_color"] = .string(self.brand.primaryColor)
        brand["accent_color"] = .string(self.brand.accentColor)
        brand["logo_url"] = self.brand.logoURL.map(LiquidValue.string) ?? .null
        var object = LiquidObject()
        object["id"] = .string(id)
        object["name"] = .string(name)
        object["base_url"] = .string(baseURL)
        object["edition"] = .string(edition)
        object["locale"] = .string(locale)
        object["time_zone"] = .string(timeZone)
        object["reporting_currency"] = .string(reportingCurrency)
        object["brand"] = .object(brand)
        return .object(object)
    }
}
