import Testing
@testable import HeraldData

@Suite struct CSVReaderTests {
    func read(_ text: String, separator: Character = ",") -> (CSVTable, [String]) {
        var c = DiagnosticCollector(file: "t.csv")
        let table = CSVReader.read(bytes(text), file: "t.csv", separator: separator.asciiValue!, collector: &c)
        return (table, lines(c.finish()))
    }

    @Test(arguments: [
        ("a,b\n1,2\n", [["1", "2"]]),
        ("a,b\r\n1,2\r\n3,4", [["1", "2"], ["3", "4"]]),
        ("\u{FEFF}a,b\n1,2\n", [["1", "2"]]),
        ("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", [["x, y", "say \"hi\""]]),
        ("a,b\n\"two\nlines\",z\n", [["two\nlines", "z"]]),
        ("a,b\n\"two\r\nlines\",z\r\n", [["two\r\nlines", "z"]]),
        ("a,b\n,\n", [["", ""]]),
        ("a,b\n1,\n", [["1", ""]]),
        ("a,b\n\n1,2\n\n\n3,4\n", [["1", "2"], ["3", "4"]]),
        ("a,b\n\"\",\"\"\"\"\n", [["", "\""]]),
        ("a,b\nFrühling,😀\n", [["Frühling", "😀"]]),
    ])
    func parsesRFC4180(text: String, rows: [[String]]) {
        let (table, diagnostics) = read(text)
        #expect(diagnostics.isEmpty)
        #expect(table.header == ["a", "b"])
        #expect(table.records.map(\.fields) == rows)
    }

    @Test func semicolonSeparator() {
        let (table, diagnostics) = read("path;n\na > b;1\n\"x;y\";2\n", separator: ";")
        #expect(diagnostics.isEmpty)
        #expect(table.records.map(\.fields) == [["a > b", "1"], ["x;y", "2"]])
    }

    @Test func recordLinesCountEmbeddedNewlines() {
        let (table, _) = read("a,b\n\"1\n2\n3\",x\ny,z\n")
        #expect(table.records.map(\.line) == [2, 5])
        #expect(table.location(table.records[1], field: 1).description == "t.csv:5:3")
    }

    @Test(arguments: [
        ("a,b\n1,2,3\n", "t.csv:2:5: error: expected 2 fields as in the header, found 3"),
        ("a,b,c\n1,2\n", "t.csv:2:4: error: expected 3 fields as in the header, found 2"),
        ("a,b\n\"open,2\n", "t.csv:2:1: error: unterminated quoted field: expected a closing '\"'"),
        ("a,b\n\"x\"y,2\n", "t.csv:2:4: error: expected a separator or the end of the line after a closing quote"),
        ("a,b\nab\"c,2\n", "t.csv:2:3: error: a quote inside an unquoted field; quote the whole field and double the quote"),
        ("a,b\nü,\"x\"y\n", "t.csv:2:6: error: expected a separator or the end of the line after a closing quote"),
        ("", "t.csv:1:1: error: the file is empty; expected a header row"),
    ])
    func reportsMalformedRecords(text: String, message: String) {
        let (table, diagnostics) = read(text)
        #expect(diagnostics == [message])
        #expect(table.records.isEmpty)
    }

    /// A stray quote at the start of a field swallows the following rows up to the next quote; the error points
    /// at the stray quote (where the fix is), not at the line where the swallowing happened to end.
    @Test(arguments: [
        ("a,b\n\"1,2\n3,4\n5,\"x\"y\n", "t.csv:2:1: error: this quote opens a field that runs to line 4, column 3, "),
        ("a,b\nok,\"stray\n3,4\n5,6\n\"tail\"x,7\n", "t.csv:2:4: error: this quote opens a field that runs to line 5, column 1, "),
        ("a,b\r\n1,\"oops\r\n\"x\"y,2\r\n", "t.csv:2:3: error: this quote opens a field that runs to line 3, column 1, "),
    ])
    func strayOpeningQuoteIsReportedWhereItOpens(text: String, prefix: String) {
        let (table, diagnostics) = read(text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix(prefix) == true, "\(diagnostics)")
        #expect(diagnostics.first?.contains("must be doubled") == true)
        #expect(table.records.isEmpty, "the swallowed rows are not read as data")
    }

    @Test func invalidUTF8IsAnError() {
        var c = DiagnosticCollector(file: "t.csv")
        let table = CSVReader.read(bytes("a,b\nok,\"x") + [0xFF] + bytes("\"\nfine,\u{e9}\n"), file: "t.csv", collector: &c)
        #expect(table.records.map(\.fields) == [["fine", "é"]])
        #expect(lines(c.finish()) == ["t.csv:2:4: error: the field is not valid UTF-8"])
    }

    @Test func badRecordDoesNotHideLaterRecords() {
        let (table, diagnostics) = read("a,b\n1,2,3\n4,5\n6\n7,8\n")
        #expect(table.records.map(\.fields) == [["4", "5"], ["7", "8"]])
        #expect(diagnostics == ["t.csv:2:5: error: expected 2 fields as in the header, found 3",
                                "t.csv:4:2: error: expected 2 fields as in the header, found 1"])
    }

    @Test func collectorCapsErrorsPerFile() {
        var text = "a,b\n"
        for _ in 0..<150 { text += "1\n" }
        var c = DiagnosticCollector(file: "t.csv", cap: 100)
        _ = CSVReader.read(bytes(text), file: "t.csv", collector: &c)
        let all = c.finish()
        #expect(all.count == 101)
        #expect(all.last?.description == "t.csv: error: 50 more errors in this file not shown (first 100 listed)")
        #expect(c.errorCount == 150)
        #expect(all.reduce(0) { $0 + $1.problemCount } == 150, "the summary line counts as the errors it stands for")
    }

    @Test(arguments: [("12", 12.0), ("0.244", 0.244), ("-3.5", -3.5), ("1e3", 1000.0), (".5", 0.5),
                      ("3.4469199999999998", 3.4469199999999998)])
    func decimals(text: String, value: Double) {
        #expect(parseDecimal(text) == value)
    }

    @Test(arguments: ["", "nan", "inf", "0x10", "1,5", "1.2.3", "1e", "--1", "12abc", " 1"])
    func rejectsNonDecimals(text: String) {
        #expect(parseDecimal(text) == nil)
    }
}
