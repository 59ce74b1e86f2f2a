/// Markup of the standard tags.
extension Parser {
    @inline(__always) static func isSignatureByte(_ c: UInt8) -> Bool {
        isWordByte(c) || c == 45 || c == 46 || c == 91 || c == 93
    }

    mutating func parseAssign(_ token: TemplateToken, line: Int) throws -> Node {
        // Target: [\w\-.\[\]]+, then '=', then a filtered expression.
        var i = token.start
        while i < token.end, Parser.isSignatureByte(b[i]) { i += 1 }
        let name = text(token.start, i)
        var j = i
        while j < token.end, isRubySpace(b[j]) { j += 1 }
        guard !name.isEmpty, j < token.end, b[j] == 61 else {
            throw error("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", at: token.offset)
        }
        if strict || true {
            // The target must be a plain identifier.
            try beginMarkup(token.start, i)
            _ = try consume(.identifier)
            if !look(.end) {
                throw error("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", at: token.offset)
            }
        }
        try beginMarkup(j + 1, token.end)
        if look(.end) { throw error("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]", at: token.offset) }
        return .assign(name, try parseFilteredToEnd(line: line))
    }

    mutating func captureName(_ token: TemplateToken) throws -> String {
        var i = token.start
        if strict {
            try beginMarkup(token)
            let t = current
            guard t.kind == .identifier || t.kind == .string || t.kind == .integer else {
                throw error("Syntax Error in 'capture' - Valid syntax: capture [var]", at: token.offset)
            }
            mp += 1
            try expectEnd()
            return tokenText(t)
        }
        while i < token.end, !Parser.isSignatureByte(b[i]) { i += 1 }
        let s = i
        while i < token.end, Parser.isSignatureByte(b[i]) { i += 1 }
        guard i > s else { throw error("Syntax Error in 'capture' - Valid syntax: capture [var]", at: token.offset) }
        return text(s, i)
    }

    mutating func parseIf(_ token: TemplateToken, line: Int) throws -> (Node?, Bool) {
        let tag = token.name
        var branches: [(Condition?, [Node])] = []
        var allBlank = true
        try beginMarkup(token)
        var condition: Condition? = try parseCondition()
        while true {
            let (body, blank, end) = try parseBody(until: ["elsif", "else", "end" + tag], block: tag)
            allBlank = allBlank && blank
            branches.append((condition, body))
            guard let end else { throw error("'\(tag)' tag was never closed", at: token.offset) }
            switch end.name {
            case "elsif":
                try beginMarkup(end)
                condition = try parseCondition()
            case "else":
                condition = nil
            default:
                if allBlank { branches = branches.map { ($0.0, Parser.stripBlank($0.1)) } }
                return (.conditional(branches, negateFirst: tag == "unless", line: line), allBlank)
            }
        }
    }

    mutating func parseCase(_ token: TemplateToken, line: Int) throws -> (Node?, Bool) {
        try beginMarkup(token)
        let subject = try parseExpression()
        try expectEnd()
        var branches: [(values: [Expr]?, body: [Node])] = []
        var allBlank = true
        // Anything before the first `when` is never rendered.
        var (_, _, end) = try parseBody(until: ["when", "else", "endcase"], block: "case")
        while true {
            guard let tag = end else { throw error("'case' tag was never closed", at: token.offset) }
            var values: [Expr]? = nil
            switch tag.name {
            case "when":
                try beginMarkup(tag)
                var list = [try parseExpression()]
                while consumeWord("or") || consumeIf(.comma) { list.append(try parseExpression()) }
                try expectEnd()
                values = list
            case "else":
                values = nil
            default:
                if allBlank { branches = branches.map { ($0.values, Parser.stripBlank($0.body)) } }
                return (.caseTag(CaseNode(subject: subject, branches: branches, line: line)), allBlank)
            }
            let (body, blank, next) = try parseBody(until: ["when", "else", "endcase"], block: "case")
            allBlank = allBlank && blank
            branches.append((values, body))
            end = next
        }
    }

