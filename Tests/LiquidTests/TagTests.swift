import Testing
import Liquid

/// Standard tags, each case a template and the output Ruby Liquid gives for it.
@Suite struct TagTests {
    static let whitespace: [Case] = [
        Case("a  {{- 'b' -}}  c", "abc"),
        Case("a \n{%- if true -%}\n b \n{%- endif -%}\n c", "abc"),
        Case("{% if true %}\nx\n{% endif %}", "\nx\n"),
        Case("[ {%- assign x = 1 %} ]", "[ ]"),
        Case("[ {%- assign x = 1 -%} ]", "[]"),
        Case("{%- comment -%} gone {%- endcomment -%}  x", "x"),
        Case("{{- 'a' }}\n\t{{- 'b' }}", "ab"),
    ]

    static let forLoops: [Case] = [
        Case("{% for i in (1..5) limit:2 %}{{ i }}{% endfor %}", "12"),
        Case("{% for i in (1..5) offset:2 %}{{ i }}{% endfor %}", "345"),
        Case("{% for i in (1..5) offset:1 limit:2 %}{{ i }}{% endfor %}", "23"),
        Case("{% for i in (1..3) reversed %}{{ i }}{% endfor %}", "321"),
        // limit and offset apply first, then reversed.
        Case("{% for i in (1..5) reversed limit:2 %}{{ i }}{% endfor %}", "21"),
        Case("{% assign n = 3 %}{% for i in (1..n) %}{{ i }}{% endfor %}", "123"),
        Case("{% for i in (3..1) %}{{ i }}{% else %}empty{% endfor %}", "empty"),
        Case("{% for i in missing %}x{% else %}none{% endfor %}", "none"),
        Case("{% for i in (1..5) %}{% if i == 3 %}{% break %}{% endif %}{{ i }}{% endfor %}", "12"),
        Case("{% for i in (1..5) %}{% if i == 3 %}{% continue %}{% endif %}{{ i }}{% endfor %}", "1245"),
        Case("{% for a in (1..2) %}{% for b in (1..3) %}{% if b == 2 %}{% break %}{% endif %}{{ a }}{{ b }} {% endfor %}{% endfor %}",
             "11 21 "),
        Case("{% for i in (1..3) %}{{ forloop.index }}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}"
             + "{{ forloop.first }}{{ forloop.last }}{{ forloop.length }}|{% endfor %}",
             "1032truefalse3|2121falsefalse3|3210falsetrue3|"),
        Case("{% for a in (1..2) %}{% for b in (1..2) %}{{ forloop.parentloop.index }}{{ b }} {% endfor %}{% endfor %}",
             "11 12 21 22 "),
        Case("{% for i in (1..6) limit:2 %}{{ i }}{% endfor %};{% for i in (1..6) offset:continue limit:2 %}{{ i }}{% endfor %}",
             "12;34"),
        Case("{% for c in 'abc' %}[{{ c }}]{% endfor %}", "[abc]"),
        Case("{% assign list = 'a,b,c' | split: ',' %}{% for x in list offset:1 %}{{ x }}{% endfor %}", "bc"),
        Case("{% for i in (1..2) %}{% assign last = i %}{% endfor %}{{ last }}", "2"),
    ]

    static let tablerows: [Case] = [
        Case("{% tablerow i in (1..4) cols:2 %}{{ i }}{% endtablerow %}",
             "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n"
             + "<tr class=\"row2\"><td class=\"col1\">3</td><td class=\"col2\">4</td></tr>\n"),
        Case("{% tablerow i in (1..5) limit:2 offset:1 %}{{ i }}{% endtablerow %}",
             "<tr class=\"row1\">\n<td class=\"col1\">2</td><td class=\"col2\">3</td></tr>\n"),
        Case("{% tablerow i in (1..3) cols:2 %}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.col_first }}"
             + "{{ tablerowloop.col_last }}{{ tablerowloop.index }}{% endtablerow %}",
             "<tr class=\"row1\">\n<td class=\"col1\">11truefalse1</td><td class=\"col2\">21falsetrue2</td></tr>\n"
             + "<tr class=\"row2\"><td class=\"col1\">12truefalse3</td></tr>\n"),
    ]

