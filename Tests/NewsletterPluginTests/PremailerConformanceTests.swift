import Foundation
import Markup
import Testing
@testable import NewsletterPlugin

/// premailer's five stress-test samples (../shared/conformance/css-inline/premailer-samples, see its README),
/// compared as parsed DOMs (libxml2 through Markup): the same elements in the same order with the same attributes,
/// `style` as its ordered list of declarations (`prop: value`, whitespace collapsed), text with whitespace
/// collapsed. `html`, `head` and `body` are unwrapped, because lxml inserts them and Herald's byte-level rewrite
/// does not. premailer's options map onto CSSInliner's: `remove_classes` → `removeClasses`, `keep_style_tags` →
/// `keepStyleElements`; premailer always writes `bgcolor` on table elements, so `tableBackgroundAttributes` is on.
@Suite struct PremailerConformanceTests {
    static let folder = sharedFolder("conformance/css-inline/premailer-samples")
    static var samples: [String] {
        guard let folder else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.count == 3 && $0.allSatisfy(\.isNumber) }.sorted()
    }

    static func flattened(_ nodes: [HTMLNode]) -> [String] {
        var out: [String] = []
        for node in nodes {
            switch node {
            case let .text(text):
                let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
                if !collapsed.isEmpty { out.append("text " + collapsed) }
            case .comment:
                break
            case let .element(element):
                if ["html", "head", "body"].contains(element.name) {
                    out += flattened(element.children)
                    continue
                }
                let attributes = element.attributes.sorted { $0.name < $1.name }.map { attribute -> String in
                    guard attribute.name == "style" else { return "\(attribute.name)=\(attribute.value)" }
                    let declarations = CSSParser.parseDeclarations(attribute.value).map { d in
                        "\(d.property): \(d.value.split(separator: " ").joined(separator: " "))\(d.important ? " !important" : "")"
                    }
                    return "style=" + declarations.joined(separator: "; ")
                }
                out.append("<\(element.name) " + attributes.joined(separator: " ") + ">")
                if element.name == "style" {
                    // A kept stylesheet: compare its rules, not its layout.
                    out.append("css " + CSSParser.parse(element.textContent).map { "\($0)" }.joined(separator: " "))
                } else {
                    out += flattened(element.children)
                }
                out.append("</\(element.name)>")
            }
        }
        return out
    }

    @Test(.enabled(if: folder != nil, "../shared/conformance/css-inline/premailer-samples is absent"), arguments: samples)
    func premailerSample(_ name: String) throws {
        let folder = try #require(PremailerConformanceTests.folder).appendingPathComponent(name)
        let input = try String(contentsOf: folder.appendingPathComponent("input.html"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("output.html"), encoding: .utf8)
        var options: [String: Bool] = [:]
        if let data = try? Data(contentsOf: folder.appendingPathComponent("options.json")) {
            options = try JSONDecoder().decode([String: Bool].self, from: data)
        }
        #expect(Set(options.keys).isSubset(of: ["remove_classes", "keep_style_tags"]), "unmapped premailer option in \(name)")
        let inliner = CSSInliner(removeClasses: options["remove_classes"] ?? false, keepStyleElements: options["keep_style_tags"] ?? false,
                                 tableBackgroundAttributes: true)
        let actual = inliner.inline(input)
        let a = PremailerConformanceTests.flattened([.element(HTMLParser.parse(actual))])
        let e = PremailerConformanceTests.flattened([.element(HTMLParser.parse(expected))])
        #expect(a == e, "\(name)\n--- herald\n\(a.joined(separator: "\n"))\n--- premailer\n\(e.joined(separator: "\n"))")
    }
}
