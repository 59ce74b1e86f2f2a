import Testing
@testable import HeraldData

@Suite struct TableLoaderTests {
    @Test func pathsHappyPath() throws {
        let text = "path;total_conversions;total_conversion_value;total_null\neta > iota > alpha;1;0.244;3\niota;0;0;6\nbeta>gamma ;2;3.4469199999999998;0\n"
        let loaded = PathsLoader.load(bytes(text), file: "paths.csv")
        #expect(loaded.diagnostics.isEmpty)
        #expect(try loaded.get() == [
            AggregatedPath(channels: ["eta", "iota", "alpha"], conversions: 1, value: 0.244, nulls: 3),
            AggregatedPath(channels: ["iota"], conversions: 0, value: 0, nulls: 6),
            AggregatedPath(channels: ["beta", "gamma"], conversions: 2, value: 3.4469199999999998, nulls: 0),
        ])
    }

    @Test func pathsAcceptCommaHeader() throws {
        let rows = try PathsLoader.load(bytes("path,total_conversions,total_conversion_value,total_null\na > b,1,2,3\n"), file: "paths.csv").get()
        #expect(rows == [AggregatedPath(channels: ["a", "b"], conversions: 1, value: 2, nulls: 3)])
    }

    @Test(arguments: [
        ("a >  > b;1;1;0", "paths.csv:2:1: error: column 'path': expected channel names separated by '>', found an empty name in 'a >  > b'"),
        ("a > b;x;1;0", "paths.csv:2:7: error: column 'total_conversions': expected a number such as 12.50, found 'x'"),
        ("a > b;1;-2;0", "paths.csv:2:9: error: column 'total_conversion_value': expected a number ≥ 0, found '-2'"),
        (";1;2;0", "paths.csv:2:1: error: expected a value in column 'path', found an empty field"),
        ("a;1;2", "paths.csv:2:6: error: expected 4 fields as in the header, found 3"),
        ("a;0;0;0", "paths.csv:2:3: warning: row has no conversions and no nulls; it carries no journey"),
    ])
    func pathErrors(row: String, message: String) {
        let loaded = PathsLoader.load(bytes("path;total_conversions;total_conversion_value;total_null\n" + row + "\n"), file: "paths.csv")
        #expect(lines(loaded.diagnostics) == [message])
    }

    @Test func ratesHappyPath() throws {
        let rates = try RatesLoader.load(bytes("currency,rate\nGBP,1.17\nUSD,0.92\nEUR,1\n"), file: "rates.csv", reportingCurrency: "EUR").get()
        #expect(rates.rates == ["GBP": 1.17, "USD": 0.92, "EUR": 1])
        #expect(rates.reportingCurrency == "EUR")
        #expect(try rates.convert(10, from: "GBP", at: SourceLocation(file: "x")) == 11.7)
        #expect(throws: Diagnostic("no exchange rate from CHF to EUR in rates.csv", at: SourceLocation(file: "c.csv", line: 3))) {
            try rates.convert(10, from: "CHF", at: SourceLocation(file: "c.csv", line: 3))
        }
    }

    @Test(arguments: [
        ("GBP,0", "rates.csv:2:5: error: column 'rate': expected a rate > 0, found '0'"),
        ("gbp,1.1", "rates.csv:2:1: error: column 'currency': expected an ISO 4217 code such as EUR, found 'gbp'"),
        ("EUR,1.1", "rates.csv:2:5: error: EUR is the reporting currency; its rate must be 1, found '1.1'"),
        ("GBP,1.1\nGBP,1.2", "rates.csv:3:1: error: currency GBP already has a rate at line 2"),
        ("GBP,", "rates.csv:2:5: error: expected a value in column 'rate', found an empty field"),
    ])
    func rateErrors(rows: String, message: String) {
        let loaded = RatesLoader.load(bytes("currency,rate\n" + rows + "\n"), file: "rates.csv", reportingCurrency: "EUR")
        #expect(lines(loaded.diagnostics) == [message])
    }

    @Test func subscribersHappyPathWithAttributes() throws {
        let text = #"""
        id,email,first_name,last_name,tags,status,plan,city
        s1,ana@example.com,Ana,Lima,vip|outdoor,subscribed,pro,Porto
        s2,bo@example.com,"<b>""quote'",,news; events ,unsubscribed,,
        s3,cy@example.com,,,,,,

        """#
        let loaded = SubscribersLoader.load(bytes(text), file: "subscribers.csv")
        #expect(loaded.diagnostics.isEmpty)
        let rows = try loaded.get()
        #expect(rows[0] == Subscriber(id: "s1", email: "ana@example.com", firstName: "Ana", lastName: "Lima", tags: ["vip", "outdoor"],
                                      subscribed: true, attributes: ["plan": "pro", "city": "Porto"], line: 2))
        #expect(rows[1].firstName == "<b>\"quote'" && rows[1].lastName == nil && rows[1].tags == ["news", "events"] && !rows[1].subscribed)
        #expect(rows[2].subscribed && rows[2].tags.isEmpty && rows[2].attributes == ["plan": "", "city": ""])
    }

    @Test(arguments: [
        ("s1,not-an-address,,,,", "subscribers.csv:2:4: error: column 'email': expected an e-mail address such as name@example.com, found 'not-an-address'"),
        ("s1,a@example.com,,,,maybe", "subscribers.csv:2:21: error: column 'status': expected 'subscribed' or 'unsubscribed', found 'maybe'"),
        (",a@example.com,,,,", "subscribers.csv:2:1: error: expected a value in column 'id', found an empty field"),
        ("s1,a@example.com,,,,\ns1,b@example.com,,,,", "subscribers.csv:3:1: error: id 's1' was already used at line 2"),
        ("s1,a@example.com,,,,\ns2,A@example.com,,,,", "subscribers.csv:3:4: warning: e-mail address 'A@example.com' is also used at line 2"),
        // Values quoted in a message keep it on one line and cannot drive the terminal.
        ("s1,\"a@example.com\r\nBcc: x@evil.example\",,,,", "subscribers.csv:2:4: error: column 'email': expected an e-mail address such as name@example.com, found 'a@example.com\\r\\nBcc: x@evil.example'"),
        ("s1,\"a\u{1B}[2J@example.com\",,,,", "subscribers.csv:2:4: error: control character U+001B in the field; remove it"),
    ])
    func subscriberErrors(rows: String, message: String) {
        let loaded = SubscribersLoader.load(bytes("id,email,first_name,last_name,tags,status\n" + rows + "\n"), file: "subscribers.csv")
        #expect(lines(loaded.diagnostics) == [message])
    }

    @Test func subscribersNeedEmailColumn() {
        let loaded = SubscribersLoader.load(bytes("id,mail\ns1,a@example.com\n"), file: "subscribers.csv")
        #expect(lines(loaded.diagnostics) == ["subscribers.csv:1:1: error: missing required column 'email' in the header"])
    }
}
