import Testing
@testable import HeraldData

@Suite struct ConfigFilesTests {
    static let herald = """
    output_dir: public
    editions:
      starter:
        plugins: [pages, seo, sitemap]
        limits:
          seo.pages: 25
      pro:
        plugins: [pages, seo, sitemap, newsletter]
    plugin_defaults:
      seo:
        title_max: 60
    """

    @Test func projectFile() throws {
        let project = try ConfigFiles.project(bytes(Self.herald), file: "herald.yml")
        #expect(project.outputDirectory == "public")
        #expect(project.editions["starter"] == Edition(name: "starter", plugins: ["pages", "seo", "sitemap"], limits: ["seo.pages": 25]))
        #expect(project.editions["pro"]?.plugins == ["pages", "seo", "sitemap", "newsletter"])
        #expect(project.editions["pro"]?.limits == [:])
        #expect(project.pluginDefaults["seo"].map(render) == "{title_max: 60}")
        #expect(project.pluginDefaults["seo"]?.location.description == "herald.yml:11:5 (plugin_defaults.seo)")
    }

    @Test func emptyProjectFileHasDefaults() throws {
        let project = try ConfigFiles.project([], file: "herald.yml")
        #expect(project.outputDirectory == "out" && project.editions.isEmpty && project.pluginDefaults.isEmpty)
    }

    @Test(arguments: [
        ("output: x\n", "herald.yml:1:1 (output): error: unknown key 'output'; expected one of: editions, output_dir, plugin_defaults"),
        ("editions:\n  pro:\n    plugins: [seo]\n    plugin: [seo]\n", "herald.yml:4:5 (editions.pro.plugin): error: unknown key 'plugin'; expected one of: limits, plugins"),
        ("editions:\n  pro:\n    limits: {seo.pages: 500}\n", "herald.yml:3:5 (editions.pro.plugins): error: missing required key 'plugins'"),
        ("editions:\n  pro:\n    plugins: seo\n", "herald.yml:3:14 (editions.pro.plugins): error: expected a list, found a string"),
        ("editions:\n  pro:\n    plugins: [seo]\n    limits: {seo.pages: many}\n", "herald.yml:4:25 (editions.pro.limits.seo.pages): error: expected an integer, found a string"),
        ("editions:\n  pro:\n    plugins: [seo, seo]\n", "herald.yml:3:20 (editions.pro.plugins[1]): error: plugin 'seo' is listed twice"),
        ("editions:\n  pro:\n    plugins: [seo]\n    limits: {seo.pages: -1}\n", "herald.yml:4:25 (editions.pro.limits.seo.pages): error: limit 'seo.pages' must be ≥ 0, found -1"),
        ("plugin_defaults:\n  seo: 3\n", "herald.yml:2:8 (plugin_defaults.seo): error: expected a map of settings for plugin 'seo'"),
        ("- a\n", "herald.yml:1:1: error: expected a map of settings at the top level"),
        ("output_dir: x\noutput_dir: y\n", "herald.yml:2:1: error: duplicate key 'output_dir' (first at line 1)"),
    ])
    func projectErrors(text: String, message: String) {
        #expect(thrown { _ = try ConfigFiles.project(bytes(text), file: "herald.yml") } == [message])
    }

    static let tenant = """
    name: Acme Outdoor
    base_url: https://www.acme-outdoor.example
    edition: pro
    locale: en-GB
    time_zone: Europe/London
    reporting_currency: GBP
    brand:
      primary_color: "#1b4332"
      accent_color: "#f4a261"
      logo_url: https://www.acme-outdoor.example/logo.svg
    plugins:
      seo:
        title_max: 65
    """

