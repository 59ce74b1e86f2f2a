import Dispatch
import Testing
import Liquid

/// A template is parsed once and rendered many times, from any thread, without state leaking between renders.
@Suite struct ReuseTests {
    static let source = """
        {% assign total = 0 %}{% for i in list %}{% assign total = total | plus: i %}{% cycle 'a', 'b' %}{% endfor %}\
        {% increment n %}{% ifchanged %}{{ name }}{% endifchanged %}={{ total }}
        """

    @Test func rendersManyTimesWithDifferentData() throws {
        let template = try LiquidEngine().parse(Self.source)
        for k in 0..<5 {
            let list = LiquidValue.array((0...k).map { .int($0) })
            let output = try template.render(["list": list, "name": .string("r\(k)")])
            let cycles = (0...k).map { $0 % 2 == 0 ? "a" : "b" }.joined()
            #expect(output == "\(cycles)0r\(k)=\(k * (k + 1) / 2)")
        }
    }

    @Test func rendersConcurrently() throws {
        let template = try LiquidEngine().parse(Self.source)
        let results = Locked(Array(repeating: "", count: 64))
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let output = (try? template.render(["list": [1, 2, 3], "name": .string("t\(i)")])) ?? "error"
            results.set(i, output)
        }
        for (i, output) in results.values.enumerated() { #expect(output == "aba0t\(i)=6") }
    }

    @Test func namedTemplatesAreParsedOnceAndCached() throws {
        let engine = LiquidEngine(loader: InMemoryLoader(["page": "{{ x }}"]))
        let first = try engine.template(named: "page")
        #expect(try first.render(["x": 1]) == "1")
        #expect(try engine.render(named: "page", ["x": 2]) == "2")
        #expect(try engine.template(named: "page").name == "page")
    }

    /// An array guarded by a lock, for results written from several threads.
    final class Locked: @unchecked Sendable {
        private var storage: [String]
        private let queue = DispatchQueue(label: "results")
        init(_ values: [String]) { storage = values }
        func set(_ i: Int, _ value: String) { queue.sync { storage[i] = value } }
        var values: [String] { queue.sync { storage } }
    }
}
