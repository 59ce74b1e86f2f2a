import Generator
import HeraldData
import Plugins

enum RobotsCommand {
    static let usage = """
        Usage: herald robots check ROBOTS_FILE --agent UA URL…

        Reads ROBOTS_FILE as a robots.txt (RFC 9309) and prints, for each URL, whether the crawler with product token UA
        (`Googlebot`; matched case-insensitively) may fetch it, and why:

          disallowed  https://example.com/a  (line 3: Disallow: /a)
          allowed     https://example.com/b  (no rule matches)

        A URL may also be a path (`/a?b=c`). Patterns and URLs are compared after RFC 3986 percent-encoding
        normalisation. Lines the parser ignores (unknown fields, rules before any User-agent, content beyond 500 KiB)
        are listed on standard error as information.

        Exit status: 0 when every URL was checked (allowed or not), 1 when ROBOTS_FILE cannot be read, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        let agent: String
        do {
            guard let options = try OptionSpec(valued: ["agent"]).parse(arguments, subcommand: "check") else {
                print(usage)
                return 0
            }
            parsed = options
            guard parsed.positionals.count >= 2 else { throw UsageError(description: "missing ROBOTS_FILE") }
            guard let value = parsed.value("agent") else { throw UsageError(description: "missing --agent UA") }
            guard parsed.positionals.count >= 3 else { throw UsageError(description: "missing URL: give at least one") }
            agent = value
        } catch {
            printError("herald robots: \(error)\n\n\(usage)")
            return 2
        }
        let path = parsed.positionals[1]
        let bytes: [UInt8]
        do {
            bytes = try LocalFileSystem().read(path)
        } catch {
            printError("herald robots: cannot read the robots.txt file: \(describe(error))")
            return 1
        }
        let report = BuiltinPlugins.robotsCheck(robots: bytes, file: path, agent: agent, urls: Array(parsed.positionals.dropFirst(2)))
        for note in report.notes { printError(note.description) }
        for line in report.lines { print(line) }
        return 0
    }
}
