/// One step of a variable path.
enum PathStep {
    /// `.name`: also answers `size`, `first`, `last` on arrays, hashes and strings.
    case dot(Name)
    /// `['name']` or a literal index `[0]`.
    case key(Name)
    case index(Int)
    /// `[expr]`, evaluated at render time.
    case dynamic(Expr)
}

/// An expression: a literal, a variable path or a range. Not `indirect`: the compound cases hold one class
/// reference each, so evaluating reads their fields in place instead of copying a boxed payload out.
enum Expr {
    case literal(LiquidValue)
    /// Variable `name` followed by `path`.
    case variable(VariablePath)
    /// `[expr]` at the root, then `path`.
    case dynamicVariable(DynamicPath)
    case range(RangeExpr)
    case empty
    case blank

    static func variable(name: String, path: [PathStep]) -> Expr { .variable(VariablePath(name: name, path: path)) }
}

final class VariablePath {
    let name: String
    /// `fingerprint(name)`.
    let print: UInt64
    let path: [PathStep]
    init(name: String, path: [PathStep]) { self.name = name; self.print = fingerprint(name); self.path = path }
}

final class DynamicPath {
    let key: Expr
    let path: [PathStep]
    init(key: Expr, path: [PathStep]) { self.key = key; self.path = path }
}

final class RangeExpr {
    let low: Expr
    let high: Expr
    init(low: Expr, high: Expr) { self.low = low; self.high = high }
}

/// A user-supplied filter.
public typealias LiquidFilter = @Sendable (LiquidValue, [LiquidValue]) throws -> LiquidValue

enum FilterImpl {
    case standard(StandardFilter)
    case custom(LiquidFilter)
    case unknown
}

/// Classes, not structs: the renderer passes these around on every evaluation, and a copy of a class is
/// one retain where a struct copy retains each of its fields.
final class FilterCall {
    let name: String
    let impl: FilterImpl
    /// `impl`'s standard filter, read without copying the enum (whose custom case holds a closure).
    let standard: StandardFilter?
    let arguments: [Expr]
    let keywords: [(String, Expr)]
    init(name: String, impl: FilterImpl, arguments: [Expr], keywords: [(String, Expr)]) {
        self.name = name; self.impl = impl; self.arguments = arguments; self.keywords = keywords
        if case .standard(let filter) = impl { standard = filter } else { standard = nil }
    }
}

/// `{{ expr | filter: args }}` and the right side of `assign`/`echo`.
final class FilteredExpr {
    let expr: Expr
    let filters: [FilterCall]
    let line: Int
    /// The last filter is the standard `escape` (or `h`) without arguments: output can escape in place.
    let endsWithEscape: Bool
    init(expr: Expr, filters: [FilterCall], line: Int) {
        self.expr = expr; self.filters = filters; self.line = line
        if let last = filters.last, last.standard == .escape || last.standard == .h,
           last.arguments.isEmpty, last.keywords.isEmpty {
            endsWithEscape = true
        } else {
            endsWithEscape = false
        }
    }
}

enum ComparisonOp: UInt8 { case eq, ne, lt, gt, le, ge, contains }

struct Comparison {
    var left: Expr
    var op: ComparisonOp?
    var right: Expr
}

/// Comparisons joined by `and`/`or`, right-associative (`a and b or c` is `a and (b or c)`).
final class Condition {
    let comparisons: [Comparison]
    /// `joins[i]` joins comparison i with i+1: true for `and`.
    let joins: [Bool]
    init(comparisons: [Comparison], joins: [Bool]) {
        self.comparisons = comparisons; self.joins = joins
    }
}

final class ForNode {
    let variable: String
    let variablePrint: UInt64
    let collection: Expr
    let name: String
    let namePrint: UInt64
    let reversed: Bool
    let limit: Expr?
    let offset: Expr?
    let offsetContinue: Bool
    let body: [Node]
    let elseBody: [Node]?
    let line: Int
    init(variable: String, collection: Expr, name: String, reversed: Bool, limit: Expr?, offset: Expr?,
         offsetContinue: Bool, body: [Node], elseBody: [Node]?, line: Int) {
        self.variable = variable; self.collection = collection; self.name = name; self.reversed = reversed
        self.variablePrint = fingerprint(variable)
        self.namePrint = fingerprint(name)
        self.limit = limit; self.offset = offset; self.offsetContinue = offsetContinue
        self.body = body; self.elseBody = elseBody; self.line = line
    }
}

final class TablerowNode {
    let variable: String
    let collection: Expr
    let cols: Expr?
    let limit: Expr?
    let offset: Expr?
    let body: [Node]
    let line: Int
    init(variable: String, collection: Expr, cols: Expr?, limit: Expr?, offset: Expr?, body: [Node], line: Int) {
        self.variable = variable; self.collection = collection; self.cols = cols
        self.limit = limit; self.offset = offset; self.body = body; self.line = line
    }
}

