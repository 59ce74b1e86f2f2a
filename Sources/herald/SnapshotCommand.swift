import Foundation
import Generator
import HeraldData

enum SnapshotCommand {
    static let usage = """
        Usage: herald snapshot import-site DIR --base-url URL --tenant ID [--project DIR] [--date YYYY-MM-DD]
                                           [--edition NAME] [--replace]

        Turns a folder of HTML files into the crawl dataset of a dated snapshot, snapshots/<tenant>/<date>/crawl/.
        DIR/index.html becomes the base URL itself and DIR/a/b.html becomes <base-url>a/b.html. Creates
        snapshots/<tenant>/tenant.yml (with --edition, default starter) when the tenant is new.

        Options:
          --base-url URL   the site's base URL, absolute http(s) (required)
          --tenant ID      the tenant's folder name under snapshots/ (required)
          --project DIR    the project folder (default: .)
          --date DATE      the snapshot date (default: today, UTC)
          --edition NAME   the edition written into a new tenant.yml (default: starter)
          --replace        replace an existing crawl in that snapshot

        Exit status: 0 on success, 1 when the import fails, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try OptionSpec(valued: ["base-url", "tenant", "project", "date", "edition"], flags: ["replace", "help", "h"])
                .parse(arguments)
            if parsed.flags.contains("help") || parsed.flags.contains("h") {
                print(usage)
                return 0
            }
            guard parsed.positionals.first == "import-site" else {
                throw UsageError(description: "expected the subcommand import-site")
            }
            guard parsed.positionals.count == 2 else { throw UsageError(description: "import-site takes one folder") }
            guard parsed.value("base-url") != nil else { throw UsageError(description: "--base-url is required") }
            guard parsed.value("tenant") != nil else { throw UsageError(description: "--tenant is required") }
            let problems = SiteImporter.optionProblems(tenant: parsed.value("tenant")!, baseURL: parsed.value("base-url")!,
                                                       date: parsed.value("date") ?? "2000-01-01")
            if !problems.isEmpty { throw UsageError(description: problems.map(\.description).joined(separator: "\n")) }
        } catch {
            printError("herald snapshot: \(error)\n\n\(usage)")
            return 2
        }
        let date = parsed.value("date") ?? String(Timestamp(date: Date()).description.prefix(10))
        do {
            let result = try SiteImporter().importSite(
                from: parsed.positionals[1], projectRoot: parsed.value("project") ?? ".", tenant: parsed.value("tenant")!,
                baseURL: parsed.value("base-url")!, date: date, edition: parsed.value("edition") ?? "starter",
                replace: parsed.flags.contains("replace"))
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            print("imported \(result.files) files (\(result.bytes) bytes) into \(result.crawlFolder)"
                + (result.createdTenantFile ? "; created tenant.yml" : ""))
            let project = parsed.value("project") ?? "."
            if !FileManager.default.fileExists(atPath: project + "/herald.yml") {
                printError("\(project)/herald.yml: note: the project has no herald.yml yet; herald check and herald build need one "
                           + "defining the edition '\(parsed.value("edition") ?? "starter")' (docs/format.md)")
            }
            return 0
        } catch {
            printError(describe(error))
            return 1
        }
    }
}
