import Foundation
import Generator
import HeraldData
import Markup
import Testing

@Suite("Untrusted text never becomes markup")
struct BuildSafetyTests {
    @Test("hostile input through every plugin yields HTML with no injected element, attribute or URL")
    func hostileInputIsEscapedEverywhere() throws {
        let fixture = try ProjectFixture.hostile()
        defer { fixture.remove() }
        let (output, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let result = try #require(results.first)
        #expect(result.failure == nil, "\(result.failure ?? "")")
        let files = ProjectFixture.tree(output)
        let html = files.filter { $0.key.hasSuffix(".html") }
        #expect(html.count >= 6, "expected pages from every plugin, got \(html.keys.sorted())")
        // Every plugin that emits HTML contributed.
        for prefix in ["evil/site/", "evil/reports/seo/", "evil/reports/attribution/", "evil/reports/reputation/", "evil/index.html"] {
            #expect(html.keys.contains { $0.hasPrefix(prefix) }, "no HTML under \(prefix)")
        }
        for (path, data) in html {
            let root = HTMLParser.parse([UInt8](data))
            let elements = [root] + root.descendants()
            for element in elements {
                #expect(!["script", "iframe", "object", "embed"].contains(element.name), "\(path): <\(element.name)> injected")
                for attribute in element.attributes {
                    #expect(!attribute.name.hasPrefix("on"), "\(path): \(attribute.name) attribute on <\(element.name)>")
                    if ["href", "src", "action", "formaction"].contains(attribute.name) {
                        #expect(HTMLEscape.isSafeURL(attribute.value), "\(path): unsafe URL \(attribute.value)")
                    }
                }
            }
        }
    }

    @Test("the unsubscribe secret never appears in any output file")
    func secretNeverInOutput() throws {
        let fixture = try ProjectFixture.hostile()
        defer { fixture.remove() }
        let (output, _) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        let secret = Data("test-secret-7f3a9c".utf8)
        for (path, data) in ProjectFixture.tree(output) {
            #expect(data.range(of: secret) == nil, "\(path) contains the secret")
        }
    }
}

@Suite("CSV reports never start a spreadsheet formula from input text")
struct CSVInjectionTests {
    @Test func crawledTitlesAndChannelsAreDefused() throws {
        let formula = "=HYPERLINK(\"http://evil.example\",\"click\") plus enough words to be a title that is far too long"
        let page = "<html lang=en><head><title>\(formula)</title></head><body><h1>Hi</h1></body></html>"
        let fixture = try ProjectFixture(files: [
            "herald.yml": "editions:\n  e:\n    plugins: [seo, attribution]\n",
            "snapshots/acme/tenant.yml": "name: Acme\nbase_url: https://acme.example/\nedition: e\n",
            "snapshots/acme/2026-11-30/crawl/site/index.html": page,
            "snapshots/acme/2026-11-30/crawl/site/about.html": page,
            "snapshots/acme/2026-11-30/touchpoints.csv": "touchpoint_id,anonymous_id,user_id,timestamp,channel\nt1,,u1,2026-11-20T10:00:00Z,\"=cmd|' /C calc'!A0\"\nt2,,u1,2026-11-21T10:00:00Z,@SUM(1)\n",
            "snapshots/acme/2026-11-30/conversions.csv": "conversion_id,user_id,timestamp,value,currency\nc1,u1,2026-11-22T10:00:00Z,10,EUR\n",
        ])
        defer { fixture.remove() }
        let (output, results) = try ProjectFixture.pipeline().build(BuildRequest(projectRoot: fixture.root, now: ProjectFixture.now))
        #expect(results.allSatisfy { $0.succeeded }, "\(results.compactMap(\.failure))")
        let csvs = ProjectFixture.tree(output).filter { $0.key.hasSuffix(".csv") }
        #expect(Set(csvs.keys) == ["acme/reports/seo/findings.csv", "acme/reports/attribution/attribution.csv"])
        var sawDefused = 0
        for (path, data) in csvs {
            let text = String(decoding: data, as: UTF8.self)
            // Each field's first character, after an optional opening quote.
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                for field in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let body = field.hasPrefix("\"") ? field.dropFirst() : field[...]
                    #expect(!(body.first.map { "=+@".contains($0) } ?? false), "\(path): \(line)")
                    if body.hasPrefix("'=") || body.hasPrefix("'@") { sawDefused += 1 }
                }
            }
        }
        #expect(sawDefused >= 3, "the formulas are kept as text, defused")
    }
}
