/// The expected shape of a settings file, checked before decoding so that every unknown key, missing required key
/// and misplaced list or map in a file is reported at once (the decoder stops at the first problem).
indirect enum ConfigShape: Sendable {
    /// Anything (plugin settings are checked by the plugin).
    case any
    /// A string, number, boolean or null.
    case scalar
    case list(ConfigShape)
    /// Known keys; `required` must be present.
    case map([String: ConfigShape], required: [String])
    /// Any keys, each value of one shape (editions, limits).
    case dictionary(ConfigShape)

    func validate(_ node: ConfigNode, path: String = "", into out: inout [Diagnostic]) {
        func at(_ n: ConfigNode, _ keyPath: String) -> SourceLocation {
            var location = n.location
            location.keyPath = keyPath.isEmpty ? nil : keyPath
            return location
        }
        func join(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
        switch self {
        case .any:
            return
        case .scalar:
            switch node.value {
            case .array: out.append(Diagnostic("expected a single value, found a list", at: at(node, path)))
            case .map: out.append(Diagnostic("expected a single value, found a map", at: at(node, path)))
            default: return
            }
        case let .list(item):
            guard case let .array(items) = node.value else {
                out.append(Diagnostic("expected a list, found \(kind(node.value))", at: at(node, path)))
                return
            }
            for (k, child) in items.enumerated() { item.validate(child, path: path + "[\(k)]", into: &out) }
        case let .map(keys, required):
            guard case let .map(pairs) = node.value else {
                if case .null = node.value, required.isEmpty { return }
                out.append(Diagnostic("expected a map, found \(kind(node.value))", at: at(node, path)))
                return
            }
            let expected = keys.keys.sorted().joined(separator: ", ")
            for (key, child) in pairs {
                guard let shape = keys[key] else {
                    var location = child.keyReportLocation
                    location.keyPath = join(key)
                    out.append(Diagnostic("unknown key '\(key)'; expected one of: \(expected)", at: location))
                    continue
                }
                shape.validate(child, path: join(key), into: &out)
            }
            for key in required where !pairs.contains(where: { $0.key == key }) {
                out.append(Diagnostic("missing required key '\(key)'", at: at(node, join(key))))
            }
        case let .dictionary(value):
            guard case let .map(pairs) = node.value else {
                if case .null = node.value { return }
                out.append(Diagnostic("expected a map, found \(kind(node.value))", at: at(node, path)))
                return
            }
            for (key, child) in pairs { value.validate(child, path: join(key), into: &out) }
        }
    }

    /// `node` without the keys this shape does not know, at every depth: what is left to decode once the unknown
    /// keys have been reported.
    func pruned(_ node: ConfigNode) -> ConfigNode {
        var out = node
        switch (self, node.value) {
        case let (.list(item), .array(items)):
            out.value = .array(items.map(item.pruned))
        case let (.map(keys, _), .map(pairs)):
            out.value = .map(pairs.compactMap { pair in keys[pair.key].map { (pair.key, $0.pruned(pair.value)) } })
        case let (.dictionary(value), .map(pairs)):
            out.value = .map(pairs.map { ($0.key, value.pruned($0.value)) })
        default:
            break
        }
        return out
    }

    private func kind(_ value: ConfigValue) -> String {
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

    static let project = ConfigShape.map([
        "output_dir": .scalar,
        "editions": .dictionary(.map(["plugins": .list(.scalar), "limits": .dictionary(.scalar)], required: ["plugins"])),
        "plugin_defaults": .dictionary(.any),
    ], required: [])

    static let tenant = ConfigShape.map([
        "name": .scalar, "base_url": .scalar, "edition": .scalar, "locale": .scalar, "time_zone": .scalar,
        "reporting_currency": .scalar,
        "brand": .map(["primary_color": .scalar, "accent_color": .scalar, "logo_url": .scalar], required: []),
        "plugins": .dictionary(.any),
    ], required: ["name", "base_url", "edition"])
}
