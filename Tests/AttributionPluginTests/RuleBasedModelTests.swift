import AttributionPlugin
import HeraldData
import Testing

/// Hand-made journeys: Paid > Email > Direct (1 conversion, 100), Email > Direct (2 conversions, 50),
/// Direct (1 conversion, 10), Paid (3 nulls).
private let handMade = PathJourneys.build([
    path("Paid > Email > Direct", conversions: 1, value: 100),
    path("Email > Direct", conversions: 2, value: 50),
    path("Direct", conversions: 1, value: 10),
    path("Paid", conversions: 0, nulls: 3),
])

struct RuleBasedModelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var model: AttributionModel
        var conversions: [String: Double]
        var testDescription: String { model.rawValue }
    }

    @Test(arguments: [
        Case(model: .firstTouch, conversions: ["Paid": 1, "Email": 2, "Direct": 1]),
        Case(model: .lastTouch, conversions: ["Paid": 0, "Email": 0, "Direct": 4]),
        // Direct-only journeys fall back to Direct.
        Case(model: .lastNonDirect, conversions: ["Paid": 0, "Email": 3, "Direct": 1]),
        Case(model: .linear, conversions: ["Paid": 1.0 / 3, "Email": 1.0 / 3 + 1, "Direct": 1.0 / 3 + 1 + 1]),
        // 40/20/40 with three touches, 50/50 with two, 100 with one.
        Case(model: .positionBased, conversions: ["Paid": 0.4, "Email": 0.2 + 1, "Direct": 0.4 + 1 + 1]),
        // Half-life 1 day, positions as one-day steps: weights 1/4, 1/2, 1 → 1/7, 2/7, 4/7; and 1/2, 1 → 1/3, 2/3.
        Case(model: .timeDecay, conversions: ["Paid": 1.0 / 7, "Email": 2.0 / 7 + 2.0 / 3, "Direct": 4.0 / 7 + 4.0 / 3 + 1]),
    ])
    func creditsHandMadeJourneys(_ c: Case) throws {
        let result = try Attribution.compute(handMade, models: [c.model], directChannel: "Direct", halfLifeDays: 1)
        for (channel, expected) in c.conversions {
            let credit = try #require(result.credit(c.model, channel))
            #expect(relativelyEqual(credit.conversions, expected), "\(channel): \(credit.conversions) ≠ \(expected)")
        }
        #expect(relativelyEqual(result.total(c.model).conversions, 4))
        #expect(relativelyEqual(result.total(c.model).value, 160))
    }

    @Test func linearSplitsValueTooNotJustConversions() throws {
        let result = try Attribution.compute(handMade, models: [.linear], directChannel: "Direct", halfLifeDays: 7)
        #expect(relativelyEqual(result.credit(.linear, "Paid")!.value, 100.0 / 3))
        #expect(relativelyEqual(result.credit(.linear, "Email")!.value, 100.0 / 3 + 25))
        #expect(relativelyEqual(result.credit(.linear, "Direct")!.value, 100.0 / 3 + 25 + 10))
    }

    static let positions: [(Int, [Double])] = [
        (1, [1.0]),
        (2, [0.5, 0.5]),
        (3, [0.4, 0.2, 0.4]),
        (4, [0.4, 0.1, 0.1, 0.4]),
        (6, [0.4, 0.05, 0.05, 0.05, 0.05, 0.4]),
    ]

    @Test(arguments: positions)
    func positionBasedWeights(count: Int, expected: [Double]) {
        let weights = RuleBasedModels.positionBased(count)
        #expect(weights.count == expected.count)
        for (w, e) in zip(weights, expected) { #expect(relativelyEqual(w, e)) }
    }

    static let decays: [([Double], Double, [Double])] = [
        // ages in days, half-life, expected weights
        ([0.0, 7.0], 7.0, [2.0 / 3, 1.0 / 3]),
        ([14.0, 7.0, 0.0], 7.0, [1.0 / 7, 2.0 / 7, 4.0 / 7]),
        ([3.5, 3.5], 7.0, [0.5, 0.5]),
        // Very old journeys and short half-lives must not underflow to 0/0.
        ([3000.0, 2999.0], 0.01, [0, 1]),
    ]

    @Test(arguments: decays)
    func timeDecayWeights(ages: [Double], halfLife: Double, expected: [Double]) {
        let weights = RuleBasedModels.timeDecay(ages: ages, halfLifeDays: halfLife)
        for (w, e) in zip(weights, expected) { #expect(abs(w - e) < 1e-12, "\(weights)") }
        #expect(relativelyEqual(weights.reduce(0, +), 1))
    }

    @Test func timeDecayUsesRealTouchTimesForEventJourneys() throws {
        // Touches 14 days and 7 days before the conversion, half-life 7 days: weights 1/4 : 1/2 → 1/3, 2/3.
        let (journeys, _) = try eventJourneys(
            [touch("t1", user: "u", "2026-03-01T12:00:00Z", "Display"),
             touch("t2", user: "u", "2026-03-08T12:00:00Z", "Email")],
            [conversion("o1", user: "u", "2026-03-15T13:00:00+01:00", value: 90)])
        let result = try Attribution.compute(journeys, models: [.timeDecay], directChannel: "Direct", halfLifeDays: 7)
        #expect(relativelyEqual(result.credit(.timeDecay, "Display")!.conversions, 1.0 / 3))
        #expect(relativelyEqual(result.credit(.timeDecay, "Email")!.value, 60))
    }

    @Test(arguments: ["Direct", "(direct)"])
    func lastNonDirectUsesTheConfiguredDirectChannel(direct: String) throws {
        let set = PathJourneys.build([path("Email > \(direct)", conversions: 1, value: 5)])
        let result = try Attribution.compute(set, models: [.lastNonDirect], directChannel: direct, halfLifeDays: 7)
        #expect(result.credit(.lastNonDirect, "Email")!.conversions == 1)
        #expect(result.credit(.lastNonDirect, direct)!.conversions == 0)
    }
}
