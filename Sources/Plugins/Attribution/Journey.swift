/// One customer path, or a weighted group of identical paths (paths.csv rows are weighted observations).
public struct Journey: Sendable, Hashable {
    /// Channel indices into `JourneySet.channels`, oldest touch first.
    public var touches: [Int]
    /// For each touch, the time from the touch to the conversion in days (≥ 0). Nil when the input has no
    /// timestamps (paths.csv): time decay then counts positions as one-day steps back from the last touch.
    public var ageDays: [Double]?
    /// Converting journeys with this path (1 for an event-level conversion).
    public var conversions: Double
    /// Their total value, in the reporting currency.
    public var value: Double
    /// Non-converting journeys with this path.
    public var nulls: Double

    public init(touches: [Int], ageDays: [Double]? = nil, conversions: Double, value: Double, nulls: Double) {
        self.touches = touches
        self.ageDays = ageDays
        self.conversions = conversions
        self.value = value
        self.nulls = nulls
    }
}

/// The journeys of one tenant, ready for the models.
public struct JourneySet: Sendable {
    /// Channel names; `Journey.touches` index into this list.
    public var channels: [String]
    public var journeys: [Journey]
    /// Conversions with no touch in their window, credited to the "(none)" row by every model.
    public var unattributedConversions: Double
    public var unattributedValue: Double
    /// True when the journeys carry touch times (event-level input).
    public var hasTimestamps: Bool

    public init(channels: [String], journeys: [Journey], unattributedConversions: Double = 0,
                unattributedValue: Double = 0, hasTimestamps: Bool) {
        self.channels = channels
        self.journeys = journeys
        self.unattributedConversions = unattributedConversions
        self.unattributedValue = unattributedValue
        self.hasTimestamps = hasTimestamps
    }

    public var totalConversions: Double {
        journeys.reduce(unattributedConversions) { $0 + $1.conversions }
    }

    public var totalValue: Double {
        journeys.reduce(unattributedValue) { $0 + $1.value }
    }
}

/// Interns channel names as small integers, in first-seen order.
struct ChannelTable {
    private(set) var names: [String] = []
    private var indices: [String: Int] = [:]

    mutating func index(of name: String) -> Int {
        if let index = indices[name] { return index }
        let index = names.count
        names.append(name)
        indices[name] = index
        return index
    }

    func lookup(_ name: String) -> Int? { indices[name] }
}
