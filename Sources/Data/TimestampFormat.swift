import Foundation

/// Why a text is not an RFC 3339 timestamp. `message` is phrased for the person who wrote the file.
public struct TimestampError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 0-based byte offset inside the text where the problem is.
    public var offset: Int
    public init(_ message: String, offset: Int = 0) {
        self.message = message
        self.offset = offset
    }
    public var description: String { message }
}

/// RFC 3339 parsing and formatting on UTF-8 bytes.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; `t`/space may replace `T` and `z` may replace `Z`.
/// The offset is REQUIRED. Fractions keep millisecond precision; further digits are truncated.
public enum TimestampFormat {
    static let example = "2026-03-29T02:30:00+02:00"

    /// Parses one timestamp; the whole text must be the timestamp.
    public static func parse(_ text: String) -> Result<Timestamp, TimestampError> {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Timestamp, TimestampError> {
        let n = bytes.count
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= n else { return nil }
            var v = 0
            for k in 0..<count {
                let b = bytes[i + k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            i += count
            return v
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < n, bytes[i] == byte else { return false }
            i += 1
            return true
        }
        func fail(_ what: String) -> Result<Timestamp, TimestampError> {
            .failure(TimestampError("expected an RFC 3339 timestamp with a UTC offset such as \(example), \(what)", offset: i))
        }
        if n == 0 { return fail("found an empty value") }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else {
            return fail("the date is not YYYY-MM-DD")
        }
        guard (1...12).contains(month) else { i = 5; return fail("the month \(month) is out of range") }
        guard day >= 1, day <= CivilCalendar.daysInMonth(year, month) else { i = 8; return fail("the day \(day) is out of range") }
        if i == n { return .failure(TimestampError("timestamp has no time and no UTC offset; expected a timestamp such as \(example)", offset: i)) }
        guard bytes[i] == 0x54 || bytes[i] == 0x74 || bytes[i] == 0x20 else { return fail("expected 'T' after the date") }
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), expect(0x3A), let second = digits(2) else {
            return fail("the time is not HH:MM:SS")
        }
        guard hour < 24, minute < 60, second < 60 else { return fail("the time \(pad(Int64(hour))):\(pad(Int64(minute))):\(pad(Int64(second))) is out of range") }
        var millis = 0
        if i < n, bytes[i] == 0x2E {
            i += 1
            var count = 0
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                if count < 3 { millis = millis * 10 + Int(bytes[i] - 0x30) }
                count += 1
                i += 1
            }
            guard count > 0 else { return fail("expected digits after the decimal point") }
            if count == 1 { millis *= 100 } else if count == 2 { millis *= 10 }
        }
        if i == n {
            return .failure(TimestampError("timestamp has no UTC offset; write Z or ±hh:mm, e.g. \(example)", offset: i))
        }
        var offset = 0
        if bytes[i] == 0x5A || bytes[i] == 0x7A {
            i += 1
        } else if bytes[i] == 0x2B || bytes[i] == 0x2D {
            let negative = bytes[i] == 0x2D
            i += 1
            guard let oh = digits(2), expect(0x3A), let om = digits(2) else { return fail("the UTC offset is not ±hh:mm") }
            guard oh < 24, om < 60 else { return fail("the UTC offset is out of range") }
            offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
        } else {
            return fail("found '\(String(decoding: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self))' where the UTC offset should be")
        }
        guard i == n else { return fail("found extra text after the UTC offset") }
        let days = CivilCalendar.daysFromCivil(year, month, day)
        let seconds = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        // 0000-01-01T00:00:00+05:00 is in year -1 in UTC and 9999-12-31T23:00:00-05:00 in year 10000: neither can
        // be written back as YYYY (reports showed "00-1-12-31").
        guard seconds >= Self.firstSecond, seconds < Self.endSecond else {
            i = 0
            return fail("the instant falls outside the years 0000–9999 in UTC")
        }
        return .success(Timestamp(millisecondsSinceEpoch: seconds * 1000 + Int64(millis), offsetSeconds: offset))
    }

    /// 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in seconds since 1970: the instants RFC 3339 can write.
    static let firstSecond = Int64(CivilCalendar.daysFromCivil(0, 1, 1)) * 86400
    static let endSecond = Int64(CivilCalendar.daysFromCivil(10000, 1, 1)) * 86400

    /// Validates a calendar date `YYYY-MM-DD` (used for snapshot folders and front matter dates).
    public static func isDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r { guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }; v = v * 10 + Int(b[k] - 0x30) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m) else { return false }
        return d >= 1 && d <= CivilCalendar.daysInMonth(y, m)
    }

    static func pad(_ v: Int64, _ w: Int = 2) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    /// `YYYY-MM-DD` of the instant shifted by `offsetSeconds`.
    static func dateString(millis: Int64, offsetSeconds: Int) -> String {
        let seconds = floorDiv(millis, 1000) + Int64(offsetSeconds)
        let (y, m, d) = CivilCalendar.civilFromDays(floorDiv(seconds, 86400))
        return "\(pad(y, 4))-\(pad(m))-\(pad(d))"
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// RFC 3339 text in the timestamp's own offset; milliseconds only when non-zero.
    public static func rfc3339(_ t: Timestamp) -> String {
        let local = floorDiv(t.millisecondsSinceEpoch, 1000) + Int64(t.offsetSeconds)
        let days = floorDiv(local, 86400)
        let secOfDay = local - days * 86400
        let (y, m, d) = CivilCalendar.civilFromDays(days)
        var text = "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(secOfDay / 3600)):\(pad(secOfDay / 60 % 60)):\(pad(secOfDay % 60))"
        let ms = t.millisecondsSinceEpoch - floorDiv(t.millisecondsSinceEpoch, 1000) * 1000
        if ms != 0 { text += "." + pad(ms, 3) }
        if t.offsetSeconds == 0 { return text + "Z" }
        let sign = t.offsetSeconds < 0 ? "-" : "+"
        let off = Int64(abs(t.offsetSeconds))
        return text + "\(sign)\(pad(off / 3600)):\(pad(off / 60 % 60))"
    }
}

extension Timestamp {
    /// Parses RFC 3339 text with a required UTC offset; nil when malformed.
    public init?(rfc3339 text: String) {
        guard case let .success(t) = TimestampFormat.parse(text) else { return nil }
        self = t
    }

    /// Parses RFC 3339 text with a required UTC offset, throwing a `TimestampError` that says what is wrong.
    public init(parsing text: String) throws(TimestampError) {
        switch TimestampFormat.parse(text) {
        case let .success(t): self = t
        case let .failure(e): throw e
        }
    }

    /// The calendar day (`YYYY-MM-DD`) of this instant in a time zone: how reports bucket days.
    public func day(in timeZone: TimeZone) -> String {
        TimestampFormat.dateString(millis: millisecondsSinceEpoch, offsetSeconds: timeZone.secondsFromGMT(for: date))
    }

    /// The calendar day in the offset the timestamp was written with.
    public var writtenDay: String { TimestampFormat.dateString(millis: millisecondsSinceEpoch, offsetSeconds: offsetSeconds) }

    /// The same instant shown with another offset (for example the tenant's zone at that instant).
    public func withOffset(_ seconds: Int) -> Timestamp { Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch, offsetSeconds: seconds) }

    /// The same instant with the offset `timeZone` had at that instant.
    public func inTimeZone(_ timeZone: TimeZone) -> Timestamp { withOffset(timeZone.secondsFromGMT(for: date)) }
}