    static let cyclesAndCounters: [Case] = [
        Case("{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}", "abca"),
        Case("{% cycle 'g1': 'a', 'b' %}{% cycle 'g2': 'a', 'b' %}{% cycle 'g1': 'a', 'b' %}", "aab"),
        Case("{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}{% cycle 'a', 'b' %}", "aba"),
        Case("{% increment x %}{% increment x %}{% decrement y %}{% decrement y %}", "01-1-2"),
        // Counters live apart from assigned variables.
        Case("{% assign x = 10 %}{% increment x %}{{ x }}", "010"),
        Case("{% increment x %}{% decrement x %}{% increment x %}", "000"),
    ]

    static let conditions: [Case] = [
        // and/or group from the right: `false and false or true` is `false and (false or true)`.
        Case("{% if false and false or true %}y{% else %}n{% endif %}", "n"),
        Case("{% if true or false and false %}y{% else %}n{% endif %}", "y"),
        Case("{% if true and true and false or true %}y{% else %}n{% endif %}", "y"),
        Case("{% if 'hello' contains 'ell' %}y{% endif %}", "y"),
        Case("{% if 'aab' contains 'ab' %}1{% endif %}{% if 'ab' contains 'abc' %}2{% endif %}{% if '' contains 'a' %}3{% endif %}"
             + "{% if 'héllo' contains 'él' %}4{% endif %}{% if 'abc' contains '' %}5{% endif %}{% if 'abab' contains 'bb' %}6{% endif %}",
             "145"),
        Case("{% assign a = 'a,b' | split: ',' %}{% if a contains 'b' %}y{% endif %}{% if a contains 'z' %}z{% endif %}", "y"),
        Case("{% if '' == empty %}y{% endif %}", "y"),
        Case("{% assign a = '' | split: ',' %}{% if a == empty %}y{% endif %}", "y"),
        Case("{% if '  ' == blank %}y{% endif %}{% if nil == blank %}n{% endif %}{% if 'x' == blank %}x{% endif %}", "yn"),
        Case("{% assign x = 2 %}{% if x == 1 %}a{% elsif x == 2 %}b{% else %}c{% endif %}", "b"),
        Case("{% if 0 %}zero is truthy{% endif %}", "zero is truthy"),
        Case("{% if '' %}empty string is truthy{% endif %}", "empty string is truthy"),
        Case("{% if nil %}x{% elsif false %}y{% else %}z{% endif %}", "z"),
        Case("{% unless false %}y{% endunless %}{% unless true %}n{% else %}e{% endunless %}", "ye"),
        Case("{% if 2 > 1.5 and 1 <= 1 and 3 != 4 and 'a' < 'b' %}y{% endif %}", "y"),
        Case("{% if 1 == 1.0 %}y{% endif %}", "y"),
        Case("{% if false or false and true %}y{% else %}n{% endif %}", "n"),
        Case("{% if true and false or false or true %}y{% else %}n{% endif %}", "y"),
        Case("{% if false and nope.call or true %}y{% else %}n{% endif %}", "n"),
    ]

    /// Long and/or chains (50,000 operands overflowed the stack when evaluation recursed per operand):
    /// `count - 1` times `operand join`, then `last`, and the branch `if` must take.
    @Test("long and/or chains", arguments: [
        (50_000, "true", "and", "true", "y"),
        (50_000, "true", "and", "false", "n"),
        (50_000, "false", "or", "true", "y"),
        (50_000, "false", "or", "nil", "n"),
        (50_000, "1 == 1 or false", "and", "2 > 1", "y"),
        (2, "true", "and", "false", "n"),
    ])
    func longChain(count: Int, operand: String, join: String, last: String, expected: String) throws {
        let condition = String(repeating: "\(operand) \(join) ", count: count - 1) + last
        #expect(try render("{% if \(condition) %}y{% else %}n{% endif %}") == expected)
        #expect(try render("{% unless \(condition) %}n{% else %}y{% endunless %}") == expected)
    }

