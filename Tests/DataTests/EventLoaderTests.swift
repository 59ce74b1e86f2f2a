import Testing
@testable import HeraldData

@Suite struct EventLoaderTests {
    static let touchHeader = "touchpoint_id,anonymous_id,user_id,timestamp,channel,source,medium,campaign,cost\n"

    @Test func touchpointsHappyPath() throws {
        let text = Self.touchHeader + #"""
        t2,a1,,2026-01-02T10:00:00+01:00,Paid Search,google,cpc,"Frühling, 20 % Rabatt",1.29
        t1,,u1,2026-01-02T08:30:00Z,Email,newsletter,email,"creator_collab ""Trail Week""",
        t3,a2,u2,2026-01-02T14:00:00.400+05:30,Direct,(direct),(none),,

        """#
        let loaded = TouchpointsLoader.load(bytes(text), file: "touchpoints.csv")
        #expect(loaded.diagnostics.isEmpty)
        let rows = try loaded.get()
        // Sorted by instant: t3 (08:30:00.400Z) after t1 (08:30Z), t2 (09:00Z) last.
        #expect(rows.map(\.id) == ["t1", "t3", "t2"])
        #expect(rows[2] == Touchpoint(id: "t2", anonymousID: "a1", userID: nil, timestamp: try Timestamp(parsing: "2026-01-02T09:00:00Z"),
                                      channel: "Paid Search", source: "google", medium: "cpc", campaign: "Frühling, 20 % Rabatt", cost: 1.29, line: 2))
        #expect(rows[2].line == 2)
        #expect(rows[0].anonymousID == nil && rows[0].userID == "u1" && rows[0].cost == nil)
        #expect(rows[0].campaign == "creator_collab \"Trail Week\"")
        #expect(rows[1].timestamp.millisecondsSinceEpoch % 1000 == 400)
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let text = "touchpoint_id,anonymous_id,user_id,timestamp,channel\nt1,a,,2026-01-01T00:00:00Z,Direct\n"
        let rows = try TouchpointsLoader.load(bytes(text), file: "touchpoints.csv").get()
        #expect(rows.count == 1 && rows[0].source == nil && rows[0].cost == nil)
    }

    @Test(arguments: [
        ("t1,a,,2026-01-01T10:00:00,Direct,,,,", "touchpoints.csv:2:7: error: column 'timestamp': timestamp has no UTC offset; write Z or ±hh:mm, e.g. 2026-03-29T02:30:00+02:00, found '2026-01-01T10:00:00'"),
        ("t1,a,,01/02/2026,Direct,,,,", "touchpoints.csv:2:7: error: column 'timestamp': expected an RFC 3339 timestamp with a UTC offset such as 2026-03-29T02:30:00+02:00, the date is not YYYY-MM-DD, found '01/02/2026'"),
        (",a,,2026-01-01T10:00:00Z,Direct,,,,", "touchpoints.csv:2:1: error: expected a value in column 'touchpoint_id', found an empty field"),
        ("t1,a,,2026-01-01T10:00:00Z,,,,,", "touchpoints.csv:2:28: error: expected a value in column 'channel', found an empty field"),
        ("t1,,,2026-01-01T10:00:00Z,Direct,,,,", "touchpoints.csv:2:4: error: expected an anonymous_id or a user_id (or both), found neither"),
        ("t1,a,,2026-01-01T10:00:00Z,Display,,,,1,50", "touchpoints.csv:2:41: error: expected 9 fields as in the header, found 10"),
        ("t1,a,,2026-01-01T10:00:00Z,Display,,,,€1", "touchpoints.csv:2:39: error: column 'cost': expected a number such as 12.50, found '€1'"),
        ("t1,a,,2026-01-01T10:00:00Z,Display,,,,-1", "touchpoints.csv:2:39: error: column 'cost': expected a number ≥ 0, found '-1'"),
        ("t1,a,,2026-01-01T10:00:00Z,Display,,,,1e400", "touchpoints.csv:2:39: error: column 'cost': the number is too large (at most 1e15; totals of larger numbers overflow), found '1e400'"),
        ("t1,a,,2026-01-01T10:00:00Z,Display,,,,-1e999", "touchpoints.csv:2:39: error: column 'cost': the number is too large (at most 1e15; totals of larger numbers overflow), found '-1e999'"),
    ])
    func touchpointRowErrors(row: String, message: String) {
        let loaded = TouchpointsLoader.load(bytes(Self.touchHeader + row + "\n"), file: "touchpoints.csv")
        #expect(lines(loaded.diagnostics) == [message])
        #expect(loaded.value.isEmpty)
        #expect(throws: DiagnosticList.self) { try loaded.get() }
    }

    @Test(arguments: [
        ("touchpoint_id,anonymous_id,timestamp,channel\n", ["touchpoints.csv:1:1: error: missing required column 'user_id' in the header"]),
        ("touchpoint_id,anonymous_id,user_id,timestamp,channel,colour\n",
         ["touchpoints.csv:1:54: error: unknown column 'colour'; expected columns: touchpoint_id, anonymous_id, user_id, timestamp, channel, source, medium, campaign, cost"]),
        ("touchpoint_id,anonymous_id,user_id,timestamp,channel,channel\n", ["touchpoints.csv:1:54: error: duplicate column 'channel' in the header"]),
    ])
    func headerErrors(header: String, messages: [String]) {
        let loaded = TouchpointsLoader.load(bytes(header + "t1,a,,2026-01-01T00:00:00Z,Direct,x\n"), file: "touchpoints.csv")
        #expect(messages.allSatisfy(errors(loaded.diagnostics).contains))
    }

    @Test func missingRequiredColumnDoesNotFloodRows() {
        let text = "touchpoint_id,anonymous_id,timestamp,channel\n" + String(repeating: "t1,a,2026-01-01T00:00:00Z,Direct\n", count: 50)
        let loaded = TouchpointsLoader.load(bytes(text), file: "touchpoints.csv")
        #expect(lines(loaded.diagnostics) == ["touchpoints.csv:1:1: error: missing required column 'user_id' in the header"])
    }

    @Test func exactDuplicatesAreRemovedAndConflictsAreErrors() {
        let row1 = "t1,a,,2026-01-01T10:00:00Z,Direct,(direct),(none),,"
        let row2 = "t2,a,,2026-01-01T11:00:00Z,Email,n,email,,"
        let text = Self.touchHeader + [row1, row2, row1, row1, "t2,a,,2026-01-01T11:00:00Z,Email,n,email,,0.10"].joined(separator: "\n") + "\n"
        let loaded = TouchpointsLoader.load(bytes(text), file: "touchpoints.csv")
        #expect(loaded.value.map(\.id) == ["t1", "t2"])
        #expect(lines(loaded.diagnostics) == [
            "touchpoints.csv:6:1: error: touchpoint_id 't2' was already used at line 3 with different content",
            "touchpoints.csv:4:1: info: removed 2 exact duplicate rows (same touchpoint_id and content as an earlier row; the first, line 4, repeats line 2)",
        ])
    }

    @Test func onlyExactDuplicatesIsNotAnError() throws {
        let row = "t1,a,,2026-01-01T10:00:00Z,Direct,(direct),(none),,"
        let loaded = TouchpointsLoader.load(bytes(Self.touchHeader + row + "\n" + row + "\n"), file: "touchpoints.csv")
        #expect(try loaded.get().count == 1)
        #expect(loaded.diagnostics.map(\.severity) == [.info])
    }

    @Test func conversionsHappyPathAndErrors() throws {
        let text = #"""
        conversion_id,user_id,timestamp,value,currency
        o2,u1,2026-01-20T10:00:00+01:00,54.82,USD
        o1,u1,2026-01-20T10:00:00+01:00,0.00,EUR
        o1,u1,2026-01-20T10:00:00+01:00,0.00,EUR
        o3,,2026-01-20T10:00:00+01:00,5,EUR
        o4,u2,2026-01-20T10:00:00+01:00,-5,EUR
        o5,u2,2026-01-20T10:00:00+01:00,5,euro
        o6,u2,2026-01-20T10:00:00+01:00,abc,EUR

        """#
        let loaded = ConversionsLoader.load(bytes(text), file: "conversions.csv")
        #expect(loaded.value.map(\.id) == ["o1", "o2"])
        #expect(loaded.value[1] == Conversion(id: "o2", userID: "u1", timestamp: try Timestamp(parsing: "2026-01-20T09:00:00Z"), value: 54.82, currency: "USD", line: 2))
        #expect(lines(loaded.diagnostics) == [
            "conversions.csv:5:4: error: expected a value in column 'user_id', found an empty field",
            "conversions.csv:6:33: error: column 'value': expected a number ≥ 0, found '-5'",
            "conversions.csv:7:35: error: column 'currency': expected an ISO 4217 code such as EUR, found 'euro'",
            "conversions.csv:8:33: error: column 'value': expected a number such as 12.50, found 'abc'",
            "conversions.csv:4:1: info: removed 1 exact duplicate row (same conversion_id and content as an earlier row; the first, line 4, repeats line 3)",
        ])
    }

    @Test func identitiesHappyPathAndErrors() throws {
        let text = #"""
        event_id,event,anonymous_id,user_id,timestamp
        e1,identify,a1,u1,2026-01-01T14:25:54.246+00:00
        e2,identify,a1,u1,2026-01-01T12:00:00Z
        e3,track,a1,u1,2026-01-01T12:00:00Z
        e4,identify,,u1,2026-01-01T12:00:00Z

        """#
        let loaded = IdentitiesLoader.load(bytes(text), file: "identities.csv")
        #expect(loaded.value.map(\.timestamp.description) == ["2026-01-01T12:00:00Z", "2026-01-01T14:25:54.246Z"])
        #expect(loaded.value[0] == Identity(anonymousID: "a1", userID: "u1", timestamp: try Timestamp(parsing: "2026-01-01T12:00:00Z")))
        #expect(lines(loaded.diagnostics) == [
            "identities.csv:4:4: error: column 'event': expected 'identify', found 'track'",
            "identities.csv:5:13: error: expected a value in column 'anonymous_id', found an empty field",
        ])
    }
}
