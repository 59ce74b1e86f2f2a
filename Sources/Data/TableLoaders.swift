/// paths.csv: pre-aggregated journeys in ChannelAttribution's layout,
/// `path;total_conversions;total_conversion_value;total_null`. The separator is `;` (a header written with `,`
/// is accepted too). Channels are separated by `>`; spaces around names are trimmed. Rows keep file order; rows with
/// the same path are NOT merged (each is a weighted observation).
public enum PathsLoader {
    public static let required = ["path", "total_conversions", "total_conversion_value", "total_null"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[AggregatedPath]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let firstLine = bytes.prefix { $0 != 0x0A }
        let separator: UInt8 = firstLine.contains(UInt8(ascii: ";")) || !firstLine.contains(UInt8(ascii: ","))
            ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let table = CSVReader.read(bytes, file: file, separator: separator, collector: &c)
        let columns = CSVColumns(table, required: required, collector: &c)
        var rows: [AggregatedPath] = []
        rows.reserveCapacity(table.records.count)
        for record in table.records where columns.complete {
            let row = CSVRow(table: table, record: record, columns: columns)
            let conversions = row.number("total_conversions", &c)
            let value = row.number("total_conversion_value", &c)
            let nulls = row.number("total_null", &c)
            guard let text = row.string("path", required: true, &c) else { continue }
            var channels: [String] = []
            var ok = true
            for part in text.split(separator: ">", omittingEmptySubsequences: false) {
                let name = CSVReader.trim(String(part))
                if name.isEmpty {
                    c.error("column 'path': expected channel names separated by '>', found an empty name in '\(text)'", at: row.location("path"))
                    ok = false
                    break
                }
                channels.append(name)
            }
            guard ok, let conversions, let value, let nulls else { continue }
            if conversions == 0, nulls == 0 {
                c.add(Diagnostic("row has no conversions and no nulls; it carries no journey", at: row.location("total_conversions"), severity: .warning))
            }
            rows.append(AggregatedPath(channels: channels, conversions: conversions, value: value, nulls: nulls))
        }
        return Loaded(rows, diagnostics: c.finish())
    }
}

/// rates.csv: `currency,rate`, where `rate` is how many units of the tenant's reporting currency one unit of
/// `currency` buys. The reporting currency itself needs no row (if present, its rate must be 1).
public enum RatesLoader {
    public static let required = ["currency", "rate"]

    public static func load(_ bytes: [UInt8], file: String, reportingCurrency: String, cap: Int = 100) -> Loaded<ExchangeRates> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let table = CSVReader.read(bytes, file: file, collector: &c)
        let columns = CSVColumns(table, required: required, collector: &c)
        var rates: [String: Double] = [:]
        var lines: [String: Int] = [:]
        for record in table.records where columns.complete {
            let row = CSVRow(table: table, record: record, columns: columns)
            let currency = row.string("currency", required: true, &c)
            let rate = row.number("rate", &c)
            guard let currency else { continue }
            guard isCurrencyCode(currency) else {
                c.error("column 'currency': expected an ISO 4217 code such as EUR, found '\(currency)'", at: row.location("currency"))
                continue
            }
            guard let rate else { continue }
            if let earlier = lines[currency] {
                c.error("currency \(currency) already has a rate at line \(earlier)", at: row.location("currency"))
                continue
            }
            if rate <= 0 {
                c.error("column 'rate': expected a rate > 0, found '\(row.raw("rate"))'", at: row.location("rate"))
                continue
            }
            if currency == reportingCurrency, rate != 1 {
                c.error("\(currency) is the reporting currency; its rate must be 1, found '\(row.raw("rate"))'", at: row.location("rate"))
                continue
            }
            lines[currency] = record.line
            rates[currency] = rate
        }
        return Loaded(ExchangeRates(reportingCurrency: reportingCurrency, rates: rates, location: SourceLocation(file: file)),
                      diagnostics: c.finish())
    }
}

/// subscribers.csv: `id,email` required; `first_name,last_name,tags,status` optional; any other column becomes an
/// attribute. Tags are separated by `|` or `;`. Status is `subscribed` (the default when empty) or `unsubscribed`.
public enum SubscribersLoader {
    public static let required = ["id", "email"]
    public static let optional = ["first_name", "last_name", "tags", "status"]

    public static func load(_ bytes: [UInt8], file: String, cap: Int = 100) -> Loaded<[Subscriber]> {
        var c = DiagnosticCollector(file: file, cap: cap)
        let table = CSVReader.read(bytes, file: file, collector: &c)
        let columns = CSVColumns(table, required: required, optional: optional, allowExtra: true, collector: &c)
        var rows: [Subscriber] = []
        var ids: [String: Int] = [:]
        var emails: [String: Int] = [:]
        for record in table.records where columns.complete {
            let row = CSVRow(table: table, record: record, columns: columns)
            let id = row.string("id", required: true, &c)
            let email = row.string("email", required: true, &c)
            if let email, !isEmailAddress(email) {
                c.error("column 'email': expected an e-mail address such as name@example.com, found '\(email)'", at: row.location("email"))
                continue
            }
            var subscribed = true
            if let status = row.string("status", &c) {
                switch status.lowercased() {
                case "subscribed": subscribed = true
                case "unsubscribed": subscribed = false
                default:
                    c.error("column 'status': expected 'subscribed' or 'unsubscribed', found '\(status)'", at: row.location("status"))
                    continue
                }
            }
            guard let id, let email else { continue }
            if let earlier = ids[id] {
                c.error("id '\(id)' was already used at line \(earlier)", at: row.location("id"))
                continue
            }
            ids[id] = record.line
            let key = email.lowercased()
            if let earlier = emails[key] {
                c.add(Diagnostic("e-mail address '\(email)' is also used at line \(earlier)", at: row.location("email"), severity: .warning))
            } else {
                emails[key] = record.line
            }
            let tags = (row.string("tags", &c) ?? "")
                .split(whereSeparator: { $0 == "|" || $0 == ";" })
                .map { CSVReader.trim(String($0)) }
                .filter { !$0.isEmpty }
            var attributes: [String: String] = [:]
            for extra in columns.extras { attributes[extra.name] = record.fields[extra.index] }
            rows.append(Subscriber(id: id, email: email, firstName: row.string("first_name", &c), lastName: row.string("last_name", &c),
                                   tags: tags, subscribed: subscribed, attributes: attributes, line: record.line))
        }
        return Loaded(rows, diagnostics: c.finish())
    }
}

/// `local@domain.tld`: one `@`, no spaces or angle brackets, a dot in the domain.
func isEmailAddress(_ s: String) -> Bool {
    let parts = s.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
    // No white space or control characters (they would end up in a To: header), and none of the characters that
    // delimit addresses in a header.
    return !s.unicodeScalars.contains { scalar in
        scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.properties.isWhitespace
            || "<>,\";:()[]\\".unicodeScalars.contains(scalar)
    }
}
