/// A parse or render error, located in a template.
public struct LiquidError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case syntax, render, argument, undefined, limit, fileSystem }
    public var kind: Kind
    public var message: String
    /// Template name (`<string>` for ad-hoc sources).
    public var template: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// The offending source line, when known.
    public var sourceLine: String

    public init(_ kind: Kind, _ message: String, template: String = "<string>", line: Int = 0, column: Int = 0,
                sourceLine: String = "") {
        self.kind = kind
        self.message = message
        self.template = template
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    public var description: String {
        var text = "Liquid \(kind) error in \(template)"
        if line > 0 { text += ":\(line)" + (column > 0 ? ":\(column)" : "") }
        text += ": \(message)"
        if !sourceLine.isEmpty {
            text += "\n  \(sourceLine)"
            if column > 0 { text += "\n  " + String(repeating: " ", count: column - 1) + "^" }
        }
        return text
    }

    /// Fills in location details from a source buffer when missing.
    func located(in source: SourceText) -> LiquidError {
        var error = self
        if error.template == "<string>" || error.template.isEmpty { error.template = source.name }
        if error.sourceLine.isEmpty, error.line > 0 { error.sourceLine = source.lineText(error.line) }
        return error
    }
}

/// Template bytes plus the name used in errors.
///
/// The bytes are also kept in memory this object owns (`base`), never mutated: text nodes are spans of it,
/// so rendering template text copies bytes from a raw pointer without retaining anything.
final class SourceText: @unchecked Sendable {
    let name: String
    let bytes: [UInt8]
    let base: UnsafeMutablePointer<UInt8>

    init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { base.initialize(from: $0.baseAddress!, count: $0.count) }
    }

    deinit { base.deallocate() }

    /// Line (1-based) and column (1-based, in characters: Unicode scalars of the line, as editors count and
    /// as the caret under `lineText` needs) of a byte offset. Invalid UTF-8 in the source was repaired to one
    /// U+FFFD per bad sequence before parsing, so each bad sequence is one column, as an editor shows it.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        let end = min(offset, bytes.count)
        var i = 0
        while i < end {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    func lineText(_ line: Int) -> String {
        var current = 1
        var start = 0
        var i = 0
        while i < bytes.count, current < line {
            if bytes[i] == 10 { current += 1; start = i + 1 }
            i += 1
        }
        guard current == line else { return "" }
        var end = start
        while end < bytes.count, bytes[end] != 10, bytes[end] != 13 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func error(_ kind: LiquidError.Kind, _ message: String, at offset: Int) -> LiquidError {
        let (line, column) = location(of: offset)
        return LiquidError(kind, message, template: name, line: line, column: column, sourceLine: lineText(line))
    }
}
