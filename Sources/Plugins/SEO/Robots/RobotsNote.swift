/// Information about a robots.txt file that does not change any decision: lines that were ignored, values read in a
/// lenient way, content beyond the size limit.
public struct RobotsNote: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number, nil when the note is about the whole file.
    public var line: Int?
    public var message: String

    public init(line: Int?, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