    /// Long elsif and when chains are lists, not nesting: no depth limit, no recursion.
    @Test(arguments: [10, 50_000]) func longElsifAndWhenChains(count: Int) throws {
        let elsifs = String(repeating: "{% elsif false %}x", count: count)
        #expect(try render("{% if false %}a\(elsifs){% elsif true %}b{% endif %}") == "b")
        let whens = String(repeating: "2 or ", count: count)
        #expect(try render("{% case 1 %}{% when \(whens)1 %}y{% else %}n{% endcase %}") == "y")
    }

    static let cases: [Case] = [
        Case("{% case 2 %}{% when 1 %}a{% when 2, 3 %}b{% else %}c{% endcase %}", "b"),
        Case("{% case 'x' %}{% when 'a' or 'x' %}b{% endcase %}", "b"),
        Case("{% case 9 %}{% when 1 %}a{% else %}c{% endcase %}", "c"),
        Case("{% case nil %}{% when nil %}nil{% endcase %}", "nil"),
    ]

    static let blocks: [Case] = [
        Case("{% for i in (1..4) %}{% assign h = i | divided_by: 2 %}{% ifchanged %}{{ h }}{% endifchanged %}{% endfor %}", "012"),
        Case("{% capture x %}a{{ 1 | plus: 1 }}{% endcapture %}[{{ x }}]", "[a2]"),
        Case("{% capture x %}{% endcapture %}[{{ x }}]{{ x.size }}", "[]0"),
        Case("{% raw %}{{ x }}{% if %}{% endraw %}", "{{ x }}{% if %}"),
        Case("a{% comment %}x{{ y }}{% if %}{% endcomment %}b", "ab"),
        Case("a{% # note %}b", "ab"),
        Case("{% liquid\n assign x = 1\n if x == 1\n echo 'one'\n endif\n # a comment\n%}", "one"),
        Case("{% liquid for i in (1..3)\n echo i\n endfor %}", "123"),
        Case("{% echo 'a' | upcase %}", "A"),
        Case("{% assign x = 'a' | append: 'b' %}{{ x }}", "ab"),
    ]

    @Test("whitespace control", arguments: whitespace) func whitespaceControl(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("for loops", arguments: forLoops) func forLoop(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("tablerow", arguments: tablerows) func tablerow(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("cycle, increment, decrement", arguments: cyclesAndCounters) func cycleAndCounters(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("if, elsif, unless and operators", arguments: conditions) func conditional(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("case/when", arguments: cases) func caseWhen(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test("ifchanged, capture, raw, comment, liquid, echo", arguments: blocks) func block(c: Case) throws {
        #expect(try render(c.template) == c.expected)
    }

    @Test func forIteratesObjectsAsPairsInInsertionOrder() throws {
        let data = LiquidObject([("h", ["b": 2, "a": 1])])
        #expect(try render("{% for p in h %}{{ p[0] }}={{ p[1] }};{% endfor %}", data) == "b=2;a=1;")
    }
}

/// Scopes switch to a hashed index past a couple of dozen variables; lookups and reassignments must not notice.
@Suite struct ManyVariablesTests {
    @Test(arguments: [3, 24, 25, 100]) func everyAssignStaysVisible(count: Int) throws {
        let assigns = (0..<count).map { "{% assign v\($0) = \($0) %}" }.joined()
        let reassign = "{% assign v1 = 'again' %}{% assign v\(count - 1) = 'last' %}"
        let reads = (0..<count).map { "{{ v\($0) }}," }.joined()
        var expected = (0..<count).map { "\($0)," }
        expected[1] = "again,"
        expected[count - 1] = "last,"
        #expect(try render(assigns + reassign + reads) == expected.joined())
    }
}
