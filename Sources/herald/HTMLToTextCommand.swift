import Foundation
import Generator
import HeraldData
import Plugins

enum HTMLToTextCommand {
    static let usage = """
        Usage: herald html2text FILE.html

        Prints the plain-text alternative the newsletter plugin writes for FILE.html (docs/newsletter.md, "Plain
        text"): headings on their own lines, lists, links as `text (url)`, small tables as aligned columns, lines
        wrapped at 76 columns without ever breaking a word or URL; `<head>`, `<style>`, comments, conditional comments,
        hidden elements, the preheader and tracking pixels dropped. UTF-8, LF line ends.

        Exit status: 0 on success, 1 when the file cannot be read, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        switch parseOneFileCommand("html2text", arguments, usage: usage, valued: []) {
        case let .success(value): parsed = value
        case let .failure(status): return status.code
        }
        let html: [UInt8]
        do {
            html = try LocalFileSystem().read(parsed.positionals[0])
        } catch {
            printError("herald html2text: cannot read: \(describe(error))")
            return 1
        }
        print(BuiltinPlugins.plainText(html: html), terminator: "")
        return 0
    }
}
