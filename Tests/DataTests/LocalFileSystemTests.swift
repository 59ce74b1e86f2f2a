import Dispatch
import Synchronization
import Foundation
import Testing
import HeraldData

@Suite("The local file system writes whole files and creates folders safely from many threads")
struct LocalFileSystemTests {
    func scratchFolder() -> String {
        let path = NSTemporaryDirectory() + "herald-fs-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func writesCreateMissingParentsAndTruncate() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fs = LocalFileSystem()
        try fs.write(Array("a long first version".utf8), to: root + "/a/b/c/file.txt")
        try fs.write(Array("short".utf8), to: root + "/a/b/c/file.txt")
        #expect(try fs.read(root + "/a/b/c/file.txt") == Array("short".utf8))
    }

    @Test func concurrentWritersSharingFoldersAllSucceed() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fs = LocalFileSystem()
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let path = root + "/shared/\(index % 7)/deep/\(index % 3)/\(index).html"
            do { try fs.write(Array("page \(index)".utf8), to: path) } catch { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
        for index in [0, 199, 399] {
            #expect(try fs.read(root + "/shared/\(index % 7)/deep/\(index % 3)/\(index).html") == Array("page \(index)".utf8))
        }
    }

    @Test func writingUnderAFileIsAnErrorNamingThePath() throws {
        let root = scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fs = LocalFileSystem()
        try fs.write([1], to: root + "/blocker")
        #expect(throws: FileSystemError.self) { try fs.write([2], to: root + "/blocker/inside.txt") }
    }
}
