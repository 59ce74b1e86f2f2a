import Generator
import HeraldData
import Liquid

/// A link in the email footer's social row (`social:` in the newsletter settings).
///
/// ```yaml
/// social:
///   - { name: Mastodon, url: "https://hachyderm.io/@rust", icon: "https://example.org/mastodon-48.png" }
/// ```
public struct SocialLink: Decodable, Sendable, Hashable {
    /// The network's name: the link text, or the icon's `alt`.
    public var name: String
    /// An `https://`, `http://` or `mailto:` URL.
    public var url: String
    /// An optional absolute https icon (shown at 24 × 24 px); without it the name is a text link.
    public var icon: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, url, icon }

    public init(name: String, url: String, icon: String? = nil) {
        self.name = name
        self.url = url
        self.icon = icon
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        url = try c.decode(String.self, forKey: .url)
        icon = try c.decodeIfPresent(String.self, forKey: .icon)
    }
}

/// What the email layout shows of the tenant's brand: colours and logo from `brand:` in tenant.yml, the logo width,
/// postal address and social links from the newsletter settings. Every URL is checked, so tenant.yml cannot put a
/// `javascript:` link or an attribute break into the email (values are HTML-escaped by the layout as well).
struct EmailBranding: Sendable {
    var colors: BrandColors
    var logoURL: String?
    var logoWidth: Int
    var address: String?
    var social: [SocialLink]

    init(tenant: TenantConfig, settings: NewsletterSettings) {
        colors = BrandColors(tenant.brand)
        logoURL = tenant.brand.logoURL.map { EmailBranding.absolute($0, base: tenant.baseURL) }
        logoWidth = settings.logoWidth
        address = settings.address
        social = settings.social
    }

    /// Problems of the settings' URLs and sizes, each at its key in tenant.yml.
    static func problems(_ settings: NewsletterSettings, node: ConfigNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let socialNodes: [ConfigNode] = {
            if case let .array(items)? = child(node, "social")?.value { return items }
            return []
        }()
        for (index, link) in settings.social.enumerated() {
            let item = index < socialNodes.count ? socialNodes[index] : node
            if !isLinkURL(link.url) {
                found.append(Diagnostic("expected an https, http or mailto URL, found '\(link.url)'",
                                        at: location(child(item, "url") ?? item, "social[\(index)].url")))
            }
            if let icon = link.icon, !isImageURL(icon) {
                found.append(Diagnostic("expected an absolute https image URL, found '\(icon)'",
                                        at: location(child(item, "icon") ?? item, "social[\(index)].icon")))
            }
        }
        if !(16...600).contains(settings.logoWidth) {
            found.append(Diagnostic("expected a logo width from 16 to 600 pixels, found \(settings.logoWidth)",
                                    at: location(child(node, "logo_width") ?? node, "logo_width")))
        }
        return found
    }

    var liquid: LiquidObject {
        var o = LiquidObject()
        o["logo_url"] = logoURL.map(LiquidValue.string) ?? .null
        o["logo_width"] = .int(logoWidth)
        o["address"] = address.map(LiquidValue.string) ?? .null
        o["social"] = .array(social.map { link in
            var l = LiquidObject()
            l["name"] = .string(link.name)
            l["url"] = .string(link.url)
            l["icon"] = link.icon.map(LiquidValue.string) ?? .null
            return .object(l)
        })
        return o
    }

    /// A relative logo (allowed by `brand.logo_url` for the site) resolved against the base URL: email needs absolute URLs.
    static func absolute(_ url: String, base: String) -> String {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return url }
        if url.hasPrefix("//") { return "https:" + url }
        var path = Substring(url)
        while path.hasPrefix("/") { path = path.dropFirst() }
        return (base.hasSuffix("/") ? base : base + "/") + path
    }

    static func isLinkURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") else { return false }
        return !url.contains { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "'" || $0.isNewline }
    }

    static func isImageURL(_ url: String) -> Bool {
        url.lowercased().hasPrefix("https://") && isLinkURL(url)
    }

    private static func child(_ node: ConfigNode, _ key: String) -> ConfigNode? {
        guard case let .map(pairs) = node.value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    private static func location(_ node: ConfigNode, _ path: String) -> SourceLocation {
        var location = node.location
        if location.keyPath == nil { location.keyPath = "plugins.newsletter." + path }
        return location
    }
}
