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
    public static let defaultGreeting = "Hi {{ subscriber.first_name | default: \"there\" }},"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, replyTo, listName, listID = "list_id", unsubscribeURL = "unsubscribe_url", unsubscribeMailto
        case emailTemplate, textWidth, greeting
    }

    public init() {
        emailTemplate = "newsletter/email.html"
        textWidth = 76
        greeting = NewsletterSettings.defaultGreeting
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
    }
}
