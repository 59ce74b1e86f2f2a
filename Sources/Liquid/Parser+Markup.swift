/// Expressions, filters and conditions inside tag and output markup.
extension Parser {
    mutating func beginMarkup(_ token: TemplateToken) throws {
        try beginMarkup(token.start, token.end)
    }

    mutating func beginMarkup(_ start: Int, _ end: Int) throws {
        let (list, errorAt) = ExpressionLexer.tokenize(b, start, end)
        if let errorAt {
            let c = text(errorAt, min(errorAt + 1, end))
            throw error("Unexpected character \(c)", at: errorAt)
        }
        mt = list
        mp = 0
    }

    @inline(__always) func look(_ kind: ExprToken.Kind, _ ahead: Int = 0) -> Bool {
        let i = mp + ahead
        return i < mt.count && mt[i].kind == kind
    }

    @inline(__always) var current: ExprToken { mt[min(mp, mt.count - 1)] }

    func tokenText(_ t: ExprToken) -> String { text(t.start, t.end) }

    func isWord(_ t: ExprToken, _ word: StaticString) -> Bool {
        t.kind == .identifier && t.end - t.start == word.utf8CodeUnitCount && ExpressionLexer.matches(b, t.start, word)
    }

    mutating func consume(_ kind: ExprToken.Kind) throws -> ExprToken {
        let t = current
        guard t.kind == kind else {
            throw error("Expected \(kind) but found \(describe(t))", at: t.start)
        }
        mp += 1
        return t
    }

    mutating func consumeIf(_ kind: ExprToken.Kind) -> Bool {
        if look(kind) { mp += 1; return true }
        return false
    }

    mutating func consumeWord(_ word: StaticString) -> Bool {
        if isWord(current, word) { mp += 1; return true }
        return false
    }

    func describe(_ t: ExprToken) -> String {
        t.kind == .end ? "end of markup" : "'\(tokenText(t))'"
    }

    mutating func expectEnd() throws {
        let t = current
        guard t.kind == .end else { throw error("Unexpected \(describe(t)) in markup", at: t.start) }
    }

    // MARK: Expressions

    mutating func parseExpression() throws -> Expr {
        let t = current
        expressionDepth += 1
        defer { expressionDepth -= 1 }
        if expressionDepth > maxDepth {
            throw source.error(.limit, "Nesting too deep: expression nests more than \(maxDepth) levels", at: t.start)
        }
        switch t.kind {
        case .identifier:
            mp += 1
            let name = tokenText(t)
            let path = try parsePath()
            if path.isEmpty {
                switch name {
                case "true": return .literal(.bool(true))
                case "false": return .literal(.bool(false))
                case "nil", "null": return .literal(.null)
                case "empty": return .empty
                case "blank": return .blank
                default: break
                }
            }
            return .variable(name: name, path: path)
        case .string:
            mp += 1
            return .literal(.string(tokenText(t)))
        case .integer:
            mp += 1
            let s = tokenText(t)
            if let i = Int(s) { return .literal(.int(i)) }
            return .literal(.double(Double(s) ?? 0))
        case .float:
            mp += 1
            return .literal(.double(Double(tokenText(t)) ?? 0))
        case .openSquare:
            mp += 1
            let inner = try parseExpression()
            _ = try consume(.closeSquare)
            let path = try parsePath()
            if case .literal(.string(let name)) = inner { return .variable(name: name, path: path) }
            return .dynamicVariable(DynamicPath(key: inner, path: path))
        case .openRound:
            mp += 1
            let low = try parseExpression()
            _ = try consume(.dotdot)
            let high = try parseExpression()
            _ = try consume(.closeRound)
            if case .literal(let a) = low, case .literal(let z) = high,
               let lo = rangeBound(a), let hi = rangeBound(z), hi < lo || hi.subtractingReportingOverflow(lo).partialValue < 4096,
               !hi.subtractingReportingOverflow(lo).overflow {
                // Only small literal ranges are folded; larger ones stay expressions so render-time limits apply.
                return .literal(hi < lo ? .array([]) : .range(lo...hi))
            }
            return .range(RangeExpr(low: low, high: high))
        default:
            throw error("\(describe(t)) is not a valid expression", at: t.start)
        }
    }

    func rangeBound(_ v: LiquidValue) -> Int? {
        switch v {
        case .int(let i): return i
        case .double(let d): return d.isFinite ? Int(saturating: d) : nil
        default: return nil
        }
    }

    mutating func parsePath() throws -> [PathStep] {
        var path: [PathStep] = []
        while true {
            if look(.dot) {
                mp += 1
                let t = try consume(.identifier)
                path.append(.dot(Name(tokenText(t))))
            } else if look(.openSquare) {
                mp += 1
                let inner = try parseExpression()
                _ = try consume(.closeSquare)
                switch inner {
                case .literal(.string(let s)): path.append(.key(Name(s)))
                case .literal(.int(let i)): path.append(.index(i))
                default: path.append(.dynamic(inner))
                }
            } else {
                return path
            }
        }
    }

    // MARK: Filters

    /// `expr | filter ...` up to the end of the markup. Empty markup yields nil output.
    mutating func parseFilteredToEnd(line: Int) throws -> FilteredExpr {
        if look(.end) { return FilteredExpr(expr: .literal(.null), filters: [], line: line) }
        let expr = try parseExpression()
        let filters = try parseFilters()
        if !strict {
            // Lax: ignore trailing garbage after a complete expression.
            return FilteredExpr(expr: expr, filters: filters, line: line)
        }
        try expectEnd()
        return FilteredExpr(expr: expr, filters: filters, line: line)
    }

    mutating func parseFilters() throws -> [FilterCall] {
        var filters: [FilterCall] = []
        while consumeIf(.pipe) {
            let nameToken = try consume(.identifier)
            let name = tokenText(nameToken)
            var arguments: [Expr] = []
            var keywords: [(String, Expr)] = []
            if consumeIf(.colon) {
                repeat {
                    if look(.identifier), look(.colon, 1) {
                        let key = tokenText(current)
                        mp += 2
                        keywords.append((key, try parseExpression()))
                    } else {
                        arguments.append(try parseExpression())
                    }
                } while consumeIf(.comma)
            }
            filters.append(FilterCall(name: name, impl: filterLookup(name), arguments: arguments, keywords: keywords))
        }
        return filters
    }

    // MARK: Conditions

    mutating func parseCondition() throws -> Condition {
        var comparisons = [try parseComparison()]
        var joins: [Bool] = []
        while true {
            if consumeWord("and") { joins.append(true) } else if consumeWord("or") { joins.append(false) } else { break }
            comparisons.append(try parseComparison())
        }
        try expectEnd()
        return Condition(comparisons: comparisons, joins: joins)
    }

    mutating func parseComparison() throws -> Comparison {
        let left = try parseExpression()
        guard look(.comparison) else { return Comparison(left: left, op: nil, right: .literal(.null)) }
        let t = current
        mp += 1
        let op: ComparisonOp
        switch tokenText(t) {
        case "==": op = .eq
        case "!=", "<>": op = .ne
        case "<": op = .lt
        case ">": op = .gt
        case "<=": op = .le
        case ">=": op = .ge
        default: op = .contains
        }
        return Comparison(left: left, op: op, right: try parseExpression())
    }
}

