import Testing
@testable import HeraldData

/// `GzipMembers`, the one place Herald inflates: the output never grows past the limit the caller names.
@Suite struct GzipMembersTests {
    static let zeros = GzipMembers.compress([UInt8](repeating: 0, count: 1 << 20))

    @Test(arguments: [
        // (members of 1 MiB of zeros, limit, inflated size or nil when over the limit)
        (1, 1 << 20, Optional(1 << 20)),
        (1, (1 << 20) - 1, nil),
        (3, 3 << 20, Optional(3 << 20)),
        (3, (3 << 20) - 1, nil),
        (8, 2 << 20, nil),
    ])
    func inflateStopsAtTheLimit(members: Int, limit: Int, inflated: Int?) {
        let input = Array([[UInt8]](repeating: Self.zeros, count: members).joined())
        switch GzipMembers.inflate(input, limit: limit) {
        case let .success(bytes):
            #expect(bytes.count == inflated)
            #expect(bytes.allSatisfy { $0 == 0 })
        case let .failure(failure):
            #expect(inflated == nil)
            #expect(failure.kind == .tooLarge && failure.message == "inflates to more than \(limit) bytes")
        }
    }

    @Test func membersOverTheLimitAreSkippedAndReadingGoesOn() {
        let small = GzipMembers.compress(Array("small".utf8))
        let members = GzipMembers(small + Self.zeros + small, memberLimit: 1000)
        #expect(String(decoding: members.bytes, as: UTF8.self) == "smallsmall")
        #expect(members.starts.map(\.compressed) == [0, small.count + Self.zeros.count])
        #expect(members.starts.map(\.inflated) == [0, 5])
        #expect(members.oversized == [GzipMembers.Failure(offset: small.count, message: "inflates to 1048576 bytes, more than the limit of 1000 bytes",
                                                          kind: .tooLarge, next: small.count + Self.zeros.count)])
        #expect(members.failure == nil)
    }

    @Test(arguments: [("truncated", GzipMembers.Failure.Kind.truncated), ("corrupt", .corrupt)])
    func brokenInputIsAFailureNotATrap(_ what: String, kind: GzipMembers.Failure.Kind) {
        var input = Self.zeros
        if kind == .truncated { input.removeLast(input.count / 2) } else { input[12] ^= 0xFF; input[13] ^= 0xFF }
        guard case let .failure(failure) = GzipMembers.inflate(input, limit: 1 << 30) else {
            Issue.record("\(what) input inflated")
            return
        }
        #expect(failure.kind == kind, "\(what): \(failure)")
    }
}
