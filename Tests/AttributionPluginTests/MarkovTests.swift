import AttributionPlugin
import HeraldData
import Testing

struct MarkovTests {
    /// A > B converts (value 30), A alone does not, B alone converts (value 60).
    /// start→A 2/3, start→B 1/3, A→B 1/2, A→null 1/2, B→conversion 1.
    /// P = 2/3 · 1/2 + 1/3 = 2/3; without A: 1/3 (effect 1/2); without B: 0 (effect 1).
    /// Shares 1/3 and 2/3 of 2 conversions and 90.
    static let tiny = PathJourneys.build([
        path("A > B", conversions: 1, value: 30),
        path("A", conversions: 0, nulls: 1),
        path("B", conversions: 1, value: 60),
    ])

    @Test func solvesATinyChainByHand() throws {
        let chain = MarkovChain(channelCount: Self.tiny.channels.count, journeys: Self.tiny.journeys)
        #expect(relativelyEqual(try chain.conversionProbability(), 2.0 / 3))
        let a = Self.tiny.channels.firstIndex(of: "A")!
        let b = Self.tiny.channels.firstIndex(of: "B")!
        #expect(relativelyEqual(try chain.conversionProbability(removing: a), 1.0 / 3))
        #expect(abs(try chain.conversionProbability(removing: b)) < 1e-15)
        let effects = try chain.removalEffects()
        #expect(relativelyEqual(effects[a], 0.5))
        #expect(relativelyEqual(effects[b], 1))

        let result = try Attribution.compute(Self.tiny, models: [.markov], directChannel: "Direct", halfLifeDays: 7)
        #expect(relativelyEqual(result.credit(.markov, "A")!.conversions, 2.0 / 3))
        #expect(relativelyEqual(result.credit(.markov, "B")!.conversions, 4.0 / 3))
        #expect(relativelyEqual(result.credit(.markov, "A")!.value, 30))
        #expect(relativelyEqual(result.credit(.markov, "B")!.value, 60))
    }

    /// Self-loops change how long a walk stays in a state, not where it is absorbed.
    @Test(arguments: ["A > B", "A > A > B", "A > A > A > B > B"])
    func repeatsDoNotChangeTheAnswer(converting: String) throws {
        let set = PathJourneys.build([
            path(converting, conversions: 1, value: 30),
            path("A", conversions: 0, nulls: 1),
            path("B", conversions: 1, value: 60),
        ])
        let result = try Attribution.compute(set, models: [.markov], directChannel: "Direct", halfLifeDays: 7)
        #expect(relativelyEqual(result.credit(.markov, "A")!.conversions, 2.0 / 3))
    }

    /// A cycle A → B → A needs the linear system (a single pass along paths would miss the loop).
    @Test func solvesACycle() throws {
        // A>B>A converts; B>A null; start→A 1/2, start→B 1/2, A→B 1/2, A→conv 1/2... see below.
        let set = PathJourneys.build([
            path("A > B > A", conversions: 1),
            path("B > A", conversions: 0, nulls: 1),
        ])
        // Counts: start→A 1, start→B 1; A→B 1, A→conv 1, A→null 1; B→A 2.
        // x_A = 1/3 x_B + 1/3, x_B = x_A → x_A = 1/2; P = 1/2 (x_A + x_B) = 1/2.
        let chain = MarkovChain(channelCount: set.channels.count, journeys: set.journeys)
        #expect(relativelyEqual(try chain.conversionProbability(), 0.5))
    }

    @Test func duplicatePathsEqualOneSummedRow() throws {
        let split = PathJourneys.build([
            path("A > B", conversions: 1, value: 10, nulls: 1), path("A > B", conversions: 2, value: 5),
            path("B", conversions: 0, nulls: 2), path("C > A", conversions: 1, value: 1),
        ])
        let summed = PathJourneys.build([
            path("A > B", conversions: 3, value: 15, nulls: 1), path("B", conversions: 0, nulls: 2),
            path("C > A", conversions: 1, value: 1),
        ])
        let a = try Attribution.compute(split, models: AttributionModel.allCases, directChannel: "Direct", halfLifeDays: 7)
        let b = try Attribution.compute(summed, models: AttributionModel.allCases, directChannel: "Direct", halfLifeDays: 7)
        for model in AttributionModel.allCases {
            for channel in ["A", "B", "C"] {
                #expect(relativelyEqual(a.credit(model, channel)!.conversions, b.credit(model, channel)!.conversions))
                #expect(relativelyEqual(a.credit(model, channel)!.value, b.credit(model, channel)!.value))
            }
        }
    }