    @Test func everyStructuralProblemIsReportedAtOnce() {
        let text = "nam: B\nbase_url: [x]\nedition: pro\nbrand:\n  colour: red\n  logo: x\nplugins:\n  seo: {anything: goes}\n"
        #expect(thrown { _ = try ConfigFiles.tenant(bytes(text), file: "t.yml", id: "b") } == [
            "t.yml:1:1 (nam): error: unknown key 'nam'; expected one of: base_url, brand, edition, locale, name, plugins, reporting_currency, time_zone",
            "t.yml:2:11 (base_url): error: expected a single value, found a list",
            "t.yml:5:3 (brand.colour): error: unknown key 'colour'; expected one of: accent_color, logo_url, primary_color",
            "t.yml:6:3 (brand.logo): error: unknown key 'logo'; expected one of: accent_color, logo_url, primary_color",
            "t.yml:1:1 (name): error: missing required key 'name'",
        ])
    }

    @Test func tenantFile() throws {
        let t = try ConfigFiles.tenant(bytes(Self.tenant), file: "snapshots/acme/tenant.yml", id: "acme")
        #expect(t.id == "acme" && t.name == "Acme Outdoor" && t.edition == "pro")
        #expect(t.baseURL == "https://www.acme-outdoor.example/")
        #expect(t.locale == "en-GB" && t.timeZone == "Europe/London" && t.reportingCurrency == "GBP")
        #expect(t.brand == Brand(primaryColor: "#1b4332", accentColor: "#f4a261", logoURL: "https://www.acme-outdoor.example/logo.svg"))
        #expect(t.plugins["seo"].map(render) == "{title_max: 65}")
        #expect(t.location.file == "snapshots/acme/tenant.yml")
    }

    /// A plugin section whose keys are all commented out is written as null by YAML: it means "no settings".
    @Test(arguments: ["plugins:\n  seo:\n", "plugins:\n  seo:\n    # title_max_length: 70\n", "plugins:\n  seo: ~\n"])
    func emptyPluginSectionIsNoSettings(section: String) throws {
        let t = try ConfigFiles.tenant(bytes(Self.minimal + section), file: "t.yml", id: "b")
        #expect(t.plugins["seo"].map(render) == "{}")
        let p = try ConfigFiles.project(bytes("plugin_defaults:\n  seo:\n"), file: "herald.yml")
        #expect(p.pluginDefaults["seo"].map(render) == "{}")
    }

    @Test func tenantDefaults() throws {
        let t = try ConfigFiles.tenant(bytes("name: B\nbase_url: http://b.example/\nedition: starter\n"), file: "t.yml", id: "b")
        #expect(t.locale == "en" && t.timeZone == "UTC" && t.reportingCurrency == "EUR" && t.brand == Brand() && t.plugins.isEmpty)
    }

    static let minimal = "name: B\nbase_url: https://b.example/\nedition: starter\n"

    @Test(arguments: [
        (minimal + "timezone: UTC\n", ["t.yml:4:1 (timezone): error: unknown key 'timezone'; expected one of: base_url, brand, edition, locale, name, plugins, reporting_currency, time_zone"]),
        ("name: B\nedition: starter\n", ["t.yml:1:1 (base_url): error: missing required key 'base_url'"]),
        (minimal + "time_zone: Mars/Olympus\n", ["t.yml:4:12 (time_zone): error: unknown time zone 'Mars/Olympus'; expected an IANA name such as Europe/Berlin"]),
        (minimal + "reporting_currency: euro\n", ["t.yml:4:21 (reporting_currency): error: expected an ISO 4217 code such as EUR, found 'euro'"]),
        (minimal + "locale: english_UK\n", ["t.yml:4:9 (locale): error: expected a BCP 47 language tag such as en-GB, found 'english_UK'"]),
        (minimal + "brand:\n  primary_color: red\n  logo_url: javascript:alert(1)\n", [
            "t.yml:5:18 (brand.primary_color): error: expected a colour #rrggbb or #rgb, found 'red'",
            "t.yml:6:13 (brand.logo_url): error: expected an http(s) or relative URL without spaces or control characters, found 'javascript:alert(1)'"]),
        (minimal + "brand:\n  colour: red\n", ["t.yml:5:3 (brand.colour): error: unknown key 'colour'; expected one of: accent_color, logo_url, primary_color"]),
        ("name: B\nbase_url: www.b.example\nedition: starter\ntime_zone: Nowhere\n", [
            "t.yml:2:11 (base_url): error: expected an absolute http(s) URL without query, fragment, spaces or control characters, such as https://www.example.com/, found 'www.b.example'",
            "t.yml:4:12 (time_zone): error: unknown time zone 'Nowhere'; expected an IANA name such as Europe/Berlin"]),
        (minimal + "plugins:\n  seo: [1]\n", ["t.yml:5:8 (plugins.seo): error: expected a map of settings for plugin 'seo'"]),
        ("name: B\nbase_url: https://b.example/\nedition: [pro]\n", ["t.yml:3:10 (edition): error: expected a single value, found a list"]),
        ("name: \"Acme\\r\\nBcc: x@evil.example\"\nbase_url: https://b.example/\nedition: pro\n",
         ["t.yml:1:7 (name): error: name must be one line of text without control characters, found 'Acme\\r\\nBcc: x@evil.example'"]),
    ])
    func tenantErrors(text: String, messages: [String]) {
        #expect(thrown { _ = try ConfigFiles.tenant(bytes(text), file: "t.yml", id: "b") } == messages)
    }
}

