import Testing
import Liquid

/// Behaviour of the render paths that were specialised for speed (escaping eight bytes at a time, ASCII
/// case mapping, the output buffer, reused scopes, name fingerprints, cached partial lookups, ranges
/// iterated in place): each must give what the plain implementation gives.
@Suite struct RenderPathTests {
    /// Plain HTML escaping, byte by byte: what the fast path must reproduce.
    static func reference(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Every special at every position around two eight-byte words, alone and next to another special.
    static let escapeInputs: [String] = {
        var inputs: [String] = ["", "plain text without specials", "é<ü>&ß", String(repeating: "&", count: 17)]
        for special in ["&", "<", ">", "\"", "'"] {
            for position in 0..<18 {
                let letters = Array(repeating: "a", count: 18)
                var withOne = letters
                withOne[position] = special
                inputs.append(withOne.joined())
                withOne[(position + 7) % 18] = "<"
                inputs.append(withOne.joined())
            }
        }
        return inputs
    }()

    @Test(arguments: escapeInputs) func escapeMatchesPlainEscaping(input: String) throws {
        let expected = Self.reference(input)
        #expect(try render("{{ s | escape }}", ["s": .string(input)]) == expected)
        #expect(try render("{{ s | escape | append: '' }}", ["s": .string(input)]) == expected)
        #expect(try render("{{ s }}", ["s": .string(input)], options: LiquidOptions(autoescape: true)) == expected)
    }

    static let caseMapping: [Case] = [
        Case("{{ 'Hello, World 42!' | upcase }}", "HELLO, WORLD 42!"),
        Case("{{ 'Hello, World 42!' | downcase }}", "hello, world 42!"),
        Case("{{ 'ALREADY' | upcase }}{{ 'already' | downcase }}", "ALREADYalready"),
        Case("{{ 'straße éa' | upcase }}", "STRASSE ÉA"),
        Case("{{ 'ÉA Ü' | downcase }}", "éa ü"),
        Case("{{ '' | upcase }}|{{ 5 | upcase }}", "|5"),
    ]

    @Test(arguments: caseMapping) func caseMappingMatchesUnicodeMapping(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    /// Output far past the initial buffer (twice the template, at least 4 KiB): bytes and string agree.
    @Test(arguments: [1, 700, 800, 20_000]) func outputGrowsPastItsFirstBuffer(count: Int) throws {
        let engine = LiquidEngine()
        let template = try engine.parse("{% for i in (1..n) %}abcdé{{ i }}{% endfor %}")
        var expected = ""
        for i in 1...count { expected += "abcdé\(i)" }
        let data: LiquidObject = ["n": .int(count)]
        #expect(try template.render(data) == expected)
        #expect(try template.renderBytes(data) == Array(expected.utf8))
    }

    static let scopes: [Case] = [
        // A loop's variable is gone after the loop, also when its scope is reused by the next loop.
        Case("{% for a in (1..2) %}{% for b in (1..2) %}{{ a }}{{ b }}{% endfor %}[{{ b }}]{% endfor %}[{{ a }}]",
             "1112[]2122[][]"),
        Case("{% for a in (1..2) %}{{ a }}{% endfor %}{% for b in (3..4) %}{{ a }}{{ b }}{% endfor %}", "1234"),
        // Ranges iterate in place: reversed, with offset and limit, empty.
        Case("{% for i in (1..5) reversed %}{{ i }}{% endfor %}", "54321"),
        Case("{% for i in (1..10) limit: 3 offset: 2 %}{{ i }}{% endfor %}", "345"),
        Case("{% for i in (1..10) reversed limit: 3 offset: 2 %}{{ i }}{% endfor %}", "543"),
        Case("{% for i in (3..1) %}{{ i }}{% else %}none{% endfor %}", "none"),
        Case("{% for i in (1..3) %}{{ forloop.index }}{{ forloop.last }} {% endfor %}", "1false 2false 3true "),
        // Names that share their length and first seven bytes (the same fingerprint) stay apart.
        Case("{% assign abcdefgh1 = 1 %}{% assign abcdefgh2 = 2 %}{{ abcdefgh1 }}{{ abcdefgh2 }}", "12"),
        Case("{{ o.abcdefgh1 }}{{ o.abcdefgh2 }}{{ o['abcdefgh2'] }}", "122"),
        Case("{% increment abcdefgh1 %}{% increment abcdefgh2 %}{% increment abcdefgh1 %}", "001"),
        Case("{% cycle 'abcdefgh1': 'a', 'b' %}{% cycle 'abcdefgh2': 'c', 'd' %}{% cycle 'abcdefgh1': 'a', 'b' %}", "acb"),
    ]

    @Test(arguments: scopes) func scopesAndNames(c: Case) throws {
        let data: LiquidObject = ["o": ["abcdefgh1": 1, "abcdefgh2": 2]]
        #expect(try render(c.template, data) == c.expected)
    }

    /// A `render` partial in a loop starts each item with an empty scope of its own; an `include` shares the
    /// caller's and its parameters are gone afterwards.
    @Test func partialScopesDoNotLeak() throws {
        let partials = ["p": "[{{ y }}{{ x }}]{% assign y = x %}", "q": "{{ k }}{% assign seen = k %}"]
        #expect(try render("{% render 'p' for items as x %}{{ y }}", ["items": [1, 2]], partials: partials)
                == "[1][2]")
        #expect(try render("{% include 'q', k: 5 %}{{ k }}|{{ seen }}", partials: partials) == "5|5")
        #expect(try render("{% for i in (1..2) %}{% include 'q', k: i %}{% endfor %}{{ k }}", partials: partials) == "12")
    }

    /// More partials than the engine's short list of recent templates, each found by name (also after
    /// `clearCache`), and the default variable name taken from a literal name.
    @Test func manyPartialsAreFoundByName() throws {
        var partials: [String: String] = [:]
        var source = ""
        var expected = ""
        for i in 0..<40 {
            partials["dir/part\(i)"] = "\(i):{{ part\(i) }};"
            source += "{% include 'dir/part\(i)' with \(i) %}"
            expected += "\(i):\(i);"
        }
        let engine = LiquidEngine(loader: InMemoryLoader(partials))
        let template = try engine.parse(source)
        #expect(try template.render() == expected)
        #expect(try template.render() == expected)
        engine.clearCache()
        #expect(try template.render() == expected)
    }
}
