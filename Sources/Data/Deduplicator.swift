/// Rows are identified by an id column. An exact re-send (same id, same fields) is dropped and counted; the same id
/// with different content is an error, because no rule can tell which row is right.
struct Deduplicator {
    let idColumn: String
    private var seen: [String: (line: Int, fields: [String])] = [:]
    private var dropped = 0
    private var first: (line: Int, original: Int)? = nil

    init(idColumn: String) { self.idColumn = idColumn }

    /// True when the row is new and must be kept.
    mutating func keep(_ id: String, _ row: CSVRow, _ c: inout DiagnosticCollector) -> Bool {
        if let earlier = seen[id] {
            if earlier.fields == row.record.fields {
                dropped += 1
                if first == nil { first = (row.line, earlier.line) }
            } else {
                c.error("\(idColumn) '\(id)' was already used at line \(earlier.line) with different content", at: row.location(idColumn))
            }
            return false
        }
        seen[id] = (row.line, row.record.fields)
        return true
    }

    /// The info diagnostic summarising the dropped exact duplicates, if any.
    func summary(file: String) -> Diagnostic? {
        guard let first, dropped > 0 else { return nil }
        return Diagnostic("removed \(dropped) exact duplicate row\(dropped == 1 ? "" : "s") (same \(idColumn) and content as an earlier row; the first, line \(first.line), repeats line \(first.original))",
                          at: SourceLocation(file: file, line: first.line, column: 1), severity: .info)
    }
}
