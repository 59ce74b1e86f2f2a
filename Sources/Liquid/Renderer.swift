/// Rendering of nodes.
extension RenderContext {
    func render(_ nodes: [Node]) throws {
        for node in nodes {
            switch node {
            case .text(let span):
                out.append(textBase + Int(span.start), count: Int(span.count))
                if out.count > options.limits.maxOutputBytes { try locate(0) { try checkOutput() } }
            case .output(let filtered):
                try locate(filtered.line) {
                    if filtered.endsWithEscape {
                        // `{{ x | … | escape }}` writes the escaped text straight into the output instead of
                        // building it as a string first (the result is trusted markup either way).
                        let value = try evaluate(filtered, filters: filtered.filters.count - 1)
                        if !value.isNil { appendEscaped(value.liquidString, to: &out) }
                    } else {
                        write(try evaluate(filtered))
                    }
                    if out.count > options.limits.maxOutputBytes { try checkOutput() }
                }
            case .assign(let node):
                try locate(node.value.line) { assign(node.name, print: node.print, try evaluate(node.value)) }
            default:
                try renderTag(node)
                if interrupt != .none { return }
            }
        }
    }

    /// Runs `body`, adding the template name and `line` to failures.
    @inline(__always) func locate(_ line: Int, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as RenderFailure {
            throw LiquidError(failure.kind, failure.message, template: source.name, line: line,
                              sourceLine: line > 0 ? source.lineText(line) : "")
        } catch let error as LiquidError {
            throw error
        } catch {
            throw LiquidError(.render, "\(error)", template: source.name, line: line,
                              sourceLine: line > 0 ? source.lineText(line) : "")
        }
    }

    func write(_ value: LiquidValue) {
        if options.autoescape {
            switch value {
            case .safe(let s): out.append(s)
            case .null: break
            case .int(let i): appendInt(i, to: &out)
            case .string(let s): appendEscaped(s, to: &out)
            default: appendEscaped(value.liquidString, to: &out)
            }
        } else {
            value.write(to: &out)
        }
    }

    func renderTag(_ node: Node) throws {
        switch node {
        case .capture(let node):
            let name = node.name
            let start = out.count
            try render(node.body)
            let captured = out.string(from: start)
            out.truncate(to: start)
            // Under autoescape the captured text is already-escaped output: keep it from being escaped twice.
            assign(name, print: node.print, options.autoescape ? .safe(captured) : .string(captured))
        case .conditional(let node):
            let count = node.bodies.count
            var index = 0
            while index < count {
                var taken = true
                if let condition = node.conditions[index] {
                    try locate(node.line) { taken = try evaluate(condition) }
                    if index == 0 && node.negateFirst { taken = !taken }
                }
                if taken {
                    try render(node.bodies[index])
                    return
                }
                index += 1
            }
        case .caseTag(let node):
            try locate(node.line) {
                let subject = try evaluate(node.subject)
                var runElse = true
                for branch in node.branches {
                    if let values = branch.values {
                        // Every matching value renders the body (as the reference does).
                        for value in values where try compare(subject, .eq, value) {
                            runElse = false
                            try render(branch.body)
                            if interrupt != .none { return }
                        }
                    } else if runElse {
                        try render(branch.body)
                    }
                    if interrupt != .none { return }
                }
            }
        case .forLoop(let node):
            try locate(node.line) { try renderFor(node) }
        case .tablerow(let node):
            try locate(node.line) { try renderTablerow(node) }
        case .cycle(let node):
            let values = node.values
            try locate(node.line) {
                var name = node.key
                var print = node.keyPrint
                if let group = node.group {
                    name = try evaluate(group).liquidString
                    print = fingerprint(name)
                }
                var position = 0
                if case .int(let at)? = cycles.value(name, print: print) { position = at }
                if position < values.count { write(try evaluate(values[position])) }
                cycles.set(name, print: print, .int(position + 1 >= values.count ? 0 : position + 1))
            }
        case .counter(let node):
            let name = node.name
            if node.increment {
                let value = counter(name, print: node.print)
                appendInt(value, to: &out)
                counters.set(name, print: node.print, .int(value.saturatingAdd(1)))
            } else {
                let value = counter(name, print: node.print).saturatingAdd(-1)
                appendInt(value, to: &out)
                counters.set(name, print: node.print, .int(value))
            }
        case .partial(let node):
            try renderPartial(node)
        case .ifchanged(let body):
            let start = out.count
            try render(body)
            if let last = ifchangedLast, out.suffix(from: start, equals: last) {
                out.truncate(to: start)
            } else {
                ifchangedLast = out.bytes(from: start)
            }
        case .breakLoop:
            interrupt = .breakLoop
        case .continueLoop:
            interrupt = .continueLoop
        case .text, .output, .assign:
            try render([node])
        }
    }

    static let forloopPrint = fingerprint("forloop")

