import Testing
@testable import HeraldData

@Suite struct TOMLReaderTests {
    func parse(_ text: String) throws -> String { render(try TOMLReader.parse(text, file: "t.toml")) }

    @Test(arguments: [
        (#"a = "x\ty \"q\" \u00e9 \U0001F600""#, "{a: \"x\ty \"q\" é 😀\"}"),
        (#"a = 'C:\path\no escape'"#, #"{a: "C:\path\no escape"}"#),
        ("a = 42\nb = -17\nc = +3\nd = 1_000\ne = 0xDEAD_beef\nf = 0o17\ng = 0b101", "{a: 42, b: -17, c: 3, d: 1000, e: 3735928559, f: 15, g: 5}"),
        ("a = 3.14\nb = -0.5e-3\nc = 5e+22\nd = 1_000.5\ne = inf\nf = -inf", "{a: 3.14, b: -0.0005, c: 5e+22, d: 1000.5, e: inf, f: -inf}"),
        ("a = true\nb = false", "{a: true, b: false}"),
        ("a = 1979-05-27T07:32:00Z\nb = 1979-05-27T00:32:00.999-07:00\nc = 1979-05-27T07:32:00\nd = 1979-05-27\ne = 07:32:00\nf = 1979-05-27 07:32:00Z",
         #"{a: "1979-05-27T07:32:00Z", b: "1979-05-27T00:32:00.999-07:00", c: "1979-05-27T07:32:00", d: "1979-05-27", e: "07:32:00", f: "1979-05-27 07:32:00Z"}"#),
        ("a = [1, 2, 3]\nb = [\n  \"x\", # comment\n  \"y\",\n]\nc = []\nd = [[1, 2], [\"a\"]]", #"{a: [1, 2, 3], b: ["x", "y"], c: [], d: [[1, 2], ["a"]]}"#),
        ("p = { x = 1, y = \"two\", z = { deep = true } }", #"{p: {x: 1, y: "two", z: {deep: true}}}"#),
        ("title = \"T\"\n\n[extra]\nteam = \"Lang\"\nrelease = true\n\n[extra.links]\nurl = \"https://x\"\n", #"{title: "T", extra: {team: "Lang", release: true, links: {url: "https://x"}}}"#),
        ("a.b.c = 1\na.b.d = 2\n\"quoted key\" = 3\n'lit' = 4\nbare-key_1 = 5", #"{a: {b: {c: 1, d: 2}}, quoted key: 3, lit: 4, bare-key_1: 5}"#),
        ("[[posts]]\nn = 1\n[[posts]]\nn = 2\n[posts.meta]\nm = true", "{posts: [{n: 1}, {n: 2, meta: {m: true}}]}"),
        ("s = \"\"\"\nfirst\n  second \\\n    continued\"\"\"", "{s: \"first\n  second continued\"}"),
        ("s = '''\nraw \\n line\nnext'''", "{s: \"raw \\n line\nnext\"}"),
        ("s = \"\"\"two \"\"quotes\"\"\"\"\"", #"{s: "two ""quotes"""}"#),
        ("# only a comment\n\n", "{}"),
        ("a = 1 # trailing comment\r\nb = 2\r\n", "{a: 1, b: 2}"),
        (#"authors = ["Jakub Beránek"]"#, #"{authors: ["Jakub Beránek"]}"#),
    ])
    func values(text: String, expected: String) throws {
        #expect(try parse(text) == expected)
    }

    @Test func locations() throws {
        let root = try TOMLReader.parse("title = \"x\"\n[extra]\n  team = 'y'\n", file: "p.md", lineOffset: 1)
        guard case let .map(pairs) = root.value, case let .map(extra) = pairs[1].value.value else { Issue.record("shape"); return }
        #expect(pairs[0].value.location.description == "p.md:2:9")
        #expect(pairs[1].value.location.description == "p.md:3:1")
        #expect(extra[0].value.location.description == "p.md:4:10")
    }

    @Test(arguments: [
        ("a = 1\na = 2", "t.toml:2:1: error: duplicate key 'a' (first at line 1)"),
        ("[x]\na = 1\n[x]\nb = 2", "t.toml:3:1: error: table [x] is defined twice (first at line 1)"),
        ("a = 1\n[a]", "t.toml:2:1: error: [a] is already defined as something other than a table"),
        ("a = \"open", "t.toml:1:10: error: unterminated string: expected a closing '\"'"),
        ("a = \"x\\q\"", "t.toml:1:8: error: unknown escape sequence '\\q'"),
        ("a = ", "t.toml:1:5: error: expected a value, found the end of the file"),
        ("a = yes", "t.toml:1:5: error: expected a value (a string, number, boolean, date, array or inline table), found 'yes'"),
        ("a = 1979-13-27", "t.toml:1:5: error: '1979-13-27' is not a valid TOML date or time (e.g. 2026-03-29T02:30:00+02:00, 2026-03-29)"),
        ("a = 1 2", "t.toml:1:7: error: expected the end of the line, found '2'"),
        ("a = [1, 2", "t.toml:1:10: error: expected ',' or ']' in the array"),
        ("a = \"two\nlines\"", "t.toml:1:9: error: unterminated string: a basic string must end on the same line"),
        ("a = {x = 1", "t.toml:1:11: error: expected ',' or '}' in the inline table"),
        ("= 1", "t.toml:1:1: error: expected a key (letters, digits, '_' or '-', or a quoted key)"),
        ("a 1", "t.toml:1:3: error: expected '=' after the key 'a'"),
        ("[x\na = 1", "t.toml:1:3: error: expected ']' to close the table header"),
        ("a = 01", "t.toml:1:5: error: expected a value (a string, number, boolean, date, array or inline table), found '01'"),
        ("a = 1__0", "t.toml:1:5: error: expected a value (a string, number, boolean, date, array or inline table), found '1__0'"),
        ("p = {x = 1}\n[p]\ny = 2", "t.toml:2:1: error: table [p] is defined twice (first at line 1)"),
        ("a.b = 1\na.b.c = 2", "t.toml:2:3: error: 'a.b.c': 'b' is already defined and cannot be extended"),
    ])
    func errors(text: String, message: String) {
        #expect(thrown { _ = try TOMLReader.parse(text, file: "t.toml") } == [message])
    }
}

@Suite struct FrontMatterTests {
    @Test func yamlFrontMatter() throws {
        let text = "---\ntitle: \"About <us>\"\ndate: 2026-11-02\ntags: [a, b]\n---\n# Heading\n\nBody\n"
        let doc = try FrontMatter.parse(bytes(text), file: "content/t/pages/about.md", path: "pages/about.md")
        #expect(render(doc.frontMatter) == #"{title: "About <us>", date: "2026-11-02", tags: ["a", "b"]}"#)
        #expect(doc.body == "# Heading\n\nBody\n")
        #expect(doc.bodyLine == 6)
        #expect(doc.path == "pages/about.md")
    }

    @Test func tomlFrontMatterAsZolaWritesIt() throws {
        let text = "+++\r\npath = \"2026/08/19/x\"\r\ntitle = \"X\"\r\nauthors = [\"teor\"]\r\n\r\n[extra]\r\nrelease = true\r\n+++\r\n\r\nText\r\n"
        let doc = try FrontMatter.parse(bytes(text), file: "x.md", path: "x.md")
        #expect(render(doc.frontMatter) == #"{path: "2026/08/19/x", title: "X", authors: ["teor"], extra: {release: true}}"#)
        #expect(doc.body == "\r\nText\r\n")
        #expect(doc.bodyLine == 9)
    }

    @Test(arguments: [
        ("# Just markdown\n", "{}", "# Just markdown\n", 1),
        ("", "{}", "", 1),
        ("---\n---\nbody", "{}", "body", 3),
        ("\u{FEFF}---\na: 1\n...\nbody", "{a: 1}", "body", 4),
        ("---\na: 1\n---", "{a: 1}", "", 4),
        ("text\n---\na: 1\n---\n", "{}", "text\n---\na: 1\n---\n", 1),
    ])
    func shapes(text: String, frontMatter: String, body: String, bodyLine: Int) throws {
        let doc = try FrontMatter.parse(bytes(text), file: "f.md", path: "f.md")
        #expect(render(doc.frontMatter) == frontMatter)
        #expect(doc.body == body)
        #expect(doc.bodyLine == bodyLine)
    }

    @Test(arguments: [
        ("---\ntitle: x\n", "f.md:1:1: error: front matter opened with '---' is never closed; expected a line '---'"),
        ("+++\ntitle = 'x'\n", "f.md:1:1: error: front matter opened with '+++' is never closed; expected a line '+++'"),
        ("---\n- a\n- b\n---\n", "f.md:2:1: error: front matter must be a map of keys to values"),
        ("---\ntitle: a\ntitle: b\n---\n", "f.md:3:1: error: duplicate key 'title' (first at line 2)"),
        ("+++\ntitle = \n+++\n", "f.md:2:9: error: expected a value (a string, number, boolean, date, array or inline table)"),
    ])
    func errors(text: String, message: String) {
        #expect(thrown { _ = try FrontMatter.parse(bytes(text), file: "f.md", path: "f.md") } == [message])
    }
}
