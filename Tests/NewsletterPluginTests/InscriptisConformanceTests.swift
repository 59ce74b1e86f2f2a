import Foundation
import Testing
@testable import NewsletterPlugin

/// inscriptis' HTML → text pairs (../shared/conformance/html-to-text/inscriptis, see its README), run the way upstream
/// runs them: the input wrapped in `<html><body>…</body></html>`, both sides right-trimmed at the end.
///
/// Herald writes email plain text, not inscriptis' layout, so the comparison removes the conventions that differ by
/// design and keeps what both must agree on (which text, on which line, in which order, table columns aligned):
/// - blank lines are dropped (Herald spaces blocks and lists by its own rules);
/// - list items: the indent and marker (`*`, `+`, `o`, `-`, `1.`) become `• ` (Herald uses `- ` and 2-column steps);
/// - Herald's h1/h2 underlines (`===`, `---`) are dropped;
/// - trailing spaces on each line are dropped (inscriptis pads the last table column);
/// - link targets are removed from the input (inscriptis hides them by default, Herald writes `text (url)`);
/// - a list item's continuation lines lose the item's indent (inscriptis indents by 4, Herald by the marker).
@Suite struct InscriptisConformanceTests {
    static let folder = sharedFolder("conformance/html-to-text/inscriptis")
    static var caseNames: [String] { sharedCaseNames(in: folder, suffix: ".txt") }

    /// Pairs whose expectation encodes an inscriptis feature that email plain text does not have, with the reason.
    static let notApplicable: [String: String] = [
        "nested-list": "inscriptis prints a bullet for an empty <li>; Herald drops empty items (a bare bullet says nothing in an email)",
        "advanced-prefix-test": "empty <li> bullets, and a <pre> inside an <li> starting a new bullet; Herald continues the item",
        "pre": "a <pre> inside an <li> starts a new bullet in inscriptis; Herald continues the item under its marker",
        "nested-table": "tables inside tables are email layout to Herald and are linearised, not laid out inside their cell",
        "nested-table-alignment": "tables inside tables are linearised by Herald (email layout), not laid out inside their cell",
        "table-in-table": "tables inside tables are linearised by Herald (email layout), not laid out inside their cell",
    ]

    static func normalised(_ text: String, herald: Bool) -> [String] {
        var out: [String] = []
        var itemColumn: Int? = nil
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw)
            while line.last == " " { line.removeLast() }
            if line.isEmpty { continue }
            if herald, line.count >= 3, line.allSatisfy({ $0 == "=" }) || line.allSatisfy({ $0 == "-" }) { continue }
            let body = line.drop { $0 == " " }
            var marker = 0
            if let first = body.first, "*+o-".contains(first), body.dropFirst().first == " " || body.count == 1 {
                marker = 2
            } else if let dot = body.firstIndex(of: "."), body[..<dot].allSatisfy(\.isNumber), !body[..<dot].isEmpty,
                      body[dot...].dropFirst().first == " " || body.index(after: dot) == body.endIndex {
                marker = body.distance(from: body.startIndex, to: dot) + 2
            }
            let indent = line.count - body.count
            if marker > 0 {
                let rest = body.dropFirst(marker).drop { $0 == " " }
                itemColumn = line.count - rest.count
                out.append("• " + rest)
            } else if let column = itemColumn, indent >= column {
                out.append(String(line.dropFirst(column)))
            } else {
                itemColumn = nil
                out.append(String(line))
            }
        }
        return out
    }

    @Test(.enabled(if: folder != nil, "../shared/conformance/html-to-text/inscriptis is absent"), arguments: caseNames)
    func inscriptisCase(_ name: String) throws {
        let folder = try #require(InscriptisConformanceTests.folder)
        let html = try String(contentsOf: folder.appendingPathComponent(name + ".html"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
        // inscriptis hides link targets by default; Herald writes `text (url)`. Without href both show the text.
        let input = html.replacingOccurrences(of: " href=", with: " data-href=")
        let actual = PlainTextRenderer(width: 1_000).render("<html><body>" + input + "</body></html>")
        let a = InscriptisConformanceTests.normalised(actual, herald: true)
        let e = InscriptisConformanceTests.normalised(expected, herald: false)
        if let reason = InscriptisConformanceTests.notApplicable[name] {
            // Recorded so that a change that makes it pass is noticed and the list updated.
            #expect(a != e, "\(name) now passes: remove it from notApplicable")
            print("inscriptis \(name): not applicable (\(reason))")
            return
        }
        #expect(a == e, "\(name)\n--- herald\n\(a.joined(separator: "\n"))\n--- inscriptis\n\(e.joined(separator: "\n"))")
    }
}
