import Testing
import Liquid

/// Renders `source` with a fresh engine: the one-call form every spec test uses.
func render(_ source: String, _ variables: LiquidObject = LiquidObject(), options: LiquidOptions = LiquidOptions(),
            partials: [String: String] = [:], name: String = "<string>") throws -> String {
    let engine = LiquidEngine(loader: InMemoryLoader(partials), options: options)
    return try engine.parse(source, name: name).render(variables)
}

/// The error `body` throws, or nil when it does not throw a `LiquidError`.
func liquidError(_ body: () throws -> Any) -> LiquidError? {
    do {
        _ = try body()
        return nil
    } catch let error as LiquidError {
        return error
    } catch {
        return nil
    }
}

/// One template and the output it must render.
struct Case: CustomTestStringConvertible, Sendable {
    var template: String
    var expected: String
    init(_ template: String, _ expected: String) {
        self.template = template
        self.expected = expected
    }
    var testDescription: String { template }
}
