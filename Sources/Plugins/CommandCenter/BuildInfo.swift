import Foundation
import HeraldData
import Liquid

/// When and from what a tenant's output was built, as the command center shows it.
public struct BuildInfo: Sendable, Equatable {
    public var snapshot: String
    public var previous: String?
    /// The build instant with the tenant's offset at that instant.
    public var builtAt: Timestamp
    public var timeZone: String

    public init(snapshot: String, previous: String?, now: Date, timeZone: TimeZone) {
        self.snapshot = snapshot
        self.previous = previous
        self.timeZone = timeZone.identifier
        builtAt = Timestamp(date: now, offsetSeconds: timeZone.secondsFromGMT(for: now))
    }

    /// `2026-12-01 01:00`, in the tenant's time zone.
    public var builtAtDisplay: String {
        let text = builtAt.description
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(5))
    }

    /// `UTC+01:00`.
    public var offsetDisplay: String {
        let seconds = builtAt.offsetSeconds
        if seconds == 0 { return "UTC" }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        let hh = minutes / 60, mm = minutes % 60
        return "UTC\(sign)\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm)"
    }

    var liquidValue: LiquidValue {
        var object = LiquidObject()
        object["snapshot"] = .string(snapshot)
        object["previous"] = previous.map(LiquidValue.string) ?? .null
        object["built_at"] = .string(builtAt.description)
        object["built_at_display"] = .string(builtAtDisplay)
        object["offset"] = .string(offsetDisplay)
        object["time_zone"] = .string(timeZone)
        return .object(object)
    }
}
