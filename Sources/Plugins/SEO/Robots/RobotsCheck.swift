import HeraldData

/// `herald robots check`: one line per URL with the decision and its reason, and the file's notes as diagnostics.
public enum RobotsCheck {
    public struct Report: Sendable {
        /// `disallowed  https://x/a  (line 3: Disallow: /a)`, in the order of the URLs.
        public var lines: [String]
        /// The ignored lines and other notes, as `info` diagnostics located in `file`.
        public var notes: [Diagnostic]
    }

    public static func run(robots: [UInt8], file: String, agent: String, urls: [String]) -> Report {
        let matcher = RobotsMatcher(RobotsFile(bytes: robots))
        let lines = urls.map { url in
            let decision = matcher.decision(agent: agent, url: url)
            let verdict = decision.isAllowed ? "allowed   " : "disallowed"
            return "\(verdict)  \(url)  (\(decision))"
        }
        var notes = matcher.file.notes.map { Diagnostic($0.message, at: SourceLocation(file: file, line: $0.line), severity: .info) }
        if RobotsFile.productToken(ArraySlice(agent.utf8)).count != agent.utf8.count || agent.isEmpty {
            notes.insert(Diagnostic("the agent '\(agent)' is not a product token (letters, '-', '_'), so it can only match "
                                    + "a group naming it exactly", at: SourceLocation(file: "--agent"), severity: .info), at: 0)
        }
        return Report(lines: lines, notes: notes)
    }
}