    func counter(_ name: String, print: UInt64) -> Int {
        let current = counters.value(name, print: print) ?? environment.value(name, print: print)
        if case .int(let i)? = current { return i }
        if case .double(let d)? = current { return Int(saturating: d) }
        return 0
    }

    // MARK: Loops

    /// Items a `for` loop iterates over.
    func iterable(_ value: LiquidValue) -> [LiquidValue] {
        switch value {
        case .array(let items): return items
        case .range(let r): return r.map { .int($0) }
        case .object(let object): return object.keys.map { .array([.string($0), object[$0] ?? .null]) }
        case .string(let s), .safe(let s): return s.isEmpty ? [] : [value]
        case .drop(let drop):
            if let sequence = drop as? any LiquidSequenceDrop { return sequence.elements }
            return drop.keys.map { .array([.string($0), drop.value(forKey: $0) ?? .null]) }
        default: return []
        }
    }

    func renderFor(_ node: ForNode) throws {
        let collection = try evaluate(node.collection)
        var from = 0
        if node.offsetContinue {
            if case .int(let stopped)? = forOffsets.value(node.name, print: node.namePrint) { from = stopped }
        } else if let offset = node.offset {
            let value = try evaluate(offset)
            if !value.isNil { from = try toInteger(value) }
        }
        var to: Int? = nil
        if let limit = node.limit {
            let value = try evaluate(limit)
            if !value.isNil { to = try toInteger(value).saturatingAdd(from) }
        }
        // A range is iterated without materialising it: item i is `first + i * stride`.
        var segment: [LiquidValue] = []
        var count = 0
        var first = 0
        var stride = 0
        if case .range(let r) = collection {
            let lo = r.lowerBound.addingReportingOverflow(max(from, 0)).partialValue
            var hi = r.upperBound
            if let to { hi = min(hi, r.lowerBound.addingReportingOverflow(to).partialValue - 1) }
            if hi >= lo, hi.subtractingReportingOverflow(lo).overflow || hi - lo >= options.limits.maxLoopIterations - iterations {
                throw RenderFailure(.limit, "Loop iteration limit exceeded (\(options.limits.maxLoopIterations))")
            }
            if hi >= lo {
                count = hi - lo + 1
                (first, stride) = node.reversed ? (hi, -1) : (lo, 1)
            }
        } else {
            let items = iterable(collection)
            let start = min(max(from, 0), items.count)
            var end = items.count
            if let to { end = min(max(to, start), items.count) }
            // The whole collection shares the array's storage instead of copying (and retaining) every item.
            segment = start == 0 && end == items.count ? items : Array(items[start..<end])
            if node.reversed { segment.reverse() }
            count = segment.count
        }
        forOffsets.set(node.name, print: node.namePrint, .int(from.saturatingAdd(count)))
        if count == 0 {
            if let elseBody = node.elseBody { try render(elseBody) }
            return
        }
        let loop = ForloopDrop(name: node.name, length: count, parent: currentForloop)
        let savedLoop = currentForloop
        currentForloop = loop
        let scope = pushScope()
        scopes[scope].set("forloop", print: Self.forloopPrint, .drop(loop))
        defer {
            depth = scope
            currentForloop = savedLoop
        }
        for i in 0..<count {
            try countIteration()
            loop.index0 = i
            scopes[scope].set(node.variable, print: node.variablePrint, stride == 0 ? segment[i] : .int(first &+ i &* stride))
            try render(node.body)
            if interrupt != .none {
                let kind = interrupt
                interrupt = .none
                if kind == .breakLoop { break }
            }
        }
    }

    func renderTablerow(_ node: TablerowNode) throws {
        let collection = try evaluate(node.collection)
        var items = iterable(collection)
        if case .string = collection { items = [] }
        var from = 0
        if let offset = node.offset {
            let value = try evaluate(offset)
            if !value.isNil { from = try toInteger(value) }
        }
        var end = items.count
        if let limit = node.limit {
            let value = try evaluate(limit)
            if !value.isNil { end = min(items.count, from.saturatingAdd(try toInteger(value))) }
        }
        let start = min(max(from, 0), items.count)
        let segment = start < end ? Array(items[start..<end]) : []
        var cols = segment.count
        if let colsExpr = node.cols {
            let value = try evaluate(colsExpr)
            // A float `cols` is truncated (golden-liquid: `cols:2.6` makes rows of 2).
            if case .double(let d) = value { cols = Int(saturating: d) } else if !value.isNil { cols = try toInteger(value) }
        }
        let loop = TablerowloopDrop(length: segment.count, cols: cols)
        out.append("<tr class=\"row1\">\n" as StaticString)
        let scope = pushScope()
        scopes[scope].set("tablerowloop", .drop(loop))
        defer { depth = scope }
        for (i, item) in segment.enumerated() {
            try countIteration()
            loop.index0 = i
            scopes[scope].set(node.variable, item)
            out.append("<td class=\"col" as StaticString)
            appendInt(loop.col0 + 1, to: &out)
            out.append("\">" as StaticString)
            try render(node.body)
            out.append("</td>" as StaticString)
            if interrupt != .none {
                let kind = interrupt
                interrupt = .none
                if kind == .breakLoop { break }
            }
            if loop.col0 + 1 == cols && i != segment.count - 1 {
                loop.row += 1
                out.append("</tr>\n<tr class=\"row" as StaticString)
                appendInt(loop.row, to: &out)
                out.append("\">" as StaticString)
                loop.col0 = 0
            } else {
                loop.col0 += 1
            }
        }
        out.append("</tr>\n" as StaticString)
    }

