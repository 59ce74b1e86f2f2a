import HeraldData

/// What happened while turning events into journeys; shown in the report's notes.
public struct EventJourneyStats: Sendable, Hashable {
    public var touchDuplicates = DeduplicationReport()
    public var conversionDuplicates = DeduplicationReport()
    /// Touches kept after deduplication.
    public var touches = 0
    /// Touches that carried a user id (logged-in visits, server-side e-mail clicks).
    public var touchesWithUser = 0
    /// Anonymous touches stitched by an identify at or before them.
    public var stitchedBefore = 0
    /// Anonymous touches stitched by a later identify (retroactive).
    public var stitchedRetroactively = 0
    /// Anonymous touches on devices never identified (their own journeys; never converting).
    public var unstitched = 0
    /// Touches with neither an anonymous id nor a user id (ignored).
    public var withoutIdentity = 0
    /// Anonymous ids identified to more than one user.
    public var sharedDevices = 0
    /// Conversions kept after deduplication.
    public var conversions = 0
    /// Conversions with no touch in their window (the "(none)" row).
    public var unattributed = 0
    /// Conversions whose window starts before the first touch in the data: their paths may be incomplete.
    public var incomplete = 0
    public var firstTouch: Timestamp?
    /// Journeys of touches that served no conversion.
    public var nonConverting = 0

    public init() {}
}

/// Builds journeys from touchpoints, conversions and identify events.
///
/// - Touches and conversions are deduplicated on their id (first row wins).
/// - Each touch belongs to a person: its user id when it has one (logged in, or a server-side e-mail click),
///   else the user its anonymous id stitches to (`IdentityStitcher`), else the anonymous device itself.
/// - A conversion's journey is its user's touches inside the `LookbackWindow`, in instant order (ties by
///   touch id). A touch may serve several conversions of the same user; it never serves an earlier one.
/// - A conversion without touches in its window is unattributed ("(none)").
/// - A person's touches that serve no conversion form non-converting journeys (split where two consecutive
///   touches are more than the lookback apart); the Markov model needs them.
/// - Values are converted into the reporting currency by `convert` (which throws a `Diagnostic` naming the row).
public enum EventJourneys {
    public static func build(touchpoints: [Touchpoint], conversions: [Conversion], identities: [Identity],
                             lookback: LookbackWindow,
                             convert: (Conversion) throws -> Double) throws -> (journeys: JourneySet, stats: EventJourneyStats) {
        var stats = EventJourneyStats()
        let (touches, touchReport) = Deduplication.touchpoints(touchpoints)
        let (orders, orderReport) = Deduplication.conversions(conversions)
        stats.touchDuplicates = touchReport
        stats.conversionDuplicates = orderReport
        stats.touches = touches.count
        stats.conversions = orders.count

        // Convert every value first, so that a missing rate fails on the first such row in file order.
        var values: [Double] = []
        values.reserveCapacity(orders.count)
        for order in orders { values.append(try convert(order)) }

        let stitcher = IdentityStitcher(identities)
        stats.sharedDevices = stitcher.sharedDevices

        var table = ChannelTable()
        // Channel indices follow sorted channel names, so the output never depends on row order.
        for name in Set(touches.map(\.channel)).sorted() { _ = table.index(of: name) }

        struct Touch {
            var milliseconds: Int64
            var id: String
            var channel: Int
        }
        var byPerson: [String: [Touch]] = [:]
        for touch in touches {
            if stats.firstTouch.map({ touch.timestamp.millisecondsSinceEpoch < $0.millisecondsSinceEpoch }) ?? true {
                stats.firstTouch = touch.timestamp
            }
            let person: String
            if let user = touch.userID, !user.isEmpty {
                person = "u:" + user
                stats.touchesWithUser += 1
            } else if let anonymous = touch.anonymousID, !anonymous.isEmpty {
                switch stitcher.match(anonymousID: anonymous, at: touch.timestamp) {
                case let .before(user)?:
                    person = "u:" + user
                    stats.stitchedBefore += 1
                case let .retroactive(user)?:
                    person = "u:" + user
                    stats.stitchedRetroactively += 1
                case nil:
                    person = "a:" + anonymous
                    stats.unstitched += 1
                }
            } else {
                stats.withoutIdentity += 1
                continue
            }
            let ms = touch.timestamp.millisecondsSinceEpoch
            byPerson[person, default: []].append(Touch(milliseconds: ms, id: touch.id, channel: table.index(of: touch.channel)))
        }

        var ordersByPerson: [String: [Int]] = [:]
        for (index, order) in orders.enumerated() { ordersByPerson["u:" + order.userID, default: []].append(index) }

        var journeys: [Journey] = []
        var noneConversions = 0.0
        var noneValue = 0.0
        let persons = Set(byPerson.keys).union(ordersByPerson.keys).sorted()
        for person in persons {
            var list = byPerson[person] ?? []
            list.sort { ($0.milliseconds, $0.id) < ($1.milliseconds, $1.id) }
            var used = [Bool](repeating: false, count: list.count)
            var personOrders = ordersByPerson[person] ?? []
            personOrders.sort {
                (orders[$0].timestamp.millisecondsSinceEpoch, orders[$0].id) < (orders[$1].timestamp.millisecondsSinceEpoch, orders[$1].id)
            }
            for index in personOrders {
                let at = orders[index].timestamp.millisecondsSinceEpoch
                let start = lookback.start(for: at)
                if let first = stats.firstTouch, start < first.millisecondsSinceEpoch { stats.incomplete += 1 }
                let lower = firstIndex(in: list, where: { $0.milliseconds >= start })
                let upper = firstIndex(in: list, where: { $0.milliseconds > at })
                if lower >= upper {
                    stats.unattributed += 1
                    noneConversions += 1
                    noneValue += values[index]
                    continue
                }
                var channels: [Int] = []
                var ages: [Double] = []
                channels.reserveCapacity(upper - lower)
                ages.reserveCapacity(upper - lower)
                for i in lower..<upper {
                    used[i] = true
                    channels.append(list[i].channel)
                    ages.append(Double(at - list[i].milliseconds) / 86_400_000)
                }
                journeys.append(Journey(touches: channels, ageDays: ages, conversions: 1, value: values[index], nulls: 0))
            }
            // Touches that served no conversion: non-converting journeys, split at gaps longer than the lookback.
            var run: [Int] = []
            var last: Int64 = .min
            for (i, touch) in list.enumerated() where !used[i] {
                if !run.isEmpty && touch.milliseconds - last > lookback.milliseconds {
                    journeys.append(Journey(touches: run, conversions: 0, value: 0, nulls: 1))
                    stats.nonConverting += 1
                    run.removeAll(keepingCapacity: true)
                }
                run.append(touch.channel)
                last = touch.milliseconds
            }
            if !run.isEmpty {
                journeys.append(Journey(touches: run, conversions: 0, value: 0, nulls: 1))
                stats.nonConverting += 1
            }
        }
        let set = JourneySet(channels: table.names, journeys: journeys, unattributedConversions: noneConversions,
                             unattributedValue: noneValue, hasTimestamps: true)
        return (set, stats)
    }

    /// The first index whose element satisfies a predicate that is false then true along the (sorted) list.
    private static func firstIndex<T>(in list: [T], where predicate: (T) -> Bool) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let mid = (low + high) / 2
            if predicate(list[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
