/// A parsed YAML/TOML value with the location it was read from.
public indirect enum ConfigValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([ConfigNode])
    /// Keys keep file order.
    case map([(key: String, value: ConfigNode)])

    public static func == (a: ConfigValue, b: ConfigValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.double(x), .double(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.map(x), .map(y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(v): hasher.combine(v)
        case let .int(v): hasher.combine(v)
        case let .double(v): hasher.combine(v)
        case let .string(v): hasher.combine(v)
        case let .array(v): hasher.combine(v)
        case let .map(v): for (k, n) in v { hasher.combine(k); hasher.combine(n) }
        }
    }
}

/// A value and where it was written.
///
/// Nodes read from YAML carry their full key path in `location.keyPath` (`plugins.seo.title_max_length`,
/// `editions.pro.plugins[2]`), and a map's values also carry where their key was written, so that an unknown key
/// is reported at the key and not at its value.
public struct ConfigNode: Sendable, Hashable {
    public var value: ConfigValue
    public var location: SourceLocation
    /// Where the key of this value was written, for values of a map (nil otherwise, or when unknown).
    public var keyLocation: SourceLocation?

    public init(_ value: ConfigValue, at location: SourceLocation, keyLocation: SourceLocation? = nil) {
        self.value = value
        self.location = location
        self.keyLocation = keyLocation
    }

    /// Where to report a problem with the key of this value: the key itself when known, with the value's key path.
    public var keyReportLocation: SourceLocation {
        guard var at = keyLocation else { return location }
        at.keyPath = location.keyPath
        return at
    }
}
