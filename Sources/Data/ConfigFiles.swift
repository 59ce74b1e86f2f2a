import Foundation

/// Accepts any value; the raw node is taken from the parent map instead.
private struct AnyNode: Decodable {
    init(from decoder: Decoder) throws {}
}

private struct HeraldFile: Decodable {
    var outputDir: String?
    var editions: [String: EditionFile]?
    var pluginDefaults: [String: AnyNode]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case outputDir = "output_dir", editions, pluginDefaults = "plugin_defaults"
    }
}

private struct EditionFile: Decodable {
    var plugins: [String]
    var limits: [String: Int]?

    enum CodingKeys: String, CodingKey, CaseIterable { case plugins, limits }
}

private struct TenantFile: Decodable {
    var name: String
    var baseURL: String
    var edition: String
    var locale: String?
    var timeZone: String?
    var reportingCurrency: String?
    var brand: BrandFile?
    var plugins: [String: AnyNode]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, baseURL = "base_url", edition, locale, timeZone = "time_zone", reportingCurrency = "reporting_currency",
             brand, plugins
    }
}

private struct BrandFile: Decodable {
    var primaryColor: String?
    var accentColor: String?
    var logoURL: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case primaryColor = "primary_color", accentColor = "accent_color", logoURL = "logo_url"
    }
}

private func child(_ node: ConfigNode, _ key: String) -> ConfigNode? {
    guard case let .map(pairs) = node.value else { return nil }
    return pairs.first { $0.key == key }?.value
}

/// A plugin section with nothing under it (`seo:` whose keys are all commented out) is an empty map, as YAML
/// writes it as null.
private func emptyWhenNull(_ node: ConfigNode) -> ConfigNode {
    guard case .null = node.value else { return node }
    var empty = node
    empty.value = .map([])
    return empty
}

private func located(_ node: ConfigNode?, fallback: ConfigNode, keyPath: String) -> SourceLocation {
    var location = (node ?? fallback).location
    location.keyPath = keyPath
    return location
}

