import HeraldData

/// A named audience, defined under `segments:` in the newsletter settings: a rule over a subscriber's tags and the
/// extra columns of subscribers.csv. Every condition given must hold; a segment with none matches everyone.
///
/// ```yaml
/// segments:
///   berlin-vips: { tags: [vip], not_tags: [churned], attributes: { city: Berlin, plan: [pro, team] } }
/// ```
public struct SegmentRule: Decodable, Sendable, Hashable {
    /// All of these tags.
    public var tags: [String]
    /// At least one of these tags (no condition when empty).
    public var anyTags: [String]
    /// None of these tags.
    public var notTags: [String]
    /// Column → allowed values (one value or a list); compared exactly after trimming spaces.
    public var attributes: [String: [String]]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case tags, anyTags, notTags, attributes
    }

    public init(tags: [String] = [], anyTags: [String] = [], notTags: [String] = [], attributes: [String: [String]] = [:]) {
        self.tags = tags
        self.anyTags = anyTags
        self.notTags = notTags
        self.attributes = attributes
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        anyTags = try c.decodeIfPresent([String].self, forKey: .anyTags) ?? []
        notTags = try c.decodeIfPresent([String].self, forKey: .notTags) ?? []
        attributes = try c.decodeIfPresent([String: OneOrMany].self, forKey: .attributes)?.mapValues(\.values) ?? [:]
    }

    public func matches(_ subscriber: Subscriber) -> Bool {
        let own = Set(subscriber.tags)
        if !tags.allSatisfy(own.contains) { return false }
        if !anyTags.isEmpty, !anyTags.contains(where: own.contains) { return false }
        if notTags.contains(where: own.contains) { return false }
        for (column, allowed) in attributes {
            guard let value = subscriber.attributes[column]?.trimmingASCIISpace(), allowed.contains(value) else { return false }
        }
        return true
    }

    /// A string or a list of strings.
    struct OneOrMany: Decodable {
        var values: [String]
        init(from decoder: Decoder) throws {
            if let list = try? [String](from: decoder) {
                values = list
            } else {
                values = [try decoder.singleValueContainer().decode(String.self)]
            }
        }
    }
}

/// Who an issue goes to: the union of its segments (by name), or of its tags when the tenant defines no segments.
struct Audience {
    var names: [String]
    var rules: [SegmentRule]
    /// Names used as plain tags (no `segments:` defined, the behaviour before segments existed).
    var tags: [String]

    /// Resolves an issue's segment names; an unknown name is an error when the tenant defines segments.
    static func resolve(_ issue: NewsletterIssue, segments: [String: SegmentRule]) throws(Diagnostic) -> Audience {
        if segments.isEmpty { return Audience(names: issue.segments, rules: [], tags: issue.segments) }
        var rules: [SegmentRule] = []
        for name in issue.segments {
            guard let rule = segments[name] else {
                throw Diagnostic("issue '\(issue.slug)' targets segment '\(name)', which is not defined under segments: "
                                 + "(defined: \(segments.keys.sorted().joined(separator: ", ")))", at: issue.location)
            }
            rules.append(rule)
        }
        return Audience(names: issue.segments, rules: rules, tags: [])
    }

    func includes(_ subscriber: Subscriber) -> Bool {
        if names.isEmpty { return true }
        return rules.contains { $0.matches(subscriber) } || tags.contains { subscriber.tags.contains($0) }
    }
}
