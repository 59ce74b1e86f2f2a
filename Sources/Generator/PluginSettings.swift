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
}
