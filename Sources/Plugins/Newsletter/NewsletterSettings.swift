/// `plugins.newsletter` in tenant.yml (over `plugin_defaults.newsletter` in herald.yml). Every key is optional.
public struct NewsletterSettings: Decodable, Sendable {
    /// `Name <address>` or an address; default `<tenant name> <newsletter@<site host>>`.
    public var from: String?
    public var replyTo: String?
    /// The list's human name in `List-Id`; default the tenant name.
    public var listName: String?
    /// The `List-Id` identifier; default `newsletter.<site host>`.
    public var listID: String?
    /// The one-click unsubscribe endpoint (https); default `<base URL>unsubscribe`.
    public var unsubscribeURL: String?
    /// The mailto unsubscribe address; default `unsubscribe@<site host>`; empty string: none.
    public var unsubscribeMailto: String?
    /// The email layout template.
    public var emailTemplate: String
    /// Width of the plain-text part.
    public var textWidth: Int
    /// The greeting above issues that do not address the reader themselves (empty: none).
    public var greeting: String
    /// UTM tagging of links (off when absent).
    public var utm: UTMSettings?
    /// Named audiences that issues target (`segments:` in the issue's front matter).
    public var segments: [String: SegmentRule]
    /// Width in pixels of the logo (`brand.logo_url` in tenant.yml) in the email header; default 160.
    public var logoWidth: Int
    /// The sender's postal address in the email footer (CAN-SPAM asks for one); default none.
    public var address: String?
    /// Links in the email footer's social row.
    public var social: [SocialLink]
    public static let defaultGreeting = "Hi {{ subscriber.first_name | default: \"there\" }},"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, replyTo, listName, listID = "list_id", unsubscribeURL = "unsubscribe_url", unsubscribeMailto
        case emailTemplate, textWidth, greeting, utm, segments, logoWidth, address, social
    }

    public init() {
        emailTemplate = "newsletter/email.html"
        textWidth = 76
        greeting = NewsletterSettings.defaultGreeting
        segments = [:]
        logoWidth = 160
        social = []
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        from = try c.decodeIfPresent(String.self, forKey: .from)
        replyTo = try c.decodeIfPresent(String.self, forKey: .replyTo)
        listName = try c.decodeIfPresent(String.self, forKey: .listName)
        listID = try c.decodeIfPresent(String.self, forKey: .listID)
        unsubscribeURL = try c.decodeIfPresent(String.self, forKey: .unsubscribeURL)
        unsubscribeMailto = try c.decodeIfPresent(String.self, forKey: .unsubscribeMailto)
        emailTemplate = try c.decodeIfPresent(String.self, forKey: .emailTemplate) ?? "newsletter/email.html"
        textWidth = try c.decodeIfPresent(Int.self, forKey: .textWidth) ?? 76
        greeting = try c.decodeIfPresent(String.self, forKey: .greeting) ?? NewsletterSettings.defaultGreeting
        utm = try c.decodeIfPresent(UTMSettings.self, forKey: .utm)
        segments = try c.decodeIfPresent([String: SegmentRule].self, forKey: .segments) ?? [:]
        logoWidth = try c.decodeIfPresent(Int.self, forKey: .logoWidth) ?? 160
        address = try c.decodeIfPresent(String.self, forKey: .address)
        social = try c.decodeIfPresent([SocialLink].self, forKey: .social) ?? []
    }
}

/// `utm:` under the newsletter settings: which links get which `utm_*` parameters.
public struct UTMSettings: Decodable, Sendable, Hashable {
    /// `utm_source` (required).
    public var source: String
    /// `utm_medium`; default `email`.
    public var medium: String
    /// `utm_campaign`; default the issue's slug. An issue may set `utm_campaign` in its front matter.
    public var campaign: String?
    /// `utm_content`; default none.
    public var content: String?
    /// Hosts whose links are tagged (subdomains included); default the site's host.
    public var domains: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case source, medium, campaign, content, domains
    }

    public init(source: String, medium: String = "email", campaign: String? = nil, content: String? = nil, domains: [String]? = nil) {
        self.source = source
        self.medium = medium
        self.campaign = campaign
        self.content = content
        self.domains = domains
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .source)
        medium = try c.decodeIfPresent(String.self, forKey: .medium) ?? "email"
        campaign = try c.decodeIfPresent(String.self, forKey: .campaign)
        content = try c.decodeIfPresent(String.self, forKey: .content)
        domains = try c.decodeIfPresent([String].self, forKey: .domains)
    }

    /// The tagger for one issue.
    func tagger(campaign issueCampaign: String, siteHost: String, excludedPrefixes: [String], excludedMarkers: [String]) -> UTMTagger {
        UTMTagger(parameters: [UTMParameter("utm_source", source), UTMParameter("utm_medium", medium),
                               UTMParameter("utm_campaign", campaign ?? issueCampaign), UTMParameter("utm_content", content ?? "")],
                  domains: domains ?? [siteHost], excludedPrefixes: excludedPrefixes, excludedMarkers: excludedMarkers)
    }
}
