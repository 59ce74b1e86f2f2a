import AttributionPlugin
import Foundation
import Generator
import HeraldData
import Liquid
import Markup
import Testing

/// The built-in theme (templates/ at the package root) rendered by the real Liquid engine, autoescape on.
let builtInTheme: ThemeRenderer = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    let engine = LiquidEngine(loader: FileSystemLoader(roots: [url.appendingPathComponent("templates").path]),
                              options: LiquidOptions(autoescape: true))
    return ThemeRenderer { name, variables in try engine.render(named: name, variables) }
}()

struct TemplateTests {
    static func render(_ paths: [AggregatedPath], settings pluginSettings: PluginSettings = settings()) throws -> (html: String, root: HTMLElement) {
        var snapshot = Snapshot(date: "2026-05-01", folder: "s")
        snapshot.paths = paths
        let output = try AttributionPlugin().run(pluginInput(snapshot, settings: pluginSettings, templates: builtInTheme))
        let html = String(decoding: output.artifacts.first { $0.path.value == "reports/attribution/index.html" }!.bytes, as: UTF8.self)
        return (html, HTMLParser.parse(Array(html.utf8)))
    }

    @Test func rendersTablesChartAndNotesThroughTheLayout() throws {
        let (html, root) = try Self.render([
            path("Paid > Email > Direct", conversions: 2, value: 1234.5),
            path("Email", conversions: 1, value: 20, nulls: 4),
        ])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(root.first("title")?.textContent.hasPrefix("Attribution") == true)
        let tables = root.descendants(named: "table")
        #expect(tables.count == 3)  // conversions, value, removal effects
        let header = tables[0].descendants(named: "th").prefix(1 + AttributionModel.allCases.count).map(\.textContent)
        #expect(header == ["Channel"] + AttributionModel.allCases.map(\.title))
        // Rows in Markov order, then the totals row.
        let rowHeads = tables[0].descendants(named: "tr").compactMap { $0.first("th")?.textContent }
        #expect(rowHeads.last == "Total")
        #expect(Set(rowHeads.dropFirst().dropLast()) == ["Paid", "Email", "Direct"])
        let valueTotals = tables[1].descendants(named: "tfoot").first!.descendants(named: "td").map(\.textContent)
        #expect(valueTotals == Array(repeating: "1,255", count: 7))
        #expect(root.descendants(named: "svg").count == 1)
        #expect(root.descendants(named: "rect").count >= 3 * 7)
        #expect(root.descendants(named: "script").isEmpty)
        #expect(html.contains("time decay counts each step back from the last touch as one day"))
    }

    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' onmouseover='x", "javascript:alert(1)"]

    @Test(arguments: hostile)
    func untrustedChannelNamesAreInertEverywhere(name: String) throws {
        let (html, root) = try Self.render([AggregatedPath(channels: [name, "Email"], conversions: 3, value: 9, nulls: 1)])
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.descendants(named: "img").isEmpty)
        for element in root.descendants(named: "*") + root.descendants(named: "rect") + root.descendants(named: "text") + root.descendants(named: "th") {
            #expect(element[attribute: "onerror"] == nil && element[attribute: "onmouseover"] == nil)
        }
        // The name shows as text in both tables and in the chart's label and tooltips.
        let cells = root.descendants(named: "th").filter { $0.textContent == name }
        #expect(cells.count >= 2)
        #expect(!html.contains(name) || !name.contains("<"))
    }
}
