import Foundation
import Generator
import HeraldData
import Plugins

enum SitemapCommand {
    static let usage = """
        Usage: herald sitemap check FILE… [--url URL]

        Validates sitemaps and sitemap indexes (plain or .gz) against the sitemaps.org protocol and prints each
        problem as FILE:LINE: error: MESSAGE, then one summary line per file on standard error:

          sitemap.xml:7: error: lastmod '2026-13-01' is not a W3C datetime: month 13 is not 01–12
          sitemap.xml: urlset, 120 URLs, 1 problem

        Checks: well-formed XML; the sitemaps.org namespace; at most 50,000 entries and 50 MB uncompressed; each
        <loc> an absolute http(s) URL on the sitemap's host (and, with --url, under its folder); lastmod in W3C
        datetime form; changefreq and priority values; child order; an index that lists itself; xhtml:link
        alternates (namespace declared, rel="alternate", hreflang a valid BCP 47 tag or x-default, absolute href).

        Options:
          --url URL   where the (single) FILE is published (an absolute http(s) URL), to compare hosts, folders and
                      self-references exactly; without it the first <loc> sets the host

        Exit status: 0 when every file is clean, 1 when any file has a problem or cannot be read, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        do {
            guard let options = try OptionSpec(valued: ["url"]).parse(arguments, subcommand: "check") else {
                print(usage)
                return 0
            }
            parsed = options
            guard parsed.positionals.count >= 2 else { throw UsageError(description: "missing FILE: give at least one sitemap") }
            if let url = parsed.value("url") {
                guard isAbsoluteHTTPURL(url) else { throw UsageError(description: "--url must be an absolute http(s) URL with a host, found '\(url)'") }
                if parsed.positionals.count > 2 {
                    throw UsageError(description: "--url names where one sitemap is published; check one FILE with it")
                }
            }
        } catch {
            printError("herald sitemap: \(error)\n\n\(usage)")
            return 2
        }
        var failed = false
        for path in parsed.positionals.dropFirst() {
            let bytes: [UInt8]
            do { bytes = try LocalFileSystem().read(path) } catch {
                print("\(path): error: cannot read the file: \(describe(error))")
                printError("\(path): unreadable, 0 URLs, 1 problem")
                failed = true
                continue
            }
            let result = BuiltinPlugins.sitemapCheck(bytes, file: path, url: parsed.value("url"))
            for problem in result.problems { print(problem.description) }
            printError(result.summary)
            if !result.problems.isEmpty { failed = true }
        }
        return failed ? 1 : 0
    }
}
