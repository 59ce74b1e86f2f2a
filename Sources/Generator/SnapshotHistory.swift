import HeraldData

/// The tenant's dated snapshots older than the one being built, loaded only when a plugin asks for one.
///
/// `PluginInput.previous` is the newest of them, already loaded; plugins that chart a trend read further back
/// through `load`. Loading is lazy because a snapshot can be large (a WARC crawl) and most plugins never look.
public struct SnapshotHistory: Sendable {
    /// Dates (YYYY-MM-DD) of the older snapshots, oldest first; the last is `previous`'s.
    public var dates: [String]
    private let loader: @Sendable (String) throws -> Snapshot

    public init(dates: [String] = [], load: @escaping @Sendable (String) throws -> Snapshot = { date in
        throw BuildError("no snapshot history to load '\(date)' from")
    }) {
        self.dates = dates
        self.loader = load
    }

    /// Loads the snapshot of `date` (one of `dates`), with the same loader and errors as the newest.
    public func load(_ date: String) throws -> Snapshot { try loader(date) }
}
