import Foundation
import HeraldData

/// Writes one tenant's artifacts so that a reader never sees a half-written tree.
///
/// Everything goes to a staging folder beside the destination; only when all of it is written does the staging
/// folder replace the previous output (two renames). A failed tenant leaves its previous output untouched.
public struct ArtifactWriter: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    /// Writes `artifacts` under `destination` (a folder path), replacing what was there.
    ///
    /// With `ownedBy`, an existing destination is replaced only when it holds that file (Herald's build.json): a
    /// folder Herald did not write — a tenant's snapshots after `--out snapshots`, a user's folder that happens to
    /// share a tenant's name — is never swapped away.
    public func publish(_ artifacts: [Artifact], to destination: String, stagingTag: String, ownedBy marker: String? = nil) throws {
        let staged = try stage(destination, stagingTag: stagingTag, ownedBy: marker)
        do {
            try staged.sink.accept(artifacts, from: "herald")
            try commit(staged)
        } catch {
            discard(staged)
            throw error
        }
    }

    /// Starts replacing `destination`: checks that Herald owns it and creates an empty staging folder beside it,
    /// whose sink writes artifacts as they come. Finish with `commit`, or `discard` on failure.
    public func stage(_ destination: String, stagingTag: String, ownedBy marker: String? = nil) throws -> StagedOutput {
        if let marker, fileSystem.exists(destination), !fileSystem.exists(destination + "/" + marker) {
            throw BuildError("the output folder \(destination) already exists and was not written by Herald (it has no "
                             + "\(marker)); Herald replaces only its own output: choose another output folder (--out or "
                             + "output_dir) or remove that folder", at: SourceLocation(file: destination))
        }
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        let staging = parent + "/.staging-" + name + "-" + stagingTag
        try fileSystem.remove(staging)
        try fileSystem.createDirectory(staging)
        return StagedOutput(destination: destination, staging: staging,
                            retired: parent + "/.previous-" + name + "-" + stagingTag,
                            sink: ArtifactSink(fileSystem: fileSystem, folder: staging))
    }

    /// Swaps the fully written staging folder in for the destination (two renames; the previous output is put
    /// back when the second fails).
    public func commit(_ staged: StagedOutput) throws {
        do {
            try staged.sink.drain()
            try fileSystem.remove(staged.retired)
            let hadPrevious = fileSystem.exists(staged.destination)
            if hadPrevious { try fileSystem.move(staged.destination, to: staged.retired) }
            do {
                try fileSystem.move(staged.staging, to: staged.destination)
            } catch {
                if hadPrevious { try? fileSystem.move(staged.retired, to: staged.destination) }
                throw error
            }
            try fileSystem.remove(staged.retired)
        } catch {
            discard(staged)
            throw error
        }
    }

    /// Drops a staging folder after a failure; the published output stays as it was.
    public func discard(_ staged: StagedOutput) {
        try? staged.sink.drain()  // no write may land after the folder is gone
        try? fileSystem.remove(staged.staging)
    }

    /// Cleans up after a Herald process that died while publishing `destination` (killed in the nightly run, out of
    /// memory): its staging folder is removed, and when it died between the two renames — the previous output moved
    /// aside, the new one not yet in place — the previous output is put back. Folders of live processes (a build
    /// running at the same time) are left alone. Returns what was done, for the log.
    @discardableResult
    public func recover(_ destination: String, isAlive: (Int32) -> Bool = ArtifactWriter.processIsAlive) throws -> [String] {
        let parent = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        guard fileSystem.isDirectory(parent) else { return [] }
        var done: [String] = []
        func deadEntries(_ prefix: String) throws -> [String] {
            try fileSystem.list(parent).filter { entry in
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { return false }
                return !isAlive(pid)
            }.sorted()
        }
        for entry in try deadEntries(".previous-" + name + "-") {
            if !fileSystem.exists(destination) {
                try fileSystem.move(parent + "/" + entry, to: destination)
                done.append("restored the previous output from \(entry), left by an interrupted build")
            } else {
                try fileSystem.remove(parent + "/" + entry)
                done.append("removed \(entry), left by an interrupted build")
            }
        }
        for entry in try deadEntries(".staging-" + name + "-") {
            try fileSystem.remove(parent + "/" + entry)
            done.append("removed \(entry), left by an interrupted build")
        }
        return done
    }

    /// Whether a process with this id exists (signal 0 probes without sending anything).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Replaces one file atomically (write a temporary file, then rename).
    public func replaceFile(_ bytes: [UInt8], at path: String, stagingTag: String) throws {
        let temporary = path + ".tmp-" + stagingTag
        try fileSystem.write(bytes, to: temporary)
        try fileSystem.remove(path)
        try fileSystem.move(temporary, to: path)
    }
}

/// A tenant's output being written: the staging folder and the sink that writes into it.
public struct StagedOutput: Sendable {
    public let destination: String
    public let staging: String
    let retired: String
    public let sink: ArtifactSink
}