    static let systems: [([Double], [Double], [Double])] = [
        // 2x + y = 5, x + 3y = 10 → x = 1, y = 3
        ([2.0, 1, 1, 3], [5.0, 10], [1.0, 3]),
        // Needs a row swap: the first pivot is 0.
        ([0.0, 1, 1, 0], [2.0, 7], [7.0, 2]),
        ([4.0, -2, 1, -2, 4, -2, 1, -2, 4], [11.0, -16, 17], [1.0, -2, 3]),
    ]

    @Test(arguments: systems)
    func gaussianElimination(matrix: [Double], vector: [Double], expected: [Double]) throws {
        let n = vector.count
        let x = try LinearSystem.solve(matrix, vector, size: n)
        for (v, e) in zip(x, expected) { #expect(abs(v - e) < 1e-12) }
    }

    @Test func singularSystemIsAnError() {
        #expect(throws: LinearSystem.SingularMatrix.self) {
            try LinearSystem.solve([1, 2, 2, 4], [1, 2], size: 2)
        }
    }
}

extension MarkovTests {
    /// A chain fitted to journeys reproduces their converting share, whatever the paths (flow conservation).
    @Test(arguments: [UInt64(3), 17, 99])
    func fittedChainReproducesTheConvertingShare(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        var paths: [AggregatedPath] = []
        for _ in 0..<200 {
            let channels = (0...random.below(5)).map { _ in ["a", "b", "c", "d"][random.below(4)] }
            paths.append(AggregatedPath(channels: channels, conversions: Double(random.below(3)), value: 0, nulls: Double(random.below(4))))
        }
        let set = PathJourneys.build(paths)
        let conversions = set.journeys.reduce(0) { $0 + $1.conversions }
        let all = set.journeys.reduce(0) { $0 + $1.conversions + $1.nulls }
        let chain = MarkovChain(channelCount: set.channels.count, journeys: set.journeys)
        #expect(relativelyEqual(try chain.conversionProbability(), conversions / all, tolerance: 1e-12))
    }
}

extension MarkovTests {
    /// The O(n³) removal effects equal re-solving the chain with each channel removed.
    @Test(arguments: [UInt64(5), 23, 77, 1234])
    func fastRemovalEffectsEqualResolvingPerChannel(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        let names = (0..<(3 + random.below(12))).map { "c\($0)" }
        var paths: [AggregatedPath] = []
        for _ in 0..<(20 + random.below(200)) {
            let channels = (0...random.below(8)).map { _ in names[random.below(names.count)] }
            paths.append(AggregatedPath(channels: channels, conversions: Double(random.below(3)), value: 0, nulls: Double(random.below(4))))
        }
        let set = PathJourneys.build(paths)
        let chain = MarkovChain(channelCount: set.channels.count, journeys: set.journeys)
        let base = try chain.conversionProbability()
        let fast = try chain.removalEffects()
        for channel in 0..<set.channels.count {
            let slow = base > 0 ? max(0, 1 - (try chain.conversionProbability(removing: channel)) / base) : 0
            #expect(abs(fast[channel] - slow) < 1e-12, "\(set.channels[channel]): \(fast[channel]) vs \(slow)")
        }
    }

    @Test func luSolvesAndSolvesTransposed() throws {
        let a: [Double] = [0, 2, 1, 1, 1, 0, 3, 0, 1]  // needs pivoting
        let lu = try LUDecomposition(a, size: 3)
        let x = lu.solve([5, 3, 6])
        for row in 0..<3 {
            #expect(abs((0..<3).reduce(0) { $0 + a[row * 3 + $1] * x[$1] } - [5.0, 3, 6][row]) < 1e-12)
        }
        let z = lu.solveTransposed([1, 2, 3])
        for column in 0..<3 {
            #expect(abs((0..<3).reduce(0) { $0 + a[$1 * 3 + column] * z[$1] } - [1.0, 2, 3][column]) < 1e-12)
        }
    }
}
