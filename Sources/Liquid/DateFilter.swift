#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `date` filter: Ruby's `Time` parsing (common formats) and `strftime`.
enum DateFilter {
    /// A point in time with its UTC offset in seconds.
    struct Moment {
        var seconds: Int
        var nanos: Int = 0
        var offset: Int
        var zoneName: String
    }

    static func apply(_ input: LiquidValue, _ format: LiquidValue) throws -> LiquidValue {
        let pattern = format.liquidString
        if pattern.isEmpty { return input }
        guard let moment = moment(input) else { return input }
        return .string(strftime(pattern, moment))
    }

    static func local(_ seconds: Int, nanos: Int = 0) -> Moment {
        var t = time_t(seconds)
        var parts = tm()
        localtime_r(&t, &parts)
        let zone = parts.tm_zone.map { String(cString: $0) } ?? "UTC"
        return Moment(seconds: seconds, nanos: nanos, offset: Int(parts.tm_gmtoff), zoneName: zone)
    }

    static func moment(_ input: LiquidValue) -> Moment? {
        switch input {
        case .int(let i): return local(i)
        case .string(let raw), .safe(let raw):
            // "now" as written (the common case) skips case folding and trimming.
            let s = raw == "now" ? raw : raw.lowercased().trimmingRubySpace()
            if s.isEmpty { return nil }
            if s == "now" || s == "today" {
                var ts = timespec()
                clock_gettime(CLOCK_REALTIME, &ts)
                return local(Int(ts.tv_sec), nanos: Int(ts.tv_nsec))
            }
            if s.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let i = Int(s) { return local(i) }
            return parse(raw)
        default:
            return nil
        }
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Parses the date formats people write: ISO 8601, RFC 2822, "March 14, 2016", "14 Mar 2016 10:00".
    static func parse(_ text: String) -> Moment? {
        let u = Array(text.lowercased().utf8)
        var year: Int? = nil, month: Int? = nil, day: Int? = nil
        var hour = 0, minute = 0, second = 0, nanos = 0
        var offset: Int? = nil
        var zoneName = ""
        var numbers: [(value: Int, digits: Int)] = []
        var i = 0
        var pm: Bool? = nil
        func digitsAt(_ j: Int) -> (Int, Int) {
            var k = j
            var v = 0
            // Saturates instead of wrapping, so no field can come out negative or overflow later arithmetic.
            while k < u.count, u[k] >= 48 && u[k] <= 57 { v = v < 100_000_000_000_000 ? v * 10 + Int(u[k] - 48) : v; k += 1 }
            return (v, k - j)
        }
        while i < u.count {
            let c = u[i]
            if c >= 48 && c <= 57 {
                let (v, n) = digitsAt(i)
                var j = i + n
                if j < u.count, u[j] == 45 || u[j] == 47, n == 4 {
                    // YYYY-MM-DD or YYYY/MM/DD
                    let (m, mn) = digitsAt(j + 1)
                    if mn > 0, j + 1 + mn < u.count, u[j + 1 + mn] == u[j] {
                        let (d, dn) = digitsAt(j + 2 + mn)
                        if dn > 0 { year = v; month = m; day = d; i = j + 2 + mn + dn; continue }
                    }
                }
                if j < u.count, u[j] == 58 {
                    // HH:MM[:SS[.fff]]
                    hour = v
                    let (m, mn) = digitsAt(j + 1)
                    minute = m
                    j = j + 1 + mn
                    if j < u.count, u[j] == 58 {
                        let (sec, sn) = digitsAt(j + 1)
                        second = sec
                        j = j + 1 + sn
                        if j < u.count, u[j] == 46 {
                            let (f, fn) = digitsAt(j + 1)
                            var frac = f
                            var digits = fn
                            while digits < 9 { frac *= 10; digits += 1 }
                            while digits > 9 { frac /= 10; digits -= 1 }
                            nanos = frac
                            j = j + 1 + fn
                        }
                    }
                    i = j
                    continue
                }
                numbers.append((v, n))
                i = j
                continue
            }
            if (c == 43 || c == 45), i + 1 < u.count, u[i + 1] >= 48 && u[i + 1] <= 57, hourSeen(numbers, hour, minute) || year != nil {
                let (v, n) = digitsAt(i + 1)
                var h = 0, m = 0
                if n == 4 { h = v / 100; m = v % 100; i += 1 + n } else if n <= 2 {
                    h = v
                    i += 1 + n
                    if i < u.count, u[i] == 58 { let (mm, mn) = digitsAt(i + 1); m = mm; i += 1 + mn }
                } else { return nil }
                offset = (c == 45 ? -1 : 1) * (h * 3600 + m * 60)
                continue
            }
            if c >= 97 && c <= 122 {
                var j = i
                while j < u.count, u[j] >= 97 && u[j] <= 122 { j += 1 }
                let word = String(decoding: u[i..<j], as: UTF8.self)
                if word.count >= 3, let m = months.firstIndex(of: String(word.prefix(3))) { month = m + 1 }
                else if word == "z" || word == "utc" || word == "gmt" || word == "ut" { offset = 0; zoneName = "UTC" }
                else if word == "t" {}
                else if word == "pm" { pm = true }
                else if word == "am" { pm = false }
                i = j
                continue
            }
            i += 1
        }
        if year == nil {
            // Month name with day and year numbers.
            guard month != nil else { return nil }
            for n in numbers {
                if n.digits >= 3 && year == nil { year = n.value } else if day == nil && n.digits <= 2 { day = n.value }
                else if year == nil { year = n.value < 100 ? n.value + (n.value < 69 ? 2000 : 1900) : n.value }
            }
            if day == nil { day = 1 }
            guard year != nil else { return nil }
        }
        if let pm {
            if pm && hour < 12 { hour += 12 }
            if !pm && hour == 12 { hour = 0 }
        }
        // Years outside what `tm` holds (Int32) are not dates we can format: the input renders unchanged.
        guard let y = year, (-999_999...999_999).contains(y), let mo = month, let d = day, (1...12).contains(mo), (1...31).contains(d),
              (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(y - 1900)
        parts.tm_mon = Int32(mo - 1)
        parts.tm_mday = Int32(d)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        if let offset {
            let utc = Int(timegm(&parts)) - offset
            return Moment(seconds: utc, nanos: nanos, offset: offset, zoneName: zoneName.isEmpty && offset == 0 ? "UTC" : zoneName)
        }
        parts.tm_isdst = -1
        let seconds = Int(mktime(&parts))
        var m = local(seconds)
        m.nanos = nanos
        return m
    }

    private static func hourSeen(_ numbers: [(value: Int, digits: Int)], _ hour: Int, _ minute: Int) -> Bool {
        hour != 0 || minute != 0
    }

    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Largest `%<width>X` honoured; wider requests are clamped.
    static let maxWidth = 1024

    /// Ruby's `Time#strftime`, including the `-`, `_`, `0`, `^`, `#` flags and widths.
    static func strftime(_ format: String, _ m: Moment) -> String {
        var t = time_t(m.seconds &+ m.offset)
        var p = tm()
        gmtime_r(&t, &p)
        let u = Array(format.utf8)
        var out = ""
        var i = 0
        while i < u.count {
            let c = u[i]
            guard c == 37, i + 1 < u.count else {
                var j = i + 1
                while j < u.count, u[j] != 37 { j += 1 }
                out += String(decoding: u[i..<j], as: UTF8.self)
                i = j
                continue
            }
            let start = i
            i += 1
            var padding: Character? = nil
            var upper = false
            var swapCase = false
            var colons = 0
            // Flags: - _ 0 ^ #
            while i < u.count, u[i] == 45 || u[i] == 95 || u[i] == 48 || u[i] == 94 || u[i] == 35 {
                switch u[i] {
                case 45: padding = "\u{0}"
                case 95: padding = " "
                case 48: padding = "0"
                case 94: upper = true
                default: swapCase = true
                }
                i += 1
            }
            var width: Int? = nil
            // Capped: the width comes from the template, and a huge one would overflow or exhaust memory.
            while i < u.count, u[i] >= 48 && u[i] <= 57 { width = min((width ?? 0) * 10 + Int(u[i] - 48), maxWidth); i += 1 }
            while i < u.count, u[i] == 58 { colons += 1; i += 1 }
            guard i < u.count else { out += String(decoding: u[start...], as: UTF8.self); break }
            let d = u[i]
            i += 1
            func num(_ v: Int, _ w: Int, _ pad: Character = "0") -> String {
                let s = String(v.magnitude)
                let usePad = padding ?? pad
                let fullWidth = width ?? w
                let sign = v < 0 ? "-" : ""
                if usePad == "\u{0}" { return sign + s }
                // Digits and sign are ASCII: byte counts, not the much slower Character count.
                let n = fullWidth - s.utf8.count - sign.utf8.count
                return n > 0 ? sign + String(repeating: usePad, count: n) + s : sign + s
            }
            func text(_ s: String) -> String {
                var r = s
                if upper { r = r.uppercased() }
                if swapCase { r = r.uppercased() == r ? r.lowercased() : r.uppercased() }
                if let w = width, r.count < w {
                    let pad: Character = padding == "0" ? "0" : " "
                    r = String(repeating: pad, count: w - r.count) + r
                }
                return r
            }
            let hour12 = p.tm_hour % 12 == 0 ? 12 : Int(p.tm_hour % 12)
            switch d {
            case 89: out += num(Int(p.tm_year) + 1900, 1)                        // Y
            case 67: out += num((Int(p.tm_year) + 1900) / 100, 2)                // C
            case 121: out += num((Int(p.tm_year) + 1900) % 100, 2)               // y
            case 109: out += num(Int(p.tm_mon) + 1, 2)                           // m
            case 66: out += text(monthNames[Int(p.tm_mon)])                      // B
            case 98, 104: out += text(String(monthNames[Int(p.tm_mon)].prefix(3)))   // b h
            case 100: out += num(Int(p.tm_mday), 2)                              // d
            case 101: out += num(Int(p.tm_mday), 2, " ")                         // e
            case 106: out += num(Int(p.tm_yday) + 1, 3)                          // j
            case 72: out += num(Int(p.tm_hour), 2)                               // H
            case 107: out += num(Int(p.tm_hour), 2, " ")                         // k
            case 73: out += num(hour12, 2)                                       // I
            case 108: out += num(hour12, 2, " ")                                 // l
            case 80: out += text(p.tm_hour < 12 ? "am" : "pm")                   // P
            case 112:                                                            // p
                let s = p.tm_hour < 12 ? "AM" : "PM"
                out += swapCase ? s.lowercased() : text(s)
            case 77: out += num(Int(p.tm_min), 2)                                // M
            case 83: out += num(Int(p.tm_sec), 2)                                // S
            case 76: out += num(m.nanos / 1_000_000, 3)                          // L
            case 78:                                                             // N
                let digits = width ?? 9
                var s = String(m.nanos)
                s = String(repeating: "0", count: max(0, 9 - s.count)) + s
                if digits <= 9 { out += String(s.prefix(digits)) } else { out += s + String(repeating: "0", count: digits - 9) }
            case 65: out += text(dayNames[Int(p.tm_wday)])                       // A
            case 97: out += text(String(dayNames[Int(p.tm_wday)].prefix(3)))     // a
            case 117: out += num(p.tm_wday == 0 ? 7 : Int(p.tm_wday), 1)         // u
            case 119: out += num(Int(p.tm_wday), 1)                              // w
            case 115: out += num(m.seconds, 1)                                   // s
            case 85: out += num((Int(p.tm_yday) + 7 - Int(p.tm_wday)) / 7, 2)   // U
            case 87: out += num((Int(p.tm_yday) + 7 - (Int(p.tm_wday) + 6) % 7) / 7, 2) // W
            case 71, 86, 103:                                                    // G V g (ISO week)
                let (isoYear, week) = isoWeek(p)
                if d == 86 { out += num(week, 2) } else if d == 71 { out += num(isoYear, 4) } else { out += num(isoYear % 100, 2) }
            case 122:                                                            // z
                let sign = m.offset < 0 ? "-" : "+"
                let a = Swift.abs(m.offset)
                let hh = a / 3600, mm = a / 60 % 60, ss = a % 60
                func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
                switch colons {
                case 1: out += sign + two(hh) + ":" + two(mm)
                case 2: out += sign + two(hh) + ":" + two(mm) + ":" + two(ss)
                default: out += sign + two(hh) + two(mm)
                }
            case 90: out += text(m.zoneName)                                     // Z
            case 70: out += strftime("%Y-%m-%d", m)                              // F
            case 68, 120: out += strftime("%m/%d/%y", m)                         // D x
            case 84, 88: out += strftime("%H:%M:%S", m)                          // T X
            case 82: out += strftime("%H:%M", m)                                 // R
            case 114: out += strftime("%I:%M:%S %p", m)                          // r
            case 99: out += text(strftime("%a %b %e %H:%M:%S %Y", m))           // c
            case 118: out += strftime("%e-%^b-%Y", m)                            // v
            case 43: out += strftime("%a %b %e %H:%M:%S %Z %Y", m)               // +
            case 110: out += "\n"
            case 116: out += "\t"
            case 37: out += "%"
            default: out += String(decoding: u[start..<i], as: UTF8.self)
            }
        }
        return out
    }

    static func isoWeek(_ p: tm) -> (Int, Int) {
        let year = Int(p.tm_year) + 1900
        let yday = Int(p.tm_yday)
        let wday = (Int(p.tm_wday) + 6) % 7 // Monday = 0
        var week = (yday - wday + 10) / 7
        if week < 1 {
            let prev = year - 1
            let prevDays = (prev % 4 == 0 && (prev % 100 != 0 || prev % 400 == 0)) ? 366 : 365
            week = (yday + prevDays - wday + 10) / 7
            return (prev, week)
        }
        let days = (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365
        if week == 53 && (days - yday) <= 3 - wday + 0 && wday < 3 { return (year + 1, 1) }
        return (year, week)
    }
}
