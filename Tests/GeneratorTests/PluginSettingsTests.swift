import Generator
import HeraldData
import Testing

/// Errors a plugin finds after decoding point at the value that caused them, with its full key path.
@Suite struct PluginSettingsTests {
    static func settings(_ yaml: String) throws -> PluginSettings {
        let root = try YAMLReader.parse(yaml, file: "tenant.yml")
        guard case let .map(top) = root.value, let plugins = top.first(where: { $0.key == "plugins" })?.value,
              case let .map(byID) = plugins.value, let news = byID.first(where: { $0.key == "newsletter" })?.value else {
            throw Diagnostic("fixture has no plugins.newsletter", at: root.location)
        }
        return PluginSettings(news)
    }

    @Test(arguments: [
        ("plugins:\n  newsletter:\n    from: nobody\n", "from", nil, "tenant.yml:3:11 (plugins.newsletter.from)"),
        ("plugins:\n  newsletter:\n    disallow: [/a, b]\n", "disallow", 1, "tenant.yml:3:20 (plugins.newsletter.disallow[1])"),
        ("plugins:\n  newsletter:\n    other: 1\n", "from", nil, "tenant.yml:3:5 (plugins.newsletter.from)"),
    ] as [(String, String, Int?, String)])
    func locationOfASetting(yaml: String, key: String, index: Int?, expected: String) throws {
        #expect(try Self.settings(yaml).location(of: key, index: index).description == expected)
    }
}