/// `include` and `render`.
final class PartialNode {
    let isolated: Bool
    let name: Expr
    let variable: Expr?
    let isFor: Bool
    let alias: String?
    /// The variable name the partial's value is bound to when known at parse time: `alias`, or the default
    /// derived from a literal template name.
    let staticAlias: String?
    let staticAliasPrint: UInt64
    let attributes: [(String, Expr)]
    let line: Int
    init(isolated: Bool, name: Expr, variable: Expr?, isFor: Bool, alias: String?, attributes: [(String, Expr)], line: Int) {
        self.isolated = isolated; self.name = name; self.variable = variable; self.isFor = isFor
        self.alias = alias; self.attributes = attributes; self.line = line
        if let alias {
            staticAlias = alias
        } else if case .literal(let value) = name, let literal = value.stringPayload {
            staticAlias = partialAlias(literal)
        } else {
            staticAlias = nil
        }
        staticAliasPrint = staticAlias.map(fingerprint) ?? 0
    }
}

final class CaseNode {
    let subject: Expr
    /// Each branch: values to compare with (nil for `else`), body.
    let branches: [(values: [Expr]?, body: [Node])]
    let line: Int
    init(subject: Expr, branches: [(values: [Expr]?, body: [Node])], line: Int) {
        self.subject = subject; self.branches = branches; self.line = line
    }
}

final class AssignNode {
    let name: String
    let print: UInt64
    let value: FilteredExpr
    init(name: String, value: FilteredExpr) { self.name = name; self.print = fingerprint(name); self.value = value }
}

final class CaptureNode {
    let name: String
    let print: UInt64
    let body: [Node]
    init(name: String, body: [Node]) { self.name = name; self.print = fingerprint(name); self.body = body }
}

/// `if`/`elsif`/`else`, `unless` and the body of `liquid`.
final class ConditionalNode {
    /// Branches in order: `conditions[i]` (nil for else) guards `bodies[i]`.
    let conditions: [Condition?]
    let bodies: [[Node]]
    /// For `unless`.
    let negateFirst: Bool
    let line: Int
    init(branches: [(Condition?, [Node])], negateFirst: Bool, line: Int) {
        conditions = branches.map { $0.0 }; bodies = branches.map { $0.1 }
        self.negateFirst = negateFirst; self.line = line
    }
}

final class CycleNode {
    let group: Expr?
    let values: [Expr]
    let key: String
    let keyPrint: UInt64
    let line: Int
    init(group: Expr?, values: [Expr], key: String, line: Int) {
        self.group = group; self.values = values; self.key = key; self.line = line
        keyPrint = fingerprint(key)
    }
}

/// `increment` / `decrement`.
final class CounterNode {
    let name: String
    let print: UInt64
    let increment: Bool
    init(name: String, increment: Bool) { self.name = name; self.print = fingerprint(name); self.increment = increment }
}

/// Bytes `start..<start+count` of the template source (sources are limited to 4 GiB).
struct TextSpan {
    let start: UInt32
    let count: UInt32
    init(_ range: Range<Int>) { start = UInt32(range.lowerBound); count = UInt32(range.count) }
}

/// Every payload is a single reference (a class or an array), so a `Node` is one pointer with the case in
/// its spare bits: visiting a node copies one reference instead of an enum with several fields.
enum Node {
    /// Template text: a span of the template's source bytes.
    case text(TextSpan)
    case output(FilteredExpr)
    case assign(AssignNode)
    case capture(CaptureNode)
    case conditional(ConditionalNode)
    case caseTag(CaseNode)
    case forLoop(ForNode)
    case tablerow(TablerowNode)
    case cycle(CycleNode)
    case counter(CounterNode)
    case partial(PartialNode)
    case ifchanged([Node])
    case breakLoop
    case continueLoop
}

extension Node {
    static func assign(_ name: String, _ value: FilteredExpr) -> Node { .assign(AssignNode(name: name, value: value)) }
    static func capture(_ name: String, _ body: [Node]) -> Node { .capture(CaptureNode(name: name, body: body)) }
    static func conditional(_ branches: [(Condition?, [Node])], negateFirst: Bool, line: Int) -> Node {
        .conditional(ConditionalNode(branches: branches, negateFirst: negateFirst, line: line))
    }
    static func cycle(group: Expr?, values: [Expr], key: String, line: Int) -> Node {
        .cycle(CycleNode(group: group, values: values, key: key, line: line))
    }
    static func increment(_ name: String) -> Node { .counter(CounterNode(name: name, increment: true)) }
    static func decrement(_ name: String) -> Node { .counter(CounterNode(name: name, increment: false)) }
}
