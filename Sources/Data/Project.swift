/// `herald.yml`: the project-wide settings.
public struct ProjectConfig: Sendable {
    /// Output folder, relative to the project folder unless absolute.
    public var outputDirectory: String
    /// Edition name → what tenants of that edition may run.
    public var editions: [String: Edition]
    /// Plugin id → default settings, overridden key by key by the tenant's `plugins:` section.
    public var pluginDefaults: [String: ConfigNode]

    public init(outputDirectory: String = "out", editions: [String: Edition] = [:], pluginDefaults: [String: ConfigNode] = [:]) {
        self.outputDirectory = outputDirectory
        self.editions = editions
        self.pluginDefaults = pluginDefaults
    }
}

/// A product tier: the plugins it allows and the limits it imposes.
public struct Edition: Sendable, Hashable {
    public var name: String
    /// Plugin ids, in the order they were listed.
    public var plugins: [String]
    /// Limit name (for example `seo.pages`, `newsletter.subscribers`) → maximum.
    public var limits: [String: Int]

    public init(name: String, plugins: [String], limits: [String: Int] = [:]) {
        self.name = name
        self.plugins = plugins
        self.limits = limits
    }
}

/// `snapshots/<tenant>/tenant.yml`.
public struct TenantConfig: Sendable {
    /// The folder name under `snapshots/`; also the output folder name.
    public var id: String
    public var name: String
    /// The tenant's public site, always ending in `/`.
    public var baseURL: String
    public var edition: String
    /// BCP 47, e.g. `en-GB`.
    public var locale: String
    /// IANA time zone used to bucket days in reports, e.g. `Europe/Berlin`.
    public var timeZone: String
    /// ISO 4217 code all money is reported in.
    public var reportingCurrency: String
    public var brand: Brand
    /// Plugin id → settings for this tenant.
    public var plugins: [String: ConfigNode]
    public var location: SourceLocation

    public init(id: String, name: String, baseURL: String, edition: String, locale: String = "en",
                timeZone: String = "UTC", reportingCurrency: String = "EUR", brand: Brand = Brand(),
                plugins: [String: ConfigNode] = [:], location: SourceLocation = SourceLocation(file: "tenant.yml")) {
        self.id = id
        self.name = name
        self.baseURL = baseURL
        self.edition = edition
        self.locale = locale
        self.timeZone = timeZone
        self.reportingCurrency = reportingCurrency
        self.brand = brand
        self.plugins = plugins
        self.location = location
    }
}

public struct Brand: Sendable, Hashable {
    /// CSS colours, `#rrggbb`.
    public var primaryColor: String
    public var accentColor: String
    /// URL of the logo image, if any.
    public var logoURL: String?

    public init(primaryColor: String = "#1f4e79", accentColor: String = "#f5a623", logoURL: String? = nil) {
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.logoURL = logoURL
    }
}
