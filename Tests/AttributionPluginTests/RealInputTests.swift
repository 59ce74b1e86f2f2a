import AttributionPlugin
import Foundation
import Generator
import HeraldData
import Testing

/// Real inputs from ../shared (skipped with a message when absent).
struct RealInputTests {
    static let pathsFile = "corpus/attribution/channelattribution_paths.csv"
    static let sample = "corpus/attribution/touchpoints_sample"
    /// Rates for the sample, given here (the sample has none): EUR per unit.
    static let rates = ExchangeRates(reportingCurrency: "EUR", rates: ["GBP": 1.17, "USD": 0.86, "EUR": 1],
                                     location: SourceLocation(file: "rates (test)"))

    @Test(arguments: AttributionModel.allCases)
    func channelAttributionPathsConserveTotals(model: AttributionModel) throws {
        guard let bytes = readShared(Self.pathsFile) else {
            print("skipped: ../shared/\(Self.pathsFile) is absent")
            return
        }
        let paths = readPaths(bytes)
        #expect(paths.count == 10_000)
        let set = PathJourneys.build(paths)
        #expect(set.channels.count == 12)
        let result = try Attribution.compute(set, models: [model], directChannel: "Direct", halfLifeDays: 7)
        #expect(result.channels.count == 12)
        #expect(!result.channels.contains(AttributionResult.unattributedChannel))
        let total = result.total(model)
        #expect(relativelyEqual(total.conversions, 19_785, tolerance: 1e-6), "\(total.conversions)")
        #expect(relativelyEqual(total.value, 74_802.9716, tolerance: 1e-6), "\(total.value)")
        #expect(result.credits[model]!.allSatisfy { $0.conversions >= 0 && $0.value >= 0 })
    }

    @Test func channelAttributionPathsThroughThePlugin() throws {
        guard let bytes = readShared(Self.pathsFile) else {
            print("skipped: ../shared/\(Self.pathsFile) is absent")
            return
        }
        var snapshot = Snapshot(date: "2026-05-01", folder: "paths")
        snapshot.paths = readPaths(bytes)
        let clock = ContinuousClock()
        let start = clock.now
        let output = try AttributionPlugin().run(pluginInput(snapshot))
        print("channelattribution_paths.csv: all models + report in \(clock.now - start) (this build's configuration)")
        #expect(output.summary?.headline == "19,785 conversions · €74,802.97")
        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        #expect(csv.split(separator: "\n").count == 1 + 12 * 7)
        let set = PathJourneys.build(snapshot.paths!)
        let result = try Attribution.compute(set, models: [.markov], directChannel: "Direct", halfLifeDays: 7)
        let effects = result.removalEffects!
        // A chain fitted to the paths reproduces their converting share: 19,785 / (19,785 + 68,602).
        let chain = MarkovChain(channelCount: set.channels.count, journeys: set.journeys)
        #expect(relativelyEqual(try chain.conversionProbability(), 19_785.0 / (19_785 + 68_602), tolerance: 1e-9))
        // Removal effects cross-checked with an independent value-iteration solver.
        let expected = ["alpha": 0.5584, "beta": 0.2640, "delta": 0.0005, "epsilon": 0.0626, "eta": 0.3490, "gamma": 0.0179,
                        "iota": 0.4058, "kappa": 0.0287, "lambda": 0.1340, "mi": 0.0002, "theta": 0.2060, "zeta": 0.0398]
        for (channel, effect) in zip(result.channels, effects) {
            #expect(abs(effect - expected[channel]!) < 0.00005, "\(channel)")
        }
        print("Markov removal effects:", zip(result.channels, effects).map { "\($0)=\(NumberFormat.fixed($1, decimals: 4))" }.joined(separator: " "))
        // The two tiny channels (delta: 13 touches, mi: 2) must come out finite and small.
        for tiny in ["delta", "mi"] {
            let credit = try #require(result.credit(.markov, tiny))
            #expect(credit.conversions.isFinite && credit.conversions >= 0 && credit.conversions < 100)
        }
    }

