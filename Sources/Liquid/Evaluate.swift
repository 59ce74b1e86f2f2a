/// Expression, filter chain and condition evaluation.
extension RenderContext {
    /// Literals (most filter arguments and comparison operands) are taken here, without a call.
    @inline(__always) func evaluate(_ expr: Expr) throws -> LiquidValue {
        if case .literal(let value) = expr { return value }
        return try evaluateNonLiteral(expr)
    }

    func evaluateNonLiteral(_ expr: Expr) throws -> LiquidValue {
        switch expr {
        case .literal(let value):
            return value
        case .variable(let ref):
            guard let root = lookup(ref.name, print: ref.print) else {
                if options.strictVariables { throw RenderFailure(.undefined, "undefined variable \(ref.name)") }
                return .null
            }
            if ref.path.isEmpty { return root }
            return try follow(root, ref.path, name: ref.name)
        case .dynamicVariable(let ref):
            let key = try evaluate(ref.key)
            guard let name = key.stringPayload, let root = lookup(name, print: fingerprint(name)) else {
                if options.strictVariables { throw RenderFailure(.undefined, "undefined variable \(key.liquidString)") }
                return .null
            }
            return try follow(root, ref.path, name: name)
        case .range(let range):
            let lo = try rangeInteger(try evaluate(range.low))
            let hi = try rangeInteger(try evaluate(range.high))
            if hi >= lo, hi.subtractingReportingOverflow(lo).overflow || hi - lo >= options.limits.maxLoopIterations {
                // Filters materialise ranges, so one wider than the loop limit would only exhaust memory.
                throw RenderFailure(.limit, "Range (\(lo)..\(hi)) is larger than the loop iteration limit (\(options.limits.maxLoopIterations))")
            }
            return hi < lo ? .array([]) : .range(lo...hi)
        case .empty, .blank:
            return .string("")
        }
    }

    func rangeInteger(_ value: LiquidValue) throws -> Int {
        switch value {
        case .int(let i): return i
        case .double(let d): return d.isFinite ? Int(saturating: d) : 0
        case .string(let s), .safe(let s):
            return Int(s.trimmingRubySpace()) ?? leadingInteger(s) ?? 0
        case .null: return 0
        default: throw RenderFailure(.argument, "invalid integer")
        }
    }

    /// `root` followed along `path`; the first step reads `root` in place rather than from a copy.
    func follow(_ root: LiquidValue, _ path: [PathStep], name: String) throws -> LiquidValue {
        if path.isEmpty { return root }
        guard var value = try step(root, path[0]) else { return try missing(name) }
        var i = 1
        while i < path.count {
            guard let next = try step(value, path[i]) else { return try missing(name) }
            value = next
            i += 1
        }
        return value
    }

    private func missing(_ name: String) throws -> LiquidValue {
        if options.strictVariables { throw RenderFailure(.undefined, "undefined variable \(name)") }
        return .null
    }

    @inline(__always) private func step(_ value: LiquidValue, _ step: PathStep) throws -> LiquidValue? {
        switch step {
        case .dot(let key):
            return value.property(key.string, command: true, print: key.print)
        case .key(let key):
            return value.property(key.string, command: false, print: key.print)
        case .index(let i):
            return value.element(at: i) ?? (value.isObjectLike ? value.property(String(i), command: false) : nil)
        case .dynamic(let expr):
            let key = try evaluate(expr)
            switch key {
            case .int(let i): return value.element(at: i) ?? (value.isObjectLike ? value.property(String(i), command: false) : nil)
            case .string(let s), .safe(let s): return value.property(s, command: false)
            case .double(let d): return value.element(at: Int(saturating: d))
            default: return nil
            }
        }
    }

    @inline(__always) func evaluate(_ filtered: FilteredExpr) throws -> LiquidValue {
        try evaluate(filtered, filters: filtered.filters.count)
    }

    /// The expression through its first `count` filters.
    @inline(__always) func evaluate(_ filtered: FilteredExpr, filters count: Int) throws -> LiquidValue {
        var value = try evaluate(filtered.expr)
        let filters = filtered.filters
        var i = 0
        while i < count {
            value = try apply(filters[i], to: value)
            i += 1
        }
        return value
    }

