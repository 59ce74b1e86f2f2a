/// Maps a CSV header onto the columns a format knows: required columns must be present, optional ones may be,
/// and any other column is an error unless the format allows extra columns.
struct CSVColumns {
    private var index: [String: Int] = [:]
    /// Columns the format does not know, in header order (only when extras are allowed).
    private(set) var extras: [(name: String, index: Int)] = []
    /// False when a required column is missing: rows are then not read (every one would be wrong).
    private(set) var complete = true

    init(_ table: CSVTable, required: [String], optional: [String] = [], allowExtra: Bool = false,
         collector: inout DiagnosticCollector) {
        let known = Set(required + optional)
        for (i, name) in table.header.enumerated() {
            let at = table.headerLocation(i)
            if index[name] != nil || extras.contains(where: { $0.name == name }) {
                collector.error("duplicate column '\(name)' in the header", at: at)
                continue
            }
            if known.contains(name) {
                index[name] = i
            } else if allowExtra {
                if name.isEmpty { collector.error("empty column name in the header", at: at); continue }
                extras.append((name, i))
            } else {
                collector.error("unknown column '\(name)'; expected columns: \((required + optional).joined(separator: ", "))", at: at)
            }
        }
        if table.header.isEmpty { complete = false; return }
        for name in required where index[name] == nil {
            complete = false
            collector.error("missing required column '\(name)' in the header", at: SourceLocation(file: table.file, line: 1, column: 1))
        }
    }

    subscript(_ name: String) -> Int? { index[name] }
}

/// Typed access to the fields of one record, reporting malformed values to a collector.
struct CSVRow {
    let table: CSVTable
    let record: CSVRecord
    let columns: CSVColumns

    var line: Int { record.line }

    func location(_ column: String) -> SourceLocation {
        guard let i = columns[column] else { return table.location(record) }
        return table.location(record, field: i)
    }

    /// The raw field; "" when the column is absent.
    func raw(_ column: String) -> String {
        guard let i = columns[column] else { return "" }
        return record.fields[i]
    }

    /// The field with surrounding spaces removed; nil when empty. A required empty field is an error.
    func string(_ column: String, required: Bool = false, _ c: inout DiagnosticCollector) -> String? {
        let value = CSVReader.trim(raw(column))
        if value.isEmpty {
            if required { c.error("expected a value in column '\(column)', found an empty field", at: location(column)) }
            return nil
        }
        return value
    }

    func timestamp(_ column: String, required: Bool = true, _ c: inout DiagnosticCollector) -> Timestamp? {
        guard let text = string(column, required: required, &c) else { return nil }
        switch TimestampFormat.parse(text) {
        case let .success(t): return t
        case let .failure(e):
            c.error("column '\(column)': \(e.message), found '\(text)'", at: location(column))
            return nil
        }
    }

    /// The largest magnitude a number may have: sums of millions of such values, converted at any rate up to it,
    /// stay far below Double's range (and cents stay exact up to about 9e13).
    static let largestNumber = 1e15

    /// A plain decimal number (`12`, `0.244`, `-3.5`, `1e3`); no `nan`, `inf` or hex.
    func number(_ column: String, required: Bool = true, nonNegative: Bool = true, _ c: inout DiagnosticCollector) -> Double? {
        guard let text = string(column, required: required, &c) else { return nil }
        guard let v = parseDecimal(text) else {
            c.error("column '\(column)': expected a number such as 12.50, found '\(text)'", at: location(column))
            return nil
        }
        guard abs(v) <= CSVRow.largestNumber else {
            // `1e400` is well-formed but no Double holds it, and two rows of 1e308 add up to inf: no order value,
            // cost, count or rate comes near 1e15, so a larger number is a data error (a misplaced exponent).
            c.error("column '\(column)': the number is too large (at most 1e15; totals of larger numbers overflow), found '\(text)'",
                    at: location(column))
            return nil
        }
        if nonNegative, v < 0 {
            c.error("column '\(column)': expected a number ≥ 0, found '\(text)'", at: location(column))
            return nil
        }
        return v
    }
}

/// Parses `[-+]?digits[.digits][(e|E)[-+]?digits]` (also `.5` and `5.`); nil for anything else.
func parseDecimal(_ text: String) -> Double? {
    var sawDigit = false
    var ok = true
    var state = 0 // 0 sign/int, 1 fraction, 2 exponent sign, 3 exponent digits
    var expDigits = false
    for (k, b) in text.utf8.enumerated() {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if state >= 2 { state = 3; expDigits = true } else { sawDigit = true }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            if !(k == 0 || state == 2) { ok = false }
            if state == 2 { state = 3 }
        case UInt8(ascii: "."):
            if state != 0 { ok = false }
            state = 1
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            if state >= 2 || !sawDigit { ok = false }
            state = 2
        default:
            ok = false
        }
        if !ok { return nil }
    }
    guard sawDigit, state < 2 || expDigits else { return nil }
    return Double(text)
}
