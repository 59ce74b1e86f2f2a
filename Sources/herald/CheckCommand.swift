import Foundation
import Generator
import HeraldData
import Plugins

enum CheckCommand {
    static let usage = """
        Usage: herald check [--project DIR]

        Validates herald.yml, every tenant.yml, the newest two snapshots of every tenant and the content's front
        matter, and prints every problem found (file:line:column: severity: message), not just the first.

        Exit status: 0 when there is no error (warnings and information may be printed), 1 otherwise, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try OptionSpec(valued: ["project"], flags: ["help", "h"]).parse(arguments)
            if parsed.flags.contains("help") || parsed.flags.contains("h") {
                print(usage)
                return 0
            }
            if !parsed.positionals.isEmpty { throw UsageError(description: "unexpected argument '\(parsed.positionals[0])'") }
        } catch {
            printError("herald check: \(error)\n\n\(usage)")
            return 2
        }
        let root = parsed.value("project") ?? "."
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) || !isFolder.boolValue {
            printError("herald check: the project folder \(root) does not exist\n\n\(usage)")
            return 2
        }
        // As `herald build`: a folder without herald.yml is a wrong --project, not a project with an error.
        if !FileManager.default.fileExists(atPath: root + "/herald.yml") {
            printError("herald check: no herald.yml in the project folder \(root); run Herald in a project folder or "
                       + "pass --project DIR\n\n\(usage)")
            return 2
        }
                let diagnostics = ProjectCheck.run(root: root, plugins: BuiltinPlugins.all, knownLimits: BuiltinPlugins.limitNames)
        for diagnostic in diagnostics { print(diagnostic.description) }
        // A "N more errors not shown" line counts as the N errors it stands for.
        let errors = diagnostics.filter { $0.severity == .error }.reduce(0) { $0 + $1.problemCount }
        let warnings = diagnostics.filter { $0.severity == .warning }.reduce(0) { $0 + $1.problemCount }
        print(counted(errors, "error") + ", " + counted(warnings, "warning"))
        return errors == 0 ? 0 : 1
    }
}
