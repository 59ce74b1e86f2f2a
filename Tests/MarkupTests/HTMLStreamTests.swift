import Foundation
import Testing
import Markup

/// `HTMLParser.stream` reports the elements and text of the tree `HTMLParser.parse` builds, without building it.
@Suite struct HTMLStreamTests {
    /// Records the stream as text: `<name attrs>`, text, `</>`.
    struct Recorder: HTMLStreamVisitor {
        var out = ""
        var root: String?
        mutating func root(_ element: HTMLStartTag) { root = element.name }
        mutating func enter(_ element: HTMLStartTag) {
            let attributes = element.packedAttributes.split(separator: 0, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }.dropLast().joined(separator: "|")
            out += "<\(element.name)@\(element.line)\(attributes.isEmpty ? "" : " " + attributes)>"
        }
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) { out += String(decoding: bytes, as: UTF8.self) }
        mutating func leave() { out += "</>" }
    }

    /// The same record made from the tree.
    static func fromTree(_ element: HTMLElement) -> String {
        element.children.map { node -> String in
            switch node {
            case .element(let child):
                let attributes = child.attributes.flatMap { [$0.name, $0.value] }.joined(separator: "|")
                return "<\(child.name)@\(child.line)\(attributes.isEmpty ? "" : " " + attributes)>" + fromTree(child) + "</>"
            case .text(let text): return text
            case .comment: return ""
            }
        }.joined()
    }

    @Test(arguments: [
        "<!doctype html><html lang=en><head><title>T &amp; t</title></head>\n<body><p class=a id=b>x<br>y<p>z</body></html>",
        "<html><body><input disabled checked=checked><img alt src=a.png><select><option selected>o</select></body></html>",
        "<html><head><script>if (a < b) { x = '</p>' }</script><style>p > a {}</style></head><body>\u{00E9}</body></html>",
        "<table><tr><td>implied <b>tbody</td></tr></table>",
        "<html><body>" + String(repeating: "long text ", count: 300) + "</body></html>",
    ])
    func reportsWhatTheTreeHolds(html: String) {
        var recorder = Recorder()
        #expect(HTMLParser.stream(Array(html.utf8), &recorder))
        let tree = HTMLParser.parse(html)
        #expect(recorder.root == (html.contains("<html") ? "html" : nil))
        let expected = Self.fromTree(tree)
        #expect(recorder.out.replacingOccurrences(of: "\n", with: "") == expected.replacingOccurrences(of: "\n", with: ""))
    }

    @Test(arguments: ["<p>one</p><p>two</p>", "<html><body></body></html><p>after</p>", "<!-- c --><a>x</a><b>y</b>"])
    func stopsAtASecondTopLevelElement(html: String) {
        var recorder = Recorder()
        #expect(!HTMLParser.stream(Array(html.utf8), &recorder))
    }

    @Test func streamsOnManyThreadsAtOnce() {
        let html = Array("<html><body><h1 id=x>heading</h1><p>text</p></body></html>".utf8)
        var single = Recorder()
        _ = HTMLParser.stream(html, &single)
        let expected = single.out
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            var recorder = Recorder()
            _ = HTMLParser.stream(html, &recorder)
            #expect(recorder.out == expected)
        }
    }
}
