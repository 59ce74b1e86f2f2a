import Foundation

/// RFC 5322 `Date:` values in the tenant's zone, e.g. `Thu, 03 Dec 2026 07:00:00 +0100`.
enum MailDate {
    static func format(_ date: Date, calendar: Calendar) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offset = calendar.timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return days[c.weekday! - 1] + ", " + LocalDay.pad(c.day!, 2) + " " + months[c.month! - 1] + " "
            + LocalDay.pad(c.year!, 4) + " " + LocalDay.pad(c.hour!, 2) + ":" + LocalDay.pad(c.minute!, 2) + ":"
            + LocalDay.pad(c.second!, 2) + " " + sign + LocalDay.pad(minutes / 60, 2) + LocalDay.pad(minutes % 60, 2)
    }
}