    mutating func parseFor(_ token: TemplateToken, line: Int) throws -> (Node?, Bool) {
        try beginMarkup(token)
        let variable = tokenText(try consume(.identifier))
        guard consumeWord("in") else {
            throw error("For loops require an 'in' clause", at: current.start)
        }
        let collectionStart = current.start
        let collection = try parseExpression()
        let name = variable + "-" + text(collectionStart, mt[mp - 1].end)
        let reversed = consumeWord("reversed")
        var limit: Expr? = nil
        var offset: Expr? = nil
        var offsetContinue = false
        while look(.identifier) || (!strict && look(.comma)) {
            if !strict {
                _ = consumeIf(.comma)
                if look(.end) { break }
            }
            let attribute = tokenText(try consume(.identifier))
            _ = try consume(.colon)
            let value = try parseExpression()
            switch attribute {
            case "limit": limit = value
            case "offset":
                if case .variable(let ref) = value, ref.name == "continue", ref.path.isEmpty {
                    offsetContinue = true
                    offset = nil
                } else {
                    offsetContinue = false
                    offset = value
                }
            default: break
            }
        }
        try expectEnd()
        var (body, blank, end) = try parseBody(until: ["else", "endfor"], block: "for")
        var elseBody: [Node]? = nil
        guard var tag = end else { throw error("'for' tag was never closed", at: token.offset) }
        while tag.name == "else" {
            let (nodes, elseBlank, next) = try parseBody(until: ["else", "endfor"], block: "for")
            guard let next else { throw error("'for' tag was never closed", at: token.offset) }
            elseBody = nodes
            blank = blank && elseBlank
            tag = next
        }
        if blank {
            body = Parser.stripBlank(body)
            elseBody = elseBody.map(Parser.stripBlank)
        }
        return (.forLoop(ForNode(variable: variable, collection: collection, name: name, reversed: reversed,
                                 limit: limit, offset: offset, offsetContinue: offsetContinue, body: body,
                                 elseBody: elseBody, line: line)), blank)
    }

    mutating func parseTablerow(_ token: TemplateToken, line: Int) throws -> (Node?, Bool) {
        try beginMarkup(token)
        let variable = tokenText(try consume(.identifier))
        guard consumeWord("in") else {
            throw error("Syntax Error in 'tablerow loop' - Valid syntax: tablerow [item] in [collection] cols=3",
                        at: current.start)
        }
        let collection = try parseExpression()
        var cols: Expr? = nil
        var limit: Expr? = nil
        var offset: Expr? = nil
        while look(.identifier) || look(.comma) {
            _ = consumeIf(.comma)
            let attribute = tokenText(try consume(.identifier))
            _ = try consume(.colon)
            let value = try parseExpression()
            switch attribute {
            case "cols": cols = value
            case "limit": limit = value
            case "offset": offset = value
            default: break
            }
        }
        try expectEnd()
        let (body, blank, end) = try parseBody(until: ["endtablerow"], block: "tablerow")
        guard end != nil else { throw error("'tablerow' tag was never closed", at: token.offset) }
        return (.tablerow(TablerowNode(variable: variable, collection: collection, cols: cols, limit: limit,
                                       offset: offset, body: body, line: line)), blank)
    }

    mutating func parseCycle(_ token: TemplateToken, line: Int) throws -> Node {
        try beginMarkup(token)
        var group: Expr? = nil
        // `cycle name: a, b`: a group name followed by a colon.
        var probe = mp
        while probe < mt.count, mt[probe].kind != .colon, mt[probe].kind != .comma, mt[probe].kind != .end { probe += 1 }
        if probe < mt.count, mt[probe].kind == .colon {
            group = try parseExpression()
            _ = try consume(.colon)
        }
        var values = [try parseExpression()]
        while consumeIf(.comma) {
            if look(.end) { break }
            values.append(try parseExpression())
        }
        try expectEnd()
        let key = group == nil ? values.map(exprKey).joined(separator: ",") : ""
        return .cycle(group: group, values: values, key: key, line: line)
    }

    func exprKey(_ e: Expr) -> String {
        switch e {
        case .literal(let v): return v.isString ? "'\(v.liquidString)'" : v.liquidString
        case .variable(let ref): return ref.name + ref.path.map { step -> String in
            switch step {
            case .dot(let s): return "." + s.string
            case .key(let s): return "['" + s.string + "']"
            case .index(let i): return "[\(i)]"
            case .dynamic(let d): return "[" + exprKey(d) + "]"
            }
        }.joined()
        case .dynamicVariable(let d): return "[" + exprKey(d.key) + "]"
        case .range(let r): return "(" + exprKey(r.low) + ".." + exprKey(r.high) + ")"
        case .empty: return "empty"
        case .blank: return "blank"
        }
    }

    mutating func parsePartial(_ token: TemplateToken, line: Int) throws -> Node {
        let isolated = token.name == "render"
        try beginMarkup(token)
        if isolated, !look(.string) {
            throw error("Syntax error in tag 'render' - Template name must be a quoted string", at: current.start)
        }
        let name = try parseExpression()
        var variable: Expr? = nil
        var isFor = false
        var alias: String? = nil
        if isWord(current, "with") || isWord(current, "for") {
            isFor = isWord(current, "for")
            mp += 1
            variable = try parseExpression()
        }
        if consumeWord("as") {
            alias = tokenText(try consume(.identifier))
        }
        var attributes: [(String, Expr)] = []
        _ = consumeIf(.comma)
        while look(.identifier) {
            let key = tokenText(current)
            mp += 1
            _ = try consume(.colon)
            attributes.append((key, try parseExpression()))
            _ = consumeIf(.comma)
        }
        try expectEnd()
        return .partial(PartialNode(isolated: isolated, name: name, variable: variable, isFor: isFor, alias: alias,
                                    attributes: attributes, line: line))
    }
}
