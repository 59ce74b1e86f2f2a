/// Splits a markdown file into front matter and body. YAML front matter is fenced by `---` lines (closed by `---`
/// or `...`), TOML front matter by `+++` lines, as Hugo and Zola write them. A file without a fence has an empty
/// front matter. The front matter must be a map.
public enum FrontMatter {
    public static func parse(_ input: [UInt8], file: String, path: String) throws(Diagnostic) -> ContentDocument {
        let bytes = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? Array(input[3...]) : input
        // Lines as byte ranges without their terminators.
        var lines: [Range<Int>] = []
        var start = 0
        for (k, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<k)
            start = k + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        func text(_ r: Range<Int>) -> String {
            var s = String(decoding: bytes[r], as: UTF8.self)
            while let last = s.last, last == "\r" || last == " " || last == "\t" { s.removeLast() }
            return s
        }
        let empty = ConfigNode(.map([]), at: SourceLocation(file: file, line: 1, column: 1))
        guard let first = lines.first else {
            return ContentDocument(path: path, frontMatter: empty, body: "", bodyLine: 1, location: SourceLocation(file: file))
        }
        let fence = text(first)
        guard fence == "---" || fence == "+++" else {
            return ContentDocument(path: path, frontMatter: empty, body: decode(bytes[...], file: file), bodyLine: 1,
                                   location: SourceLocation(file: file))
        }
        let isYAML = fence == "---"
        var close = -1
        for k in 1..<lines.count {
            let t = text(lines[k])
            if t == fence || (isYAML && t == "...") { close = k; break }
        }
        guard close > 0 else {
            throw Diagnostic("front matter opened with '\(fence)' is never closed; expected a line '\(fence)'",
                             at: SourceLocation(file: file, line: 1, column: 1))
        }
        let inner = close > 1 ? Array(bytes[lines[1].lowerBound..<lines[close].lowerBound]) : []
        var node = isYAML ? try YAMLReader.parse(inner, file: file, lineOffset: 1)
                          : try TOMLReader.parse(inner, file: file, lineOffset: 1)
        switch node.value {
        case .map: break
        case .null: node = ConfigNode(.map([]), at: SourceLocation(file: file, line: 2, column: 1))
        default:
            throw Diagnostic("front matter must be a map of keys to values", at: node.location)
        }
        let bodyStart = close + 1 < lines.count ? lines[close + 1].lowerBound : bytes.count
        return ContentDocument(path: path, frontMatter: node, body: decode(bytes[bodyStart...], file: file),
                               bodyLine: close + 2, location: SourceLocation(file: file))
    }

    static func decode(_ bytes: ArraySlice<UInt8>, file: String) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