    @Test func touchpointSampleReconciles() throws {
        guard let touchBytes = readShared(Self.sample + "/touchpoints.csv"),
              let orderBytes = readShared(Self.sample + "/conversions.csv"),
              let identityBytes = readShared(Self.sample + "/identities.csv") else {
            print("skipped: ../shared/\(Self.sample) is absent")
            return
        }
        let touches = readTouchpoints(touchBytes)
        let orders = readConversions(orderBytes)
        let identities = readIdentities(identityBytes)
        #expect(touches.count == 59_631)
        #expect(orders.count == 3_034)
        #expect(identities.count == 8_737)

        let converter = try CurrencyConverter(rates: Self.rates, reportingCurrency: "EUR")
        let (journeys, stats) = try EventJourneys.build(
            touchpoints: touches, conversions: orders, identities: identities, lookback: LookbackWindow(days: 30),
            convert: { try converter.convert($0.value, from: $0.currency, at: SourceLocation(file: "conversions.csv", line: $0.line)) })
        #expect(stats.touchDuplicates.duplicates == 150)
        #expect(stats.conversionDuplicates.duplicates == 10)
        #expect(stats.touchDuplicates.conflicts.isEmpty && stats.conversionDuplicates.conflicts.isEmpty)
        #expect(stats.conversions == 3_024)
        #expect(stats.touches == 59_481)
        #expect(stats.sharedDevices == 18)
        #expect(stats.withoutIdentity == 0)
        // 64 orders of buyers with no touch at all, plus a few with none in their window.
        #expect(stats.unattributed >= 64)
        #expect(stats.unattributed < 300)
        print("touchpoints_sample: \(stats)")

        // The expected total, straight from the deduplicated rows.
        var seen = Set<String>()
        var expectedValue = 0.0
        for order in orders where seen.insert(order.id).inserted {
            expectedValue += order.currency == "EUR" ? order.value : order.value * Self.rates.rates[order.currency]!
        }
        let result = try Attribution.compute(journeys, models: AttributionModel.allCases, directChannel: "Direct", halfLifeDays: 7)
        #expect(result.channels.last == AttributionResult.unattributedChannel)
        #expect(result.channels.count == 11)
        for model in AttributionModel.allCases {
            let total = result.total(model)
            #expect(relativelyEqual(total.conversions, 3_024, tolerance: 1e-6), "\(model): \(total.conversions)")
            #expect(relativelyEqual(total.value, expectedValue, tolerance: 1e-6), "\(model): \(total.value)")
            #expect(result.credit(model, "(none)")?.conversions == Double(stats.unattributed))
        }
        // Stitching matters: joining on user_id alone would leave most orders without touches.
        let (unstitched, unstitchedStats) = try EventJourneys.build(
            touchpoints: touches, conversions: orders, identities: [], lookback: LookbackWindow(days: 30), convert: { _ in 0 })
        #expect(unstitchedStats.unattributed > 3 * stats.unattributed)
        #expect(unstitched.journeys.count > 0)
    }

    @Test func touchpointSampleThroughThePlugin() throws {
        guard let touchBytes = readShared(Self.sample + "/touchpoints.csv"),
              let orderBytes = readShared(Self.sample + "/conversions.csv"),
              let identityBytes = readShared(Self.sample + "/identities.csv") else {
            print("skipped: ../shared/\(Self.sample) is absent")
            return
        }
        var snapshot = Snapshot(date: "2026-05-01", folder: "touchpoints_sample")
        snapshot.touchpoints = readTouchpoints(touchBytes)
        snapshot.conversions = readConversions(orderBytes)
        snapshot.identities = readIdentities(identityBytes)
        snapshot.rates = Self.rates
        let output = try AttributionPlugin().run(pluginInput(snapshot))
        #expect(output.summary?.headline.hasPrefix("3,024 conversions · €") == true)
        print("touchpoints_sample summary: \(output.summary!.headline) — \(output.summary!.detail)")
        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        #expect(csv.contains("\n(none),markov,"))
        #expect(output.notices.isEmpty)

        // Without a GBP rate, the plugin fails naming the first GBP row.
        snapshot.rates = ExchangeRates(reportingCurrency: "EUR", rates: ["USD": 0.86], location: SourceLocation(file: "rates.csv"))
        let error = #expect(throws: Diagnostic.self) { try AttributionPlugin().run(pluginInput(snapshot)) }
        let firstGBP = snapshot.conversions!.first { $0.currency == "GBP" }!
        #expect(error?.location == SourceLocation(file: "touchpoints_sample/conversions.csv", line: firstGBP.line))
        #expect(error?.message.contains("GBP") == true)
    }
}

