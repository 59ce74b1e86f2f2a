/// One group of a robots.txt file: consecutive `User-agent` lines and the rules after them.
public struct RobotsGroup: Sendable, Hashable {
    /// The product tokens named (`*` for the global group), as written.
    public var agents: [String]
    /// Line of the first `User-agent` line.
    public var line: Int
    /// `Allow` and `Disallow` rules in file order.
    public var rules: [RobotsRule]

    public init(agents: [String], line: Int, rules: [RobotsRule] = []) {
        self.agents = agents
        self.line = line
        self.rules = rules
    }

    /// Whether the group names `*`.
    public var isGlobal: Bool { agents.contains("*") }

    /// Whether the group names this product token (ASCII case-insensitive; an empty token matches nothing).
    public func names(_ agent: String) -> Bool {
        let wanted = RobotsGroup.folded(agent)
        return !wanted.isEmpty && agents.contains { $0 != "*" && RobotsGroup.folded($0) == wanted }
    }

    static func folded(_ text: String) -> [UInt8] { folded(text.utf8) }

    /// ASCII upper case to lower case; other bytes unchanged.
    static func folded(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}

/// One `Allow` or `Disallow` line.
public struct RobotsRule: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable { case allow, disallow }

    public var kind: Kind
    /// The path pattern as written (may hold `*`, a final `$` and percent escapes). Never empty: an empty
    /// `Disallow:` is no rule at all.
    public var pattern: [UInt8]
    public var line: Int
    /// The line as written, without its comment (`Disallow: /a`), for messages.
    public var text: String

    public init(_ kind: Kind, pattern: some Sequence<UInt8>, line: Int, text: String? = nil) {
        self.kind = kind
        self.pattern = Array(pattern)
        self.line = line
        self.text = text ?? (kind == .allow ? "Allow: " : "Disallow: ") + String(robotsBytes: self.pattern)
    }

    /// `line 3: Disallow: /a`
    public var description: String { "line \(line): \(text)" }
}
