import Foundation
import HeraldData

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
        for (name, value) in found where value.count < minimumLength {
            let key = "HERALD_" + name.uppercased()
            throw SecretError(description: "\(key) is \(counted(value.count, "byte")) long; an HMAC key needs at least \(minimumLength) "
                              + "random bytes, such as the 64 hex digits of `openssl rand -hex 32`")
        }
        return SecretStore(found)
    }

    /// The shortest secret accepted: 128 bits, whatever alphabet the bytes are written in (a short key signs tokens
    /// anyone could forge by trying keys).
    public static let minimumLength = 16

    public func secret(_ name: String) -> [UInt8]? { values[name] }
}

public struct SecretError: Error, CustomStringConvertible, Sendable {
    public var description: String
}
