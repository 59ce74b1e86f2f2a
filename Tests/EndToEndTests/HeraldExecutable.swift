import Foundation

/// The built `herald` executable (`swift build` puts it in .build/debug), for tests of the command line itself.
enum HeraldExecutable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let path = repository + "/.build/debug/herald"
    static var built: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs herald with `arguments`, without any unsubscribe secret from the caller's environment.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    in folder: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HERALD_UNSUBSCRIBE") }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
