import Foundation
import Generator
import HeraldData
import Markup

/// One markdown document turned into sanitised HTML plus the metadata the layout needs; no templates yet.
public struct PreparedPage: Sendable {
    public var source: String
    public var location: SourceLocation
    public var frontMatter: PageFrontMatter
    public var slug: PageSlug
    /// Sanitised HTML of the markdown body.
    public var body: String
    public var outline: PageOutline
    public var meta: PageMeta

    /// Newest of `updated` and `date`.
    public var lastModified: Timestamp? { frontMatter.updated ?? frontMatter.date }

    public init(_ document: ContentDocument, tenant: TenantConfig, timeZone: TimeZone, settings: PagesSettings) throws(Diagnostic) {
        source = document.path
        location = document.location
        frontMatter = try PageFrontMatter(document.frontMatter, timeZone: timeZone)
        if let custom = frontMatter.slug {
            slug = PageSlug(sanitizing: custom)
        } else {
            slug = PageSlug(path: document.path)
        }
        let html = Markdown.html(document.body, smartPunctuation: settings.smartPunctuation)
        let clean = HTMLSanitizer.sanitize(Array(html.utf8))
        body = String(decoding: clean, as: UTF8.self)
        outline = PageOutline(html: clean)

        let title = Self.nonBlank(frontMatter.title) ?? outline.firstHeading ?? Self.title(for: slug, tenant: tenant)
        let description = Self.nonBlank(frontMatter.description)
            ?? outline.firstParagraph.map { Self.truncate($0, to: settings.descriptionLength) }
        let base = tenant.baseURL.hasSuffix("/") ? tenant.baseURL : tenant.baseURL + "/"
        let type = slug.isHome || frontMatter.date == nil ? "website" : "article"
        meta = PageMeta(title: title, description: description, canonical: base + slug.sitePath, openGraphType: type)
    }

    static func nonBlank(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.collapsingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `our-team` → `Our team`; the home page is titled after the tenant.
    static func title(for slug: PageSlug, tenant: TenantConfig) -> String {
        guard let last = slug.segments.last else { return tenant.name }
        let words = last.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// At most `limit` characters, cut at a word boundary, with an ellipsis when cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            return cut[..<space].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
        }
        return String(cut) + "…"
    }
}
