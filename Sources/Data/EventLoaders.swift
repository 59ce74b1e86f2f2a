/// touchpoints.csv, conversions.csv and identities.csv: event-level attribution data.
///
/// Rows are returned sorted by instant (then id): file order is arrival order, not time order.
public enum TouchpointsLoader {
    public static let required = ["touchpoint_id", "anonymous_id", "user_id", "timestamp", "channel"]
    public static let optional = ["source", "medium", "campaign", "cost"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[Touchpoint]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let table = CSVReader.read(bytes, file: file, collector: &c)
        let columns = CSVColumns(table, required: required, optional: optional, collector: &c)
        var rows: [Touchpoint] = []
        rows.reserveCapacity(table.records.count)
        var dedup = Deduplicator(idColumn: "touchpoint_id")
        if columns.complete {
            for record in table.records {
                let row = CSVRow(table: table, record: record, columns: columns)
                let id = row.string("touchpoint_id", required: true, &c)
                let anonymous = row.string("anonymous_id", &c)
                let user = row.string("user_id", &c)
                let time = row.timestamp("timestamp", &c)
                let channel = row.string("channel", required: true, &c)
                let cost = row.number("cost", required: false, &c)
                if anonymous == nil, user == nil, id != nil {
                    c.error("expected an anonymous_id or a user_id (or both), found neither", at: row.location("anonymous_id"))
                    continue
                }
                guard let id, let time, let channel else { continue }
                if row.string("cost", &c) != nil, cost == nil { continue }
                guard dedup.keep(id, row, &c) else { continue }
                rows.append(Touchpoint(id: id, anonymousID: anonymous, userID: user, timestamp: time, channel: channel,
                                       source: row.string("source", &c), medium: row.string("medium", &c),
                                       campaign: row.string("campaign", &c), cost: cost, line: record.line))
            }
        }
        if let info = dedup.summary(file: file) { c.add(info) }
        rows.sort { $0.timestamp.millisecondsSinceEpoch != $1.timestamp.millisecondsSinceEpoch
            ? $0.timestamp.millisecondsSinceEpoch < $1.timestamp.millisecondsSinceEpoch : $0.id < $1.id }
        return Loaded(rows, diagnostics: c.finish())
    }
}

public enum ConversionsLoader {
    public static let required = ["conversion_id", "user_id", "timestamp", "value", "currency"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[Conversion]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let table = CSVReader.read(bytes, file: file, collector: &c)
        let columns = CSVColumns(table, required: required, collector: &c)
        var rows: [Conversion] = []
        var dedup = Deduplicator(idColumn: "conversion_id")
        for record in table.records where columns.complete {
            let row = CSVRow(table: table, record: record, columns: columns)
            let id = row.string("conversion_id", required: true, &c)
            let user = row.string("user_id", required: true, &c)
            let time = row.timestamp("timestamp", &c)
            let value = row.number("value", &c)
            let currency = row.string("currency", required: true, &c)
            if let currency, !isCurrencyCode(currency) {
                c.error("column 'currency': expected an ISO 4217 code such as EUR, found '\(currency)'", at: row.location("currency"))
                continue
            }
            guard let id, let user, let time, let value, let currency else { continue }
            guard dedup.keep(id, row, &c) else { continue }
            rows.append(Conversion(id: id, userID: user, timestamp: time, value: value, currency: currency, line: record.line))
        }
        if let info = dedup.summary(file: file) { c.add(info) }
        rows.sort { $0.timestamp.millisecondsSinceEpoch != $1.timestamp.millisecondsSinceEpoch
            ? $0.timestamp.millisecondsSinceEpoch < $1.timestamp.millisecondsSinceEpoch : $0.id < $1.id }
        return Loaded(rows, diagnostics: c.finish())
    }
}

public enum IdentitiesLoader {
    public static let required = ["event_id", "event", "anonymous_id", "user_id", "timestamp"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[Identity]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let table = CSVReader.read(bytes, file: file, collector: &c)
        let columns = CSVColumns(table, required: required, collector: &c)
        var rows: [(id: String, identity: Identity)] = []
        var dedup = Deduplicator(idColumn: "event_id")
        for record in table.records where columns.complete {
            let row = CSVRow(table: table, record: record, columns: columns)
            let id = row.string("event_id", required: true, &c)
            let event = row.string("event", required: true, &c)
            if let event, event != "identify" {
                c.error("column 'event': expected 'identify', found '\(event)'", at: row.location("event"))
                continue
            }
            let anonymous = row.string("anonymous_id", required: true, &c)
            let user = row.string("user_id", required: true, &c)
            let time = row.timestamp("timestamp", &c)
            guard let id, event != nil, let anonymous, let user, let time else { continue }
            guard dedup.keep(id, row, &c) else { continue }
            rows.append((id, Identity(anonymousID: anonymous, userID: user, timestamp: time)))
        }
        if let info = dedup.summary(file: file) { c.add(info) }
        rows.sort { $0.identity.timestamp.millisecondsSinceEpoch != $1.identity.timestamp.millisecondsSinceEpoch
            ? $0.identity.timestamp.millisecondsSinceEpoch < $1.identity.timestamp.millisecondsSinceEpoch : $0.id < $1.id }
        return Loaded(rows.map(\.identity), diagnostics: c.finish())
    }
}

/// Three upper-case ASCII letters.
func isCurrencyCode(_ s: String) -> Bool {
    s.utf8.count == 3 && s.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
}
