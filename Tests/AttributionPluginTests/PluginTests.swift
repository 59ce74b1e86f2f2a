
import Generator
import HeraldData
import AttributionPlugin
import Markup
import Testing

struct PluginTests {
    static func pathsSnapshot(_ paths: [AggregatedPath]) -> Snapshot {
        var snapshot = Snapshot(date: "2026-05-01", folder: "snapshots/acme/2026-05-01")
        snapshot.paths = paths
        return snapshot
    }

    static let hostile = "<script>alert(1)</script>\"' onmouseover=\"x"

    @Test func producesTheReportTheCSVAndASummary() throws {
        let output = try AttributionPlugin().run(pluginInput(Self.pathsSnapshot([
            path("Paid > Email > Direct", conversions: 2, value: 100.5),
            path("Email", conversions: 1, value: 20, nulls: 4),
            path("Paid > Paid", conversions: 0, nulls: 3),
        ])))
        #expect(output.artifacts.map(\.path.value).sorted() == ["reports/attribution/attribution.csv", "reports/attribution/index.html"])
        let summary = try #require(output.summary)
        #expect(summary.title == "Attribution")
        #expect(summary.headline == "3 conversions · €120.50")
        #expect(summary.detail.hasPrefix("Top channel under Markov: "))
        #expect(summary.link == "reports/attribution/index.html")

        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == "channel,model,conversions,value")
        #expect(lines.count == 1 + 3 * AttributionModel.allCases.count)
        let keys = lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(keys == keys.sorted())
        #expect(lines.contains("Email,first_touch,1.000000,20.0000"))
        #expect(lines.contains("Paid,first_touch,2.000000,100.5000"))
        #expect(lines.contains("Direct,last_non_direct,0.000000,0.0000"))
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let data = randomEvents(seed: 9)
        var snapshot = Snapshot(date: "2026-05-01", folder: "s")
        snapshot.touchpoints = data.touches
        snapshot.conversions = data.orders
        snapshot.identities = data.identities
        var shuffled = snapshot
        shuffled.touchpoints = data.touches.reversed()
        shuffled.identities = data.identities.reversed()
        let a = try AttributionPlugin().run(pluginInput(snapshot))
        let b = try AttributionPlugin().run(pluginInput(shuffled))
        #expect(a.artifacts.map(\.bytes) == b.artifacts.map(\.bytes))
        #expect(a.summary == b.summary)
    }

    @Test(arguments: [hostile, "A & B <b>", "Frühling, 20 % \"Rabatt\""])
    func channelNamesAreEscapedInTheChartAndQuotedInTheCSV(name: String) throws {
        let output = try AttributionPlugin().run(pluginInput(Self.pathsSnapshot([
            AggregatedPath(channels: [name, "Email"], conversions: 2, value: 10, nulls: 0),
        ])))
        let html = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".html") }!.bytes, as: UTF8.self)
        let svgStart = try #require(html.range(of: "<svg"))
        let svg = String(html[svgStart.lowerBound...].prefix { _ in true })
        let root = HTMLParser.parse(Array(svg.utf8))
        #expect(root.descendants(named: "script").isEmpty)
        for element in root.descendants(named: "rect") + root.descendants(named: "text") {
            #expect(element[attribute: "onmouseover"] == nil)
        }
        #expect(!html.contains("<b>"))
        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        if name.contains(",") || name.contains("\"") {
            #expect(csv.contains("\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\",first_touch,2.000000,10.0000"))
        }
    }

    @Test func withoutAnyAttributionDataTheErrorSaysWhatIsNeeded() {
        let error = #expect(throws: Diagnostic.self) {
            try AttributionPlugin().run(pluginInput(Snapshot(date: "2026-05-01", folder: "snapshots/acme/2026-05-01")))
        }
        #expect(error?.message.contains("paths.csv") == true)
    }

    @Test func onlySelectedModelsAreReported() throws {
        let output = try AttributionPlugin().run(pluginInput(Self.pathsSnapshot([path("A > B", conversions: 1, value: 4)]),
                                                             settings: settings([("models", .array([
                                                                 ConfigNode(.string("last_touch"), at: SourceLocation(file: "t.yml")),
                                                             ]))])))
        let csv = String(decoding: output.artifacts.first { $0.path.value.hasSuffix(".csv") }!.bytes, as: UTF8.self)
        #expect(csv == "channel,model,conversions,value\nA,last_touch,0.000000,0.0000\nB,last_touch,1.000000,4.0000\n")
        #expect(output.summary?.detail == "Top channel under Last touch: B (100.0 % of conversions)")
    }
}

struct BarChartTests {
    @Test(arguments: [(0.0, 1.0), (0.3, 0.3), (198, 200), (250, 250), (251, 300), (1_250, 2_000), (7_000, 8_000), (8_001, 10_000)])
    func gridSteps(x: Double, step: Double) {
        #expect(relativelyEqual(BarChart.niceStep(x), step))
    }
}

struct NotesTests {
    @Test(arguments: [0, 3])
    func unattributedNoteMatchesTheCount(unattributed: Int) throws {
        var stats = EventJourneyStats()
        stats.conversions = 10
        stats.unattributed = unattributed
        stats.incomplete = 2
        let set = JourneySet(channels: [], journeys: [], unattributedConversions: Double(unattributed),
                             unattributedValue: Double(unattributed) * 10, hasTimestamps: true)
        let notes = AttributionNotes.notes(settings: AttributionSettings(), journeys: set, stats: stats, currency: "GBP")
        if unattributed == 0 {
            #expect(notes.contains("Unattributed: none; every conversion had at least one touch in its window."))
        } else {
            #expect(notes.contains { $0.hasPrefix("Unattributed: 3 of 10 conversions (£30.00)") })
        }
        #expect(notes.contains { $0.hasPrefix("Incomplete paths: 2 conversions") })
        #expect(notes.contains { $0.hasPrefix("Lookback: 30 days, measured as 30 × 86,400 s") })
    }
}
