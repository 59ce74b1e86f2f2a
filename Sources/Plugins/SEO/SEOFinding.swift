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

    /// `findings` sorted (the same order as `sorted()`, which is stable). Sorting the findings themselves copied
    /// each, with its strings' reference counts, at every step of the merge, and compared URLs as strings (perf: a
    /// tenth of the site-wide audit on the Debian handbook). Here each finding gets a key, its rule's rank and its
    /// URL's rank among the distinct URLs, the keys are sorted with their indices, and only findings with equal keys
    /// compare their lines and texts as `<` does.
    public static func sorted(_ findings: [SEOFinding]) -> [SEOFinding] {
        var urlRanks: [String: Int] = [:]
        for finding in findings { urlRanks[finding.url] = 0 }
        for (rank, url) in urlRanks.keys.sorted().enumerated() { urlRanks[url] = rank }
        // rule rank << 32 | URL rank, then the index: sorting these integers sorts by rule, then URL.
        var keys = findings.indices.map { (key: UInt64(SEORule.idOrder[findings[$0].rule.ordinal]) << 32 | UInt64(urlRanks[findings[$0].url]!), index: $0) }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        // Runs of equal keys (one rule on one page) are ordered by `<` itself, stably.
        var out: [SEOFinding] = []
        out.reserveCapacity(findings.count)
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].key == keys[start].key { end += 1 }
            if end - start == 1 {
                out.append(findings[keys[start].index])
            } else {
                out += keys[start..<end].map { findings[$0.index] }.sorted()
            }
            start = end
        }
        return out
    }

    /// Rule id, then URL, then line (absent first), evidence and message: the order of every export.
    public static func < (a: SEOFinding, b: SEOFinding) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.url != b.url { return a.url < b.url }
        if a.line != b.line { return (a.line ?? 0) < (b.line ?? 0) }
        if a.evidence != b.evidence { return a.evidence < b.evidence }
        return a.message < b.message
    }
}
