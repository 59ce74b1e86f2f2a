/// Strict typed access to one JSON object (an NDJSON record): unknown keys, missing required keys and wrong types
/// are reported with the value's file:line:column and key path.
///
/// An unknown key does not stop the reading: the known keys are still checked, so that every problem of a record is
/// reported at once; `knownKeysOnly` tells the loader not to keep the record.
struct RecordReader {
    let node: ConfigNode
    let pairs: [(key: String, value: ConfigNode)]
    let path: String
    /// False when the record has a key the format does not define (already reported).
    private(set) var knownKeysOnly = true

    init?(_ node: ConfigNode, known: [String], path: String = "", _ c: inout DiagnosticCollector) {
        guard case let .map(pairs) = node.value else {
            c.error("expected a JSON object\(path.isEmpty ? "" : " for '\(path)'"), found \(describe(node.value))", at: node.location)
            return nil
        }
        self.node = node
        self.pairs = pairs
        self.path = path
        for pair in pairs where !known.contains(pair.key) {
            c.error("unknown key '\(keyPath(pair.key))'; expected one of: \(known.joined(separator: ", "))", at: pair.value.location)
            knownKeysOnly = false
        }
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func find(_ key: String) -> ConfigNode? {
        guard let node = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    func missing(_ key: String, _ c: inout DiagnosticCollector) {
        c.error("missing required key '\(keyPath(key))'", at: node.location)
    }

    func string(_ key: String, required: Bool = true, allowEmpty: Bool = false, _ c: inout DiagnosticCollector) -> String? {
        guard let value = find(key) else {
            if required { missing(key, &c) }
            return nil
        }
        guard case let .string(s) = value.value else {
            c.error("'\(keyPath(key))': expected a string, found \(describe(value.value))", at: value.location)
            return nil
        }
        if !allowEmpty, s.allSatisfy(\.isWhitespace) {
            if required { c.error("'\(keyPath(key))': expected a non-empty string", at: value.location) }
            return nil
        }
        return s
    }

    func int(_ key: String, in range: ClosedRange<Int>, required: Bool = true, _ c: inout DiagnosticCollector) -> Int? {
        guard let value = find(key) else {
            if required { missing(key, &c) }
            return nil
        }
        guard case let .int(v) = value.value, range.contains(v) else {
            c.error("'\(keyPath(key))': expected an integer from \(range.lowerBound) to \(range.upperBound), found \(describe(value.value))", at: value.location)
            return nil
        }
        return v
    }

    func timestamp(_ key: String, required: Bool = true, _ c: inout DiagnosticCollector) -> Timestamp? {
        guard let value = find(key) else {
            if required { missing(key, &c) }
            return nil
        }
        guard case let .string(text) = value.value else {
            c.error("'\(keyPath(key))': expected an RFC 3339 timestamp string, found \(describe(value.value))", at: value.location)
            return nil
        }
        switch TimestampFormat.parse(text) {
        case let .success(t): return t
        case let .failure(e):
            c.error("'\(keyPath(key))': \(e.message), found '\(text)'", at: value.location)
            return nil
        }
    }
}

/// A short description of a value for "found …" messages.
func describe(_ value: ConfigValue) -> String {
    switch value {
    case .null: "null"
    case let .bool(b): "\(b)"
    case let .int(v): "\(v)"
    case let .double(v): "\(v)"
    case let .string(s): "'\(s.count > 60 ? String(s.prefix(57)) + "..." : s)'"
    case .array: "a list"
    case .map: "an object"
    }
}
