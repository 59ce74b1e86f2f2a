import HeraldData
import Testing

/// Plugin settings decode strictly; a mistake is reported where it was written: the key itself for an unknown key,
/// with the key's full path in its file, and every unknown key of a map at once, next to the first wrong value.
@Suite struct ConfigDecoderTests {
    struct Settings: Decodable {
        var titleMaxLength: Int?
        var robotsAgent: String?
        var nested: Nested?

        enum CodingKeys: String, CodingKey, CaseIterable { case titleMaxLength, robotsAgent, nested }
    }

    struct Nested: Decodable {
        var depth: Int

        enum CodingKeys: String, CodingKey, CaseIterable { case depth }
    }

    /// The settings map of plugin `seo` in a tenant.yml, as the pipeline hands it to the plugin.
    static func seoSettings(_ yaml: String) throws -> ConfigNode {
        let root = try YAMLReader.parse(yaml, file: "tenant.yml")
        guard case let .map(top) = root.value, let plugins = top.first(where: { $0.key == "plugins" })?.value,
              case let .map(byID) = plugins.value, let seo = byID.first(where: { $0.key == "seo" })?.value else {
            throw Diagnostic("fixture has no plugins.seo", at: root.location)
        }
        return seo
    }

    @Test(arguments: [
        ("plugins:\n  seo:\n    title_max_lenght: 60\n",
         ["tenant.yml:3:5 (plugins.seo.title_max_lenght): error: unknown key 'title_max_lenght'; expected one of: nested, robots_agent, title_max_length"]),
        ("plugins:\n  seo:\n    colour: red\n    title_max_length: 60\n    size: 3\n",
         ["tenant.yml:3:5 (plugins.seo.colour): error: unknown key 'colour'; expected one of: nested, robots_agent, title_max_length",
          "tenant.yml:5:5 (plugins.seo.size): error: unknown key 'size'; expected one of: nested, robots_agent, title_max_length"]),
        ("plugins:\n  seo:\n    nested:\n      deep: 1\n",
         ["tenant.yml:4:7 (plugins.seo.nested.deep): error: unknown key 'deep'; expected one of: depth",
         "tenant.yml:4:7 (plugins.seo.nested.depth): error: missing required key 'depth'"]),
        ("plugins:\n  seo:\n    nested: {}\n",
         ["tenant.yml:3:13 (plugins.seo.nested.depth): error: missing required key 'depth'"]),
        ("plugins:\n  seo:\n    title_max_length: sixty\n",
         ["tenant.yml:3:23 (plugins.seo.title_max_length): error: expected an integer, found a string"]),
        // An unknown key does not hide a wrong value beside it.
        ("plugins:\n  seo:\n    colour: red\n    title_max_length: long\n",
         ["tenant.yml:3:5 (plugins.seo.colour): error: unknown key 'colour'; expected one of: nested, robots_agent, title_max_length",
          "tenant.yml:4:23 (plugins.seo.title_max_length): error: expected an integer, found a string"]),
        ("plugins:\n  seo: {robots_agent: [a], title_max_length: 1}\n",
         ["tenant.yml:2:23 (plugins.seo.robots_agent): error: expected a string, found a list"]),
    ])
    func mistakesAreReportedWhereWritten(yaml: String, messages: [String]) throws {
        let node = try Self.seoSettings(yaml)
        #expect(thrown { _ = try ConfigDecoder().decode(Settings.self, from: node) } == messages)
    }

    @Test func knownKeysDecode() throws {
        let node = try Self.seoSettings("plugins:\n  seo:\n    title_max_length: 60\n    nested: {depth: 2}\n")
        let settings = try ConfigDecoder().decode(Settings.self, from: node)
        #expect(settings.titleMaxLength == 60 && settings.nested?.depth == 2 && settings.robotsAgent == nil)
    }
}
