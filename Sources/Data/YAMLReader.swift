import CYAML

/// Reads one YAML document with libyaml's event API into a `ConfigNode` tree with file:line:column on every node.
///
/// Plain scalars are typed by the YAML 1.2 core schema (`true`/`false`, integers incl. `0x`/`0o`, floats incl.
/// `.inf`/`.nan`, `null`/`~`/empty → null); quoted scalars and `!!str` stay strings. Duplicate keys, complex keys and
/// several documents are errors. Anchors and aliases are supported (an alias copies the anchored node).
public enum YAMLReader {
    /// - Parameter lineOffset: added to every line (for YAML embedded in a file, e.g. front matter after `---`).
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> ConfigNode {
        try parse(Array(text.utf8), file: file, lineOffset: lineOffset)
    }

    public static func parse(_ bytes: [UInt8], file: String, lineOffset: Int = 0) throws(Diagnostic) -> ConfigNode {
        var builder = Builder(file: file, lineOffset: lineOffset)
        let result: Result<ConfigNode, Diagnostic> = bytes.withUnsafeBufferPointer { buf in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Diagnostic("cannot initialise the YAML parser", at: SourceLocation(file: file)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, buf.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
                    let context = parser.context.map { " " + String(cString: $0) } ?? ""
                    let mark = parser.problem_mark
                    return .failure(Diagnostic("YAML syntax error: \(problem)\(context)",
                                               at: SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)))
                }
                defer { yaml_event_delete(&event) }
                do throws(Diagnostic) {
                    if try builder.handle(&event) { break }
                } catch {
                    return .failure(error)
                }
            }
            return .success(builder.root ?? ConfigNode(.null, at: SourceLocation(file: file, line: 1 + lineOffset, column: 1)))
        }
        return try result.get()
    }

    private enum Frame {
        case sequence(items: [ConfigNode], location: SourceLocation, anchor: String?)
        case mapping(pairs: [(key: String, value: ConfigNode)], key: (String, SourceLocation)?, seen: [String: Int],
                     location: SourceLocation, anchor: String?)
    }

    private struct Builder {
        let file: String
        let lineOffset: Int
        var stack: [Frame] = []
        var anchors: [String: ConfigNode] = [:]
        /// Values in the tree so far, aliases counted as the values they copy, and per anchor its value count.
        var values = 0
        var anchorSizes: [String: Int] = [:]
        /// `values` when each open sequence or map started.
        var starts: [Int] = []
        var root: ConfigNode?
        var documents = 0

        init(file: String, lineOffset: Int) {
            self.file = file
            self.lineOffset = lineOffset
        }

        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(file: file, line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
        }

        /// The key path of the value about to be added (`plugins.seo.title_max_length`, `editions.pro.plugins[2]`);
        /// nil for the root and for map keys.
        func pendingKeyPath() -> String? {
            var path = ""
            for frame in stack {
                switch frame {
                case let .sequence(items, _, _):
                    path += "[\(items.count)]"
                case let .mapping(_, key, _, _, _):
                    guard let (name, _) = key else { return nil }
                    path += path.isEmpty ? name : "." + name
                }
            }
            return path.isEmpty ? nil : path
        }

        /// Where the value about to be added starts, with its key path.
        func valueLocation(_ mark: yaml_mark_t) -> SourceLocation {
            var at = location(mark)
            at.keyPath = pendingKeyPath()
            return at
        }

        static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }

        /// Returns true at the end of the stream.
        mutating func handle(_ event: inout yaml_event_t) throws(Diagnostic) -> Bool {
            let at = valueLocation(event.start_mark)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw Diagnostic("expected a single YAML document, found a second one", at: at) }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                // libyaml refuses raw control characters but decodes escapes such as "\0" and "\e" into them.
                if let control = bytes.first(where: { TextEncoding.isForbiddenControl(UInt32($0)) }) {
                    throw Diagnostic(TextEncoding.describeControl(UInt32(control)) + " in the value; remove the escape", at: at)
                }
                let text = String(decoding: bytes, as: UTF8.self)
                let tag = Builder.text(scalar.tag)
                let value: ConfigValue
                if let tag, tag != "!" {
                    value = try Builder.tagged(text, tag: tag, at: at)
                } else if scalar.style == YAML_PLAIN_SCALAR_STYLE {
                    value = YAMLReader.resolvePlain(text)
                } else {
                    value = .string(text)
                }
                let node = ConfigNode(value, at: at)
                if let anchor = Builder.text(scalar.anchor) { anchors[anchor] = node; anchorSizes[anchor] = 1 }
                values += 1
                try add(node, keyText: text)
            case YAML_ALIAS_EVENT:
                let name = Builder.text(event.data.alias.anchor) ?? ""
                guard var node = anchors[name] else { throw Diagnostic("unknown alias '*\(name)'", at: at) }
                // Nested aliases double at every level ("billion laughs"): 40 lines can stand for 10⁹ values that
                // every later step would walk.
                values += anchorSizes[name] ?? 1
                if values > YAMLReader.maxValues {
                    throw Diagnostic("aliases expand to more than \(YAMLReader.maxValues) values; write the values out instead", at: at)
                }
                node.location = at
                var keyText = name
                if case let .string(s) = node.value { keyText = s }
                try add(node, keyText: keyText)
            case YAML_SEQUENCE_START_EVENT:
                try open(at)
                stack.append(.sequence(items: [], location: at, anchor: Builder.text(event.data.sequence_start.anchor)))
            case YAML_SEQUENCE_END_EVENT:
                guard case let .sequence(items, location, anchor) = stack.popLast() else { break }
                let node = ConfigNode(.array(items), at: location)
                let start = starts.popLast() ?? 0
                if let anchor { anchors[anchor] = node; anchorSizes[anchor] = values - start }
                try add(node, keyText: nil)
            case YAML_MAPPING_START_EVENT:
                try open(at)
                stack.append(.mapping(pairs: [], key: nil, seen: [:], location: at, anchor: Builder.text(event.data.mapping_start.anchor)))
            case YAML_MAPPING_END_EVENT:
                guard case let .mapping(pairs, _, _, location, anchor) = stack.popLast() else { break }
                let node = ConfigNode(.map(pairs), at: location)
                let start = starts.popLast() ?? 0
                if let anchor { anchors[anchor] = node; anchorSizes[anchor] = values - start }
                try add(node, keyText: nil)
            default:
                break
            }
            return false
        }

        /// A sequence or map starts: counted as a value, at most `maxDepth` deep (every event's key path walks the
        /// open levels, so 20,000 nested `[` took minutes).
        mutating func open(_ at: SourceLocation) throws(Diagnostic) {
            if stack.count >= YAMLReader.maxDepth {
                throw Diagnostic("YAML nested too deeply (more than \(YAMLReader.maxDepth) levels)", at: at)
            }
            starts.append(values)
            values += 1
        }

        mutating func add(_ node: ConfigNode, keyText: String?) throws(Diagnostic) {
            guard let top = stack.popLast() else {
                root = node
                return
            }
            switch top {
            case .sequence(var items, let location, let anchor):
                items.append(node)
                stack.append(.sequence(items: items, location: location, anchor: anchor))
            case .mapping(var pairs, let key, var seen, let location, let anchor):
                if let (name, keyLocation) = key {
                    var value = node
                    value.keyLocation = keyLocation
                    pairs.append((name, value))
                    stack.append(.mapping(pairs: pairs, key: nil, seen: seen, location: location, anchor: anchor))
                } else {
                    guard let keyText else {
                        throw Diagnostic("a map key must be a plain value, not a list or a map", at: node.location)
                    }
                    if let first = seen[keyText] {
                        throw Diagnostic("duplicate key '\(keyText)' (first at line \(first))", at: node.location)
                    }
                    seen[keyText] = node.location.line ?? 0
                    stack.append(.mapping(pairs: pairs, key: (keyText, node.location), seen: seen, location: location, anchor: anchor))
                }
            }
        }

        static func tagged(_ text: String, tag: String, at: SourceLocation) throws(Diagnostic) -> ConfigValue {
            switch tag {
            case "tag:yaml.org,2002:str": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool":
                if case .bool = resolvePlain(text) { return resolvePlain(text) }
            case "tag:yaml.org,2002:int":
                if case .int = resolvePlain(text) { return resolvePlain(text) }
            case "tag:yaml.org,2002:float":
                switch resolvePlain(text) {
                case let .double(v): return .double(v)
                case let .int(v): return .double(Double(v))
                default: break
                }
            default:
                throw Diagnostic("unsupported YAML tag '\(tag)'", at: at)
            }
            throw Diagnostic("'\(text)' does not match its tag \(tag)", at: at)
        }
    }

    /// Nesting and size limits far beyond any settings file or front matter.
    static let maxDepth = 64
    static let maxValues = 1_000_000

    /// YAML 1.2 core schema resolution of a plain scalar.
    public static func resolvePlain(_ text: String) -> ConfigValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let u = Array(text.utf8)
        func allDigits(_ s: ArraySlice<UInt8>, _ ok: (UInt8) -> Bool) -> Bool { !s.isEmpty && s.allSatisfy(ok) }
        let isDec: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        if u.count > 2, u[0] == UInt8(ascii: "0"), u[1] == UInt8(ascii: "o"), allDigits(u[2...], { $0 >= 0x30 && $0 <= 0x37 }) {
            if let v = Int(text.dropFirst(2), radix: 8) { return .int(v) }
        }
        if u.count > 2, u[0] == UInt8(ascii: "0"), u[1] == UInt8(ascii: "x"), allDigits(u[2...], { isDec($0) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }) {
            if let v = Int(text.dropFirst(2), radix: 16) { return .int(v) }
        }
        let body = u.first == UInt8(ascii: "-") || u.first == UInt8(ascii: "+") ? u[1...] : u[...]
        if allDigits(body, isDec) {
            if let v = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(v) }
            return .double(Double(text) ?? 0)
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var k = body.startIndex
        var intDigits = 0, fracDigits = 0
        while k < body.endIndex, isDec(body[k]) { k += 1; intDigits += 1 }
        if k < body.endIndex, body[k] == UInt8(ascii: ".") {
            k += 1
            while k < body.endIndex, isDec(body[k]) { k += 1; fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0, intDigits > 0 || fracDigits > 0 else { return .string(text) }
        if k < body.endIndex, body[k] == UInt8(ascii: "e") || body[k] == UInt8(ascii: "E") {
            k += 1
            if k < body.endIndex, body[k] == UInt8(ascii: "+") || body[k] == UInt8(ascii: "-") { k += 1 }
            var expDigits = 0
            while k < body.endIndex, isDec(body[k]) { k += 1; expDigits += 1 }
            if expDigits == 0 { return .string(text) }
        }
        guard k == body.endIndex, let v = Double(text) else { return .string(text) }
        return .double(v)
    }
}
