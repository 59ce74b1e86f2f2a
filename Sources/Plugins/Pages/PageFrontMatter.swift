import Foundation
import Generator
import HeraldData

/// The front matter keys the pages plugin reads. Other keys (authors, tags, …) are left to other tools.
///
/// Known keys are type-checked: a wrong type is an error naming the file, line and key.
public struct PageFrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var slug: String?
    public var draft: Bool = false
    public var date: Timestamp?
    public var updated: Timestamp?
    /// The page's language (`lang: pt_BR` or `pt-BR`); the tenant's locale when absent.
    public var lang: String?
    /// Pages with the same key are translations of one another (the sitemap's hreflang alternates).
    public var translationKey: String?

    public init(title: String? = nil, description: String? = nil, slug: String? = nil, draft: Bool = false,
                date: Timestamp? = nil, updated: Timestamp? = nil) {
        self.title = title
        self.description = description
        self.slug = slug
        self.draft = draft
        self.date = date
        self.updated = updated
    }

    /// Reads the front matter map of a document; dates without an offset are read in `timeZone`.
    public init(_ node: ConfigNode, timeZone: TimeZone) throws(Diagnostic) {
        guard case let .map(pairs) = node.value else {
            if case .null = node.value { return }
            throw Diagnostic("front matter must be a map of keys to values", at: node.location)
        }
        for (key, value) in pairs {
            var location = value.location
            location.keyPath = key
            switch key {
            case "title": title = try Self.text(value, key: key, at: location)
            case "description": description = try Self.text(value, key: key, at: location)
            case "slug":
                slug = try Self.text(value, key: key, at: location)
                if let long = PageSlug(sanitizing: slug ?? "").segments.first(where: { $0.utf8.count > OutputPath.maxSegmentBytes }) {
                    throw Diagnostic("front matter 'slug' has a part of \(long.utf8.count) characters; a folder name may have at most "
                                     + "\(OutputPath.maxSegmentBytes)", at: location)
                }
            case "lang": lang = try Self.text(value, key: key, at: location)
            case "translation_key": translationKey = try Self.text(value, key: key, at: location)
            case "draft":
                switch value.value {
                case let .bool(flag): draft = flag
                case .null: draft = false
                default: throw Diagnostic("front matter 'draft' must be true or false", at: location)
                }
            case "date", "updated", "lastmod":
                guard let text = try Self.text(value, key: key, at: location) else { continue }
                guard let stamp = PageDate.parse(text, timeZone: timeZone) else {
                    throw Diagnostic("front matter '\(key)' is not a date: expected YYYY-MM-DD or an RFC 3339 timestamp "
                                     + "such as 2026-03-29T10:00:00+02:00, found '\(text)'", at: location)
                }
                if key == "date" { date = stamp } else { updated = max(updated ?? stamp, stamp) }
            default: continue
            }
        }
    }

    private static func text(_ node: ConfigNode, key: String, at location: SourceLocation) throws(Diagnostic) -> String? {
        switch node.value {
        case .null: return nil
        case let .string(text): return text
        case let .int(number): return String(number)
        case let .double(number): return String(number)
        default: throw Diagnostic("front matter '\(key)' must be text", at: location)
        }
    }
}
