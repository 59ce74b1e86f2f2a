import HeraldData

/// A build failure with a user-facing message and, when known, where in the input it comes from.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}

/// A request that cannot be built as asked: a project folder without herald.yml, a `--tenant` the project does
/// not have, an `--out` inside the project's inputs. The command line reports it as a usage error (exit 2).
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Renders any error for a person: diagnostics with their locations, others as they describe themselves.
public func describe(_ error: any Error) -> String {
    switch error {
    case let list as DiagnosticList: list.description
    case let diagnostic as Diagnostic: diagnostic.description
    case let build as BuildError: build.description
    case let custom as CustomStringConvertible: custom.description
    default: String(describing: error)
    }
}
