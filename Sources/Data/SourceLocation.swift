/// Where a value came from: a file plus line and column, or a record number or key path.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// A dotted key path inside a structured file, e.g. `plugins.seo.title_max`.
    public var keyPath: String?
    /// A byte offset in a binary file (the start of a WARC record, or of its gzip member in a `.warc.gz`).
    public var offset: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, offset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.offset = offset
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let offset { text += " (record at offset \(offset))" }
        if let keyPath { text += " (\(keyPath))" }
        return text
    }
}
