/// Decides whether a crawler may fetch a URL under a robots.txt file (RFC 9309).
///
/// The groups naming the crawler's product token (case-insensitive) are merged; the `*` groups are used only when no
/// group names it. Among the rules of the chosen groups that match the URL's path and query, the longest pattern (in
/// octets, after normalisation) wins, and `Allow` wins a tie. No matching rule means allowed, and `/robots.txt` is
/// always allowed.
///
/// Two leniencies of Google's parser are kept: an empty URL is the path `/`, and an `Allow` pattern whose last segment
/// starts with `index.htm` also allows its directory (`/a/index.html` allows `/a/`).
public struct RobotsMatcher: Sendable {
    public let file: RobotsFile
    public let normalization: RobotsPattern.Normalization
    private let compiled: [[Compiled]]

    private struct Compiled: Sendable {
        var rule: RobotsRule
        var pattern: [UInt8]
    }

    public init(_ file: RobotsFile, normalization: RobotsPattern.Normalization = .rfc3986) {
        self.file = file
        self.normalization = normalization
        compiled = file.groups.map { group in
            group.rules.flatMap { rule -> [Compiled] in
                let pattern = RobotsPattern.normalized(rule.pattern, normalization)
                var out = [Compiled(rule: rule, pattern: pattern)]
                if rule.kind == .allow, let directory = Self.directoryOfIndexPage(pattern) {
                    out.append(Compiled(rule: rule, pattern: directory))
                }
                return out
            }
        }
    }

    /// The decision for the crawler with product token `agent` (`Googlebot`) and an absolute URL (or a path).
    public func decision(agent: String, url: String) -> RobotsDecision {
        var path = RobotsURL.pathAndQuery(Array(url.utf8))
        let pathOnly = path.prefix { $0 != UInt8(ascii: "?") }
        if pathOnly.elementsEqual("/robots.txt".utf8) { return RobotsDecision(.robotsTxt) }
        if normalization == .rfc3986 { path = RobotsPattern.normalized(path, .rfc3986) }

        var chosen = file.groups.indices.filter { file.groups[$0].names(agent) }
        if chosen.isEmpty { chosen = file.groups.indices.filter { file.groups[$0].isGlobal } }
        if chosen.isEmpty { return RobotsDecision(.noGroup) }

        var best: Compiled?
        for group in chosen {
            for candidate in compiled[group] where RobotsPattern.matches(candidate.pattern, path: path) {
                guard let current = best else { best = candidate; continue }
                if candidate.pattern.count > current.pattern.count
                    || (candidate.pattern.count == current.pattern.count && candidate.rule.kind == .allow && current.rule.kind == .disallow) {
                    best = candidate
                }
            }
        }
        guard let best else { return RobotsDecision(.noMatchingRule) }
        return RobotsDecision(.rule(best.rule))
    }

    /// Convenience: whether `agent` may fetch `url`.
    public func isAllowed(agent: String, url: String) -> Bool { decision(agent: agent, url: url).isAllowed }

    /// `/a/index.html` → `/a/$` (Google: `index.htm` and `index.html` stand for their directory).
    static func directoryOfIndexPage(_ pattern: [UInt8]) -> [UInt8]? {
        guard let slash = pattern.lastIndex(of: UInt8(ascii: "/")),
              pattern[slash...].starts(with: "/index.htm".utf8) else { return nil }
        return Array(pattern[...slash]) + [UInt8(ascii: "$")]
    }
}

/// The answer for one URL, with the reason.
public struct RobotsDecision: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The longest matching rule.
        case rule(RobotsRule)
        /// The chosen groups have no rule matching the URL.
        case noMatchingRule
        /// No group names the agent and there is no `*` group.
        case noGroup
        /// `/robots.txt` itself is always allowed.
        case robotsTxt
    }

    public var reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var isAllowed: Bool {
        if case let .rule(rule) = reason { return rule.kind == .allow }
        return true
    }

    /// The deciding rule, if a rule decided.
    public var rule: RobotsRule? {
        if case let .rule(rule) = reason { return rule }
        return nil
    }

    /// `line 3: Disallow: /a`, `no rule matches`…
    public var description: String {
        switch reason {
        case let .rule(rule): rule.description
        case .noMatchingRule: "no rule matches"
        case .noGroup: "no group for this user agent and no * group"
        case .robotsTxt: "/robots.txt is always allowed"
        }
    }
}