    func apply(_ call: FilterCall, to input: LiquidValue) throws -> LiquidValue {
        if let filter = call.standard {
            // Arguments go into one buffer reused by every filter call of the render (an argument is a plain
            // expression, never a filter chain, so calls do not nest): no array allocation per call.
            while !arguments.isEmpty { arguments.removeLast() }
            let expressions = call.arguments
            var i = 0
            while i < expressions.count {
                arguments.append(try evaluate(expressions[i]))
                i += 1
            }
            var keywords: [(String, LiquidValue)] = []
            if !call.keywords.isEmpty {
                for (key, expr) in call.keywords { keywords.append((key, try evaluate(expr))) }
            }
            // Only `join` and `replace` can grow past their input: the others skip the call.
            if filter == .join || filter == .replace { try checkGrowth(filter, input, arguments) }
            let result = try filter.apply(input, arguments, keywords, self)
            try checkResultSize(result)
            return result
        }
        switch call.impl {
        case .standard:
            preconditionFailure("standard filters are applied above")
        case .custom(let body):
            var arguments = try call.arguments.map { try evaluate($0) }
            if !call.keywords.isEmpty {
                var object = LiquidObject()
                for (key, expr) in call.keywords { object[key] = try evaluate(expr) }
                arguments.append(.object(object))
            }
            do {
                let result = try body(input, arguments)
                try checkResultSize(result)
                return result
            } catch let error as RenderFailure {
                throw error
            } catch let error as LiquidError {
                throw RenderFailure(error.kind, error.message)
            } catch {
                throw RenderFailure(.render, "filter '\(call.name)': \(error)")
            }
        case .unknown:
            if options.strictFilters { throw RenderFailure(.undefined, "undefined filter \(call.name)") }
            return input
        }
    }

    // MARK: Conditions

    func evaluate(_ condition: Condition) throws -> Bool {
        let comparisons = condition.comparisons
        if comparisons.count == 1 { return try evaluate(comparisons[0]) }
        // Right-associative (`a and b or c` is `a and (b or c)`), short-circuiting as Ruby does: walking left
        // to right, a false operand of `and` or a true operand of `or` decides the whole rest of the chain.
        // A loop, not recursion, so a chain of any length cannot exhaust the stack.
        let joins = condition.joins
        var i = 0
        while i < joins.count {
            let here = try evaluate(comparisons[i])
            if joins[i] ? !here : here { return here }
            i += 1
        }
        return try evaluate(comparisons[i])
    }

    func evaluate(_ comparison: Comparison) throws -> Bool {
        guard let op = comparison.op else {
            switch comparison.left {
            case .empty, .blank: return true
            default: return try evaluate(comparison.left).isTruthy
            }
        }
        let left = try evaluate(comparison.left)
        return try compare(left, op, comparison.right, leftExpr: comparison.left)
    }

    /// Compares `left` with the expression `rightExpr` (which may be `empty`/`blank`).
    func compare(_ left: LiquidValue, _ op: ComparisonOp, _ rightExpr: Expr, leftExpr: Expr? = nil) throws -> Bool {
        let rightSpecial = rightExpr.isSpecialLiteral
        let leftSpecial = leftExpr?.isSpecialLiteral ?? false
        if rightSpecial || leftSpecial {
            switch op {
            case .lt, .gt, .le, .ge, .contains: return false
            default: break
            }
            if rightSpecial && leftSpecial {
                let same = rightExpr.isEmptyLiteral == leftExpr!.isEmptyLiteral
                return op == .eq ? same : !same
            }
        }
        switch rightExpr {
        case .empty:
            if op == .eq { return left.isEmptyLiquid }
            if op == .ne { return !left.isEmptyLiquid }
        case .blank:
            if op == .eq { return left.isBlankLiquid }
            if op == .ne { return !left.isBlankLiquid }
        default: break
        }
        if let leftExpr {
            switch leftExpr {
            case .empty:
                let right = try evaluate(rightExpr)
                if op == .eq { return right.isEmptyLiquid }
                if op == .ne { return !right.isEmptyLiquid }
            case .blank:
                let right = try evaluate(rightExpr)
                if op == .eq { return right.isBlankLiquid }
                if op == .ne { return !right.isBlankLiquid }
            default: break
            }
        }
        let right = try evaluate(rightExpr)
        return try compareValues(left, op, right)
    }

