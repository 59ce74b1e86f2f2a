import Testing
@testable import HeraldData

@Suite struct YAMLReaderTests {
    func value(_ text: String) throws -> ConfigValue {
        let node = try YAMLReader.parse("v: " + text + "\n", file: "t.yml")
        guard case let .map(pairs) = node.value else { throw Diagnostic("not a map", at: node.location) }
        return pairs[0].value.value
    }

    @Test(arguments: [
        ("true", ConfigValue.bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        ("yes", .string("yes")), ("on", .string("on")),
        ("42", .int(42)), ("-7", .int(-7)), ("+3", .int(3)), ("0x1F", .int(31)), ("0o17", .int(15)), ("007", .int(7)),
        ("3.5", .double(3.5)), ("1e3", .double(1000)), ("-.5", .double(-0.5)), (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)),
        ("null", .null), ("~", .null), ("", .null), ("Null", .null),
        ("'true'", .string("true")), ("\"42\"", .string("42")), ("!!str 42", .string("42")), ("!!float 1", .double(1)),
        ("2026-03-29", .string("2026-03-29")), ("#1f4e79", .null), ("\"#1f4e79\"", .string("#1f4e79")),
        ("1.2.3", .string("1.2.3")), ("12:30", .string("12:30")), ("0x", .string("0x")), ("hello world", .string("hello world")),
        ("\"tab\\tand \\u00e9\"", .string("tab\tand é")), ("'it''s'", .string("it's")),
    ])
    func coreSchemaScalars(text: String, expected: ConfigValue) throws {
        #expect(try value(text) == expected)
    }

    @Test func nanIsADouble() throws {
        guard case let .double(v) = try value(".nan") else { Issue.record("not a double"); return }
        #expect(v.isNaN)
    }

    @Test func nodesCarryLocations() throws {
        let text = """
        name: Acme
        brand:
          primary_color: "#112233"
        plugins:
          - seo
          - pages
        """
        let root = try YAMLReader.parse(text, file: "tenant.yml")
        guard case let .map(pairs) = root.value, case let .map(brand) = pairs[1].value.value,
              case let .array(items) = pairs[2].value.value else { Issue.record("shape"); return }
        #expect(pairs.map(\.key) == ["name", "brand", "plugins"])
        #expect(pairs[0].value.location.description == "tenant.yml:1:7 (name)")
        #expect(pairs[0].value.keyLocation?.description == "tenant.yml:1:1")
        #expect(brand[0].value.location.description == "tenant.yml:3:18 (brand.primary_color)")
        #expect(brand[0].value.keyLocation?.description == "tenant.yml:3:3")
        #expect(items.map(\.location.description) == ["tenant.yml:5:5 (plugins[0])", "tenant.yml:6:5 (plugins[1])"])
        #expect(items.map(\.value) == [.string("seo"), .string("pages")])
    }

    @Test func blockScalarsFlowCollectionsAndAliases() throws {
        let text = """
        text: |
          line one
          line two
        folded: >
          a
          b
        flow: {a: 1, b: [x, "y"]}
        base: &base
          k: v
        copy: *base
        """
        let root = try YAMLReader.parse(text, file: "t.yml")
        guard case let .map(pairs) = root.value else { Issue.record("shape"); return }
        #expect(pairs[0].value.value == .string("line one\nline two\n"))
        #expect(pairs[1].value.value == .string("a b\n"))
        #expect(render(pairs[2].value) == #"{a: 1, b: ["x", "y"]}"#)
        #expect(pairs[4].value.value == pairs[3].value.value)
        #expect(pairs[4].value.location.line == 10)
    }

    @Test(arguments: [
        ("a: 1\na: 2\n", "t.yml:2:1: error: duplicate key 'a' (first at line 1)"),
        ("a:\n  b: 1\n  c: 2\n  b: 3\n", "t.yml:4:3: error: duplicate key 'b' (first at line 2)"),
        ("a: [1, 2\n", "t.yml:2:1: error: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence"),
        ("a: b: c\n", "t.yml:1:5: error: YAML syntax error: mapping values are not allowed in this context"),
        ("a:\n\t- b\n", "t.yml:2:1: error: YAML syntax error: found character that cannot start any token while scanning for the next token"),
        ("a: 1\n---\nb: 2\n", "t.yml:2:1: error: expected a single YAML document, found a second one"),
        ("? [a, b]\n: 1\n", "t.yml:1:3: error: a map key must be a plain value, not a list or a map"),
        ("a: *nope\n", "t.yml:1:4 (a): error: unknown alias '*nope'"),
        ("a: !!int x\n", "t.yml:1:4 (a): error: 'x' does not match its tag tag:yaml.org,2002:int"),
        ("a: !custom x\n", "t.yml:1:4 (a): error: unsupported YAML tag '!custom'"),
        // 65 levels: nothing Herald reads is nested that deep, and every level costs each later value.
        ("a: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n",
         "t.yml:1:67 (a" + String(repeating: "[0]", count: 63) + "): error: YAML nested too deeply (more than 64 levels)"),
    ])
    func errors(text: String, message: String) {
        #expect(thrown { _ = try YAMLReader.parse(text, file: "t.yml") } == [message])
    }

    @Test func lineOffsetShiftsLocations() {
        #expect(thrown { _ = try YAMLReader.parse("a: 1\na: 2\n", file: "p.md", lineOffset: 1) } == ["p.md:3:1: error: duplicate key 'a' (first at line 2)"])
    }

    @Test func emptyDocumentIsNull() throws {
        #expect(try YAMLReader.parse("", file: "t.yml").value == .null)
        #expect(try YAMLReader.parse("# only a comment\n", file: "t.yml").value == .null)
    }
}

/// Nested aliases double at every level: a few lines stand for a billion values that every later step would walk.
@Suite("YAML aliases cannot expand without bound")
struct YAMLAliasBombTests {
    /// `x0: &a0 [v × width]`, then `x{k}: &a{k} [*a{k-1} × width]`: width^(levels+1) values through the last alias.
    static func bomb(levels: Int, width: Int) -> String {
        var text = "x0: &a0 [" + Array(repeating: "v", count: width).joined(separator: ", ") + "]\n"
        for k in 1...levels {
            text += "x\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: width).joined(separator: ", ") + "]\n"
        }
        return text
    }

    @Test("a bomb is an error at the alias that crosses a million values", arguments: [(8, 9), (20, 2), (5, 40)])
    func bombIsRefused(levels: Int, width: Int) {
        let messages = thrown { _ = try YAMLReader.parse(Self.bomb(levels: levels, width: width), file: "t.yml") }
        #expect(messages.count == 1)
        #expect(messages.first?.contains("error: aliases expand to more than 1000000 values") == true, "\(messages)")
    }

    @Test("aliases that stay small are copies of their anchor", arguments: [(2, 3), (3, 9), (10, 2)])
    func smallAliasesWork(levels: Int, width: Int) throws {
        let root = try YAMLReader.parse(Self.bomb(levels: levels, width: width), file: "t.yml")
        guard case let .map(pairs) = root.value, case let .array(items) = pairs.last?.value.value else {
            Issue.record("expected a map ending in a list")
            return
        }
        #expect(items.count == width)
    }
}
