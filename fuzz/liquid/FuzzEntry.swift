// libFuzzer entry point over the Liquid lexer, parser and renderer. Built by run.sh with
// `swiftc -sanitize=fuzzer -parse-as-library` together with Sources/Liquid/*.swift (a SwiftPM
// executable does not link libFuzzer's main on this toolchain).

/// Partials every fuzzed template may include; one includes itself so recursion limits are exercised.
let fuzzPartials = InMemoryLoader([
    "a": "{{ a }}{% for i in (1..3) %}{{ i | plus: 1 }}{% endfor %}",
    "self": "{% include 'self' %}x",
    "cycle": "{% cycle 'a', 'b' %}{{ forloop.index }}",
])

/// The first input byte picks options (strict/lax, autoescape); the rest is the template.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let flags = data[0]
    let source = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    // Small limits keep every input fast; hitting one is an ordinary LiquidError.
    let limits = LiquidLimits(maxLoopIterations: 20_000, maxOutputBytes: 1 << 20, maxDepth: 20,
                              maxTemplateBytes: 1 << 16, maxRenderTime: 2)
    let options = LiquidOptions(strictVariables: flags & 1 != 0, strictFilters: flags & 2 != 0,
                                strictParsing: flags & 4 != 0, autoescape: flags & 8 != 0, limits: limits)
    let engine = LiquidEngine(loader: fuzzPartials, options: options)
    let variables = LiquidObject([
        ("a", .array([1, 2.5, "x", .null, ["k": "v"]])),
        ("s", "<b>&amp;</b>"),
        ("n", 42),
        ("h", ["x": 1, "y": ["z": [1, 2, 3]]]),
        ("r", .range(1...5)),
    ])
    do {
        let template = try engine.parse(source, name: "fuzz")
        _ = try template.render(variables)
        _ = try template.render(variables)  // reuse must not trip over state left by the first render
    } catch {
        // Errors are expected; crashes and traps are what the fuzzer looks for.
        _ = "\(error)"
    }
    return 0
}
