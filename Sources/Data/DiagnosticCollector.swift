/// Collects the diagnostics of one file, keeping at most `cap` errors and counting the rest, so that a file with
/// thousands of bad rows still yields a readable report.
public struct DiagnosticCollector: Sendable {
    public let file: String
    public let cap: Int
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var errorCount = 0
    private var suppressed = 0
    private var suppressedOther = 0

    public init(file: String, cap: Int = 100) {
        self.file = file
        self.cap = cap
    }

    public var hasErrors: Bool { errorCount > 0 }

    public mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error {
            errorCount += 1
            if errorCount > cap { suppressed += 1; return }
        } else if diagnostics.count - min(errorCount, cap) >= cap {
            suppressedOther += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    public mutating func add(contentsOf list: [Diagnostic]) { for d in list { add(d) } }

    public mutating func error(_ message: String, at location: SourceLocation) {
        add(Diagnostic(message, at: location, severity: .error))
    }

    /// Everything collected, plus one line saying how many errors were not shown.
    public func finish() -> [Diagnostic] {
        var out = diagnostics
        if suppressed > 0 {
            var summary = Diagnostic("\(suppressed) more error\(suppressed == 1 ? "" : "s") in this file not shown (first \(cap) listed)",
                                     at: SourceLocation(file: file), severity: .error)
            summary.omitted = suppressed
            out.append(summary)
        }
        if suppressedOther > 0 {
            var summary = Diagnostic("\(suppressedOther) more warning\(suppressedOther == 1 ? "" : "s") in this file not shown",
                                     at: SourceLocation(file: file), severity: .warning)
            summary.omitted = suppressedOther
            out.append(summary)
        }
        return out
    }
}

/// A loaded value and the diagnostics found while loading it (info and warnings, and errors when `value` is partial).
public struct Loaded<Value: Sendable>: Sendable {
    public var value: Value
    public var diagnostics: [Diagnostic]
    public init(_ value: Value, diagnostics: [Diagnostic] = []) {
        self.value = value
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The value, or a `DiagnosticList` of the errors when there is any error (information and warnings are left
    /// out: a failure message lists what made it fail).
    public func get() throws(DiagnosticList) -> Value {
        if hasErrors { throw DiagnosticList(diagnostics.filter { $0.severity == .error }) }
        return value
    }
}
