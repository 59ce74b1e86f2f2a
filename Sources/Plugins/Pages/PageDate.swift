import Foundation
import HeraldData

/// Front matter dates: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (space allowed for `T`), with `Z` or `±HH:MM`.
/// A date or time without an offset is read in the tenant's time zone, keeping that zone's offset.
public enum PageDate {
    public static func parse(_ text: String, timeZone: TimeZone) -> Timestamp? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= b.count else { return nil }
            var value = 0
            for k in i..<(i + width) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            i += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < b.count, b[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year, month) else { return nil }
        var hour = 0, minute = 0, second = 0, millis = 0
        var offset: Int? = nil
        if i < b.count {
            guard b[i] == 0x54 || b[i] == 0x74 || b[i] == 0x20 else { return nil }
            i += 1
            guard let h = number(2), expect(0x3A), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(0x3A) {
                guard let s = number(2) else { return nil }
                second = s
                if expect(0x2E) {
                    var digits = 0
                    var fraction = 0
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        if digits < 3 { fraction = fraction * 10 + Int(b[i] - 0x30) }
                        digits += 1
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    var scale = digits
                    while scale < 3 { fraction *= 10; scale += 1 }
                    millis = fraction
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            if i < b.count {
                if b[i] == 0x5A || b[i] == 0x7A {
                    i += 1
                    offset = 0
                } else if b[i] == 0x2B || b[i] == 0x2D {
                    let sign = b[i] == 0x2D ? -1 : 1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(0x3A)
                    guard let om = number(2), oh < 24, om < 60 else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                }
            }
        }
        guard i == b.count else { return nil }
        let days = Int64(CivilCalendar.daysFromCivil(year, month, day))
        let local = days * 86400 + Int64(hour * 3600 + minute * 60 + min(second, 59))
        let zoneOffset: Int
        if let offset {
            zoneOffset = offset
        } else {
            // The zone's offset at that local time (second pass settles DST edges).
            let guess = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local)))
            zoneOffset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - Int64(guess))))
        }
        return Timestamp(millisecondsSinceEpoch: (local - Int64(zoneOffset)) * 1000 + Int64(millis), offsetSeconds: zoneOffset)
    }
}
