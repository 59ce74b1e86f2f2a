import HeraldData

/// Maps anonymous (device) ids to user ids using identify events.
///
/// Rule, for a touch on device `a` at instant `t`:
/// 1. the user of the **latest** identify of `a` at or before `t` (the device was logged in as that user);
/// 2. else the user of the **earliest** identify of `a` after `t` (retroactive stitching: the visitor signed up
///    or logged in on that device later, often at checkout);
/// 3. else the touch stays anonymous.
///
/// On a shared device (one anonymous id identified to several users) this gives each touch to whoever was the
/// last to log in before it, which misassigns touches by the other person until they log in again. Identify
/// events at the same millisecond are ordered by user id, so the result never depends on file order.
public struct IdentityStitcher: Sendable {
    public enum Match: Sendable, Hashable {
        /// The latest identify at or before the touch.
        case before(String)
        /// No identify before the touch: the earliest one after it.
        case retroactive(String)

        public var userID: String {
            switch self {
            case let .before(id), let .retroactive(id): id
            }
        }
    }

    private struct Link: Sendable {
        var milliseconds: Int64
        var userID: String
    }

    private let links: [String: [Link]]
    /// Anonymous ids identified to more than one user.
    public let sharedDevices: Int

    public init(_ identities: [Identity]) {
        var grouped: [String: [Link]] = [:]
        for identity in identities where !identity.anonymousID.isEmpty && !identity.userID.isEmpty {
            grouped[identity.anonymousID, default: []].append(Link(milliseconds: identity.timestamp.millisecondsSinceEpoch,
                                                                  userID: identity.userID))
        }
        var shared = 0
        for (key, list) in grouped {
            var sorted = list.sorted { ($0.milliseconds, $0.userID) < ($1.milliseconds, $1.userID) }
            // Repeated logins of the same pair at the same instant add nothing.
            var unique: [Link] = []
            unique.reserveCapacity(sorted.count)
            for link in sorted where unique.last.map({ $0.milliseconds != link.milliseconds || $0.userID != link.userID }) ?? true {
                unique.append(link)
            }
            sorted = unique
            if Set(sorted.map(\.userID)).count > 1 { shared += 1 }
            grouped[key] = sorted
        }
        links = grouped
        sharedDevices = shared
    }

    /// The user behind device `anonymousID` at `instant`, or nil when the device was never identified.
    public func match(anonymousID: String, at instant: Timestamp) -> Match? {
        guard let list = links[anonymousID], !list.isEmpty else { return nil }
        let t = instant.millisecondsSinceEpoch
        // First index whose identify is strictly after t.
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].milliseconds <= t { low = mid + 1 } else { high = mid }
        }
        if low > 0 { return .before(list[low - 1].userID) }
        return .retroactive(list[0].userID)
    }
}
