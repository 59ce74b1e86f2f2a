import Dispatch
import Testing
@testable import Markup

/// The streaming walk: tag recognition from bytes and parser contexts reused across documents and threads.
@Suite struct HTMLWalkTests {
    struct Names: HTMLVisitor {
        var seen: [String] = []
        mutating func enter(_ element: HTMLElementView) -> Bool {
            seen.append("\(element.tag.name.isEmpty ? "other" : element.tag.name):\(element.name)")
            return true
        }
    }

    @Test func tagsAreRecognisedFromBytes() {
        var names = Names()
        HTMLParser.walk(Array("<html><head><title>t</title><meta charset=x><link rel=x><base href=/></head><body><h1>x</h1><h2>y</h2><h6>z</h6><h7>no</h7><a href=a>a</a><abbr>z</abbr><area href=b><img src=c><svg><title>s</title></svg><math></math><table></table></body></html>".utf8), &names)
        #expect(names.seen == ["head:head", "title:title", "meta:meta", "link:link", "base:base", "body:body", "h1:h1", "h2:h2", "h6:h6", "other:h7", "a:a",
                               "other:abbr", "area:area", "img:img", "svg:svg", "title:title", "math:math", "other:table"])
    }

    @Test func sixByteNamesAreRecognised() {
        var names = Names()
        HTMLParser.walk(Array("<body><script src=a></script><FORM action=b></FORM><iframe></iframe><video><source src=c></video><audio></audio><embed src=d><scripts></scripts><footer></footer></body>".utf8), &names)
        #expect(names.seen == ["body:body", "script:script", "form:form", "iframe:iframe", "video:video", "source:source", "audio:audio",
                               "embed:embed", "other:scripts", "other:footer"])
    }

    @Test(arguments: ["a", "A", "TITLE", "Math", "Script", "IFRAME"])
    func tagFromAStringFoldsCase(_ name: String) {
        #expect(HTMLTag(name: name) != .other)
        #expect(HTMLTag(name: name + "x") == .other)
    }

    @Test func attributeLookupIsCaseInsensitiveAndHandlesEntities() {
        struct Hrefs: HTMLVisitor {
            var values: [String?] = []
            mutating func enter(_ element: HTMLElementView) -> Bool {
                if element.tag == .a { values.append(element[attribute: "href"]) }
                return true
            }
        }
        var visitor = Hrefs()
        HTMLParser.walk(Array("<p><a HREF='/x?a=1&amp;b=2'>x</a><a>y</a><a href=''>z</a><a hreff=q>w</a></p>".utf8), &visitor)
        #expect(visitor.values == ["/x?a=1&b=2", nil, "", nil])
    }

    /// More documents than a pooled context parses before it is replaced, on several threads: every walk sees its
    /// own document.
    @Test func reusedParserContextsGiveTheSameResults() {
        let count = ParserContextPool.maxUses + 200
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in
            var names = Names()
            HTMLParser.walk(Array("<html><body><h1>\(index)</h1><p id=p\(index)><a href=\"/\(index)\">x</a></p></body></html>".utf8), &names)
            slots[index] = names.seen.joined(separator: ",") + "#" + HTMLParser.parse(Array("<p>\(index)</p>".utf8)).textContent
        }
        for index in 0..<count {
            #expect(results[index] == "body:body,h1:h1,other:p,a:a#\(index)")
        }
    }
}
