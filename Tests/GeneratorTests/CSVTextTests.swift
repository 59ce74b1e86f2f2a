import Generator
import Testing

/// CSV reports are opened in spreadsheets: input text never starts a formula, and RFC 4180 quoting holds.
@Suite struct CSVTextTests {
    @Test(arguments: [
        ("plain", true, "plain"),
        ("=HYPERLINK(\"http://evil.example\",\"x\")", true, "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        ("+1+1", true, "'+1+1"),
        ("-2+3", true, "'-2+3"),
        ("@SUM(A1)", true, "'@SUM(A1)"),
        ("\tx", true, "'\tx"),
        ("\rx", true, "\"'\rx\""),
        ("a,b", true, "\"a,b\""),
        ("-3.5", false, "-3.5"),
        ("line\nbreak", false, "\"line\nbreak\""),
        ("", true, ""),
        ("\"", true, "\"\"\"\""),
        ("a\"b\"\"c", true, "\"a\"\"b\"\"\"\"c\""),
        ("=\"x\",y", true, "\"'=\"\"x\"\",y\""),
        ("-é,😀", false, "\"-é,😀\""),
        ("é\r", true, "\"é\r\""),
        // Past eight bytes, a special in any position of a word or the tail, or none.
        ("abcdefghijklmnop", true, "abcdefghijklmnop"),
        ("abcdefg,ijklmnopq", true, "\"abcdefg,ijklmnopq\""),
        ("abcdefghijklmnopqrs\n", true, "\"abcdefghijklmnopqrs\n\""),
        ("abcdefgh\"", true, "\"abcdefgh\"\"\""),
        ("日本語日本語日本語,", true, "\"日本語日本語日本語,\""),
    ])
    func field(value: String, untrusted: Bool, written: String) {
        #expect(CSVText.field(value, untrusted: untrusted) == written)
        var bytes = Array("x,".utf8)
        CSVText.append(value, untrusted: untrusted, to: &bytes)
        #expect(bytes == Array(("x," + written).utf8))
    }
}
