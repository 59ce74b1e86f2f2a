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
