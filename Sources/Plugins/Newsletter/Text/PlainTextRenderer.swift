/// HTML → the plain-text alternative of an email.
///
/// Headings on their own lines (h1/h2 underlined), lists with `- ` or `N. `, links as `text (url)`,
/// block quotes with `> `, `<pre>` verbatim, small data tables as aligned columns (wider ones as
/// `cell | cell` rows), images as `[alt]`. Dropped: `<head>`, `<style>`, `<script>`, comments (including
/// conditional comments), hidden elements (`display:none`, `hidden`, the preheader) and tracking pixels.
/// Lines are wrapped at `width` where there is a space; a word or URL longer than that is never broken.
public struct PlainTextRenderer: Sendable {
    public var width: Int

    public init(width: Int = 76) { self.width = width }

    static let skipped: Set<String> = ["head", "style", "script", "title", "template", "noscript", "iframe", "object", "svg", "button", "select", "textarea", "map"]
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
        "body", "html", "caption",
    ]
    static let spaced: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "table", "hr", "figure", "details"]

    public func render(_ html: String) -> String {
        render(Array(html.utf8))
    }

    public func render(_ bytes: [UInt8]) -> String {
        let tree = HTMLTree(bytes)
        var elementAt = [Int](repeating: -1, count: tree.tokens.count)
        for (index, element) in tree.elements.enumerated() { elementAt[element.token] = index }
        var writer = TextWriter(width: width)
        var context = Context(tree: tree, elementAt: elementAt, width: width)
        context.walk(0, tree.tokens.count, &writer)
        return writer.finish()
    }

    struct Context {
        let tree: HTMLTree
        let elementAt: [Int]
        let width: Int
        var listStack: [(ordered: Bool, next: Int)] = []

        func isHidden(_ element: Int) -> Bool {
            let token = tree.tokens[tree.elements[element].token]
            if token.attribute("hidden") != nil { return true }
            if token.attribute("aria-hidden")?.value == "true", tree.elements[element].name != "img" { return false }
            if let classes = Optional(tree.elements[element].classes), classes.contains("preheader") { return true }
            if let style = token.attribute("style")?.value, style.contains("none") || style.contains("mso-hide") {
                for d in CSSParser.parseDeclarations(style) {
                    if d.property == "display", d.value.lowercased() == "none" { return true }
                    if d.property == "mso-hide", d.value.lowercased() == "all" { return true }
                }
            }
            if tree.elements[element].name == "img" {
                let w = token.attribute("width")?.value, h = token.attribute("height")?.value
                if (w == "1" || w == "0") && (h == "1" || h == "0") { return true }
            }
            return false
        }

        /// `white-space: pre` (or `pre-wrap`, `break-spaces`) in the element's style: rendered like `<pre>`.
        func keepsWhiteSpace(_ element: Int) -> Bool {
            guard let style = tree.attribute(element, "style"), style.contains("white-space") else { return false }
            return CSSParser.parseDeclarations(style).contains { d in
                d.property == "white-space" && ["pre", "pre-wrap", "break-spaces"].contains(d.value.lowercased())
            }
        }

        func insideTable(_ element: Int) -> Bool {
            var p = tree.elements[element].parent
            while p >= 0 {
                if tree.elements[p].name == "table" { return true }
                p = tree.elements[p].parent
            }
            return false
        }

        mutating func walk(_ from: Int, _ to: Int, _ w: inout TextWriter) {
            var t = from
            while t < to {
                let token = tree.tokens[t]
                switch token.kind {
                case .text:
                    w.text(HTMLEntities.decode(tree.source[token.range]))
                    t += 1
                case .startTag:
                    let element = elementAt[t]
                    if element < 0 { t += 1; continue }
                    let end = max(tree.elements[element].endToken, t + 1)
                    visit(element, &w)
                    t = end == t ? t + 1 : end
                default:
                    t += 1
                }
            }
        }

        mutating func children(_ element: Int, _ w: inout TextWriter) {
            let e = tree.elements[element]
            if e.endToken > e.token { walk(e.token + 1, e.endToken, &w) }
        }

        func linkText(_ element: Int) -> String {
            var sub = TextWriter(width: Int.max)
            var copy = self
            copy.children(element, &sub)
            return sub.finish().split(whereSeparator: { $0 == "\n" }).joined(separator: " ").trimmingASCIISpace()
        }

        mutating func visit(_ element: Int, _ w: inout TextWriter) {
            let e = tree.elements[element]
            let name = e.name
            if PlainTextRenderer.skipped.contains(name) || isHidden(element) { return }
            switch name {
            case "br":
                w.lineBreak()
            case "hr":
                w.blankLine()
                w.rawLine(String(repeating: "-", count: 24))
                w.blankLine()
            case "img":
                let alt = (tree.attribute(element, "alt") ?? "").trimmingASCIISpace()
                if !alt.isEmpty { w.text(" [\(alt)] ") }
            case "sup" where tree.attribute(element, "class") == "footnote-ref":
                // cmark-gfm's footnote marker: "pack.1" reads as a number, "pack.[1]" as a reference.
                w.text("[\(linkText(element))]")
            case "a" where tree.attribute(element, "data-footnote-backref") != nil:
                return  // the "↩" back link means nothing in plain text
            case "a":
                let href = (tree.attribute(element, "href") ?? "").trimmingASCIISpace()
                let text = linkText(element)
                children(element, &w)
                if href.isEmpty || href.hasPrefix("#") { return }
                let shown = href.hasPrefix("mailto:") ? String(href.dropFirst(7)) : href
                if text == href || text == shown || text.isEmpty && href.isEmpty { return }
                w.text(text.isEmpty ? shown : " (\(shown))")
            case let tag where tag == "pre" || keepsWhiteSpace(element):
                w.blankLine()
                var sub = TextWriter(width: Int.max, preformatted: true)
                var copy = self
                copy.children(element, &sub)
                w.preformatted(sub.rawBuffer())
                w.blankLine()
            case "h1", "h2", "h3", "h4", "h5", "h6":
                w.blankLine()
                let text = linkText(element)
                w.rawLine(text)
                if name == "h1" || name == "h2" {
                    w.rawLine(String(repeating: name == "h1" ? "=" : "-", count: max(3, min(width, TextWriter.displayWidth(text)))))
                }
                w.blankLine()
            case "ul", "ol":
                if listStack.isEmpty { w.blankLine() } else { w.endLine() }
                let start = Int(tree.attribute(element, "start") ?? "") ?? 1
                listStack.append((name == "ol", start))
                w.indent.append("")
                children(element, &w)
                w.endLine()
                w.indent.removeLast()
                listStack.removeLast()
                if listStack.isEmpty { w.blankLine() }
            case "li":
                w.endLine()
                var marker = "- "
                if var top = listStack.last {
                    if top.ordered { marker = "\(top.next). "; top.next += 1 }
                    listStack[listStack.count - 1] = top
                }
                let depth = max(0, listStack.count - 1)
                let pad = String(repeating: "  ", count: depth)
                w.setListMarker(pad + marker, continuation: pad + String(repeating: " ", count: marker.count))
                children(element, &w)
                w.endLine()
                w.clearListMarker()
            case "blockquote":
                w.blankLine()
                w.quote.append("> ")
                children(element, &w)
                w.trimTrailingBlank()
                w.quote.removeLast()
                w.blankLine()
            case "table":
                let role = tree.attribute(element, "role")?.lowercased()
                let hasNested = tree.elements.indices.contains { i in
                    tree.elements[i].name == "table" && i > element && tree.elements[i].token < e.endToken
                }
                if role == "presentation" || hasNested || tree.attribute(element, "class")?.contains("layout") == true {
                    w.endLine()
                    children(element, &w)
                    w.endLine()
                } else {
                    table(element, &w)
                    w.blankLine()
                }
            case let tag where ["td", "th", "tr", "tbody", "thead", "tfoot"].contains(tag) && !insideTable(element):
                // A cell or row with no table around it is ignored by browsers; its content runs inline.
                w.text(" ")
                children(element, &w)
                w.text(" ")
            default:
                let isBlock = PlainTextRenderer.blocks.contains(name)
                if isBlock {
                    if PlainTextRenderer.spaced.contains(name) { w.blankLine() } else { w.endLine() }
                }
                children(element, &w)
                if isBlock {
                    if PlainTextRenderer.spaced.contains(name) { w.blankLine() } else { w.endLine() }
                } else if name == "td" || name == "th" {
                    w.text(" ")
                }
            }
        }

        /// A cell's lines: `<br>` and `<pre>` keep their line breaks, blank lines are dropped.
        func cellLines(_ cell: Int) -> [String] {
            var sub = TextWriter(width: Int.max)
            var copy = self
            copy.listStack = []
            copy.children(cell, &sub)
            return sub.finish().split(separator: "\n").map { line in
                var l = String(line)
                while l.hasSuffix(" ") { l.removeLast() }
                return l
            }.filter { !$0.trimmingASCIISpace().isEmpty }
        }

        /// A data table as aligned columns (two spaces apart, rows padded with empty cells to the widest row,
        /// multi-line cells side by side) when it fits the width, else one `a | b` line per row. Rows come from
        /// `<tr>` and from cells outside any `<tr>`; text outside any cell is written before the table, as
        /// browsers show it.
        mutating func table(_ element: Int, _ w: inout TextWriter) {
            var rows: [[[String]]] = []
            var loose: [[String]]? = nil
            var fostered: [String] = []
            func flush() {
                if let row = loose { rows.append(row) }
                loose = nil
            }
            func strayText(_ parent: Int) {
                let e = tree.elements[parent]
                var t = e.token + 1
                while t < e.endToken {
                    let token = tree.tokens[t]
                    if token.kind == .startTag, elementAt[t] >= 0 {
                        t = max(tree.elements[elementAt[t]].endToken, t + 1)
                        continue
                    }
                    if token.kind == .text {
                        let text = String(decoding: HTMLEntities.decode(tree.source[token.range]), as: UTF8.self).trimmingASCIISpace()
                        if !text.isEmpty { fostered.append(text) }
                    }
                    t += 1
                }
            }
            func collect(_ index: Int) {
                strayText(index)
                for child in tree.elements[index].children {
                    let name = tree.elements[child].name
                    if name == "tr" {
                        flush()
                        strayText(child)
                        var cells: [[String]] = []
                        for cell in tree.elements[child].children where ["td", "th"].contains(tree.elements[cell].name) {
                            cells.append(cellLines(cell))
                        }
                        rows.append(cells)
                    } else if name == "td" || name == "th" {
                        loose = (loose ?? []) + [cellLines(child)]
                    } else if ["thead", "tbody", "tfoot"].contains(name) {
                        flush()
                        collect(child)
                    } else if name == "caption" {
                        fostered.append(linkText(child))
                    }
                }
                flush()
            }
            collect(element)
            // Text outside every cell (and the caption) comes first, run into the text before the table.
            if !fostered.isEmpty { w.text(" " + fostered.joined(separator: " ")) }
            w.blankLine()
            let columns = rows.map(\.count).max() ?? 0
            var widths = [Int](repeating: 0, count: columns)
            for row in rows {
                for (k, cell) in row.enumerated() {
                    widths[k] = max(widths[k], cell.map { TextWriter.displayWidth($0) }.max() ?? 0)
                }
            }
            let total = widths.reduce(0, +) + max(0, columns - 1) * 2 + w.prefixWidth
            for row in rows {
                if row.allSatisfy(\.isEmpty) { continue }
                if total <= width {
                    for physical in 0..<(row.map(\.count).max() ?? 0) {
                        var line = ""
                        for (k, cell) in row.enumerated() {
                            let text = physical < cell.count ? cell[physical] : ""
                            line += text
                            if k < row.count - 1 { line += String(repeating: " ", count: widths[k] - TextWriter.displayWidth(text) + 2) }
                        }
                        w.rawLine(String(line.reversed().drop(while: { $0 == " " }).reversed()))
                    }
                } else {
                    w.text(row.map { $0.joined(separator: " ") }.filter { !$0.isEmpty }.joined(separator: " | "))
                    w.endLine()
                }
            }
        }
    }
}
