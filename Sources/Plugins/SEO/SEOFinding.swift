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
    public static func sorted(_ findings: consuming [SEOFinding]) -> [SEOFinding] {
        var urlRanks: [String: Int] = [:]
        for i in findings.indices { urlRanks[findings[i].url] = 0 }
        for (rank, url) in urlRanks.keys.sorted().enumerated() { urlRanks[url] = rank }
        // rule rank << 32 | URL rank, then the index: sorting these integers sorts by rule, then URL.
        var keys = findings.indices.map { (key: UInt64(SEORule.idOrder[findings[$0].rule.ordinal]) << 32 | UInt64(urlRanks[findings[$0].url]!), index: $0) }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        // The findings are moved into that order in place, following the permutation's cycles with swaps (copying
        // them out would retain each one's strings), then runs of equal keys (one rule on one page) are ordered by
        // `<` itself, stably.
        var out = consume findings
        var placed = [Bool](repeating: false, count: keys.count)
        for start in keys.indices where !placed[start] {
            // Position `i` takes the finding at `keys[i].index`; the one at `start` travels along to close the cycle.
            var i = start
            placed[i] = true
            while keys[i].index != start {
                let next = keys[i].index
                out.swapAt(i, next)
                placed[next] = true
                i = next
            }
        }
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].key == keys[start].key { end += 1 }
            if end - start > 1 { out[start..<end].sort() }
            start = end
        }
        return out
    }

    /// Rule id, then URL, then line (absent first), evidence and message: the order of every export.
    public static func < (a: SEOFinding, b: SEOFinding) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.url != b.url { return a.url < b.url }
        if a.line != b.line { return (a.line ?? -1) < (b.line ?? -1) }  // absent before any line, 0 included: a strict order
        if a.evidence != b.evidence { return a.evidence < b.evidence }
        return a.message < b.message
    }
}
