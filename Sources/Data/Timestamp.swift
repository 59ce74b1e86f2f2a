import Foundation

/// An instant plus the UTC offset it was written with.
///
/// Comparisons use the instant (milliseconds precision): strings with different offsets never compare as text.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var millisecondsSinceEpoch: Int64
    /// The offset the source wrote, in seconds east of UTC.
    public var offsetSeconds: Int

    public init(millisecondsSinceEpoch: Int64, offsetSeconds: Int) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
        self.offsetSeconds = offsetSeconds
    }

    public init(date: Date, offsetSeconds: Int = 0) {
        self.millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded())
        self.offsetSeconds = offsetSeconds
    }

    public var date: Date { Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000) }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.millisecondsSinceEpoch < b.millisecondsSinceEpoch }
    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.millisecondsSinceEpoch == b.millisecondsSinceEpoch }
    public func hash(into hasher: inout Hasher) { hasher.combine(millisecondsSinceEpoch) }

    /// W3C / RFC 3339 text with the original offset, e.g. `2026-03-29T02:30:00+02:00`.
    public var description: String { TimestampFormat.rfc3339(self) }
}
