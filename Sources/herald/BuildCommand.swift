import Foundation
import Generator
import HeraldData
import Plugins

enum BuildCommand {
    static let usage = """
        Usage: herald build [--project DIR] [--tenant ID]… [--out DIR] [--now TIMESTAMP] [--jobs N]
                            [--log-format text|json]

        Builds every tenant (or the ones named) from its newest dated snapshot.

        Options:
          --project DIR       the project folder holding herald.yml (default: .)
          --tenant ID         build only this tenant; repeat for several
          --out DIR           output folder, relative to the project folder (default: output_dir from herald.yml);
                              never inside snapshots/, content/ or templates/
          --now TIMESTAMP     the build instant, RFC 3339 (2026-12-01T06:00:00+01:00) or YYYY-MM-DD;
                              the same snapshot, templates and --now give byte-identical output
                              (default: the current time)
          --jobs N            tenants built at once, and threads per plugin for per-page work
                              (default: the number of cores; 1 builds on one core)
          --log-format F      text (progress on a terminal and a summary table) or json (one event per line)

        Environment:
          HERALD_UNSUBSCRIBE_KEY, HERALD_UNSUBSCRIBE_KEY_FILE   the newsletter's unsubscribe HMAC secret
          HERALD_THEME_DIR                                    the built-in theme folder, if not found automatically

        Exit status: 0 when every tenant built, 1 when any failed (the others still built), 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        let now: Date
        let jobs: Int
        let json: Bool
        do {
            parsed = try OptionSpec(valued: ["project", "tenant", "out", "now", "jobs", "log-format"], flags: ["help", "h"])
                .parse(arguments)
            if parsed.flags.contains("help") || parsed.flags.contains("h") {
                print(usage)
                return 0
            }
            if !parsed.positionals.isEmpty { throw UsageError(description: "unexpected argument '\(parsed.positionals[0])'") }
            now = try parsed.value("now").map(parseInstant) ?? Date()
            jobs = try parsed.value("jobs").map(parseJobs) ?? ProcessInfo.processInfo.activeProcessorCount
            switch parsed.value("log-format") ?? "text" {
            case "text": json = false
            case "json": json = true
            case let other: throw UsageError(description: "--log-format must be text or json, not '\(other)'")
            }
            if let out = parsed.value("out") {
                let root = parsed.value("project") ?? "."
                if let problem = Pipeline.outputProblem(out.hasPrefix("/") ? out : root + "/" + out, projectRoot: root) {
                    throw UsageError(description: "--out: " + problem)
                }
            }
        } catch {
            printError("herald build: \(error)\n\n\(usage)")
            return 2
        }

        let environment = ProcessInfo.processInfo.environment
        guard let theme = ThemeFactory.locateBuiltinTheme(environment: environment, executablePath: CommandLine.arguments[0])
        else {
            printError("herald build: cannot find the built-in theme (templates/); set HERALD_THEME_DIR")
            return 1
        }
        let secrets: SecretStore
        do {
            secrets = try SecretStore.fromEnvironment(environment, names: ["unsubscribe_key"])
        } catch {
            printError("herald build: \(error)")
            return 1
        }
        let reporter = BuildReporter(json: json, interactive: isatty(STDERR_FILENO) == 1)
        var pipeline = Pipeline(fileSystem: LocalFileSystem(), plugins: BuiltinPlugins.all,
                                themes: ThemeFactory(builtinRoot: theme), secrets: secrets, log: reporter.handle)
        pipeline.knownLimits = BuiltinPlugins.limitNames
        let request = BuildRequest(projectRoot: parsed.value("project") ?? ".", outputDirectory: parsed.value("out"),
                                   tenants: parsed.values("tenant"), now: now, jobs: jobs)
        let started = Date()
        do {
            let (output, results) = try pipeline.build(request)
            // The summary of the tenants is printed even when the top-level index cannot be written.
            var indexFailure: String?
            do {
                try BuiltinPlugins.writeTenantIndex(results: results, output: output, themes: pipeline.themes,
                                                    projectRoot: request.projectRoot, now: now)
            } catch {
                indexFailure = describe(error)
            }
            reporter.finish(results, output: output, seconds: Date().timeIntervalSince(started))
            if let indexFailure {
                reporter.fail("cannot write the index of all tenants, \(output)/index.html: \(indexFailure)")
                return 1
            }
            return results.allSatisfy(\.succeeded) ? 0 : 1
        } catch let error as RequestError {
            printError("herald build: \(error)\n\nRun `herald build --help` for the options.")
            return 2
        } catch {
            reporter.fail(describe(error))
            return 1
        }
    }

    static func parseJobs(_ text: String) throws -> Int {
        guard let value = Int(text), value >= 1 else { throw UsageError(description: "--jobs must be a whole number ≥ 1, not '\(text)'") }
        return value
    }

    /// RFC 3339 with an offset, or a bare date (midnight UTC); as strict as timestamps in the data.
    static func parseInstant(_ text: String) throws -> Date {
        switch BuildInstant.parse(text) {
        case let .success(date): return date
        case let .failure(error): throw UsageError(description: error.message)
        }
    }
}
