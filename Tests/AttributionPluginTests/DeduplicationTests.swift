import AttributionPlugin
import HeraldData
import Testing

struct DeduplicationTests {
    @Test func exactResendsAndRetriedWebhooksCountOnce() throws {
        let touches = [
            touch("t1", user: "u", "2026-03-01T10:00:00Z", "Email", line: 2),
            touch("t2", user: "u", "2026-03-02T10:00:00Z", "Paid Search", line: 3),
            touch("t1", user: "u", "2026-03-01T10:00:00Z", "Email", line: 9),  // re-sent later
        ]
        let orders = [
            conversion("o1", user: "u", "2026-03-03T10:00:00Z", value: 40, line: 2),
            conversion("o1", user: "u", "2026-03-03T10:00:00Z", value: 40, line: 3),  // webhook retry
        ]
        let (journeys, stats) = try eventJourneys(touches, orders)
        #expect(stats.touchDuplicates.duplicates == 1)
        #expect(stats.conversionDuplicates.duplicates == 1)
        #expect(stats.touchDuplicates.conflicts.isEmpty)
        #expect(journeys.totalConversions == 1)
        #expect(journeys.totalValue == 40)
        let result = try Attribution.compute(journeys, models: [.linear], directChannel: "Direct", halfLifeDays: 7)
        #expect(result.credit(.linear, "Email")!.conversions == 0.5)
    }

    @Test(arguments: [1, 2, 5])
    func deduplicatingTwiceChangesNothing(copies: Int) {
        let rows = (0..<copies).flatMap { copy in
            [touch("a", user: "u", "2026-03-01T10:00:00Z", "Email", line: 2 + copy * 2),
             touch("b", user: "u", "2026-03-01T11:00:00Z", "Video", line: 3 + copy * 2)]
        }
        let once = Deduplication.touchpoints(rows)
        let twice = Deduplication.touchpoints(once.rows)
        #expect(once.rows.map(\.id) == ["a", "b"])
        #expect(once.rows.map(\.line) == [2, 3])
        #expect(once.report.duplicates == 2 * (copies - 1))
        #expect(twice.report.duplicates == 0)
    }

    @Test func conflictingDuplicatesAreReportedWithBothLines() {
        let (rows, report) = Deduplication.conversions([
            conversion("o1", user: "u", "2026-03-03T10:00:00Z", value: 40, line: 2),
            conversion("o1", user: "u", "2026-03-03T10:00:00Z", value: 45, line: 7),
        ])
        #expect(rows.map(\.value) == [40])
        #expect(report.conflicts == [.init(id: "o1", firstLine: 2, line: 7)])
    }
}
