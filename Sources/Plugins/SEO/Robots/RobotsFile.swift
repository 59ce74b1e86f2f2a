/// A parsed robots.txt file (RFC 9309), read from its UTF-8 bytes.
///
/// Field names are case-insensitive. Consecutive `User-agent` lines form one group with the rules that follow; a
/// `User-agent` line after a rule starts a new group. `Sitemap` and unknown lines neither end nor start a group.
/// Rules before the first `User-agent` line are ignored. Unknown and malformed lines are ignored and reported in
/// `notes`, with their line numbers, as is content beyond the 500 KiB parse limit.
public struct RobotsFile: Sendable, Hashable {
    /// A `Sitemap:` line (not tied to any group).
    public struct Sitemap: Sendable, Hashable {
        public var url: String
        public var line: Int
    }

    /// Groups in file order; groups naming the same agent are merged when matching (see `RobotsMatcher`).
    public var groups: [RobotsGroup]
    public var sitemaps: [Sitemap]
    /// Ignored lines and other information, in line order.
    public var notes: [RobotsNote]

    public init(groups: [RobotsGroup], sitemaps: [Sitemap] = [], notes: [RobotsNote] = []) {
        self.groups = groups
        self.sitemaps = sitemaps
        self.notes = notes
    }

    public init(_ text: String) { self.init(bytes: Array(text.utf8)) }

    public init(bytes: [UInt8]) {
        let (lines, lineNotes) = RobotsLines.split(bytes)
        var groups: [RobotsGroup] = []
        var sitemaps: [Sitemap] = []
        var notes = lineNotes
        var groupHasRules = false

        for line in lines {
            guard let field = RobotsLines.field(line.bytes) else {
                notes.append(RobotsNote(line: line.number, message: "not a `name: value` line; ignored"))
                continue
            }
            if field.content.isEmpty { continue }
            let name = String(robotsBytes: RobotsGroup.folded(field.name))  // ASCII case folding only
            let value = field.value
            let text = String(robotsBytes: field.content)
            switch name {
            case "user-agent":
                if groups.isEmpty || groupHasRules {
                    groups.append(RobotsGroup(agents: [], line: line.number))
                    groupHasRules = false
                }
                let token = Self.productToken(value)
                if token.isEmpty {
                    notes.append(RobotsNote(line: line.number, message: "user-agent '\(String(robotsBytes: value))' has no product token "
                                            + "(letters, '-', '_'); it matches no crawler"))
                } else if !token.elementsEqual(value) {
                    notes.append(RobotsNote(line: line.number, message: "user-agent '\(String(robotsBytes: value))' is read as "
                                            + "the product token '\(String(robotsBytes: token))'"))
                }
                groups[groups.count - 1].agents.append(String(robotsBytes: token))
            case "allow", "disallow":
                guard !groups.isEmpty else {
                    notes.append(RobotsNote(line: line.number, message: "\(name) before any user-agent line; ignored"))
                    continue
                }
                groupHasRules = true
                if value.isEmpty { continue }  // `Disallow:` with no path allows everything: no rule.
                groups[groups.count - 1].rules.append(RobotsRule(name == "allow" ? .allow : .disallow, pattern: value,
                                                                  line: line.number, text: text))
            case "sitemap":
                if value.isEmpty {
                    notes.append(RobotsNote(line: line.number, message: "sitemap without a URL; ignored"))
                } else {
                    sitemaps.append(Sitemap(url: String(robotsBytes: value), line: line.number))
                }
            default:
                let known = Self.otherFields.contains(name)
                notes.append(RobotsNote(line: line.number, message: known
                                        ? "'\(String(robotsBytes: field.name))' is not part of RFC 9309; ignored"
                                        : "unknown field '\(String(robotsBytes: field.name))'; ignored"))
            }
        }
        notes = notes.enumerated().sorted { ($0.element.line ?? Int.max, $0.offset) < ($1.element.line ?? Int.max, $1.offset) }.map(\.element)
        self.init(groups: groups, sitemaps: sitemaps, notes: notes)
    }

    /// Fields some crawlers read but RFC 9309 does not define.
    static let otherFields: Set<String> = ["crawl-delay", "host", "clean-param", "request-rate", "visit-time", "noindex",
                                           "content-signal", "nofollow"]

    /// `*` (alone or followed by a space), else the leading run of `[A-Za-z_-]`: `FooBot/1.0` → `FooBot`,
    /// `Foo Bar` → `Foo`.
    static func productToken(_ value: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if value.first == UInt8(ascii: "*"), value.count == 1 || RobotsLines.isSpace(value[value.startIndex + 1]) {
            return value.prefix(1)
        }
        return value.prefix { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
