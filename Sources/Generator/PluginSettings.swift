import HeraldData

/// A plugin's settings: project defaults overlaid with the tenant's values, key by key.
///
/// Decoding is strict: `decode` rejects keys the plugin's settings type does not know.
public struct PluginSettings: Sendable {
    /// The merged map (may be empty).
    public var node: ConfigNode

    public init(_ node: ConfigNode) { self.node = node }
    public static let empty = PluginSettings(ConfigNode(.map([]), at: SourceLocation(file: "<defaults>")))

    /// Decodes into a plugin's settings type; unknown keys and wrong types are errors with their location.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try ConfigDecoder().decode(type, from: node)
    }

    /// Where a setting was written, for errors a plugin finds after decoding (a value out of range, a bad rule):
    /// the value's node (or the list item's, with `index`), with its full key path; the settings map when absent.
    public func location(of key: String, index: Int? = nil) -> SourceLocation {
        let path = index.map { "\(key)[\($0)]" } ?? key
        var location = node.location
        if case let .map(pairs) = node.value, let value = pairs.first(where: { $0.key == key })?.value {
            location = value.location
            if let index, case let .array(items) = value.value, index < items.count { location = items[index].location }
        }
        // Nodes read from YAML carry their full key path (plugins.seo.… or plugin_defaults.seo.…).
        if !(location.keyPath?.hasSuffix(path) ?? false) {
            location.keyPath = location.keyPath.map { $0 + "." + path } ?? path
        }
        return location
    }
}