/// The same real inputs through HeraldData's loaders (which already drop exact duplicates and sort by instant):
/// the report must not change by a byte.
struct RealInputLoaderTests {
    @Test func loadersAndRawRowsGiveTheSameReport() throws {
        let folder = RealInputTests.sample
        guard let touchBytes = readShared(folder + "/touchpoints.csv"), let orderBytes = readShared(folder + "/conversions.csv"),
              let identityBytes = readShared(folder + "/identities.csv"), let pathBytes = readShared(RealInputTests.pathsFile) else {
            print("skipped: ../shared/corpus/attribution is absent")
            return
        }
        var raw = Snapshot(date: "2026-05-01", folder: "sample")
        raw.touchpoints = readTouchpoints(touchBytes)
        raw.conversions = readConversions(orderBytes)
        raw.identities = readIdentities(identityBytes)
        raw.rates = RealInputTests.rates
        var loaded = raw
        loaded.touchpoints = try TouchpointsLoader.load(touchBytes, file: "touchpoints.csv").get()
        loaded.conversions = try ConversionsLoader.load(orderBytes, file: "conversions.csv").get()
        loaded.identities = try IdentitiesLoader.load(identityBytes, file: "identities.csv").get()
        #expect(loaded.touchpoints!.count == 59_481)
        let a = try AttributionPlugin().run(pluginInput(raw))
        let b = try AttributionPlugin().run(pluginInput(loaded))
        let csv = { (o: PluginOutput) in o.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes }
        #expect(csv(a) == csv(b))
        #expect(a.summary == b.summary)

        var paths = Snapshot(date: "2026-05-01", folder: "paths")
        paths.paths = try PathsLoader.load(pathBytes, file: "paths.csv").get()
        var rawPaths = paths
        rawPaths.paths = readPaths(pathBytes)
        #expect(csv(try AttributionPlugin().run(pluginInput(paths))) == csv(try AttributionPlugin().run(pluginInput(rawPaths))))
    }
}

/// The sample plants lookback edge cases against each buyer's first order (README trap 9), most on anonymous touches
/// that need stitching (a few were written while logged in): found by their exact distance to the first order of the
/// user they stitch to, each must be there in the planted number and land on the right side of the window.
struct PlantedLookbackTests {
    @Test func plantedEdgeTouchesLandOnTheRightSide() throws {
        let folder = RealInputTests.sample
        guard let touchBytes = readShared(folder + "/touchpoints.csv"), let orderBytes = readShared(folder + "/conversions.csv"),
              let identityBytes = readShared(folder + "/identities.csv") else {
            print("skipped: ../shared/\(folder) is absent")
            return
        }
        let touches = Deduplication.touchpoints(readTouchpoints(touchBytes)).rows
        let orders = Deduplication.conversions(readConversions(orderBytes)).rows
        let stitcher = IdentityStitcher(readIdentities(identityBytes))
        var firstOrder: [String: Int64] = [:]
        for order in orders {
            let at = order.timestamp.millisecondsSinceEpoch
            firstOrder[order.userID] = min(firstOrder[order.userID] ?? .max, at)
        }
        let window = LookbackWindow(days: 30)
        let day: Int64 = 86_400_000
        // distance before the order (ms) → (planted count, counts in the window)
        let planted: [Int64: (count: Int, counts: Bool)] = [30 * day: (14, true), 30 * day + 1000: (14, false), 0: (12, true),
                                                          -1000: (12, false), -400: (6, false)]
        var found: [Int64: Int] = [:]
        for touch in touches {
            let stitched = touch.anonymousID.flatMap { stitcher.match(anonymousID: $0, at: touch.timestamp)?.userID }
            guard let user = touch.userID ?? stitched, let order = firstOrder[user] else { continue }
            let distance = order - touch.timestamp.millisecondsSinceEpoch
            guard let expected = planted[distance] else { continue }
            found[distance, default: 0] += 1
            #expect(window.contains(touch: touch.timestamp.millisecondsSinceEpoch, conversion: order) == expected.counts,
                    "touch at line \(touch.line), \(distance) ms before the order")
        }
        for (distance, expected) in planted {
            #expect(found[distance] == expected.count, "\(distance) ms: found \(found[distance] ?? 0), planted \(expected.count)")
        }
    }
}