/// URLs from tenant.yml end up in `src`/`href` attributes and e-mail: browsers drop tabs and line breaks inside a
/// URL, so only http(s) and relative URLs without control characters are accepted (a scheme blocklist can be
/// bypassed with `java\tscript:`).
@Suite("Brand and base URLs accept only http(s) or relative URLs")
struct ConfigURLTests {
    static func tenant(logo: String) -> String {
        "name: B\nbase_url: https://b.example/\nedition: starter\nbrand:\n  logo_url: \"\(logo)\"\n"
    }

    @Test("a logo URL with another scheme or a control character is refused",
          arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\\tscript:alert(1)", "java\\nscript:alert(1)",
                      " javascript:alert(1)", "\\x01javascript:alert(1)", "vbscript:msgbox(1)", "data:image/svg+xml,x",
                      "https://b.example/logo.svg\\\" onerror=\\\"alert(1)", "https://b.example/a b.svg", ""])
    func refused(logo: String) {
        let messages = thrown { _ = try ConfigFiles.tenant(bytes(Self.tenant(logo: logo)), file: "t.yml", id: "b") }
        #expect(messages.count == 1)
        // A control character written as a YAML escape is already refused by the YAML reader, at the same place.
        #expect(messages.first?.hasPrefix("t.yml:5:13 (brand.logo_url): error: ") == true, "\(messages)")
    }

    @Test("http(s) and relative logo URLs are kept as written",
          arguments: ["https://cdn.b.example/logo.svg", "HTTP://B.EXAMPLE/L.PNG", "/img/logo.svg", "img/logo.svg",
                      "//cdn.b.example/l.png", "logo.svg?v=2#x", "img/a:b.png"])
    func accepted(logo: String) throws {
        let tenant = try ConfigFiles.tenant(bytes(Self.tenant(logo: logo)), file: "t.yml", id: "b")
        #expect(tenant.brand.logoURL == logo)
    }

    @Test("a base URL with a control character or a quote is refused", arguments: ["https://b.example/\\tx/", "https://b.example/\\\"x/"])
    func baseURL(url: String) {
        let text = "name: B\nbase_url: \"\(url)\"\nedition: starter\n"
        let messages = thrown { _ = try ConfigFiles.tenant(bytes(text), file: "t.yml", id: "b") }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("t.yml:2:11 (base_url): error: expected an absolute http(s) URL") == true, "\(messages)")
    }

    @Test("an output_dir with a control character is refused (a NUL would cut the path short)",
          arguments: ["out\\0x", "out\\tx", "out\\nx"])
    func outputDirectory(folder: String) {
        let messages = thrown { _ = try ConfigFiles.project(bytes("output_dir: \"\(folder)\"\n"), file: "herald.yml") }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("herald.yml:1:13 (output_dir): error: ") == true, "\(messages)")
    }
}
