import HeraldData

/// Rows dropped because their id was already seen (re-sent events, retried webhooks).
public struct DeduplicationReport: Sendable, Hashable {
    /// Rows dropped in total.
    public var duplicates = 0
    /// Dropped rows whose content differs from the first row with the same id: (id, first line, this line).
    public var conflicts: [Conflict] = []

    public init() {}

    public struct Conflict: Sendable, Hashable {
        public var id: String
        public var firstLine: Int
        public var line: Int

        public init(id: String, firstLine: Int, line: Int) {
            self.id = id
            self.firstLine = firstLine
            self.line = line
        }
    }
}

/// Keeps the first row (in file order) of each id. The loader may already have done it; running twice is harmless.
public enum Deduplication {
    public static func touchpoints(_ rows: [Touchpoint]) -> (rows: [Touchpoint], report: DeduplicationReport) {
        unique(rows, id: \.id, line: \.line) { a, b in
            var a = a, b = b
            a.line = 0
            b.line = 0
            return a == b && a.timestamp.offsetSeconds == b.timestamp.offsetSeconds
        }
    }

    public static func conversions(_ rows: [Conversion]) -> (rows: [Conversion], report: DeduplicationReport) {
        unique(rows, id: \.id, line: \.line) { a, b in
            var a = a, b = b
            a.line = 0
            b.line = 0
            return a == b
        }
    }

    private static func unique<T>(_ rows: [T], id: (T) -> String, line: (T) -> Int,
                                  same: (T, T) -> Bool) -> (rows: [T], report: DeduplicationReport) {
        var firstIndex: [String: Int] = [:]
        firstIndex.reserveCapacity(rows.count)
        var kept: [T] = []
        kept.reserveCapacity(rows.count)
        var report = DeduplicationReport()
        for row in rows {
            let key = id(row)
            if let index = firstIndex[key] {
                report.duplicates += 1
                if !same(kept[index], row) {
                    report.conflicts.append(.init(id: key, firstLine: line(kept[index]), line: line(row)))
                }
                continue
            }
            firstIndex[key] = kept.count
            kept.append(row)
        }
        return (kept, report)
    }
}
