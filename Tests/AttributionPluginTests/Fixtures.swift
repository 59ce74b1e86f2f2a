import AttributionPlugin
import Foundation
import Generator
import HeraldData

/// Parses RFC 3339 (`2026-03-01T12:00:00.250+05:30`, `…Z`) for test fixtures and the sample readers.
func timestamp(_ text: String) -> Timestamp {
    guard let parsed = parseTimestamp(text) else { fatalError("bad fixture timestamp \(text)") }
    return parsed
}

func parseTimestamp<S: StringProtocol>(_ text: S) -> Timestamp? {
    let b = Array(text.utf8)
    func num(_ from: Int, _ count: Int) -> Int? {
        guard from + count <= b.count else { return nil }
        var v = 0
        for i in from..<(from + count) {
            guard b[i] >= 48 && b[i] <= 57 else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }
    guard b.count >= 20, let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2),
          let mi = num(14, 2), let s = num(17, 2) else { return nil }
    var i = 19
    var ms = 0
    if i < b.count && b[i] == UInt8(ascii: ".") {
        i += 1
        var digits = 0
        while i < b.count && b[i] >= 48 && b[i] <= 57 {
            if digits < 3 { ms = ms * 10 + Int(b[i] - 48) }
            digits += 1
            i += 1
        }
        for _ in digits..<max(digits, 3) { ms *= 10 }
    }
    guard i < b.count else { return nil }
    var offset = 0
    if b[i] == UInt8(ascii: "Z") {
        offset = 0
    } else {
        guard let oh = num(i + 1, 2), let om = num(i + 4, 2) else { return nil }
        offset = (oh * 3600 + om * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
    }
    // days_from_civil (Howard Hinnant)
    let yy = mo <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    let seconds = Int64(days) * 86400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset)
    return Timestamp(millisecondsSinceEpoch: seconds * 1000 + Int64(ms), offsetSeconds: offset)
}

func touch(_ id: String, anonymous: String? = nil, user: String? = nil, _ at: String, _ channel: String, line: Int = 0) -> Touchpoint {
    Touchpoint(id: id, anonymousID: anonymous, userID: user, timestamp: timestamp(at), channel: channel, line: line)
}

func conversion(_ id: String, user: String, _ at: String, value: Double = 100, currency: String = "EUR", line: Int = 0) -> Conversion {
    Conversion(id: id, userID: user, timestamp: timestamp(at), value: value, currency: currency, line: line)
}

func identify(_ anonymous: String, _ user: String, _ at: String) -> Identity {
    Identity(anonymousID: anonymous, userID: user, timestamp: timestamp(at))
}

/// Builds event journeys with EUR values and no rates.
func eventJourneys(_ touches: [Touchpoint], _ conversions: [Conversion], _ identities: [Identity] = [],
                   lookbackDays: Int = 30) throws -> (journeys: JourneySet, stats: EventJourneyStats) {
    try EventJourneys.build(touchpoints: touches, conversions: conversions, identities: identities,
                            lookback: LookbackWindow(days: lookbackDays), convert: { $0.value })
}

func path(_ text: String, conversions: Double, value: Double = 0, nulls: Double = 0) -> AggregatedPath {
    AggregatedPath(channels: text.split(separator: ">").map { String($0) }, conversions: conversions, value: value, nulls: nulls)
}

func relativelyEqual(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Settings from a YAML-like map of scalars.
func settings(_ pairs: [(String, ConfigValue)] = []) -> PluginSettings {
    let location = SourceLocation(file: "herald.yml", line: 1)
    return PluginSettings(ConfigNode(.map(pairs.map { ($0.0, ConfigNode($0.1, at: location)) }), at: location))
}

/// A theme renderer for plugin tests that do not need the real Liquid engine: echoes the template name and the
/// chart, and records nothing else.
let echoRenderer = ThemeRenderer { template, variables in
    var out = "<!-- \(template) -->"
    if case let .safe(chart)? = variables["chart"] { out += chart }
    if case let .string(headline)? = variables["headline"] { out += "<p>\(headline)</p>" }
    return out
}

func pluginInput(_ snapshot: Snapshot, settings pluginSettings: PluginSettings = settings(), currency: String = "EUR",
                 templates: ThemeRenderer = echoRenderer) -> PluginInput {
    let tenant = TenantConfig(id: "acme", name: "Acme", baseURL: "https://acme.example/", edition: "pro",
                              reportingCurrency: currency)
    return PluginInput(tenant: tenant, snapshot: snapshot, settings: pluginSettings,
                       now: Date(timeIntervalSince1970: 1_780_000_000), templates: templates)
}
