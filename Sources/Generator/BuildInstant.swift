import Foundation
import HeraldData

/// `--now`: the build instant, read as strictly as timestamps in the data (a real calendar date, a time of day
/// within range, a UTC offset within ±23:59), so that a typo never shifts every date of a build.
public enum BuildInstant {
    /// An RFC 3339 timestamp with an offset, or `YYYY-MM-DD` (midnight UTC).
    public static func parse(_ text: String) -> Result<Date, BuildError> {
        if text.utf8.count == 10 {
            let dated = text + "T00:00:00Z"
            if TimestampFormat.isDate(text), case let .success(t) = TimestampFormat.parse(dated) { return .success(t.date) }
            return .failure(BuildError("--now must be an RFC 3339 timestamp with an offset (2026-12-01T06:00:00Z) or a "
                                       + "real date YYYY-MM-DD, not '\(Diagnostic.visible(text))'"))
        }
        switch TimestampFormat.parse(text) {
        case let .success(t):
            return .success(t.date)
        case let .failure(error):
            return .failure(BuildError("--now must be an RFC 3339 timestamp with an offset (2026-12-01T06:00:00Z) or a "
                                       + "real date YYYY-MM-DD: \(error.message), not '\(Diagnostic.visible(text))'"))
        }
    }
}
