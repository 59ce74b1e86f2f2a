#if canImport(Glibc)
import Glibc
#endif
import Testing
import Liquid

/// Drops produce fields on demand: a template touching one field does not materialise the others.
@Suite struct DropTests {
    /// Counts which keys were asked for.
    final class CountingDrop: LiquidDrop, @unchecked Sendable {
        private let lock = NSLockless()
        private(set) var accesses: [String: Int] = [:]
        func value(forKey key: String) -> LiquidValue? {
            lock.run { accesses[key, default: 0] += 1 }
            switch key {
            case "title": return "Report"
            case "rows": return [1, 2, 3]
            case "child": return .drop(self)
            default: return nil
            }
        }
        var keys: [String] { ["title", "rows", "child"] }
    }

    /// A minimal mutex (the tests avoid Foundation).
    final class NSLockless: @unchecked Sendable {
        private var mutex = pthread_mutex_t()
        init() { pthread_mutex_init(&mutex, nil) }
        func run<T>(_ body: () -> T) -> T {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            return body()
        }
    }

    struct Touch: CustomTestStringConvertible, Sendable {
        var template: String
        var output: String
        var accessed: [String: Int]
        var testDescription: String { template }
    }

    static let touches: [Touch] = [
        Touch(template: "{{ d.title }}", output: "Report", accessed: ["title": 1]),
        Touch(template: "{% if d.title %}{{ d.title | upcase }}{% endif %}", output: "REPORT", accessed: ["title": 2]),
        Touch(template: "{% for r in d.rows %}{{ r }}{% endfor %}", output: "123", accessed: ["rows": 1]),
        Touch(template: "{{ d.child.title }}", output: "Report", accessed: ["child": 1, "title": 1]),
        Touch(template: "{{ d['title'] }}{{ d.missing }}", output: "Report", accessed: ["title": 1, "missing": 1]),
        Touch(template: "{{ x }}", output: "", accessed: [:]),
    ]

    @Test(arguments: touches) func onlyTouchedFieldsAreProduced(t: Touch) throws {
        let drop = CountingDrop()
        #expect(try render(t.template, ["d": .drop(drop)]) == t.output)
        #expect(drop.accesses == t.accessed)
    }

    /// A drop that iterates like an array.
    final class Numbers: LiquidSequenceDrop {
        var elements: [LiquidValue] { [10, 20] }
        func value(forKey key: String) -> LiquidValue? { key == "size" ? 2 : nil }
    }

    @Test func sequenceDropsIterate() throws {
        #expect(try render("{% for n in d %}{{ forloop.index }}:{{ n }} {% endfor %}{{ d.size }}", ["d": .drop(Numbers())])
                == "1:10 2:20 2")
    }
}
