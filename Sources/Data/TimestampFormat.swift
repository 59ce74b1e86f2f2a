/// Placeholder: replaced by the data loaders' RFC 3339 parser/formatter.
enum TimestampFormat {
    static func rfc3339(_ t: Timestamp) -> String {
        let seconds = t.millisecondsSinceEpoch / 1000 + Int64(t.offsetSeconds)
        var days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secOfDay = seconds - days * 86400
        // civil_from_days (Howard Hinnant)
        days += 719468
        let era = (days >= 0 ? days : days - 146096) / 146097
        let doe = days - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        func pad(_ v: Int64, _ w: Int = 2) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        var text = "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(secOfDay / 3600)):\(pad(secOfDay / 60 % 60)):\(pad(secOfDay % 60))"
        let ms = t.millisecondsSinceEpoch % 1000
        if ms != 0 { text += "." + pad((ms + 1000) % 1000, 3) }
        if t.offsetSeconds == 0 { return text + "Z" }
        let sign = t.offsetSeconds < 0 ? "-" : "+"
        let off = Int64(abs(t.offsetSeconds))
        return text + "\(sign)\(pad(off / 3600)):\(pad(off / 60 % 60))"
    }
}
