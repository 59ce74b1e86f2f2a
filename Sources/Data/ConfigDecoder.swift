/// A strict `Decoder` over `ConfigNode`: an unknown key, a wrong type or a missing required key is a
/// `Diagnostic` naming the file, line, column and key path.
///
/// Keys in config files use snake_case; Swift properties use camelCase (`title_max` ↔ `titleMax`).
public struct ConfigDecoder {
    public init() {}

    /// Unknown keys do not stop decoding: they are collected and reported together with the first other
    /// problem, so that one run names a misspelt key and a wrong value next to it.
    public func decode<T: Decodable>(_ type: T.Type, from node: ConfigNode) throws -> T {
        let unknown = UnknownKeys()
        func fail(_ problems: [Diagnostic]) -> any Error { problems.count == 1 ? problems[0] : DiagnosticList(problems) }
        let value: T
        do {
            value = try T(from: NodeDecoder(node: node, codingPath: [], unknown: unknown))
        } catch {
            let others = (error as? DiagnosticList)?.diagnostics ?? (error as? Diagnostic).map { [$0] }
            guard let others, !unknown.found.isEmpty else { throw error }
            throw fail((unknown.found + others).sorted {
                ($0.location.line ?? 0, $0.location.column ?? 0) < ($1.location.line ?? 0, $1.location.column ?? 0)
            })
        }
        if !unknown.found.isEmpty { throw fail(unknown.found) }
        return value
    }
}

/// Unknown keys found while decoding one document.
private final class UnknownKeys {
    var found: [Diagnostic] = []
}

struct ConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

func snakeCase(_ name: String) -> String {
    var out = ""
    for ch in name {
        if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
    }
    return out
}

private func keyPath(_ path: [CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? snakeCase($0.stringValue) }.joined(separator: ".")
        .replacingOccurrences(of: ".[", with: "[")
}

/// Where `node` (reached by `path`) was written. Nodes read from YAML know their full key path in their file
/// (`plugins.seo.title_max_length`), which beats the path relative to what is being decoded.
private func located(_ node: ConfigNode, _ path: [CodingKey]) -> SourceLocation {
    var location = node.location
    if location.keyPath == nil {
        let text = keyPath(path)
        location.keyPath = text.isEmpty ? nil : text
    }
    return location
}

/// Where a key of the map `parent` (reached by `path`) is missing.
private func located(missing key: String, in parent: ConfigNode, _ path: [CodingKey]) -> SourceLocation {
    var location = parent.location
    if let base = parent.location.keyPath {
        location.keyPath = base + "." + key
    } else {
        location.keyPath = keyPath(path + [ConfigKey(stringValue: key)])
    }
    return location
}

private func typeName(_ value: ConfigValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .double: "a number"
    case .string: "a string"
    case .array: "a list"
    case .map: "a map"
    }
}

private struct NodeDecoder: Decoder {
    let node: ConfigNode
    let codingPath: [CodingKey]
    let unknown: UnknownKeys
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .map(pairs) = node.value else {
            throw Diagnostic("expected a map, found \(typeName(node.value))", at: located(node, codingPath))
        }
        return KeyedDecodingContainer(KeyedNode<Key>(node: node, pairs: pairs, codingPath: codingPath, unknown: unknown))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .array(items) = node.value else {
            throw Diagnostic("expected a list, found \(typeName(node.value))", at: located(node, codingPath))
        }
        return UnkeyedNode(items: items, codingPath: codingPath, parent: node, unknown: unknown)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleNode(node: node, codingPath: codingPath, unknown: unknown) }
}

