#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A render-time error without location; the renderer adds template and line.
struct RenderFailure: Error {
    var kind: LiquidError.Kind
    var message: String
    init(_ kind: LiquidError.Kind = .render, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

enum Interrupt: UInt8 { case none, breakLoop, continueLoop }

/// Mutable state of one render: scopes, output buffer, counters and limits.
///
/// One context belongs to one render on one thread and its methods never hold two accesses to the same
/// property at once, so its properties skip Swift's dynamic exclusivity checks (they cost ~7 % of render
/// time in profiles).
final class RenderContext {
    let engine: LiquidEngine
    let options: LiquidOptions
    /// Variable scopes in use are `scopes[base..<depth]`: `base` is the template's own (where `assign`
    /// writes; a `render` partial gets a base of its own), `depth - 1` the innermost. Scopes past `depth`
    /// are kept for reuse, so a loop or partial does not allocate a scope per visit.
    @exclusivity(unchecked) var scopes: [VariableScope]
    @exclusivity(unchecked) var base = 0
    @exclusivity(unchecked) var depth = 1
    /// `increment`/`decrement` counters: looked up after the scopes, before the render variables.
    @exclusivity(unchecked) var counters = VariableScope()
    /// The render variables.
    @exclusivity(unchecked) var environment: LiquidObject
    @exclusivity(unchecked) var out: OutputBuffer
    /// Evaluated arguments of the standard filter call being applied (see `apply(_:to:)`).
    @exclusivity(unchecked) var arguments: [LiquidValue] = []
    @exclusivity(unchecked) var interrupt: Interrupt = .none
    @exclusivity(unchecked) var iterations = 0
    @exclusivity(unchecked) var partialDepth = 0
    @exclusivity(unchecked) var isolated = false
    /// Position of each `cycle` group (a short linear list, like `forOffsets`).
    @exclusivity(unchecked) var cycles = VariableScope()
    /// Where each named `for` loop stopped, for `offset: continue` (a short linear list: no hashing per loop).
    @exclusivity(unchecked) var forOffsets = VariableScope()
    @exclusivity(unchecked) var ifchangedLast: [UInt8]? = nil
    @exclusivity(unchecked) var currentForloop: ForloopDrop? = nil
    /// The template being rendered (a partial's while it renders).
    @exclusivity(unchecked) var source: SourceText { didSet { textBase = source.base } }
    /// `source.base`, read by every text node.
    @exclusivity(unchecked) var textBase: UnsafeMutablePointer<UInt8>
    let deadline: Double

    /// Output is usually about as long as the template text (plus partials): reserving twice the source
    /// saves the buffer's regrowth copies on page-sized templates.
    static func outputCapacity(_ source: SourceText) -> Int { max(4096, min(source.bytes.count &* 2, 1 << 16)) }

    init(engine: LiquidEngine, source: SourceText, variables: LiquidObject, output: consuming OutputBuffer) {
        self.engine = engine
        self.options = engine.options
        self.source = source
        self.textBase = source.base
        var scopes = [VariableScope(capacity: 8)]
        scopes.reserveCapacity(8)
        self.scopes = scopes
        self.environment = variables
        self.deadline = options.limits.maxRenderTime > 0 ? monotonicSeconds() + options.limits.maxRenderTime : .infinity
        out = output
        arguments.reserveCapacity(4)
    }

    /// The variable `name` (whose `fingerprint` is `print`): innermost scope first, then counters, then
    /// the render variables.
    @inline(__always) func lookup(_ name: String, print: UInt64) -> LiquidValue? {
        var i = depth - 1
        while i >= base {
            if let value = scopes[i].value(name, print: print) { return value }
            i -= 1
        }
        if let value = counters.value(name, print: print) { return value }
        return environment.value(name, print: print)
    }

    @inline(__always) func assign(_ name: String, print: UInt64, _ value: LiquidValue) {
        scopes[base].set(name, print: print, value)
    }

    @inline(__always) func setLocal(_ name: String, _ value: LiquidValue) {
        scopes[depth - 1].set(name, value)
    }

    @inline(__always) func setLocal(_ name: String, print: UInt64, _ value: LiquidValue) {
        scopes[depth - 1].set(name, print: print, value)
    }

    /// Opens an empty innermost scope (reusing the storage of one closed before) and returns its index;
    /// `depth = index` closes it again.
    @inline(__always) func pushScope() -> Int {
        if depth == scopes.count {
            scopes.append(VariableScope(capacity: 2))
        } else {
            scopes[depth].removeAll()
        }
        depth += 1
        return depth - 1
    }

    func checkOutput() throws {
        if out.count > options.limits.maxOutputBytes {
            throw RenderFailure(.limit, "Memory limits exceeded: output is larger than \(options.limits.maxOutputBytes) bytes")
        }
    }

    @inline(__always) func countIteration() throws {
        iterations += 1
        if iterations > options.limits.maxLoopIterations {
            throw RenderFailure(.limit, "Loop iteration limit exceeded (\(options.limits.maxLoopIterations))")
        }
        if iterations & 255 == 0 { try checkTime() }
    }

    func checkTime() throws {
        if monotonicSeconds() > deadline {
            throw RenderFailure(.limit, "Render time limit exceeded (\(options.limits.maxRenderTime)s)")
        }
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The `forloop` object.
final class ForloopDrop: LiquidDrop, @unchecked Sendable {
    let name: String
    let length: Int
    var index0 = 0
    let parent: ForloopDrop?

    init(name: String, length: Int, parent: ForloopDrop?) {
        self.name = name
        self.length = length
        self.parent = parent
    }

    func value(forKey key: String) -> LiquidValue? {
        switch key {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "rindex": return .int(length - index0)
        case "rindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "name": return .string(name)
        case "parentloop": return parent.map { .drop($0) } ?? .null
        default: return nil
        }
    }

    var keys: [String] { ["first", "index", "index0", "last", "length", "rindex", "rindex0", "name", "parentloop"] }
}

/// The `tablerowloop` object.
final class TablerowloopDrop: LiquidDrop, @unchecked Sendable {
    let length: Int
    let cols: Int
    var index0 = 0
    var row = 1
    var col0 = 0

    init(length: Int, cols: Int) {
        self.length = length
        self.cols = cols
    }

    func value(forKey key: String) -> LiquidValue? {
        switch key {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "rindex": return .int(length - index0)
        case "rindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "col": return .int(col0 + 1)
        case "col0": return .int(col0)
        case "col_first": return .bool(col0 == 0)
        case "col_last": return .bool(col0 + 1 == cols)
        case "row": return .int(row)
        default: return nil
        }
    }
}
