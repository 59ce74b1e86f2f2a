import Testing
import Liquid

/// Each resource limit stops a runaway template with a `.limit` error naming the template and line.
@Suite struct LimitTests {
    struct Runaway: CustomTestStringConvertible, Sendable {
        var label: String
        var limits: LiquidLimits
        var source: String
        var line: Int
        var message: String
        var testDescription: String { label }
    }

    static let runaways: [Runaway] = [
        Runaway(label: "loop iterations", limits: LiquidLimits(maxLoopIterations: 10),
                source: "x\n{% for i in (1..11) %}{% endfor %}", line: 2, message: "iteration"),
        Runaway(label: "loop iterations over nested loops", limits: LiquidLimits(maxLoopIterations: 20),
                source: "{% for i in (1..5) %}\n{% for j in (1..5) %}{% endfor %}{% endfor %}", line: 2, message: "iteration"),
        Runaway(label: "loop iterations over an array", limits: LiquidLimits(maxLoopIterations: 3),
                source: "{% assign a = 'a,b,c,d' | split: ',' %}\n\n{% for x in a %}{{ x }}{% endfor %}", line: 3, message: "iteration"),
        Runaway(label: "tablerow iterations", limits: LiquidLimits(maxLoopIterations: 3),
                source: "{% tablerow i in (1..4) %}{% endtablerow %}", line: 1, message: "iteration"),
        Runaway(label: "huge range", limits: LiquidLimits(maxLoopIterations: 1000),
                source: "\n{{ (1..9223372036854775807) | join }}", line: 2, message: "Range"),
        // A fuzzer find: a bound beyond Int used to trap converting from Double.
        Runaway(label: "range bound beyond Int", limits: LiquidLimits(),
                source: "{% for i in (1..99999999999999999999999) %}{% for j in (0..2) %}{% endfor %}{% endfor %}",
                line: 1, message: "Range"),
        Runaway(label: "output bytes", limits: LiquidLimits(maxOutputBytes: 100),
                source: "{% for i in (1..50) %}\n{{ 'xxxxx' }}{% endfor %}", line: 2, message: "output"),
        Runaway(label: "output bytes inside capture", limits: LiquidLimits(maxOutputBytes: 100),
                source: "{% capture c %}\n{% for i in (1..50) %}{{ 'xxxxx' }}{% endfor %}{% endcapture %}", line: 2, message: "output"),
        // Fuzzer find: split/join chains multiply the input before anything is output.
        Runaway(label: "filter growth: split and join", limits: LiquidLimits(maxOutputBytes: 1000),
                source: "{% assign g = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' %}\n"
                    + "{{ 'abcdefghij' | split: '' | join: g | split: '' | join: g | size }}", line: 2, message: "filter result"),
        Runaway(label: "filter growth: replace", limits: LiquidLimits(maxOutputBytes: 1000),
                source: "\n{{ 'aaaaaaaaaa' | replace: 'a', 'bbbbbbbbbbbbbbbbbbbb' | replace: 'b', 'cccccccccccccccccccc' | size }}",
                line: 2, message: "filter result"),
        Runaway(label: "filter growth: doubling assign", limits: LiquidLimits(maxOutputBytes: 1000),
                source: "{% assign s = 'x' %}{% for i in (1..100) %}\n{% assign s = s | append: s %}{% endfor %}",
                line: 2, message: "filter result"),
        Runaway(label: "include depth", limits: LiquidLimits(maxDepth: 5),
                source: "\n{% include 'self' %}", line: 1, message: "depth"),
        Runaway(label: "render time", limits: LiquidLimits(maxRenderTime: 1e-9),
                source: "a\n{% for i in (1..1000) %}{% endfor %}", line: 2, message: "time"),
    ]

    @Test(arguments: runaways) func limitStopsRender(r: Runaway) throws {
        let partials = ["self": "x\n{% include 'self' %}"]
        let found = liquidError {
            try render(r.source, options: LiquidOptions(limits: r.limits), partials: partials, name: "tenant.liquid")
        }
        guard let error = found else {
            Issue.record("\(r.label): no error")
            return
        }
        let kind = error.kind, template = error.template, line = error.line, message = error.message
        #expect(kind == .limit, "\(error)")
        #expect(template == (r.label == "include depth" ? "self" : "tenant.liquid"), "\(error)")
        #expect(line == (r.label == "include depth" ? 2 : r.line), "\(error)")
        #expect(message.contains(r.message), "\(error)")
    }

    @Test func limitsAreGenerousEnoughForOrdinaryTemplates() throws {
        let limits = LiquidLimits(maxLoopIterations: 10, maxOutputBytes: 100, maxDepth: 3)
        let output = try render("{% for i in (1..10) %}{{ i }}{% endfor %}", options: LiquidOptions(limits: limits))
        #expect(output == "12345678910")
    }

    @Test func templateSizeLimitNamesTheTemplate() throws {
        let engine = LiquidEngine(options: LiquidOptions(limits: LiquidLimits(maxTemplateBytes: 10)))
        let error = try #require(liquidError { try engine.parse("0123456789A", name: "big.liquid") })
        #expect(error.kind == .limit)
        #expect(error.template == "big.liquid")
        #expect(error.line == 1)
    }

    @Test func parseDepthLimit() throws {
        let engine = LiquidEngine(options: LiquidOptions(limits: LiquidLimits(maxDepth: 10)))
        let source = String(repeating: "{% if true %}\n", count: 11) + String(repeating: "{% endif %}", count: 11)
        let error = try #require(liquidError { try engine.parse(source, name: "deep") })
        #expect(error.kind == .limit)
        #expect(error.template == "deep")
        #expect(error.line == 11)
    }
}
