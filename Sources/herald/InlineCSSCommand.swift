import Foundation
import Generator
import HeraldData
import Plugins

enum InlineCSSCommand {
    static let usage = """
        Usage: herald inline-css FILE.html [--css FILE.css]

        Prints FILE.html with its CSS moved into `style` attributes, exactly as the newsletter plugin inlines an issue
        (docs/newsletter.md, "CSS inliner"): the cascade by specificity and source order, `!important` kept, `@media`,
        `@font-face`, `@supports` and pseudo-class rules left in `<style>` (media declarations gain `!important`),
        `<style data-embed>` and elements with `data-herald-ignore` left alone. Everything but `style` attributes and
        `<style>` contents is copied byte for byte (template tags, entities, conditional comments).

        Options:
          --css FILE.css   an extra stylesheet applied after the document's own `<style>` elements
                           (its rules that cannot be inlined are dropped)

        Exit status: 0 on success, 1 when a file cannot be read, 2 for usage errors.
        """

    static func run(_ arguments: [String]) -> Int32 {
        let parsed: ParsedArguments
        switch parseOneFileCommand("inline-css", arguments, usage: usage, valued: ["css"]) {
        case let .success(value): parsed = value
        case let .failure(status): return status.code
        }
        let html: [UInt8]
        var css: String?
        do {
            html = try LocalFileSystem().read(parsed.positionals[0])
            if let path = parsed.value("css") {
                css = String(decoding: try LocalFileSystem().read(path), as: UTF8.self)
            }
        } catch {
            printError("herald inline-css: cannot read: \(describe(error))")
            return 1
        }
        FileHandle.standardOutput.write(Data(BuiltinPlugins.inlineCSS(html: html, css: css)))
        return 0
    }
}
