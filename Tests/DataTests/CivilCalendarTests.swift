import Foundation
import HeraldData
import Testing

@Suite struct CivilCalendarTests {
    @Test("days since 1970-01-01 round-trip through the civil date", arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11016), (2026, 12, 4, 20791), (1600, 3, 1, -135080),
    ])
    func roundTrip(_ year: Int, _ month: Int, _ day: Int, _ days: Int) {
        #expect(CivilCalendar.daysFromCivil(year, month, day) == days)
        let civil = CivilCalendar.civilFromDays(Int64(days))
        #expect([civil.year, civil.month, civil.day] == [Int64(year), Int64(month), Int64(day)])
    }

    @Test("agrees with Foundation's Gregorian calendar for every day of 1896–2104")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in CivilCalendar.daysFromCivil(1896, 1, 1)...CivilCalendar.daysFromCivil(2104, 12, 31) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86400))
            let civil = CivilCalendar.civilFromDays(Int64(days))
            #expect([civil.year, civil.month, civil.day] == [Int64(parts.year!), Int64(parts.month!), Int64(parts.day!)])
        }
    }

    @Test("month lengths follow the leap-year rule", arguments: [
        (2024, 2, 29), (2023, 2, 28), (1900, 2, 28), (2000, 2, 29), (2026, 4, 30), (2026, 12, 31),
    ])
    func monthLengths(_ year: Int, _ month: Int, _ length: Int) {
        #expect(CivilCalendar.daysInMonth(year, month) == length)
    }
}
