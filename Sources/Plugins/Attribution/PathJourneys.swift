import HeraldData

/// Journeys from pre-aggregated paths (paths.csv).
///
/// Each row is a weighted observation; duplicate paths simply add up, which gives the same credit as summing
/// them first because every model is linear in the row weights. Channel names are trimmed; empty names are
/// dropped. A row without channels but with conversions goes to the "(none)" row. Values are taken to be in
/// the reporting currency (paths.csv has no currency column).
public enum PathJourneys {
    public static func build(_ paths: [AggregatedPath]) -> JourneySet {
        var table = ChannelTable()
        var journeys: [Journey] = []
        journeys.reserveCapacity(paths.count)
        var noneConversions = 0.0
        var noneValue = 0.0
        for path in paths {
            var touches: [Int] = []
            touches.reserveCapacity(path.channels.count)
            for name in path.channels {
                let trimmed = name.trimmingASCIISpace()
                if !trimmed.isEmpty { touches.append(table.index(of: trimmed)) }
            }
            if touches.isEmpty {
                noneConversions += path.conversions
                noneValue += path.value
                continue
            }
            if path.conversions == 0 && path.nulls == 0 { continue }
            journeys.append(Journey(touches: touches, conversions: path.conversions, value: path.value, nulls: path.nulls))
        }
        return JourneySet(channels: table.names, journeys: journeys, unattributedConversions: noneConversions,
                          unattributedValue: noneValue, hasTimestamps: false)
    }
}
