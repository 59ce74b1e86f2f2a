#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses and renders Liquid templates. Thread-safe: templates loaded by name are parsed once and cached.
///
/// Custom filters: `registerFilter(_:_:)` before parsing templates that use them (filters are resolved
/// when a template is parsed), or pass them to `init(loader:options:filters:)`.
public final class LiquidEngine: Sendable {
    public let loader: (any TemplateLoader)?
    public let options: LiquidOptions
    private let state: Locked<State>

    struct State {
        var filters: [String: LiquidFilter] = [:]
        var cache: [String: LiquidTemplate] = [:]
        /// The first templates cached, found by comparing names: hashing the name was most of a partial
        /// lookup, which every `include`/`render` makes.
        var recent: [(name: String, template: LiquidTemplate)] = []
        static let recentLimit = 16

        func cached(_ name: String) -> LiquidTemplate? {
            let length = name.utf8.count
            for entry in recent where entry.name.utf8.count == length && entry.name == name { return entry.template }
            return recent.count < Self.recentLimit ? nil : cache[name]
        }

        mutating func store(_ name: String, _ template: LiquidTemplate) {
            if cache.updateValue(template, forKey: name) != nil {
                recent.removeAll { $0.name == name }
            }
            if recent.count < Self.recentLimit { recent.append((name, template)) }
        }
    }

    public init(loader: (any TemplateLoader)? = nil, options: LiquidOptions = .init(),
                filters: [String: LiquidFilter] = [:]) {
        self.loader = loader
        self.options = options
        self.state = Locked(State(filters: filters))
    }

    /// Adds (or replaces) a filter. Standard filters cannot be replaced.
    public func registerFilter(_ name: String, _ body: @escaping LiquidFilter) {
        state.withLock { $0.filters[name] = body }
    }

    func filterLookup() -> (String) -> FilterImpl {
        let custom = state.withLock { $0.filters }
        return { name in
            if let standard = StandardFilter(rawValue: name) { return .standard(standard) }
            if let body = custom[name] { return .custom(body) }
            return .unknown
        }
    }

    /// Parses `source` into a reusable template.
    public func parse(_ source: String, name: String = "<string>") throws -> LiquidTemplate {
        let text = SourceText(name: name, text: source)
        // Text nodes address the source with 32-bit offsets, so no limit goes past 4 GiB.
        let limit = min(options.limits.maxTemplateBytes, Int(UInt32.max))
        if text.bytes.count > limit {
            // Located where the source crosses the limit.
            throw text.error(.limit, "template is larger than \(limit) bytes", at: limit)
        }
        let nodes = try Parser.parse(source: text, strict: options.strictParsing, maxDepth: options.limits.maxDepth,
                                     filterLookup: filterLookup())
        return LiquidTemplate(engine: self, source: text, nodes: nodes)
    }

    /// The template called `name` from the loader, parsed once and cached.
    public func template(named name: String) throws -> LiquidTemplate {
        if let cached = state.withLock({ $0.cached(name) }) { return cached }
        guard let loader else {
            throw LiquidError(.fileSystem, "This liquid context does not allow includes (no template loader)", template: name)
        }
        guard let source = try loader.load(name) else {
            throw LiquidError(.fileSystem, "No such template '\(name)'", template: name)
        }
        let template = try parse(source.text, name: name)
        state.withLock { $0.store(name, template) }
        return template
    }

    func partial(named name: String) throws -> LiquidTemplate {
        do {
            return try template(named: name)
        } catch let error as LiquidError where error.kind == .fileSystem {
            throw RenderFailure(.fileSystem, error.message)
        }
    }

    /// Loads (cached), then renders the template called `name`.
    public func render(named name: String, _ variables: LiquidObject) throws -> String {
        try template(named: name).render(variables)
    }

    /// Parses and renders `source` in one go.
    public func render(_ source: String, _ variables: LiquidObject = LiquidObject()) throws -> String {
        try parse(source).render(variables)
    }

    /// Drops cached templates (for example after template files changed).
    public func clearCache() {
        state.withLock {
            $0.cache.removeAll()
            $0.recent.removeAll()
        }
    }
}

/// A parsed template; render it any number of times, from any thread.
public struct LiquidTemplate: Sendable {
    let engine: LiquidEngine
    let source: SourceText
    nonisolated(unsafe) let nodes: [Node]
    /// Per variable name, whether the template only prints it bare (`renderBytes(_:splicing:_:)` asks per page).
    let barePrints = Locked<[String: Bool]>([:])

    public var name: String { source.name }

    public func render(_ variables: LiquidObject = LiquidObject()) throws -> String {
        let context = RenderContext(engine: engine, source: source, variables: variables,
                                    output: OutputBuffer(capacity: RenderContext.outputCapacity(source)))
        try context.render(nodes)
        return context.out.string()
    }

    /// Renders to UTF-8 bytes.
    public func renderBytes(_ variables: LiquidObject = LiquidObject()) throws -> [UInt8] {
        // Rendered straight into the returned array's storage; only output that outgrows it is copied. The
        // context writes nothing once the closure returns (or throws), so it never touches the memory after.
        var context: RenderContext? = nil
        let bytes = try [UInt8](unsafeUninitializedCapacity: RenderContext.outputCapacity(source)) { memory, count in
            let renderer = RenderContext(engine: engine, source: source, variables: variables,
                                         output: OutputBuffer(borrowing: memory))
            context = renderer
            try renderer.render(nodes)
            if !renderer.out.ownsMemory { count = renderer.out.count }
        }
        guard let context, context.out.ownsMemory else { return bytes }
        return context.out.bytes()
    }
}

/// A value behind a mutex.
final class Locked<Value>: @unchecked Sendable {
    /// Only touched with `mutex` held, so the dynamic exclusivity check would be redundant.
    @exclusivity(unchecked) private var value: Value
    private var mutex = pthread_mutex_t()

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body(&value)
    }
}
