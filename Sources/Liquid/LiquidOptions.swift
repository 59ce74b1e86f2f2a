/// Resource limits applied while parsing and rendering. Each violation is a `LiquidError`
/// naming the template and line.
public struct LiquidLimits: Sendable, Equatable {
    /// Total loop iterations (`for`, `tablerow`, include/render `for`) in one render.
    public var maxLoopIterations: Int
    /// Bytes of output produced by one render (captures count too).
    public var maxOutputBytes: Int
    /// Nesting depth of `include`/`render` (and of blocks while parsing).
    public var maxDepth: Int
    /// Size of one template source in bytes.
    public var maxTemplateBytes: Int
    /// Wall-clock seconds one render may take.
    public var maxRenderTime: Double

    public init(maxLoopIterations: Int = 1_000_000, maxOutputBytes: Int = 64 << 20, maxDepth: Int = 100,
                maxTemplateBytes: Int = 4 << 20, maxRenderTime: Double = 10) {
        self.maxLoopIterations = maxLoopIterations
        self.maxOutputBytes = maxOutputBytes
        self.maxDepth = maxDepth
        self.maxTemplateBytes = maxTemplateBytes
        self.maxRenderTime = maxRenderTime
    }
}

/// How an engine parses and renders.
public struct LiquidOptions: Sendable {
    /// Undefined variables raise instead of rendering as nothing.
    public var strictVariables: Bool
    /// Unknown filters raise instead of being ignored.
    public var strictFilters: Bool
    /// Strict parse mode (Ruby Liquid's `error_mode: :strict`); lax accepts a few extra forms.
    public var strictParsing: Bool
    /// HTML-escape `{{ }}` output unless the value is `.safe`.
    public var autoescape: Bool
    public var limits: LiquidLimits

    public init(strictVariables: Bool = false, strictFilters: Bool = false, strictParsing: Bool = false,
                autoescape: Bool = false, limits: LiquidLimits = LiquidLimits()) {
        self.strictVariables = strictVariables
        self.strictFilters = strictFilters
        self.strictParsing = strictParsing
        self.autoescape = autoescape
        self.limits = limits
    }
}
