import Foundation
@testable import HeraldData

/// The package root (two levels above this file's folder).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// `../shared` beside the package root (or beside its parent, for a git worktree), or nil when absent.
let sharedRoot: String? = {
    let parent = (packageRoot as NSString).deletingLastPathComponent
    for path in [parent + "/shared", (parent as NSString).deletingLastPathComponent + "/shared"]
    where FileManager.default.fileExists(atPath: path + "/corpus") {
        return path
    }
    return nil
}()

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// "file:line:col: severity: message" lines for comparison.
func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }

func errors(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.filter { $0.severity == .error }.map(\.description) }

/// The diagnostics a throwing call produced (empty when it did not throw).
func thrown(_ body: () throws -> Void) -> [String] {
    do {
        try body()
        return []
    } catch let list as DiagnosticList {
        return list.diagnostics.map(\.description)
    } catch let d as Diagnostic {
        return [d.description]
    } catch {
        return ["\(error)"]
    }
}

/// A compact, location-free rendering of a config tree: `{a: 1, b: [x, "y"]}` style, strings quoted.
func render(_ node: ConfigNode) -> String {
    switch node.value {
    case .null: "null"
    case let .bool(b): "\(b)"
    case let .int(i): "\(i)"
    case let .double(d): "\(d)"
    case let .string(s): "\"\(s)\""
    case let .array(items): "[" + items.map(render).joined(separator: ", ") + "]"
    case let .map(pairs): "{" + pairs.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
    }
}
