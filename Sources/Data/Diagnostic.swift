/// A problem found in the input, phrased for the person who has to fix it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
        private var rank: Int { switch self { case .info: 0; case .warning: 1; case .error: 2 } }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// For a summary line ("12 more errors in this file not shown"): how many problems it stands for. 0 for an
    /// ordinary diagnostic, which stands for itself.
    public var omitted = 0

    /// How many problems this line accounts for, for totals such as `herald check`'s "N errors".
    public var problemCount: Int { max(omitted, 1) }

    /// Messages quote values from the input (`found '…'`); control characters in them are shown escaped (`\n`,
    /// `\u{1B}`), so that one diagnostic stays one line and input cannot drive the terminal.
    public init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
        self.severity = severity
        self.message = Self.visible(message)
        self.location = location
    }

    /// `text` with C0 and C1 control characters and DEL written as escapes.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// Several diagnostics at once, so that `herald check` can report every problem and not just the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
