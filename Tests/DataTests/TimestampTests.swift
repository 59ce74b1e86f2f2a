import Foundation
import Testing
@testable import HeraldData

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-03-29T02:30:00+02:00", Int64(1_774_744_200_000), 7_200, "2026-03-29T02:30:00+02:00"),
        ("2026-01-01T00:08:48.909+00:00", 1_767_226_128_909, 0, "2026-01-01T00:08:48.909Z"),
        ("2025-12-31T19:23:18.816-05:00", 1_767_226_998_816, -18_000, "2025-12-31T19:23:18.816-05:00"),
        ("2026-02-01T10:00:00+05:30", 1_769_920_200_000, 19_800, "2026-02-01T10:00:00+05:30"),
        ("1970-01-01T00:00:00Z", 0, 0, "1970-01-01T00:00:00Z"),
        ("2024-02-29T23:59:59.5Z", 1_709_251_199_500, 0, "2024-02-29T23:59:59.500Z"),
        ("1969-12-31T23:59:59.999Z", -1, 0, "1969-12-31T23:59:59.999Z"),
        ("2026-06-01T12:00:00.1234567Z", 1_780_315_200_123, 0, "2026-06-01T12:00:00.123Z"),
        ("2026-06-01t12:00:00z", 1_780_315_200_000, 0, "2026-06-01T12:00:00Z"),
        ("2026-06-01 14:00:00+02:00", 1_780_315_200_000, 7_200, "2026-06-01T14:00:00+02:00"),
        // The first and last instants RFC 3339 can write, in UTC.
        ("0000-01-01T00:00:00Z", -62_167_219_200_000, 0, "0000-01-01T00:00:00Z"),
        ("0000-01-01T00:00:00-01:00", -62_167_215_600_000, -3_600, "0000-01-01T00:00:00-01:00"),
        ("9999-12-31T23:59:59.999Z", 253_402_300_799_999, 0, "9999-12-31T23:59:59.999Z"),
        ("9999-12-31T23:59:59+01:00", 253_402_297_199_000, 3_600, "9999-12-31T23:59:59+01:00"),
    ])
    func parsesAndFormats(text: String, millis: Int64, offset: Int, formatted: String) throws {
        let t = try Timestamp(parsing: text)
        #expect(t.millisecondsSinceEpoch == millis)
        #expect(t.offsetSeconds == offset)
        #expect(t.description == formatted)
        #expect(Timestamp(rfc3339: formatted) == t)
    }

    @Test(arguments: [
        ("2026-01-01T10:00:00", "timestamp has no UTC offset; write Z or ±hh:mm, e.g. 2026-03-29T02:30:00+02:00", 19),
        ("2026-01-01T10:00:00.250", "timestamp has no UTC offset; write Z or ±hh:mm, e.g. 2026-03-29T02:30:00+02:00", 23),
        ("2026-01-01", "timestamp has no time and no UTC offset; expected a timestamp such as 2026-03-29T02:30:00+02:00", 10),
        ("", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, found an empty value", 0),
        ("2026-13-01T00:00:00Z", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the month 13 is out of range", 5),
        ("2026-02-29T00:00:00Z", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the day 29 is out of range", 8),
        ("2026-01-01T24:00:00Z", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the time 24:00:00 is out of range", 19),
        ("2026-01-01T10:00Z", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the time is not HH:MM:SS", 16),
        ("2026-01-01T10:00:00+0200", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the UTC offset is not ±hh:mm", 22),
        ("2026-01-01T10:00:00Z trailing", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, found extra text after the UTC offset", 20),
        ("2026-01-01T10:00:00.Z", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, expected digits after the decimal point", 20),
        ("01/02/2026 10:00", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the date is not YYYY-MM-DD", 0),
        // In year -1 or 10000 in UTC: no YYYY can write them back (reports showed "00-1-12-31").
        ("0000-01-01T00:00:00+00:01", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the instant falls outside the years 0000–9999 in UTC", 0),
        ("9999-12-31T23:59:59-23:59", "expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the instant falls outside the years 0000–9999 in UTC", 0),
    ])
    func rejects(text: String, message: String, offset: Int) {
        #expect(throws: TimestampError(message, offset: offset)) { try Timestamp(parsing: text) }
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func instantsCompareAcrossOffsetsAtMillisecondPrecision() throws {
        // The same instant written with different offsets is equal; 400 ms later is later.
        let order = try Timestamp(parsing: "2026-02-10T12:00:00+01:00")
        let sameInstant = try Timestamp(parsing: "2026-02-10T16:30:00+05:30")
        let later = try Timestamp(parsing: "2026-02-10T11:00:00.400Z")
        #expect(order == sameInstant)
        #expect(order < later)
        #expect("2026-02-10T16:30:00+05:30" > "2026-02-10T12:00:00+01:00") // as text the order is wrong
    }

    @Test(arguments: [
        ("2026-03-28T23:30:00Z", "Europe/Berlin", "2026-03-29"),
        ("2026-03-28T22:30:00Z", "Europe/Berlin", "2026-03-28"),
        ("2026-03-29T03:30:00+05:30", "America/New_York", "2026-03-28"),
        ("2026-01-01T00:00:00Z", "UTC", "2026-01-01"),
    ])
    func daysBucketInTheTenantTimeZone(text: String, zone: String, day: String) throws {
        let t = try Timestamp(parsing: text)
        #expect(t.day(in: try #require(TimeZone(identifier: zone))) == day)
    }

    @Test(arguments: [("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-1-01", false), ("latest", false), ("2026-04-31", false)])
    func validatesDates(text: String, valid: Bool) {
        #expect(TimestampFormat.isDate(text) == valid)
    }
}
