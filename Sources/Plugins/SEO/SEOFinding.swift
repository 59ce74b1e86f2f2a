/// One problem on one page, with the evidence that shows it.
public struct SEOFinding: Sendable, Hashable, Comparable {
    public var rule: SEORule
    public var severity: SEOSeverity
    /// The audited page.
    public var url: String
    /// Source line of the evidence (1-based); nil when the finding is about something absent.
    public var line: Int?
    /// The element (as its start tag) or the value that shows the problem, as plain text.
    public var evidence: String
    /// What is wrong here, in a sentence (lengths, counts, targets).
    public var message: String

    public init(rule: SEORule, url: String, line: Int?, evidence: String, message: String, severity: SEOSeverity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.url = url
        self.line = line
        self.evidence = evidence
        self.message = message
    }

    /// The identity used to compare snapshots: lines move when unrelated markup changes, so they are left out.
    public var comparisonKey: String { rule.rawValue + "\u{1F}" + url + "\u{1F}" + evidence }

    /// Rule id, then URL, then line (absent first), evidence and message: the order of every export.
    public static func < (a: SEOFinding, b: SEOFinding) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.url != b.url { return a.url < b.url }
        if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
        if a.evidence != b.evidence { return a.evidence < b.evidence }
        return a.message < b.message
    }
}
