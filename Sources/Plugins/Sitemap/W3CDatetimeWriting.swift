import HeraldData

extension W3CDatetime {
    /// Appends `t` as a W3C datetime in its own offset (`2026-03-29T02:30:00+02:00`, `Z` for UTC, milliseconds only
    /// when non-zero): the same text as `Timestamp.description`, written as bytes because a sitemap set formats a
    /// million of them.
    static func append(_ t: Timestamp, to out: inout [UInt8]) {
        func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
        func digits(_ value: Int64, _ width: Int) {
            var divisor: Int64 = 1
            for _ in 1..<width { divisor *= 10 }
            var v = value
            if v >= divisor * 10 {  // years past 9999: all their digits
                out += Array(String(v).utf8)
                return
            }
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: 0x30 + v / divisor))
                v %= divisor
                divisor /= 10
            }
        }
        let seconds = floorDiv(t.millisecondsSinceEpoch, 1000)
        let local = seconds + Int64(t.offsetSeconds)
        let days = floorDiv(local, 86400)
        let secondOfDay = local - days * 86400
        let (year, month, day) = CivilCalendar.civilFromDays(days)
        if year < 0 {
            out += Array(t.description.utf8)  // no sitemap has these; keep the reference formatter's text
            return
        }
        digits(year, 4); out.append(0x2D); digits(month, 2); out.append(0x2D); digits(day, 2); out.append(0x54)
        digits(secondOfDay / 3600, 2); out.append(0x3A); digits(secondOfDay / 60 % 60, 2); out.append(0x3A)
        digits(secondOfDay % 60, 2)
        let milliseconds = t.millisecondsSinceEpoch - seconds * 1000
        if milliseconds != 0 { out.append(0x2E); digits(milliseconds, 3) }
        if t.offsetSeconds == 0 { out.append(0x5A); return }
        out.append(t.offsetSeconds < 0 ? 0x2D : 0x2B)
        let offset = Int64(abs(t.offsetSeconds))
        digits(offset / 3600, 2); out.append(0x3A); digits(offset / 60 % 60, 2)
    }
}
