import Foundation

/// Secrets (such as the unsubscribe HMAC key) read from the environment or a secret file, never from the project.
public struct SecretStore: Sendable {
    private let values: [String: [UInt8]]

    public init(_ values: [String: [UInt8]] = [:]) { self.values = values }

    /// `HERALD_<NAME>` from the environment, else the file named by `HERALD_<NAME>_FILE` (trailing newline trimmed).
    public static func fromEnvironment(_ environment: [String: String], names: [String]) throws -> SecretStore {
        var found: [String: [UInt8]] = [:]
        for name in names {
            let key = "HERALD_" + name.uppercased()
            if let value = environment[key], !value.isEmpty {
                found[name] = Array(value.utf8)
            } else if let file = environment[key + "_FILE"] {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw SecretError(description: "cannot read secret file \(file) named by \(key)_FILE")
                }
                var bytes = [UInt8](data)
                while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }
                found[name] = bytes
            }
        }
        return SecretStore(found)
    }

    public func secret(_ name: String) -> [UInt8]? { values[name] }
}

public struct SecretError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
