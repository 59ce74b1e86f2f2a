import HeraldData

/// Which touches may be credited to a conversion.
///
/// Measured on instants at millisecond precision, never on calendar days or written offsets: a touch counts when
/// `conversion − N × 86,400 s ≤ touch ≤ conversion`. A touch exactly N × 86,400 s before counts, one a second
/// earlier does not; a touch at the same instant counts (whatever offsets the two were written with); a touch
/// even 1 ms after the conversion never does.
public struct LookbackWindow: Sendable, Hashable {
    public var days: Int

    public init(days: Int) { self.days = days }

    public var milliseconds: Int64 { Int64(days) * 86_400_000 }

    /// The earliest instant (ms since the epoch) that still counts for a conversion at `conversion`.
    public func start(for conversion: Int64) -> Int64 { conversion - milliseconds }

    public func contains(touch: Int64, conversion: Int64) -> Bool {
        touch <= conversion && touch >= start(for: conversion)
    }

    public func contains(touch: Timestamp, conversion: Timestamp) -> Bool {
        contains(touch: touch.millisecondsSinceEpoch, conversion: conversion.millisecondsSinceEpoch)
    }
}
