import AttributionPlugin
import HeraldData
import Testing

struct StitchingTests {
    /// The family laptop: identified to u1 on the 10th and to u2 on the 20th.
    static let shared = IdentityStitcher([
        identify("laptop", "u2", "2026-03-20T12:00:00+01:00"),
        identify("laptop", "u1", "2026-03-10T12:00:00+01:00"),
        identify("laptop", "u1", "2026-03-12T12:00:00+01:00"),  // a repeat login
    ])

    static let cases: [(String, IdentityStitcher.Match)] = [
        ("2026-03-01T00:00:00Z", IdentityStitcher.Match.retroactive("u1")),   // before any identify: the earliest after
        ("2026-03-10T11:00:00Z", .before("u1")),                              // the identify instant itself (12:00+01:00)
        ("2026-03-15T00:00:00Z", .before("u1")),                              // latest at or before
        ("2026-03-20T10:59:59.999Z", .before("u1")),
        ("2026-03-20T11:00:00Z", .before("u2")),
        ("2026-04-01T00:00:00Z", .before("u2")),
    ]

    @Test(arguments: cases)
    func sharedDeviceRule(at: String, expected: IdentityStitcher.Match) {
        #expect(Self.shared.match(anonymousID: "laptop", at: timestamp(at)) == expected)
        #expect(Self.shared.sharedDevices == 1)
    }

    @Test func unknownDeviceStaysAnonymous() {
        #expect(Self.shared.match(anonymousID: "phone", at: timestamp("2026-03-15T00:00:00Z")) == nil)
    }

    @Test func identifyOrderInTheFileDoesNotMatter() {
        let a = IdentityStitcher([identify("d", "x", "2026-01-01T00:00:00Z"), identify("d", "y", "2026-01-01T00:00:00Z")])
        let b = IdentityStitcher([identify("d", "y", "2026-01-01T00:00:00Z"), identify("d", "x", "2026-01-01T00:00:00Z")])
        let at = timestamp("2026-01-02T00:00:00Z")
        #expect(a.match(anonymousID: "d", at: at) == b.match(anonymousID: "d", at: at))
    }

    @Test func checkoutSignUpStitchesEarlierAnonymousTouchesRetroactively() throws {
        let (journeys, stats) = try eventJourneys(
            [touch("t1", anonymous: "dev1", "2026-03-01T10:00:00+01:00", "Paid Social"),
             touch("t2", anonymous: "dev1", "2026-03-03T10:00:00+01:00", "Direct"),
             // Second device, identified only after the order: still stitched.
             touch("t3", anonymous: "dev2", "2026-03-02T10:00:00-05:00", "Organic Search"),
             // Server-side e-mail click: user id only.
             touch("t4", user: "u", "2026-03-02T20:00:00Z", "Email"),
             // Never identified: not the buyer's.
             touch("t5", anonymous: "dev3", "2026-03-02T10:00:00Z", "Display")],
            [conversion("o", user: "u", "2026-03-03T10:05:00+01:00", value: 80)],
            [identify("dev1", "u", "2026-03-03T10:04:00.250+01:00"), identify("dev2", "u", "2026-03-09T08:00:00-04:00")])
        let converting = try #require(journeys.journeys.first { $0.conversions == 1 })
        #expect(converting.touches.map { journeys.channels[$0] } == ["Paid Social", "Organic Search", "Email", "Direct"])
        #expect(stats.stitchedRetroactively == 3)
        #expect(stats.touchesWithUser == 1)
        #expect(stats.unstitched == 1)
        #expect(stats.unattributed == 0)
        let anonymous = journeys.journeys.filter { $0.nulls == 1 }.map { $0.touches.map { journeys.channels[$0] } }
        #expect(anonymous == [["Display"]])
    }

    @Test func sharedDeviceTouchesGoToWhoeverLoggedInLastBeforeThem() throws {
        let (journeys, _) = try eventJourneys(
            [touch("t1", anonymous: "laptop", "2026-03-15T10:00:00Z", "Referral"),
             touch("t2", anonymous: "laptop", "2026-03-21T10:00:00Z", "Video")],
            [conversion("o1", user: "u1", "2026-03-16T00:00:00Z", value: 10),
             conversion("o2", user: "u2", "2026-03-22T00:00:00Z", value: 20)],
            [identify("laptop", "u1", "2026-03-10T12:00:00+01:00"), identify("laptop", "u2", "2026-03-20T12:00:00+01:00")])
        let paths = journeys.journeys.filter { $0.conversions == 1 }.map { ($0.value, $0.touches.map { journeys.channels[$0] }) }
        #expect(paths.count == 2)
        #expect(paths.first { $0.0 == 10 }?.1 == ["Referral"])
        #expect(paths.first { $0.0 == 20 }?.1 == ["Video"])
    }
}
