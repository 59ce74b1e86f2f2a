import Foundation
import Generator
import HeraldData
import Plugins

enum AuditCommand {
    static let usage = """
        Usage: herald audit PAGE.html --url URL [--headers FILE]

        Runs the SEO audit's per-page rules on one HTML document served at URL and prints its findings as JSON
        (schema herald.seo.page/1, see docs/seo.md; every rule with its id is listed there): title and meta
        description (length and pixel width), headings, image alt, canonical, html lang, viewport, charset, invalid
        elements in <head>, meta robots / X-Robots-Tag directives, link text and crawlable anchors, hreflang syntax,
        mixed content, insecure forms, JSON-LD, Open Graph and Twitter cards, URL length, word count. Site-wide rules
        (duplicates, broken links, redirects, robots.txt, hreflang return links, orphans, crawl depth) need a crawl
        and are not run.

        Options:
          --url URL        the page's absolute URL (relative canonicals resolve against it)
          --headers FILE   response headers, `Name: value` per line, optionally after a status line such as
                           `HTTP/1.1 200 OK` (the output of `curl -sI URL` works); Content-Type's charset and
                           X-Robots-Tag are read from them

        Exit status: 0 when the page was audited (whatever it found), 1 when a file cannot be read or the headers
        file is malformed, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        let url: String
        do {
            parsed = try OptionSpec(valued: ["url", "headers"], flags: ["help", "h"]).parse(arguments)
            if parsed.flags.contains("help") || parsed.flags.contains("h") {
                print(usage)
                return 0
            }
            guard parsed.positionals.count == 1 else { throw UsageError(description: "give one PAGE.html") }
            guard let value = parsed.value("url") else { throw UsageError(description: "missing --url URL") }
            guard isAbsoluteHTTPURL(value) else { throw UsageError(description: "--url must be an absolute http(s) URL, found '\(value)'") }
            url = value
        } catch {
            printError("herald audit: \(error)\n\n\(usage)")
            return 2
        }
        do {
            let html = try LocalFileSystem().read(parsed.positionals[0])
            let headers = try parsed.value("headers").map { (bytes: try LocalFileSystem().read($0), name: $0) }
            let json = try BuiltinPlugins.auditPage(html: html, url: url, headersFile: headers)
            FileHandle.standardOutput.write(Data(json))
            return 0
        } catch {
            printError("herald audit: \(describe(error))")
            return 1
        }
    }
}
