import Foundation

/// The files below a folder, for the loaders that read whole trees (`crawl/site/`, `content/<tenant>/`,
/// `herald snapshot import-site`). Hidden entries are skipped.
///
/// Data never reaches outside the tree it was given: a symbolic link to a folder is not followed (a link to `.`
/// repeats the tree forty times, one to `/` walks the whole disk), and a linked file is read only when it resolves
/// inside the tree (a crawl's `leak.html → /etc/shadow` would be audited and quoted in public reports). Each link
/// left out is a warning.
struct FolderWalk {
    let fileSystem: any FileSystem
    /// The folder on disk.
    let root: String
    /// The folder as diagnostics name it (project-relative).
    let display: String

    struct Found {
        /// Relative paths of the files, unsorted.
        var files: [String] = []
        /// One per link left out.
        var warnings: [Diagnostic] = []
        /// Relative paths of the folders that cannot be listed ("" for the root).
        var unlistable: [String] = []
    }

    func walk() -> Found {
        var found = Found()
        var stack = [""]
        while let relative = stack.popLast() {
            let names: [String]
            do { names = try fileSystem.list(relative.isEmpty ? root : root + "/" + relative) } catch {
                found.unlistable.append(relative)
                continue
            }
            for name in names where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                let path = root + "/" + child
                let isLink = fileSystem.isSymbolicLink(path)
                if fileSystem.isDirectory(path) {
                    if isLink {
                        found.warnings.append(Diagnostic("symbolic link to a folder, not followed", at: SourceLocation(file: display + "/" + child),
                                                   severity: .warning))
                    } else {
                        stack.append(child)
                    }
                } else if isLink, !fileSystem.resolves(path, inside: root) {
                    found.warnings.append(Diagnostic("symbolic link to a file outside \(display), skipped", at: SourceLocation(file: display + "/" + child),
                                               severity: .warning))
                } else {
                    found.files.append(child)
                }
            }
        }
        return found
    }
}

extension LocalFileSystem {
    public func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    public func resolves(_ path: String, inside folder: String) -> Bool {
        // Fast path, taken for every page of a crawl: below `folder`, no `..` and no symbolic link on the way means
        // inside, whatever `folder` itself resolves to. `realpath` costs a `readlink` per component of both paths.
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        if path.hasPrefix(prefix) {
            let rest = path.utf8.dropFirst(prefix.utf8.count).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            if !rest.isEmpty, !rest.contains(where: { $0.isEmpty || $0.elementsEqual("..".utf8) || $0.elementsEqual(".".utf8) }) {
                var current = String(prefix.dropLast())
                var linked = false
                for component in rest {
                    current += "/" + String(decoding: component, as: UTF8.self)
                    if isSymbolicLink(current) {
                        linked = true
                        break
                    }
                }
                if !linked { return exists(path) }
            }
        }
        guard let target = realpath(path, nil) else { return false }
        defer { free(target) }
        guard let base = realpath(folder, nil) else { return false }
        defer { free(base) }
        let resolved = String(cString: target), root = String(cString: base)
        return resolved.hasPrefix(root == "/" ? "/" : root + "/")
    }
}
