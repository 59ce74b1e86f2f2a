import Foundation
import HeraldData

/// A file system that only counts what is written to it, so the render benchmark measures rendering and holds no
/// output in memory. Reading from it finds nothing.
final class DiscardingFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var written: [(path: String, bytes: Int)] = []

    func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock { written.append((path, bytes.count)) }
    }

    /// Files written whose path ends in `suffix`, and their bytes.
    func totals(suffix: String) -> (files: Int, bytes: Int) {
        lock.withLock {
            let matching = written.filter { $0.path.hasSuffix(suffix) }
            return (matching.count, matching.reduce(0) { $0 + $1.bytes })
        }
    }

    func read(_ path: String) throws -> [UInt8] { throw FileSystemError(path: path, reason: "discarded") }
    func list(_ path: String) throws -> [String] { [] }
    func exists(_ path: String) -> Bool { false }
    func isDirectory(_ path: String) -> Bool { false }
    func createDirectory(_ path: String) throws {}
    func move(_ source: String, to destination: String) throws {}
    func remove(_ path: String) throws {}
}
