/// `lastmod` values: the W3C Datetime profile of ISO 8601 the sitemaps protocol names — `YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, or a date with `Thh:mm`, `Thh:mm:ss` or `Thh:mm:ss.s…` and a required zone (`Z` or `±hh:mm`).
public enum W3CDatetime {
    /// Why `text` is not a W3C datetime, nil when it is.
    public static func problem(_ text: String) -> String? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for byte in b[from..<(from + count)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4) else { return "does not start with a four-digit year" }
        if b.count == 4 { return nil }
        guard b.count >= 7, b[4] == 0x2D, let month = number(5, 2) else { return "expected YYYY-MM after the year" }
        guard (1...12).contains(month) else { return "month \(month) is not 01–12" }
        if b.count == 7 { return nil }
        guard b.count >= 10, b[7] == 0x2D, let day = number(8, 2) else { return "expected YYYY-MM-DD" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "day \(day) does not exist in \(String(format: year, month))" }
        if b.count == 10 { return nil }
        guard b[10] == 0x54, let hour = number(11, 2), b.count >= 16, b[13] == 0x3A, let minute = number(14, 2) else {
            return "expected 'T' and a time hh:mm after the date"
        }
        guard hour <= 23, minute <= 59 else { return "the time \(hour):\(minute) is out of range" }
        var p = 16
        if p < b.count, b[p] == 0x3A {
            guard let second = number(p + 1, 2), second <= 59 else { return "expected seconds 00–59 after hh:mm:" }
            p += 3
            if p < b.count, b[p] == 0x2E {
                p += 1
                let start = p
                while p < b.count, b[p] >= 0x30 && b[p] <= 0x39 { p += 1 }
                if p == start { return "expected digits after the decimal point" }
            }
        }
        guard p < b.count else { return "a time needs a zone: Z or ±hh:mm" }
        if b[p] == 0x5A, p + 1 == b.count { return nil }
        guard b[p] == 0x2B || b[p] == 0x2D, p + 6 == b.count, let zh = number(p + 1, 2), b[p + 3] == 0x3A, let zm = number(p + 4, 2),
              zh <= 23, zm <= 59 else {
            return "the zone must be Z or ±hh:mm (with a colon)"
        }
        return nil
    }

    private static func String(format year: Int, _ month: Int) -> Swift.String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}