/// Reads `herald.yml` and `tenant.yml` strictly: unknown keys, wrong types and invalid values are errors with the
/// key path and line.
public enum ConfigFiles {
    /// `herald.yml`.
    public static func project(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ProjectConfig {
        let (config, errors) = checkedProject(bytes, file: file)
        guard let config, errors.isEmpty else { throw DiagnosticList(errors) }
        return config
    }

    /// Every problem of herald.yml, and — when its known keys decode — the configuration without the unknown keys, so
    /// that `herald check` goes on to check every tenant's settings against the editions (an unknown key in
    /// herald.yml hid every tenant's problems).
    public static func checkedProject(_ bytes: [UInt8], file: String) -> (config: ProjectConfig?, errors: [Diagnostic]) {
        let root: ConfigNode
        do { root = try parseMap(bytes, file: file) } catch { return (nil, error.diagnostics) }
        var shapeErrors: [Diagnostic] = []
        ConfigShape.project.validate(root, into: &shapeErrors)
        do { return (try decodedProject(ConfigShape.project.pruned(root), file: file), shapeErrors) } catch {
            // A wrong shape is often the reason the decoding failed: a line it was reported at is not reported again.
            let shapeLines = Set(shapeErrors.compactMap(\.location.line))
            return (nil, shapeErrors + error.diagnostics.filter { $0.location.line.map { !shapeLines.contains($0) } ?? true })
        }
    }

    private static func decodedProject(_ root: ConfigNode, file: String) throws(DiagnosticList) -> ProjectConfig {
        let decoded: HeraldFile
        do { decoded = try ConfigDecoder().decode(HeraldFile.self, from: root) } catch { throw list(error, file) }
        var errors: [Diagnostic] = []
        var editions: [String: Edition] = [:]
        for (name, edition) in decoded.editions ?? [:] {
            let node = child(root, "editions").flatMap { child($0, name) }
            var seen = Set<String>()
            for (k, plugin) in edition.plugins.enumerated() where !seen.insert(plugin).inserted {
                let item = node.flatMap { child($0, "plugins") }.flatMap { n -> ConfigNode? in
                    if case let .array(items) = n.value, k < items.count { return items[k] }
                    return nil
                }
                errors.append(Diagnostic("plugin '\(plugin)' is listed twice", at: located(item, fallback: root, keyPath: "editions.\(name).plugins[\(k)]")))
            }
            for (limit, value) in edition.limits ?? [:] where value < 0 {
                let n = node.flatMap { child($0, "limits") }.flatMap { child($0, limit) }
                errors.append(Diagnostic("limit '\(limit)' must be ≥ 0, found \(value)", at: located(n, fallback: root, keyPath: "editions.\(name).limits.\(limit)")))
            }
            editions[name] = Edition(name: name, plugins: edition.plugins, limits: edition.limits ?? [:])
        }
        var defaults: [String: ConfigNode] = [:]
        if let node = child(root, "plugin_defaults"), case let .map(pairs) = node.value {
            for (id, written) in pairs {
                let settings = emptyWhenNull(written)
                guard case .map = settings.value else {
                    errors.append(Diagnostic("expected a map of settings for plugin '\(id)'", at: located(settings, fallback: root, keyPath: "plugin_defaults.\(id)")))
                    continue
                }
                defaults[id] = settings
            }
        }
        if let output = decoded.outputDir, output.isEmpty {
            errors.append(Diagnostic("output_dir must not be empty", at: located(child(root, "output_dir"), fallback: root, keyPath: "output_dir")))
        } else if let output = decoded.outputDir, output.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            // A NUL would cut the path short at the system call: the build would write somewhere else.
            errors.append(Diagnostic("output_dir must be a folder name without control characters, found '\(Diagnostic.visible(output))'",
                                     at: located(child(root, "output_dir"), fallback: root, keyPath: "output_dir")))
        }
        if !errors.isEmpty { throw DiagnosticList(errors) }
        return ProjectConfig(outputDirectory: decoded.outputDir ?? "out", editions: editions, pluginDefaults: defaults)
    }

    /// `snapshots/<id>/tenant.yml`.
    public static func tenant(_ bytes: [UInt8], file: String, id: String) throws(DiagnosticList) -> TenantConfig {
        let (config, errors) = checkedTenant(bytes, file: file, id: id)
        guard let config, errors.isEmpty else { throw DiagnosticList(errors) }
        return config
    }

