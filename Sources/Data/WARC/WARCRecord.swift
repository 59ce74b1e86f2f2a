/// One WARC record (ISO 28500, WARC 1.0 and 1.1): its named fields and its content block.
public struct WARCRecord: Sendable {
    /// Where the record starts in its file: the byte offset, or in a `.warc.gz` the offset of the gzip member that
    /// holds it (the offset CDX indexes use).
    public var offset: Int
    /// `WARC/1.0` or `WARC/1.1`.
    public var version: String
    /// Named fields in file order, names lower-cased.
    public var fields: [(name: String, value: String)]
    public var block: [UInt8]

    public init(offset: Int, version: String, fields: [(name: String, value: String)], block: [UInt8]) {
        self.offset = offset
        self.version = version
        self.fields = fields
        self.block = block
    }

    /// The first field with this name (case-insensitive).
    public func field(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name == lower }?.value
    }

    /// `WARC-Type`, lower-cased (`response`, `revisit`, `request`…).
    public var type: String { field("warc-type")?.lowercased() ?? "" }

    /// `WARC-Target-URI` without the angle brackets wget 1.x writes around it.
    public var targetURI: String? { field("warc-target-uri").map(Self.unbracketed) }

    public var recordID: String? { field("warc-record-id") }

    /// `<urn:uuid:…>` → `urn:uuid:…`; WARC 1.0 writers disagree on the brackets, so compare without them.
    static func unbracketed(_ value: String) -> String {
        var v = Substring(value)
        while v.first == " " { v.removeFirst() }
        while v.last == " " { v.removeLast() }
        if v.hasPrefix("<"), v.hasSuffix(">") { v = v.dropFirst().dropLast() }
        return String(v)
    }
}

/// A problem with one record (or with the file), located by byte offset.
public struct WARCProblem: Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    /// Errors make the crawl unusable; warnings (a file cut short after complete records) do not.
    public var isError: Bool

    public var description: String { "offset \(offset): \(message)" }
}
