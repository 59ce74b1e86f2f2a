import Generator
import HeraldData
import Liquid
import Markup

/// Phase 1, once per issue: Markdown → sanitised HTML → email layout → inlined CSS → plain text, with merges
/// left as sentinels for the per-subscriber pass.
public struct RenderedIssue: Sendable {
    public var issue: NewsletterIssue
    /// The sanitised article HTML (sentinels in place of merges), for the web version.
    public var bodyHTML: String
    /// False when the article starts with its own `<h1>`: layouts then skip the issue title.
    public var showTitle: Bool
    /// The merges of `bodyHTML`.
    public var webMerges: [MergeExpression]
    public var html: MergeTemplate
    public var text: MergeTemplate
    /// The same, pre-encoded quoted-printable for the per-subscriber pass.
    public var encodedHTML: EncodedMergeTemplate
    public var encodedText: EncodedMergeTemplate
    public var merges: [MergeExpression]
    public var unrecognisedMerges: [String]
    /// Size of the inlined HTML before personalisation.
    public var htmlBytes: Int
    public var webURL: String
    var lint: IssueLint
}

public struct IssueRenderer: Sendable {
    public var tenant: TenantConfig
    public var templates: ThemeRenderer
    public var emailTemplate: String
    public var textWidth: Int
    /// A greeting line (may hold merges) shown above issues that do not address the reader themselves.
    public var greeting: String
    /// UTM tagging (nil: links unchanged) and what it must never tag besides the web version.
    public var utm: UTMSettings? = nil
    public var unsubscribeBase: String = ""
    /// Logo, postal address and social links for the layout (colours come from the tenant's brand).
    var branding: EmailBranding? = nil

    /// The merge index reserved for the unsubscribe URL in the layout.
    static let unsubscribeExpression = MergeExpression(path: ["unsubscribe_url"], filters: [], source: "unsubscribe_url")

    public func render(_ issue: NewsletterIssue) throws -> RenderedIssue {
        let raw = Markdown.html(issue.markdown, tagFilter: false)
        let sanitized = HTMLSanitizer(baseURL: issue.baseURL).sanitize(raw)
        var marker = MergeMarker()
        let unsubscribeSentinel = marker.sentinel(for: IssueRenderer.unsubscribeExpression)
        let webURL = tenant.baseURL + "newsletter/\(issue.slug)/"
        var webMarker = MergeMarker()
        let body = webMarker.mark(sanitized)
        let addressesReader = webMarker.expressions.contains { $0.path.first == "subscriber" }
        // Images sized for the email column; the article also in two parts, so that a layout can greet the reader
        // after the article's own title.
        let emailArticle = EmailImages.sized(sanitized)
        let split = IssueRenderer.splitHeading(emailArticle)
        let showTitle = split == nil

        var variables = LiquidObject()
        variables["tenant"] = tenant.liquidValue
        variables["colors"] = .object(BrandColors(tenant.brand).liquid)
        variables["brand"] = .object((branding ?? EmailBranding(tenant: tenant, settings: NewsletterSettings())).liquid)
        variables["subject"] = .string(issue.subject)
        variables["preheader"] = issue.preheader.map(LiquidValue.string) ?? .null
        variables["content"] = .safe(emailArticle)
        variables["content_heading"] = .safe(split?.heading ?? "")
        variables["content_body"] = .safe(split?.body ?? emailArticle)
        variables["unsubscribe_url"] = .string(unsubscribeSentinel)
        variables["web_url"] = .string(webURL)
        variables["medium"] = "email"
        variables["show_title"] = .bool(showTitle)
        variables["greeting"] = greeting.isEmpty || addressesReader ? .null : .string(greeting)
        variables["issue"] = issueObject(issue, webURL: webURL)
        // Merges are marked after the layout, so the layout may hold some too (`{% raw %}{{ subscriber.… }}{% endraw %}`);
        // `<pre>`/`<code>` content is never touched.
        let layout = marker.mark(try templates.render(emailTemplate, variables))
        var inlined = CSSInliner().inline(Array(layout.utf8))
        if let utm {
            let host = NewsletterPlugin.host(of: tenant.baseURL)
            inlined = utm.tagger(campaign: issue.utmCampaign ?? issue.slug, siteHost: host,
                                 excludedPrefixes: [unsubscribeBase, webURL, tenant.baseURL + "unsubscribe"],
                                 excludedMarkers: [unsubscribeSentinel]).tagLinks(inlined)
        }
        let text = PlainTextRenderer(width: textWidth).render(inlined)
        let htmlTemplate = MergeTemplate(inlined), textTemplate = MergeTemplate(Array(text.utf8))
        return RenderedIssue(issue: issue, bodyHTML: body, showTitle: showTitle, webMerges: webMarker.expressions, html: htmlTemplate,
                             text: textTemplate, encodedHTML: htmlTemplate.quotedPrintable(), encodedText: textTemplate.quotedPrintable(),
                             merges: marker.expressions,  unrecognisedMerges: marker.unrecognised, htmlBytes: inlined.count,
                             webURL: webURL, lint: IssueLint(issue: issue, html: inlined, unsubscribeSentinel: unsubscribeSentinel))
    }

    /// The article's own leading `<h1>…</h1>` and the rest, or nil when it does not start with one: the layout
    /// writes the greeting after the title, whoever wrote it.
    static func splitHeading(_ html: String) -> (heading: String, body: String)? {
        let bytes = Array(html.utf8)
        let tokens = HTMLTokenizer.tokenize(bytes)
        guard let open = tokens.firstIndex(where: { $0.kind == .startTag }), tokens[open].name == "h1",
              let close = tokens[open...].firstIndex(where: { $0.kind == .endTag && $0.name == "h1" }) else { return nil }
        var end = tokens[close].range.upperBound
        if end < bytes.count, bytes[end] == 0x0A { end += 1 }
        return (String(decoding: bytes[..<end], as: UTF8.self), String(decoding: bytes[end...], as: UTF8.self))
    }

    func issueObject(_ issue: NewsletterIssue, webURL: String) -> LiquidValue {
        var object = LiquidObject()
        object["slug"] = .string(issue.slug)
        object["title"] = .string(issue.title)
        object["subject"] = .string(issue.subject)
        object["date"] = .string(issue.day)
        object["authors"] = .array(issue.authors.map(LiquidValue.string))
        object["url"] = .string(webURL)
        object["segment"] = issue.segment.map(LiquidValue.string) ?? .null
        return .object(object)
    }
}

/// Brand colours for templates, validated (`#rgb`/`#rrggbb`), so tenant.yml cannot inject CSS.
struct BrandColors {
    var primary: String
    var accent: String

    init(_ brand: Brand) {
        primary = BrandColors.valid(brand.primaryColor) ?? "#1f4e79"
        accent = BrandColors.valid(brand.accentColor) ?? "#f5a623"
    }

    static func valid(_ colour: String) -> String? {
        let b = Array(colour.utf8)
        guard b.first == 0x23, b.count == 4 || b.count == 7 else { return nil }
        for c in b.dropFirst() {
            let lower = c | 0x20
            guard (c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return nil }
        }
        return colour.lowercased()
    }

    var liquid: LiquidObject {
        var o = LiquidObject()
        o["primary"] = .string(primary)
        o["accent"] = .string(accent)
        return o
    }
}
