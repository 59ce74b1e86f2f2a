/// The plain-text notes under the report: how journeys were built and what to keep in mind reading it.
public enum AttributionNotes {
    public static func notes(settings: AttributionSettings, journeys: JourneySet, stats: EventJourneyStats?,
                             currency: String) -> [String] {
        var notes: [String] = []
        if let stats {
            let days = settings.lookbackDays
            notes.append("Lookback: \(days) days, measured as \(days) × 86,400 s between instants at millisecond precision "
                + "(written offsets and daylight-saving changes do not matter). A touch at or before the conversion instant "
                + "counts; a touch after it never does, though it may count for a later conversion of the same person.")
            notes.append("Identity stitching: a touch with a user id belongs to that user. An anonymous touch belongs to the user "
                + "of the latest identify of its device at or before the touch, else of the earliest identify after it "
                + "(retroactive, e.g. sign-up at checkout); devices never identified stay anonymous and never convert. "
                + "\(count(stats.touchesWithUser)) touches carried a user id, \(count(stats.stitchedBefore)) were stitched by an "
                + "earlier identify, \(count(stats.stitchedRetroactively)) retroactively, \(count(stats.unstitched)) stayed anonymous.")
            if stats.sharedDevices > 0 {
                notes.append("\(count(stats.sharedDevices)) devices were identified to more than one user (shared devices); "
                    + "their touches go to whoever logged in last before the touch, which misassigns some of them.")
            }
            if stats.withoutIdentity > 0 {
                notes.append("\(count(stats.withoutIdentity)) touches had neither a device id nor a user id and were ignored.")
            }
            if stats.touchDuplicates.duplicates > 0 || stats.conversionDuplicates.duplicates > 0 {
                notes.append("Duplicates ignored (same id, first row kept): \(count(stats.touchDuplicates.duplicates)) touch rows, "
                    + "\(count(stats.conversionDuplicates.duplicates)) conversion rows.")
            }
            if stats.unattributed > 0 {
                notes.append("Unattributed: \(count(stats.unattributed)) of \(count(stats.conversions)) conversions "
                    + "(\(NumberFormat.money(journeys.unattributedValue, currency: currency))) had no touch in their window; "
                    + "every model shows them in the “\(AttributionResult.unattributedChannel)” row so that totals reconcile.")
            } else {
                notes.append("Unattributed: none; every conversion had at least one touch in its window.")
            }
            var incomplete = "Incomplete paths: \(count(stats.incomplete)) conversions have a window that starts before the first touch in the data"
            if let first = stats.firstTouch { incomplete += " (\(first.description))" }
            notes.append(incomplete + "; their journeys may be missing earlier touches.")
            notes.append("Non-converting journeys (touches that served no conversion, split at gaps longer than the lookback): "
                + "\(count(stats.nonConverting)); the Markov model uses them.")
        } else {
            notes.append("Journeys come from aggregated paths: each row is a weighted observation and duplicate paths add up. "
                + "Values are taken to be in \(currency).")
            notes.append("The paths carry no timestamps: time decay counts each step back from the last touch as one day.")
            if journeys.unattributedConversions > 0 {
                notes.append("Unattributed: \(NumberFormat.count(journeys.unattributedConversions)) conversions come from paths without "
                    + "channels and show in the “\(AttributionResult.unattributedChannel)” row.")
            }
        }
        if settings.models.contains(.lastNonDirect) {
            notes.append("Last non-direct skips “\(settings.directChannel)” touches and falls back to it when a journey has nothing else.")
        }
        if settings.models.contains(.timeDecay) {
            notes.append("Time decay: weight 2^(−age / \(NumberFormat.count(settings.halfLifeDays)) days) for a touch that age before the conversion.")
        }
        if settings.models.contains(.markov) {
            notes.append("Markov: first-order absorbing chain over start, channels, conversion and null, solved exactly; each channel's "
                + "credit is its removal effect (1 − P(conversion without it) / P(conversion)), normalised to the converting journeys' "
                + "conversions and value.")
        }
        notes.append("Position-based: 40 % first, 40 % last, 20 % shared by the touches between (50/50 with two touches, all with one).")
        return notes
    }

    private static func count(_ n: Int) -> String { NumberFormat.count(Double(n)) }
}
