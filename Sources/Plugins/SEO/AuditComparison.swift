/// New, persisting and fixed findings against the previous snapshot's audit.
///
/// Findings match by rule, URL and evidence (not by line: lines move when unrelated markup changes).
public struct AuditComparison: Sendable {
    public var previousSnapshot: String
    /// Change per current finding, by `SEOFinding.comparisonKey`.
    public var changes: [String: FindingChange]
    /// Previous findings with no match now, sorted.
    public var fixed: [SEOFinding]

    public init(current: [SEOFinding], previous: [SEOFinding], previousSnapshot: String) {
        self.previousSnapshot = previousSnapshot
        let before = Set(previous.map(\.comparisonKey))
        let now = Set(current.map(\.comparisonKey))
        var changes: [String: FindingChange] = [:]
        for key in now { changes[key] = before.contains(key) ? .persisting : .new }
        self.changes = changes
        var seen = Set<String>()
        fixed = previous.filter { !now.contains($0.comparisonKey) && seen.insert($0.comparisonKey).inserted }.sorted()
    }

    /// Current findings that the previous audit did not have.
    public func newCount(_ current: [SEOFinding]) -> Int {
        current.lazy.filter { changes[$0.comparisonKey] == .new }.count
    }
}
