import Foundation
import HeraldData

/// A run of whole local days in the tenant's time zone, as a half-open interval of instants.
///
/// The current period is the `days` local days ending with the day that contains `now`: it starts at local
/// midnight `days − 1` days before today and ends at `now` (a review stamped exactly `now` counts; later ones
/// do not). The previous period is the `days` local days before it. Daylight-saving days of 23 or 25 hours
/// count as one day each.
public struct ReportingPeriod: Sendable, Hashable {
    /// Inclusive, milliseconds since the epoch.
    public var start: Int64
    /// Exclusive.
    public var end: Int64
    public var days: Int
    /// `YYYY-MM-DD` of the first and last local day.
    public var firstDay: String
    public var lastDay: String

    public func contains(_ t: Timestamp) -> Bool {
        t.millisecondsSinceEpoch >= start && t.millisecondsSinceEpoch < end
    }

    /// The current period ending at `now` and the one before it.
    public static func periods(endingAt now: Date, days: Int, calendar: Calendar) -> (current: ReportingPeriod, previous: ReportingPeriod) {
        let nowMs = Timestamp(date: now).millisecondsSinceEpoch
        let today = calendar.startOfDay(for: now)
        let start = calendar.date(byAdding: .day, value: -(days - 1), to: today)!
        let previousStart = calendar.date(byAdding: .day, value: -days, to: start)!
        let previousLast = calendar.date(byAdding: .day, value: -1, to: start)!
        let current = ReportingPeriod(start: ms(start), end: nowMs + 1, days: days,
                                      firstDay: LocalDay.string(start, calendar), lastDay: LocalDay.string(today, calendar))
        let previous = ReportingPeriod(start: ms(previousStart), end: ms(start), days: days,
                                       firstDay: LocalDay.string(previousStart, calendar),
                                       lastDay: LocalDay.string(previousLast, calendar))
        return (current, previous)
    }

    static func ms(_ date: Date) -> Int64 { Timestamp(date: date).millisecondsSinceEpoch }
}

/// Local calendar days in a tenant's time zone.
public enum LocalDay {
    /// A Gregorian calendar in the named IANA zone; an unknown zone is an error at `location`.
    public static func calendar(timeZone identifier: String, at location: SourceLocation) throws -> Calendar {
        guard let zone = TimeZone(identifier: identifier) else {
            throw Diagnostic("unknown time zone '\(identifier)' (expected an IANA name such as Europe/Berlin)", at: location)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// `YYYY-MM-DD` of the local day containing `date`.
    public static func string(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return pad(c.year!, 4) + "-" + pad(c.month!, 2) + "-" + pad(c.day!, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.utf8.count)) + text
    }
}
