import Foundation
import Generator

/// `herald`: a thin command line over the Generator. Each command lives in its own file.
let arguments = Array(CommandLine.arguments.dropFirst())
let commands: [(name: String, summary: String, run: ([String]) -> Int32)] = [
    ("build", "build every tenant's reports, emails, pages and sitemaps", BuildCommand.run),
    ("check", "validate the project and snapshots, reporting every problem", CheckCommand.run),
    ("audit", "the SEO findings of one page as JSON: PAGE.html --url URL [--headers FILE]", AuditCommand.run),
    ("snapshot", "snapshot tools: import-site DIR --base-url URL --tenant ID", SnapshotCommand.run),
    ("liquid", "Liquid tools: render TEMPLATE, conformance FILE.json, bench DIR", LiquidCommand.run),
    ("robots", "robots.txt tools: check ROBOTS_FILE --agent UA URL…", RobotsCommand.run),
    ("inline-css", "newsletter CSS inliner: FILE.html [--css FILE] → inlined HTML", InlineCSSCommand.run),
    ("html2text", "newsletter plain text: FILE.html → the text alternative", HTMLToTextCommand.run),
    ("unsubscribe", "newsletter unsubscribe links: verify URL|TOKEN --tenant ID", UnsubscribeCommand.run),
    ("sitemap", "sitemap tools: check FILE… (validate sitemaps and indexes, plain or .gz)", SitemapCommand.run),
    ("reputation", "reputation tools: evaluate SHARED_DIR (sentiment against human ratings)", ReputationCommand.run),
    ("version", "print Herald's version", versionCommand),
]

let nameWidth = commands.map(\.name.count).max()! + 2
let topUsage = """
    Herald \(heraldVersion): a static site and report generator for many tenants.

    Usage: herald <command> [options]

    Commands:
    \(commands.map { "  " + $0.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))

    Run `herald <command> --help` for a command's options.
    """

guard let first = arguments.first else {
    printError(topUsage)
    exit(2)
}
if first == "--help" || first == "-h" || first == "help" {
    print(topUsage)
    exit(0)
}
if first == "--version" {
    print("herald \(heraldVersion)")
    exit(0)
}
guard let command = commands.first(where: { $0.name == first }) else {
    printError("herald: unknown command '\(first)'\n\n" + topUsage)
    exit(2)
}
#if os(Linux)
if command.name == "build" {
    MallocTuning.reexecWithLargerCache()
    LargeAllocations.mapSeparately()
}
#endif
exit(command.run(Array(arguments.dropFirst())))
