import AttributionPlugin
import HeraldData
import Testing

struct LookbackTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var touch: String
        var conversion: String
        var counts: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "exactly 30 × 86,400 s before", touch: "2026-02-01T11:00:00Z", conversion: "2026-03-03T12:00:00+01:00", counts: true),
        Case(name: "30 days + 1 s before", touch: "2026-02-01T10:59:59Z", conversion: "2026-03-03T12:00:00+01:00", counts: false),
        Case(name: "30 days + 1 ms before", touch: "2026-02-01T10:59:59.999Z", conversion: "2026-03-03T12:00:00+01:00", counts: false),
        Case(name: "same instant, other offset", touch: "2026-03-03T16:30:00+05:30", conversion: "2026-03-03T12:00:00+01:00", counts: true),
        Case(name: "same instant, New York offset", touch: "2026-03-03T06:00:00-05:00", conversion: "2026-03-03T12:00:00+01:00", counts: true),
        Case(name: "400 ms after (same second)", touch: "2026-03-03T11:00:00.400Z", conversion: "2026-03-03T12:00:00+01:00", counts: false),
        Case(name: "1 ms after", touch: "2026-03-03T11:00:00.001Z", conversion: "2026-03-03T12:00:00+01:00", counts: false),
        Case(name: "1 s after", touch: "2026-03-03T12:00:01+01:00", conversion: "2026-03-03T12:00:00+01:00", counts: false),
        Case(name: "1 ms before", touch: "2026-03-03T10:59:59.999Z", conversion: "2026-03-03T12:00:00+01:00", counts: true),
        // Across the EU switch to summer time, 30 calendar days would reach one hour further back.
        Case(name: "30 × 86,400 s across DST", touch: "2026-03-11T11:00:00+01:00", conversion: "2026-04-10T12:00:00+02:00", counts: true),
        Case(name: "30 calendar days across DST", touch: "2026-03-11T10:30:00+01:00", conversion: "2026-04-10T12:00:00+02:00", counts: false),
    ])
    func boundary(_ c: Case) throws {
        let window = LookbackWindow(days: 30)
        #expect(window.contains(touch: timestamp(c.touch), conversion: timestamp(c.conversion)) == c.counts)
        // The same rule end to end, with a retroactively stitched anonymous touch as in the sample.
        let (journeys, stats) = try eventJourneys([touch("t", anonymous: "dev", c.touch, "Email")],
                                                 [conversion("o", user: "u", c.conversion)],
                                                 [identify("dev", "u", "2026-04-20T00:00:00Z")])
        #expect(stats.unattributed == (c.counts ? 0 : 1))
        #expect(journeys.journeys.contains { $0.conversions == 1 } == c.counts)
    }

    @Test(arguments: [1, 7, 30, 90])
    func windowLengthIsASetting(days: Int) throws {
        let conversionTime = timestamp("2026-06-01T00:00:00Z")
        let inside = Timestamp(millisecondsSinceEpoch: conversionTime.millisecondsSinceEpoch - Int64(days) * 86_400_000, offsetSeconds: 0)
        let outside = Timestamp(millisecondsSinceEpoch: inside.millisecondsSinceEpoch - 1, offsetSeconds: 0)
        let window = LookbackWindow(days: days)
        #expect(window.contains(touch: inside, conversion: conversionTime))
        #expect(!window.contains(touch: outside, conversion: conversionTime))
    }

    @Test func aTouchServesEveryLaterConversionInItsWindowButNoEarlierOne() throws {
        let (journeys, stats) = try eventJourneys(
            [touch("t1", user: "u", "2026-03-01T10:00:00Z", "Paid Search"),
             touch("t2", user: "u", "2026-03-05T10:00:00Z", "Email"),
             touch("t3", user: "u", "2026-03-09T10:00:00Z", "Display")],
            [conversion("o1", user: "u", "2026-03-04T10:00:00Z", value: 10),
             conversion("o2", user: "u", "2026-03-06T10:00:00Z", value: 20)])
        let converting = journeys.journeys.filter { $0.conversions > 0 }.map { $0.touches.map { journeys.channels[$0] } }
        #expect(converting == [["Paid Search"], ["Paid Search", "Email"]])
        // The post-purchase Display touch is a non-converting journey.
        let null = journeys.journeys.filter { $0.nulls > 0 }.map { $0.touches.map { journeys.channels[$0] } }
        #expect(null == [["Display"]])
        #expect(stats.unattributed == 0)
    }

    @Test func sameSecondOrdersStayApart() throws {
        let (journeys, stats) = try eventJourneys(
            [touch("t1", user: "u", "2026-03-01T10:00:00Z", "Email")],
            [conversion("o1", user: "u", "2026-03-02T10:00:00Z", value: 10),
             conversion("o2", user: "u", "2026-03-02T10:00:00Z", value: 25)])
        #expect(stats.conversions == 2)
        #expect(journeys.journeys.filter { $0.conversions > 0 }.map(\.value).sorted() == [10, 25])
    }

    @Test func incompletePathsAreCountedAgainstTheFirstTouchInTheData() throws {
        let (_, stats) = try eventJourneys(
            [touch("t1", user: "a", "2026-01-01T00:00:00Z", "Email")],
            [conversion("o1", user: "a", "2026-01-20T00:00:00Z"),  // window starts 2025-12-21: incomplete
             conversion("o2", user: "b", "2026-01-31T00:00:00Z"),  // exactly 30 days after the first touch: complete
             conversion("o3", user: "b", "2026-01-30T23:59:59Z")]) // incomplete
        #expect(stats.incomplete == 2)
        #expect(stats.firstTouch == timestamp("2026-01-01T00:00:00Z"))
    }
}
