import Foundation
import HeraldData
import Testing
@testable import ReputationPlugin

/// Period edges in Europe/Berlin across the switch to summer time (2026-03-29).
@Suite struct ReportingPeriodTests {
    // now: Tuesday 2026-03-31 10:00 local (+02:00). 3 days → 29, 30, 31 March; previous → 26, 27, 28 March.
    static let now = ts("2026-03-31T10:00:00+02:00").date

    enum Bucket: String { case current, previous, neither }

    @Test(arguments: [
        ("2026-03-29T00:00:00+01:00", Bucket.current),   // first local midnight of the period (23:00Z on the 28th)
        ("2026-03-28T23:59:59.999+01:00", .previous),    // one millisecond earlier
        ("2026-03-28T22:30:00Z", .previous),             // 23:30 local on the 28th: UTC date is earlier, same bucket
        ("2026-03-29T03:30:00+02:00", .current),         // after the DST jump
        ("2026-03-31T10:00:00+02:00", .current),         // exactly now
        ("2026-03-31T08:00:00.001Z", .neither),          // 1 ms after now: future
        ("2026-03-26T00:00:00+01:00", .previous),        // first instant of the previous period
        ("2026-03-25T23:59:59+01:00", .neither),         // before the previous period
        ("2026-03-25T23:30:00Z", .previous),             // 00:30 local on the 26th
    ])
    func bucketing(_ created: String, _ expected: Bucket) throws {
        let (current, previous) = ReportingPeriod.periods(endingAt: Self.now, days: 3, calendar: try berlin())
        let t = ts(created)
        let bucket: Bucket = current.contains(t) ? .current : previous.contains(t) ? .previous : .neither
        #expect(bucket == expected, "\(created)")
    }

    @Test func periodDays() throws {
        let (current, previous) = ReportingPeriod.periods(endingAt: Self.now, days: 3, calendar: try berlin())
        #expect(current.firstDay == "2026-03-29")
        #expect(current.lastDay == "2026-03-31")
        #expect(previous.firstDay == "2026-03-26")
        #expect(previous.lastDay == "2026-03-28")
        // The previous period's three days include no DST change: exactly 72 hours.
        #expect(previous.end - previous.start == 72 * 3_600_000)
        #expect(previous.end == current.start)
    }

    @Test func unknownZoneIsAnError() {
        #expect(throws: Diagnostic.self) {
            try LocalDay.calendar(timeZone: "Mars/Olympus_Mons", at: SourceLocation(file: "tenant.yml"))
        }
    }
}