    /// Every problem of a tenant.yml, and — when the file parses and decodes — a configuration in which each
    /// invalid value is replaced by its default, so that `herald check` can go on to check the tenant's snapshots
    /// and plugin settings in the same pass instead of stopping at the first bad value.
    public static func checkedTenant(_ bytes: [UInt8], file: String, id: String) -> (config: TenantConfig?, errors: [Diagnostic]) {
        let root: ConfigNode
        do { root = try parseMap(bytes, file: file) } catch { return (nil, error.diagnostics) }
        var shapeErrors: [Diagnostic] = []
        ConfigShape.tenant.validate(root, into: &shapeErrors)
        if !shapeErrors.isEmpty { return (nil, shapeErrors) }
        let decoded: TenantFile
        do { decoded = try ConfigDecoder().decode(TenantFile.self, from: root) } catch { return (nil, list(error, file).diagnostics) }
        var errors: [Diagnostic] = []
        func fail(_ message: String, _ key: String, _ node: ConfigNode?) {
            errors.append(Diagnostic(message, at: located(node, fallback: root, keyPath: key)))
        }
        if decoded.name.trimmingCharacters(in: .whitespaces).isEmpty { fail("name must not be empty", "name", child(root, "name")) }
        // The name goes into page titles, e-mail subjects and sender names: one line of text.
        if decoded.name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            fail("name must be one line of text without control characters, found '\(decoded.name)'", "name", child(root, "name"))
        }
        var baseURL = decoded.baseURL
        if !isValidBaseURL(baseURL) {
            fail("expected an absolute http(s) URL without query, fragment, spaces or control characters, such as https://www.example.com/, found '\(Diagnostic.visible(baseURL))'",
                 "base_url", child(root, "base_url"))
        }
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        var locale = decoded.locale ?? "en"
        if !isLanguageTag(locale) {
            fail("expected a BCP 47 language tag such as en-GB, found '\(locale)'", "locale", child(root, "locale"))
            locale = "en"
        }
        var timeZone = decoded.timeZone ?? "UTC"
        if TimeZone(identifier: timeZone) == nil {
            fail("unknown time zone '\(timeZone)'; expected an IANA name such as Europe/Berlin", "time_zone", child(root, "time_zone"))
            timeZone = "UTC"
        }
        var currency = decoded.reportingCurrency ?? "EUR"
        if !isCurrencyCode(currency) {
            fail("expected an ISO 4217 code such as EUR, found '\(currency)'", "reporting_currency", child(root, "reporting_currency"))
            currency = "EUR"
        }
        var brand = Brand()
        if let b = decoded.brand {
            let node = child(root, "brand")
            if let c = b.primaryColor {
                if isHexColor(c) { brand.primaryColor = c } else { fail("expected a colour #rrggbb or #rgb, found '\(c)'", "brand.primary_color", node.flatMap { child($0, "primary_color") }) }
            }
            if let c = b.accentColor {
                if isHexColor(c) { brand.accentColor = c } else { fail("expected a colour #rrggbb or #rgb, found '\(c)'", "brand.accent_color", node.flatMap { child($0, "accent_color") }) }
            }
            if let logo = b.logoURL {
                if !URLText.isSafeLink(logo) {
                    fail("expected an http(s) or relative URL without spaces or control characters, found '\(Diagnostic.visible(logo))'",
                         "brand.logo_url", node.flatMap { child($0, "logo_url") })
                } else {
                    brand.logoURL = logo
                }
            }
        }
        var plugins: [String: ConfigNode] = [:]
        if let node = child(root, "plugins"), case let .map(pairs) = node.value {
            for (pluginID, written) in pairs {
                let settings = emptyWhenNull(written)
                guard case .map = settings.value else {
                    fail("expected a map of settings for plugin '\(pluginID)'", "plugins.\(pluginID)", settings)
                    continue
                }
                plugins[pluginID] = settings
            }
        }
        return (TenantConfig(id: id, name: decoded.name, baseURL: baseURL, edition: decoded.edition, locale: locale,
                             timeZone: timeZone, reportingCurrency: currency, brand: brand, plugins: plugins,
                             location: SourceLocation(file: file)), errors)
    }

    static func parseMap(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ConfigNode {
        let root: ConfigNode
        do { root = try YAMLReader.parse(bytes, file: file) } catch { throw DiagnosticList([error]) }
        switch root.value {
        case .map: return root
        case .null: return ConfigNode(.map([]), at: SourceLocation(file: file, line: 1, column: 1))
        default: throw DiagnosticList([Diagnostic("expected a map of settings at the top level", at: root.location)])
        }
    }

    static func list(_ error: any Error, _ file: String) -> DiagnosticList {
        if let d = error as? Diagnostic { return DiagnosticList([d]) }
        if let l = error as? DiagnosticList { return l }
        return DiagnosticList([Diagnostic("\(error)", at: SourceLocation(file: file))])
    }
}

/// `#rgb` or `#rrggbb`.
func isHexColor(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard u.first == UInt8(ascii: "#"), u.count == 4 || u.count == 7 else { return false }
    return u.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }
}

/// Letters, digits and hyphens, starting with 2–3 letters (`en`, `en-GB`, `de-CH`, `zh-Hant-TW`).
func isLanguageTag(_ s: String) -> Bool {
    let parts = s.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
    return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
}
