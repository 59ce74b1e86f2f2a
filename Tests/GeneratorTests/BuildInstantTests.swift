import Foundation
import Generator
import Testing

/// `--now` is read as strictly as the timestamps in the data: a typo is a usage error, never a shifted build date.
@Suite struct BuildInstantTests {
    @Test(arguments: [
        ("2026-12-01T06:00:00Z", 1_796_104_800.0),
        ("2026-12-01T07:00:00+01:00", 1_796_104_800.0),
        ("2026-12-01T06:00:00.250Z", 1_796_104_800.25),
        ("2026-12-01", 1_796_083_200.0),
        ("2026-12-01 06:00:00Z", 1_796_104_800.0),
    ])
    func accepted(text: String, seconds: Double) throws {
        #expect(try BuildInstant.parse(text).get().timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        ("2026-02-30", "real date YYYY-MM-DD, not '2026-02-30'"),
        ("2026-13-01", "real date YYYY-MM-DD, not '2026-13-01'"),
        ("2026-12-01T06:00:00", "no UTC offset"),
        ("2026-12-01T06:00:00+25:00", "offset is out of range"),
        ("2026-12-01T24:30:00Z", "out of range"),
        ("2026-02-30T06:00:00Z", "out of range"),
        ("yesterday", "not 'yesterday'"),
        ("", "not ''"),
        ("0000-01-01T00:00:00+23:59", "outside the years 0000–9999 in UTC"),
        ("9999-12-31T23:59:59-23:59", "outside the years 0000–9999 in UTC"),
    ])
    func rejected(text: String, reason: String) {
        guard case let .failure(error) = BuildInstant.parse(text) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.message.hasPrefix("--now must be"))
        #expect(error.message.contains(reason), "\(error.message)")
    }
}