    func compareValues(_ left: LiquidValue, _ op: ComparisonOp, _ right: LiquidValue) throws -> Bool {
        switch op {
        case .eq: return left.liquidEquals(right)
        case .ne: return !left.liquidEquals(right)
        case .contains:
            switch left {
            case .string(let s), .safe(let s):
                if right.isNil { return false }
                let needle = right.liquidString
                return StringFilters.contains(s, needle)
            case .array(let items):
                guard right.isTruthy else { return false }
                return items.contains { $0.liquidEquals(right) }
            case .range(let r):
                if case .int(let i) = right { return r.contains(i) }
                return false
            case .object(let object):
                if let key = right.stringPayload { return object[key] != nil }
                return false
            default:
                return false
            }
        case .lt, .gt, .le, .ge:
            if left.isNil || right.isNil { return false }
            guard let order = left.liquidCompare(right) else {
                throw RenderFailure(.argument, "comparison of \(left.rubyClassName) with \(right.literalDescription) failed")
            }
            switch op {
            case .lt: return order < 0
            case .gt: return order > 0
            case .le: return order <= 0
            default: return order >= 0
            }
        }
    }
}

extension Expr {
    var isSpecialLiteral: Bool {
        switch self {
        case .empty, .blank: return true
        default: return false
        }
    }

    var isEmptyLiteral: Bool {
        if case .empty = self { return true }
        return false
    }
}

extension LiquidValue {
    var isObjectLike: Bool {
        switch self {
        case .object, .drop: return true
        default: return false
        }
    }

    var literalDescription: String {
        switch self {
        case .string, .safe: return "String"
        case .int(let i): return String(i)
        case .double(let d): return formatRubyFloat(d)
        default: return rubyClassName
        }
    }
}

extension String {
    func trimmingRubySpace() -> String {
        let u = Array(utf8)
        var s = 0
        var e = u.count
        while s < e, isRubySpace(u[s]) { s += 1 }
        while e > s, isRubySpace(u[e - 1]) || u[e - 1] == 0 { e -= 1 }
        if s == 0 && e == u.count { return self }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}

/// Ruby's `String#to_i`: leading whitespace, optional sign, digits (underscores allowed between digits).
func leadingInteger(_ s: String) -> Int? {
    var value = 0
    var sign = 1
    var seen = false
    var it = s.utf8.makeIterator()
    var c = it.next()
    while let ch = c, isRubySpace(ch) { c = it.next() }
    if c == 45 { sign = -1; c = it.next() } else if c == 43 { c = it.next() }
    while let ch = c {
        if ch >= 48 && ch <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(ch - 48))
            if o1 || o2 { return sign * Int.max }
            value = a
            seen = true
        } else if ch == 95 && seen {
        } else {
            break
        }
        c = it.next()
    }
    return seen ? sign * value : nil
}

func appendEscaped(_ s: String, to out: inout OutputBuffer) {
    var s = s
    s.withUTF8 { u in
        guard let base = u.baseAddress else { return }
        // Runs of bytes that need no escaping are copied in bulk; most text has few specials, so eight bytes
        // at a time are checked for any of them first.
        var runStart = 0
        var i = 0
        let n = u.count
        while i < n {
            if i &+ 8 <= n, !hasHTMLSpecial(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i &+= 8
                continue
            }
            let end = min(i &+ 8, n)
            while i < end {
                let entity: StaticString
                switch u[i] {
                case 38: entity = "&amp;"
                case 60: entity = "&lt;"
                case 62: entity = "&gt;"
                case 34: entity = "&quot;"
                case 39: entity = "&#39;"
                default: i &+= 1; continue
                }
                out.append(UnsafeBufferPointer(rebasing: u[runStart..<i]))
                out.append(entity)
                i &+= 1
                runStart = i
            }
        }
        out.append(UnsafeBufferPointer(rebasing: u[runStart..<n]))
    }
}

/// Whether any byte of `w` is one of `& < > " '` (a zero byte of `w ^ c` for one of them; the test is exact
/// about whether one exists).
@inline(__always) func hasHTMLSpecial(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & 0x8080_8080_8080_8080 }
    return zero(w ^ (ones &* 0x26)) | zero(w ^ (ones &* 0x3C)) | zero(w ^ (ones &* 0x3E))
        | zero(w ^ (ones &* 0x22)) | zero(w ^ (ones &* 0x27)) != 0
}