private struct KeyedNode<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: ConfigNode
    let pairs: [(key: String, value: ConfigNode)]
    let codingPath: [CodingKey]
    let unknown: UnknownKeys

    init(node: ConfigNode, pairs: [(key: String, value: ConfigNode)], codingPath: [CodingKey], unknown: UnknownKeys) {
        self.node = node
        self.pairs = pairs
        self.codingPath = codingPath
        self.unknown = unknown
        // Strictness: when the keys are enumerable, a key the type does not know is an error.
        if let all = Key.self as? any CaseIterable.Type {
            // Every unknown key of the map at once, each at its key.
            let known = Set((all.allCases as any Collection).compactMap { ($0 as? Key)?.stringValue }.map(snakeCase))
            let expected = known.sorted().joined(separator: ", ")
            unknown.found += pairs.filter { !known.contains($0.key) && !known.contains(snakeCase($0.key)) }.map { pair in
                var location = located(pair.value, codingPath + [ConfigKey(stringValue: pair.key)])
                if let keyAt = pair.value.keyLocation {
                    location.line = keyAt.line
                    location.column = keyAt.column
                }
                return Diagnostic("unknown key '\(pair.key)'; expected one of: \(expected)", at: location)
            }
        }
    }

    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    private func find(_ key: Key) -> ConfigNode? {
        let name = snakeCase(key.stringValue)
        return pairs.first { $0.key == name || $0.key == key.stringValue }?.value
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = find(key) else { return true }
        if case .null = value.value { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        guard let value = find(key) else {
            throw Diagnostic("missing required key '\(snakeCase(key.stringValue))'",
                             at: located(missing: snakeCase(key.stringValue), in: node, codingPath))
        }
        return try T(from: NodeDecoder(node: value, codingPath: codingPath + [key], unknown: unknown))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: find(key) ?? ConfigNode(.map([]), at: node.location), codingPath: codingPath + [key], unknown: unknown).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try NodeDecoder(node: find(key) ?? ConfigNode(.array([]), at: node.location), codingPath: codingPath + [key], unknown: unknown).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { NodeDecoder(node: node, codingPath: codingPath, unknown: unknown) }
    func superDecoder(forKey key: Key) throws -> Decoder { NodeDecoder(node: find(key) ?? node, codingPath: codingPath + [key], unknown: unknown) }
}

private struct UnkeyedNode: UnkeyedDecodingContainer {
    let items: [ConfigNode]
    let codingPath: [CodingKey]
    let parent: ConfigNode
    let unknown: UnknownKeys
    var currentIndex = 0

    init(items: [ConfigNode], codingPath: [CodingKey], parent: ConfigNode, unknown: UnknownKeys) {
        self.items = items
        self.codingPath = codingPath
        self.parent = parent
        self.unknown = unknown
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        if case .null = items[currentIndex].value { currentIndex += 1; return true }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw Diagnostic("list is too short", at: located(parent, codingPath)) }
        let item = items[currentIndex]
        let path = codingPath + [ConfigKey(intValue: currentIndex)]
        currentIndex += 1
        return try T(from: NodeDecoder(node: item, codingPath: path, unknown: unknown))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let item = items[currentIndex]
        currentIndex += 1
        return try NodeDecoder(node: item, codingPath: codingPath, unknown: unknown).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let item = items[currentIndex]
        currentIndex += 1
        return try NodeDecoder(node: item, codingPath: codingPath, unknown: unknown).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { NodeDecoder(node: parent, codingPath: codingPath, unknown: unknown) }
}

private struct SingleNode: SingleValueDecodingContainer {
    let node: ConfigNode
    let codingPath: [CodingKey]
    let unknown: UnknownKeys

    func decodeNil() -> Bool {
        if case .null = node.value { return true }
        return false
    }

    private func mismatch(_ expected: String) -> Diagnostic {
        Diagnostic("expected \(expected), found \(typeName(node.value))", at: located(node, codingPath))
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case let .bool(v) = node.value else { throw mismatch("a boolean") }
        return v
    }

    func decode(_ type: String.Type) throws -> String {
        switch node.value {
        case let .string(v): return v
        case let .int(v): return String(v)
        case let .double(v): return String(v)
        default: throw mismatch("a string")
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch node.value {
        case let .double(v): return v
        case let .int(v): return Double(v)
        default: throw mismatch("a number")
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int {
        guard case let .int(v) = node.value else { throw mismatch("an integer") }
        return v
    }

    func decode<T: BinaryInteger & Decodable>(_ type: T.Type) throws -> T {
        guard let v = T(exactly: try decode(Int.self)) else { throw mismatch("an integer in range") }
        return v
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: NodeDecoder(node: node, codingPath: codingPath, unknown: unknown)) }
}
