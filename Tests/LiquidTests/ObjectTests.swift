import Testing
import Liquid

/// `LiquidObject(keys:values:)` builds the same object as setting the keys one by one.
@Suite struct ObjectTests {
    static func keys(_ count: Int) -> [String] { (0..<count).map { "k\($0)" } }

    @Test("same keys, order, values and lookups, below and above the size that indexes keys", arguments: [0, 1, 3, 12, 13, 40])
    func builtAtOnce(count: Int) throws {
        let keys = Self.keys(count)
        let values: [LiquidValue] = (0..<count).map { $0 % 2 == 0 ? .int($0) : .null }
        var stepwise = LiquidObject()
        for (key, value) in zip(keys, values) { stepwise[key] = value }
        var atOnce = LiquidObject(keys: keys, values: values)
        #expect(atOnce.keys == stepwise.keys)
        #expect(atOnce.count == count)
        for key in keys + ["missing"] {
            #expect(atOnce[key].map { "\($0)" } == stepwise[key].map { "\($0)" })
        }
        let template = "{% for pair in object %}{{ pair[0] }}={{ pair[1] }};{% endfor %}{{ object.k0 }}|{{ object.size }}"
        #expect(try render(template, ["object": .object(atOnce)]) == render(template, ["object": .object(stepwise)]))
        // Still a value: changing it later keeps the order and the lookups right.
        atOnce["added"] = "x"
        atOnce[keys.first ?? "k0"] = "first"
        #expect(atOnce.keys == (keys.isEmpty ? ["added", "k0"] : keys + ["added"]))
        #expect(try render("{{ o.added }}{{ o.k0 }}", ["o": .object(atOnce)]) == "xfirst")
    }
}
