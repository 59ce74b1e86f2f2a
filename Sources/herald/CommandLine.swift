import Foundation

/// A small strict argument parser: unknown options are usage errors (exit 2).
struct ParsedArguments {
    var options: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { options[name]?.last }
    func values(_ name: String) -> [String] { options[name] ?? [] }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
}

struct OptionSpec {
    /// Options that take a value (`--out DIR`), without the dashes.
    var valued: Set<String>
    /// Boolean flags (`--strict`).
    var flags: Set<String> = []

    func parse(_ arguments: [String]) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                parsed.positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                parsed.positionals.append(argument)
                continue
            }
            var name = String(argument.drop { $0 == "-" })
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flags.contains(name) {
                if inline != nil { throw UsageError(description: "option --\(name) takes no value") }
                parsed.flags.insert(name)
            } else if valued.contains(name) {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < arguments.count else { throw UsageError(description: "option --\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                parsed.options[name, default: []].append(value)
            } else {
                throw UsageError(description: "unknown option \(argument)")
            }
        }
        return parsed
    }
}

extension OptionSpec {
    /// Parses `herald <tool> SUBCOMMAND …` (`--help`/`-h` always accepted): nil when help was asked for (the caller
    /// prints its usage and exits 0); a usage error when the first positional is not `subcommand`.
    func parse(_ arguments: [String], subcommand: String) throws -> ParsedArguments? {
        var spec = self
        spec.flags.formUnion(["help", "h"])
        let parsed = try spec.parse(arguments)
        if parsed.flags.contains("help") || parsed.flags.contains("h") { return nil }
        guard parsed.positionals.first == subcommand else {
            throw UsageError(description: parsed.positionals.first.map { "unknown subcommand '\($0)'" } ?? "expected `\(subcommand)`")
        }
        return parsed
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    var stream = StandardError()
    print(text, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}


/// Parses the arguments of a command that takes exactly one input file: `--help` prints `usage` (exit 0), usage
/// errors are printed with it (exit 2). Returns the parsed arguments, or the exit status when the command is done.
func parseOneFileCommand(_ command: String, _ arguments: [String], usage: String, valued: Set<String> = [],
                         fileName: String = "FILE.html") -> Result<ParsedArguments, ExitStatus> {
    do {
        let parsed = try OptionSpec(valued: valued, flags: ["help", "h"]).parse(arguments)
        if parsed.flags.contains("help") || parsed.flags.contains("h") {
            print(usage)
            return .failure(ExitStatus(code: 0))
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(description: parsed.positionals.isEmpty ? "missing \(fileName)" : "expected one \(fileName)")
        }
        return .success(parsed)
    } catch {
        printError("herald \(command): \(error)\n\n\(usage)")
        return .failure(ExitStatus(code: 2))
    }
}

struct ExitStatus: Error {
    var code: Int32
}
