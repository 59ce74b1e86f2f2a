import AttributionPlugin
import HeraldData
import Testing

/// A small deterministic generator (no global state, no system randomness).
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Random event data: users with several devices, anonymous touches, identifies before and after, repeat orders,
/// touches after orders, orders without touches.
func randomEvents(seed: UInt64) -> (touches: [Touchpoint], orders: [Conversion], identities: [Identity]) {
    var random = SplitMix64(state: seed)
    let channels = ["Direct", "Email", "Paid Search", "Display", "Referral", "Organic Search"]
    let start: Int64 = 1_767_225_600_000  // 2026-01-01
    let day: Int64 = 86_400_000
    var touches: [Touchpoint] = []
    var orders: [Conversion] = []
    var identities: [Identity] = []
    for user in 0..<60 {
        let devices = 1 + random.below(3)
        for device in 0..<devices {
            let anonymous = "d\(user)-\(device)"
            if random.below(5) > 0 {
                identities.append(Identity(anonymousID: anonymous, userID: "u\(user)",
                                           timestamp: Timestamp(millisecondsSinceEpoch: start + Int64(random.below(90)) * day, offsetSeconds: 3600)))
            }
            for _ in 0..<random.below(8) {
                let at = start + Int64(random.below(90 * 86_400)) * 1000 + Int64(random.below(1000))
                touches.append(Touchpoint(id: "t\(touches.count)", anonymousID: random.below(6) == 0 ? nil : anonymous,
                                          userID: random.below(4) == 0 ? "u\(user)" : nil,
                                          timestamp: Timestamp(millisecondsSinceEpoch: at, offsetSeconds: [0, 3600, -18000, 19800][random.below(4)]),
                                          channel: channels[random.below(channels.count)]))
            }
        }
        for _ in 0..<random.below(3) {
            let at = start + Int64(random.below(90 * 86_400)) * 1000
            orders.append(Conversion(id: "o\(orders.count)", userID: "u\(user)",
                                     timestamp: Timestamp(millisecondsSinceEpoch: at, offsetSeconds: 3600),
                                     value: Double(random.below(20_000)) / 100, currency: "EUR"))
        }
    }
    return (touches, orders, identities)
}

struct ConservationTests {
    @Test(arguments: zip(AttributionModel.allCases, [UInt64(1), 2, 3, 4, 5, 6, 7]))
    func everyModelConservesEventTotals(model: AttributionModel, seed: UInt64) throws {
        for seed in [seed, seed + 100] {
            let data = randomEvents(seed: seed)
            let (journeys, stats) = try eventJourneys(data.touches, data.orders, data.identities)
            let expectedValue = data.orders.reduce(0) { $0 + $1.value }
            let result = try Attribution.compute(journeys, models: [model], directChannel: "Direct", halfLifeDays: 7)
            #expect(relativelyEqual(result.total(model).conversions, Double(data.orders.count), tolerance: 1e-6))
            #expect(relativelyEqual(result.total(model).value, expectedValue, tolerance: 1e-6))
            if stats.unattributed > 0 {
                #expect(result.credit(model, AttributionResult.unattributedChannel)?.conversions == Double(stats.unattributed))
            }
        }
    }

    @Test(arguments: AttributionModel.allCases)
    func everyModelConservesPathTotals(model: AttributionModel) throws {
        var random = SplitMix64(state: 42)
        let names = ["a", "b", "c", "d", "e"]
        var paths: [AggregatedPath] = []
        for _ in 0..<300 {
            let channels = (0...random.below(6)).map { _ in names[random.below(names.count)] }
            let conversions = Double(random.below(4))
            paths.append(AggregatedPath(channels: channels, conversions: conversions,
                                        value: conversions * Double(random.below(10_000)) / 100, nulls: Double(random.below(5))))
        }
        let set = PathJourneys.build(paths)
        let result = try Attribution.compute(set, models: [model], directChannel: "a", halfLifeDays: 7)
        #expect(relativelyEqual(result.total(model).conversions, paths.reduce(0) { $0 + $1.conversions }, tolerance: 1e-6))
        #expect(relativelyEqual(result.total(model).value, paths.reduce(0) { $0 + $1.value }, tolerance: 1e-6))
    }

    @Test func conversionsWithoutTouchesShowAsTheNoneRowInEveryModel() throws {
        let (journeys, stats) = try eventJourneys(
            [touch("t1", user: "a", "2026-03-01T10:00:00Z", "Email")],
            [conversion("o1", user: "a", "2026-03-02T10:00:00Z", value: 10),
             conversion("o2", user: "phone-buyer", "2026-03-02T10:00:00Z", value: 30)])
        #expect(stats.unattributed == 1)
        let result = try Attribution.compute(journeys, models: AttributionModel.allCases, directChannel: "Direct", halfLifeDays: 7)
        #expect(result.channels == ["Email", "(none)"])
        for model in AttributionModel.allCases {
            #expect(result.credit(model, "(none)") == Credit(conversions: 1, value: 30))
            #expect(result.credit(model, "Email") == Credit(conversions: 1, value: 10))
        }
    }
}
