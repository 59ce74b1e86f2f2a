/// Builds the node tree of a template from its tokens. Markup is parsed with Ruby Liquid's strict grammar;
/// lax mode additionally accepts the forms the reference lax parser tolerates (see docs/liquid.md).
struct Parser {
    let source: SourceText
    let b: UnsafeBufferPointer<UInt8>
    let strict: Bool
    let maxDepth: Int
    let filterLookup: (String) -> FilterImpl

    var tokens: [TemplateToken] = []
    var index = 0
    var depth = 0
    /// Nesting of `[…]` and `(…)` inside one expression; bounded so hostile markup cannot exhaust the stack.
    var expressionDepth = 0
    /// Markup parsing state.
    var mt: [ExprToken] = []
    var mp = 0
    /// Incremental line counter.
    private var lineOffset = 0
    private var lineNumber = 1

    init(source: SourceText, buffer: UnsafeBufferPointer<UInt8>, strict: Bool, maxDepth: Int,
         filterLookup: @escaping (String) -> FilterImpl) {
        self.source = source
        self.b = buffer
        self.strict = strict
        self.maxDepth = maxDepth
        self.filterLookup = filterLookup
    }

    static func parse(source: SourceText, strict: Bool, maxDepth: Int,
                      filterLookup: @escaping (String) -> FilterImpl) throws -> [Node] {
        let tokens = try TemplateLexer(source).tokenize()
        return try source.bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(source: source, buffer: buffer, strict: strict, maxDepth: maxDepth,
                                filterLookup: filterLookup)
            parser.tokens = tokens
            let (nodes, _, end) = try parser.parseBody(until: [])
            if let end { throw parser.unknownTag(end, in: nil) }
            return nodes
        }
    }

    // MARK: - Locations and errors

    /// Line of a byte offset, counted incrementally from the previous query in either direction
    /// (lineNumber is 1 + the newlines before lineOffset), so parsing stays linear.
    mutating func line(at offset: Int) -> Int {
        let target = min(max(offset, 0), b.count)
        // Counted into a local so the loop vectorises.
        var newlines = 0
        if target >= lineOffset {
            for i in lineOffset..<target { newlines &+= b[i] == 10 ? 1 : 0 }
            lineNumber += newlines
        } else {
            for i in target..<lineOffset { newlines &+= b[i] == 10 ? 1 : 0 }
            lineNumber -= newlines
        }
        lineOffset = target
        return lineNumber
    }

    func error(_ message: String, at offset: Int) -> LiquidError {
        source.error(.syntax, message, at: offset)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    func markupText(_ token: TemplateToken) -> String { text(token.start, token.end) }

    func unknownTag(_ token: TemplateToken, in block: String?) -> LiquidError {
        let name = token.name
        if let block {
            if name == "else" || name == "elsif" || name == "when" {
                return error("\(block) tag does not expect '\(name)' tag", at: token.offset)
            }
            if name.hasPrefix("end") {
                return error("'\(name)' is not a valid delimiter for \(block) tags. use end\(block)", at: token.offset)
            }
        }
        if name.hasPrefix("end") || name == "else" || name == "elsif" || name == "when" {
            return error("Unexpected '\(name)' tag", at: token.offset)
        }
        return error("Unknown tag '\(name)'", at: token.offset)
    }

    // MARK: - Bodies

    /// Parses nodes until a tag named in `delimiters` (returned) or the end of input (nil).
    mutating func parseBody(until delimiters: Set<String>, block: String? = nil) throws
        -> (nodes: [Node], blank: Bool, end: TemplateToken?)
    {
        depth += 1
        defer { depth -= 1 }
        // The template's own body is depth 1, so maxDepth blocks may nest inside it.
        if depth > maxDepth + 1 {
            // tokens[index - 1] is the tag that opened the block one level too deep.
            throw source.error(.limit, "Nesting too deep: blocks nest more than \(maxDepth) levels",
                               at: index > 0 ? tokens[index - 1].offset : 0)
        }
        var nodes: [Node] = []
        var blank = true
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .text:
                if blank {
                    var i = token.start
                    while i < token.end, isRubySpace(b[i]) { i += 1 }
                    if i < token.end { blank = false }
                }
                nodes.append(.text(TextSpan(token.start..<token.end)))
            case .output:
                blank = false
                try beginMarkup(token)
                let line = line(at: token.offset)
                nodes.append(.output(try parseFilteredToEnd(line: line)))
            case .rawBody:
                break
            case .tag:
                if delimiters.contains(token.name) { return (nodes, blank, token) }
                let (node, isBlank) = try parseTag(token, block: block)
                if let node { nodes.append(node) }
                if !isBlank { blank = false }
            }
        }
        return (nodes, blank, nil)
    }

    /// Removes whitespace-only text from a blank block body.
    static func stripBlank(_ nodes: [Node]) -> [Node] {
        nodes.filter { if case .text = $0 { return false } else { return true } }
    }

    mutating func parseTag(_ token: TemplateToken, block: String?) throws -> (Node?, Bool) {
        let line = line(at: token.offset)
        switch token.name {
        case "#":
            // Every line of an inline comment must start with '#'.
            var i = token.start
            while i < token.end {
                if b[i] == 10 {
                    var j = i + 1
                    while j < token.end, isRubySpace(b[j]), b[j] != 10 { j += 1 }
                    if j < token.end, b[j] != 35, b[j] != 10 {
                        throw error("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character",
                                    at: token.offset)
                    }
                    i = j
                } else {
                    i += 1
                }
            }
            return (nil, true)
        case "assign": return (try parseAssign(token, line: line), true)
        case "capture":
            let name = try captureName(token)
            let (body, _, end) = try parseBody(until: ["endcapture"], block: "capture")
            guard end != nil else { throw error("'capture' tag was never closed", at: token.offset) }
            return (.capture(name, body), true)
        case "echo":
            try beginMarkup(token)
            return (.output(try parseFilteredToEnd(line: line)), false)
        case "if", "unless":
            return try parseIf(token, line: line)
        case "case":
            return try parseCase(token, line: line)
        case "for":
            return try parseFor(token, line: line)
        case "tablerow":
            return try parseTablerow(token, line: line)
        case "comment":
            try skipComment(token)
            return (nil, true)
        case "raw":
            guard index < tokens.count, tokens[index].kind == .rawBody else {
                throw error("'raw' tag was never closed", at: token.offset)
            }
            let body = tokens[index]
            index += 1
            if strict, token.end > token.start {
                throw error("Syntax Error in 'raw' - Valid syntax: raw", at: token.offset)
            }
            return (.text(TextSpan(body.start..<body.end)), body.start == body.end)
        case "doc":
            guard index < tokens.count, tokens[index].kind == .rawBody else {
                throw error("'doc' tag was never closed", at: token.offset)
            }
            let body = tokens[index]
            index += 1
            if token.end > token.start {
                throw error("Syntax Error in 'doc' - Valid syntax: doc", at: token.offset)
            }
            if containsTag(named: "doc", in: body.start, body.end) {
                throw error("Syntax Error in 'doc' - Nested doc tags are not allowed", at: token.offset)
            }
            return (nil, true)
        case "cycle":
            return (try parseCycle(token, line: line), false)
        case "increment", "decrement":
            let name = markupText(token)
            guard !name.isEmpty else { throw error("Syntax Error in '\(token.name)' - Valid syntax: \(token.name) [var]", at: token.offset) }
            if strict {
                try beginMarkup(token)
                _ = try consume(.identifier)
                try expectEnd()
            }
            return (token.name == "increment" ? .increment(name) : .decrement(name), false)
        case "include", "render":
            return (try parsePartial(token, line: line), false)
        case "ifchanged":
            let (body, blank, end) = try parseBody(until: ["endifchanged"], block: "ifchanged")
            guard end != nil else { throw error("'ifchanged' tag was never closed", at: token.offset) }
            return (.ifchanged(body), blank)
        case "break": return (.breakLoop, false)
        case "continue": return (.continueLoop, false)
        case "liquid":
            return try parseLiquidTag(token)
        default:
            throw unknownTag(token, in: block)
        }
    }

    func containsTag(named name: String, in start: Int, _ end: Int) -> Bool {
        let word = Array(name.utf8)
        var i = start
        while i + 1 < end {
            if b[i] == 123 && b[i + 1] == 37 {
                var j = i + 2
                if j < end, b[j] == 45 { j += 1 }
                while j < end, isRubySpace(b[j]) { j += 1 }
                var k = 0
                while k < word.count, j + k < end, b[j + k] == word[k] { k += 1 }
                if k == word.count, !(j + k < end && isWordByte(b[j + k])) { return true }
            }
            i += 1
        }
        return false
    }

    mutating func skipComment(_ open: TemplateToken) throws {
        var nesting = 1
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            guard token.kind == .tag else { continue }
            if token.name == "comment" { nesting += 1 }
            if token.name == "endcomment" {
                nesting -= 1
                if nesting == 0 { return }
            }
        }
        throw error("'comment' tag was never closed", at: open.offset)
    }

    mutating func parseLiquidTag(_ token: TemplateToken) throws -> (Node?, Bool) {
        var lineTokens: [TemplateToken] = []
        var i = token.start
        let end = token.end
        while i < end {
            var lineEnd = i
            while lineEnd < end, b[lineEnd] != 10 { lineEnd += 1 }
            var s = i
            var e = lineEnd
            while s < e, isRubySpace(b[s]) { s += 1 }
            while e > s, isRubySpace(b[e - 1]) { e -= 1 }
            if s < e {
                var name = ""
                var m = s
                if b[m] == 35 {
                    name = "#"; m += 1
                } else {
                    while m < e, isWordByte(b[m]) { m += 1 }
                    guard m > s else { throw error("Liquid syntax error: unexpected '\(text(s, e))' in liquid tag", at: s) }
                    name = text(s, m)
                }
                while m < e, isRubySpace(b[m]) { m += 1 }
                lineTokens.append(TemplateToken(kind: .tag, start: m, end: e, name: name, offset: s))
            }
            i = lineEnd + 1
        }
        let savedTokens = tokens
        let savedIndex = index
        tokens = lineTokens
        index = 0
        defer { tokens = savedTokens; index = savedIndex }
        let (nodes, blank, stray) = try parseBody(until: [])
        if let stray { throw unknownTag(stray, in: nil) }
        return (nodes.isEmpty ? nil : .group(nodes), blank)
    }
}

extension Node {
    /// A group of nodes rendered in sequence (the body of a `liquid` tag).
    static func group(_ nodes: [Node]) -> Node {
        .conditional([(nil, nodes)], negateFirst: false, line: 0)
    }
}