    // MARK: Partials

    func renderPartial(_ node: PartialNode) throws {
        var template: LiquidTemplate!
        var name = ""
        try locate(node.line) {
            if !node.isolated && isolated {
                throw RenderFailure(.render, "include usage is not allowed in this context")
            }
            let nameValue = try evaluate(node.name)
            guard let n = nameValue.stringPayload else {
                throw RenderFailure(.argument, "Argument error in tag '\(node.isolated ? "render" : "include")' - Illegal template name")
            }
            name = n
            if partialDepth >= options.limits.maxDepth {
                throw RenderFailure(.limit, "Nesting too deep: include/render depth exceeds \(options.limits.maxDepth)")
            }
            template = try engine.partial(named: n)
        }
        let alias = node.staticAlias ?? partialAlias(name)
        let aliasPrint = node.staticAlias != nil ? node.staticAliasPrint : fingerprint(alias)
        let savedSource = source
        partialDepth += 1
        defer {
            partialDepth -= 1
            source = savedSource
        }
        if node.isolated {
            var variable: LiquidValue = .null
            var attributes: [(String, LiquidValue)] = []
            try locate(node.line) {
                if let v = node.variable { variable = try evaluate(v) }
                for (key, expr) in node.attributes { attributes.append((key, try evaluate(expr))) }
            }
            let saved = (base, depth, counters, environment, isolated, cycles, interrupt, currentForloop, ifchangedLast)
            defer {
                (base, depth, counters, environment, isolated, cycles, interrupt, currentForloop, ifchangedLast) = saved
            }
            // The partial's scopes start above the caller's, which it cannot see.
            let partialBase = depth
            counters = VariableScope()
            environment = LiquidObject()
            isolated = true
            source = template.source
            func renderOne(_ value: LiquidValue, forloop: ForloopDrop?) throws {
                depth = partialBase
                base = pushScope()
                if let forloop { setLocal("forloop", print: Self.forloopPrint, .drop(forloop)) }
                for (key, value) in attributes { setLocal(key, value) }
                if !value.isNil { setLocal(alias, print: aliasPrint, value) }
                currentForloop = nil
                interrupt = .none
                try render(template.nodes)
            }
            if node.isFor, let items = forItems(variable) {
                let loop = ForloopDrop(name: name, length: items.count, parent: nil)
                for (i, item) in items.enumerated() {
                    try locate(node.line) { try countIteration() }
                    loop.index0 = i
                    try renderOne(item, forloop: loop)
                }
            } else {
                try renderOne(variable, forloop: nil)
            }
        } else {
            var variable: LiquidValue = .null
            try locate(node.line) {
                if let v = node.variable {
                    variable = try evaluate(v)
                } else {
                    variable = lookup(name, print: fingerprint(name)) ?? .null
                }
            }
            let scope = pushScope()
            defer { depth = scope }
            try locate(node.line) {
                for (key, expr) in node.attributes { setLocal(key, try evaluate(expr)) }
            }
            source = template.source
            if case .array(let items) = variable {
                for item in items {
                    setLocal(alias, print: aliasPrint, item)
                    try render(template.nodes)
                    if interrupt != .none { break }
                }
            } else {
                setLocal(alias, print: aliasPrint, variable)
                try render(template.nodes)
            }
        }
    }

    func forItems(_ value: LiquidValue) -> [LiquidValue]? {
        switch value {
        case .array(let items): return items
        case .range(let r): return r.map { .int($0) }
        case .object(let object): return object.keys.map { .array([.string($0), object[$0] ?? .null]) }
        default: return nil
        }
    }
}

/// A drop that iterates like an array in `for` loops.
public protocol LiquidSequenceDrop: LiquidDrop {
    var elements: [LiquidValue] { get }
}

/// The default variable name of a partial: the last non-empty `/`-separated segment of its name (Ruby's
/// `name.split('/').last`), or the name itself when it has none. Works on bytes; `split` on a `String`
/// was 7–13 % of rendering a page with partials.
func partialAlias(_ name: String) -> String {
    var name = name
    return name.withUTF8 { u -> String? in
        var end = u.count
        while end > 0 && u[end - 1] == 47 { end -= 1 }
        if end == 0 { return nil }
        var start = end
        while start > 0 && u[start - 1] != 47 { start -= 1 }
        if start == 0 && end == u.count { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: u[start..<end]), as: UTF8.self)
    } ?? name
}
