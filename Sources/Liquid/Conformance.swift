/// Runs golden-liquid format suites (`{"tests": [{name, template, data, templates, result|results|invalid, tags}]}`).
public struct LiquidConformance {
    public struct Failure: Sendable {
        public var name: String
        public var template: String
        public var expected: String
        public var actual: String
    }

    public var passed = 0
    public var failures: [Failure] = []

    public init() {}

    /// Runs every case of the suite in `json`.
    public static func run(json: String) throws -> LiquidConformance {
        guard case .object(let root) = try JSONReader.parse(json), case .array(let tests)? = root["tests"] else {
            throw LiquidError(.syntax, "not a golden-liquid suite: missing 'tests'")
        }
        var report = LiquidConformance()
        for case .object(let test) in tests {
            report.run(test)
        }
        return report
    }

    mutating func run(_ test: LiquidObject) {
        let name = test["name"]?.liquidString ?? "?"
        let source = test["template"]?.liquidString ?? ""
        var data = LiquidObject()
        if case .object(let d)? = test["data"] { data = d }
        var partials: [String: String] = [:]
        if case .object(let t)? = test["templates"] {
            for key in t.keys { partials[key] = t[key]?.liquidString ?? "" }
        }
        var tags: [String] = []
        if case .array(let list)? = test["tags"] { tags = list.map(\.liquidString) }
        let strict = tags.contains("strict") || tags.contains("strict2")
        let engine = LiquidEngine(loader: InMemoryLoader(partials), options: LiquidOptions(strictParsing: strict))
        var output: String
        var raised = false
        do {
            output = try engine.parse(source).render(data)
        } catch {
            raised = true
            output = "ERROR: \(error)"
        }
        let ok: Bool
        var expected: String
        if test["invalid"]?.isTruthy == true {
            ok = raised
            expected = "<an error>"
        } else if case .array(let options)? = test["results"] {
            let values = options.map(\.liquidString)
            ok = !raised && values.contains(output)
            expected = values.map { "\"\($0)\"" }.joined(separator: " or ")
        } else {
            expected = test["result"]?.liquidString ?? ""
            ok = !raised && output == expected
        }
        if ok {
            passed += 1
        } else {
            failures.append(Failure(name: name, template: source, expected: expected, actual: output))
        }
    }
}
