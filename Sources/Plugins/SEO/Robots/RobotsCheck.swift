import HeraldData

/// `herald robots check`: one line per URL with the decision and its reason, and the file's notes as diagnostics.
public enum RobotsCheck {
    public struct Report: Sendable {
        /// `disallowed  https://x/a  (line 3: Disallow: /a)`, in the order of the URLs.
        public var lines: [String]
        /// The ignored lines and other notes, as `info` diagnostics located in `file`.
        public var notes: [Diagnostic]
    }

    /// A full user-agent string (`Googlebot/2.1 (+http://…)`) is judged by its product token (`Googlebot`), as the
    /// robots.txt side reduces its `User-agent` lines; the reduction is noted.
    public static func run(robots: [UInt8], file: String, agent: String, urls: [String]) -> Report {
        let matcher = RobotsMatcher(RobotsFile(bytes: robots))
        let token = String(decoding: RobotsFile.productToken(ArraySlice(agent.utf8)), as: UTF8.self)
        let lines = urls.map { url in
            let decision = matcher.decision(agent: token.isEmpty ? agent : token, url: url)
            let verdict = decision.isAllowed ? "allowed   " : "disallowed"
            return "\(verdict)  \(url)  (\(decision))"
        }
        var notes = matcher.file.notes.map { Diagnostic($0.message, at: SourceLocation(file: file, line: $0.line), severity: .info) }
        if token.isEmpty {
            notes.insert(Diagnostic("the agent '\(agent)' does not start with a product token (letters, '-', '_'), so no "
                                    + "group can name it: only the * group applies", at: SourceLocation(file: "--agent"),
                                    severity: .info), at: 0)
        } else if token != agent {
            notes.insert(Diagnostic("the agent '\(agent)' is judged by its product token '\(token)' (the leading letters, '-' "
                                    + "and '_'), the part robots.txt groups are matched against", at: SourceLocation(file: "--agent"),
                                    severity: .info), at: 0)
        }
        return Report(lines: lines, notes: notes)
    }
}
