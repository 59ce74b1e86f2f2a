/// One CSV record: its fields (unquoted) and where it starts, so that any field can be located exactly.
public struct CSVRecord: Sendable {
    /// 1-based line where the record starts.
    public var line: Int
    public var fields: [String]
    /// Byte offset of the first byte of each field (the opening quote for quoted fields).
    var offsets: [Int]
    /// Byte offset of the start of `line`.
    var lineStart: Int
}

/// A parsed CSV file: the header row and the data records.
public struct CSVTable: Sendable {
    public var file: String
    public var header: [String]
    public var records: [CSVRecord]
    var headerRecord: CSVRecord?
    let bytes: [UInt8]

    /// file:1:column of a header cell.
    public func headerLocation(_ i: Int) -> SourceLocation {
        guard let headerRecord else { return SourceLocation(file: file, line: 1, column: 1) }
        return location(headerRecord, field: i)
    }

    /// file:line:column of a field (column counts characters, 1-based).
    public func location(_ record: CSVRecord, field: Int) -> SourceLocation {
        let offset = field < record.offsets.count ? record.offsets[field] : record.offsets.last ?? record.lineStart
        return CSVReader.locate(bytes, file: file, from: record.lineStart, line: record.line, to: offset)
    }

    public func location(_ record: CSVRecord) -> SourceLocation {
        SourceLocation(file: file, line: record.line, column: 1)
    }
}

/// RFC 4180 reader on UTF-8 bytes: quoted fields, doubled quotes, separators and line breaks inside quotes,
/// CRLF or LF line ends, a leading BOM is skipped, blank lines are skipped. Malformed records are reported to the
/// collector with file:line:column and left out.
public enum CSVReader {
    public static func read(_ input: [UInt8], file: String, separator: UInt8 = UInt8(ascii: ","),
                            collector: inout DiagnosticCollector) -> CSVTable {
        if let problem = TextEncoding.byteOrderMarkProblem(input, file: file) {
            collector.add(problem)
            return CSVTable(file: file, header: [], records: [], headerRecord: nil, bytes: input)
        }
        let bytes = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF ? Array(input[3...]) : input
        var records: [CSVRecord] = []
        var header: [String] = []
        var headerRecord: CSVRecord?
        var headerSeen = false
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0
            var line = 1
            var lineStart = 0
            while i < n {
                // Skip blank lines.
                if buf[i] == 0x0A { i += 1; line += 1; lineStart = i; continue }
                if buf[i] == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 2; line += 1; lineStart = i; continue }
                let recordLine = line, recordLineStart = lineStart
                var fields: [String] = []
                var offsets: [Int] = []
                var bad: (String, Int)? = nil
                fields.reserveCapacity(header.count)
                offsets.reserveCapacity(header.count)
                recordLoop: while true {
                    offsets.append(i)
                    if i < n, buf[i] == 0x22 {
                        // Quoted field.
                        let open = i
                        let openLine = line
                        i += 1
                        var value: [UInt8] = []
                        var start = i
                        var closed = false
                        while i < n {
                            let b = buf[i]
                            if b == 0x22 {
                                if i + 1 < n, buf[i + 1] == 0x22 {
                                    value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start...i]))
                                    i += 2
                                    start = i
                                    continue
                                }
                                value.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i]))
                                i += 1
                                closed = true
                                break
                            }
                            if b == 0x0A { line += 1; lineStart = i + 1 }
                            i += 1
                        }
                        if !closed {
                            if bad == nil { bad = ("unterminated quoted field: expected a closing '\"'", open) }
                            fields.append("")
                            break recordLoop
                        }
                        switch fieldText(value[...]) {
                        case let .text(text): fields.append(text)
                        case let .problem(message):
                            if bad == nil { bad = (message, open) }
                            fields.append("")
                        }
                        if i >= n { break recordLoop }
                        let b = buf[i]
                        if b == separator { i += 1; continue recordLoop }
                        if b == 0x0A { i += 1; line += 1; lineStart = i; break recordLoop }
                        if b == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { i += 2; line += 1; lineStart = i; break recordLoop }
                        if bad == nil {
                            if line != openLine {
                                // The "closing" quote is on a later line: most likely a stray quote opened the field
                                // and swallowed the rows in between. Point at the opening quote.
                                let close = locate(bytes, file: file, from: recordLineStart, line: recordLine, to: i - 1)
                                bad = ("this quote opens a field that runs to line \(close.line ?? line), column \(close.column ?? 1), "
                                       + "where its closing quote is followed by more text; the lines between were read as "
                                       + "part of the field. A quote inside a field must be doubled (\"\"), and a field "
                                       + "holding quotes must be quoted as a whole", open)
                            } else {
                                bad = ("expected a separator or the end of the line after a closing quote", i)
                            }
                        }
                        // Resynchronise at the next separator or line end.
                        while i < n, buf[i] != separator, buf[i] != 0x0A { i += 1 }
                        if i < n, buf[i] == separator { i += 1; continue recordLoop }
                        if i < n { i += 1; line += 1; lineStart = i }
                        break recordLoop
                    } else {
                        let start = i
                        var sawQuote = -1
                        while i < n {
                            let b = buf[i]
                            if b == separator || b == 0x0A { break }
                            if b == 0x0D, i + 1 < n, buf[i + 1] == 0x0A { break }
                            if b == 0x22, sawQuote < 0 { sawQuote = i }
                            i += 1
                        }
                        if sawQuote >= 0, bad == nil {
                            bad = ("a quote inside an unquoted field; quote the whole field and double the quote", sawQuote)
                        }
                        switch fieldText(UnsafeBufferPointer(rebasing: buf[start..<i])) {
                        case let .text(text): fields.append(text)
                        case let .problem(message):
                            if bad == nil { bad = (message, start) }
                            fields.append("")
                        }
                        if i >= n { break recordLoop }
                        let b = buf[i]
                        if b == separator {
                            i += 1
                            if i >= n { offsets.append(i); fields.append(""); break recordLoop }
                            continue recordLoop
                        }
                        if b == 0x0A { i += 1 } else { i += 2 }
                        line += 1
                        lineStart = i
                        break recordLoop
                    }
                }
                let record = CSVRecord(line: recordLine, fields: fields, offsets: offsets, lineStart: recordLineStart)
                if let (message, offset) = bad {
                    collector.error(message, at: locate(bytes, file: file, from: recordLineStart, line: recordLine, to: offset))
                    if !headerSeen { headerSeen = true; header = fields.map(trim); headerRecord = record }
                    continue
                }
                if !headerSeen {
                    headerSeen = true
                    header = fields.map(trim)
                    headerRecord = record
                    continue
                }
                if fields.count != header.count {
                    var end = i
                    if end > 0, buf[end - 1] == 0x0A { end -= 1; if end > 0, buf[end - 1] == 0x0D { end -= 1 } }
                    let at = fields.count > header.count ? offsets[header.count] : end
                    let location = locate(bytes, file: file, from: recordLineStart, line: recordLine, to: at)
                    collector.error("expected \(header.count) fields as in the header, found \(fields.count)", at: location)
                    continue
                }
                records.append(record)
            }
        }
        if !headerSeen { collector.error("the file is empty; expected a header row", at: SourceLocation(file: file, line: 1, column: 1)) }
        return CSVTable(file: file, header: header, records: records, headerRecord: headerRecord, bytes: bytes)
    }

    static func trim(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" { t.removeLast() }
        return String(t)
    }

    enum FieldText {
        case text(String)
        case problem(String)
    }

    /// The field as text, or why it cannot be one: not UTF-8, or a control character (ASCII fields skip UTF-8
    /// validation; one pass finds both).
    @inline(__always)
    static func fieldText<C: Collection>(_ bytes: C) -> FieldText where C.Element == UInt8 {
        var ascii = true
        for b in bytes {
            if b >= 0x80 { ascii = false } else if TextEncoding.isForbiddenControl(UInt32(b)) {
                return .problem(TextEncoding.describeControl(UInt32(b)) + " in the field; remove it")
            }
        }
        if ascii { return .text(String(decoding: bytes, as: UTF8.self)) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem("the field is not valid UTF-8") }
        return .text(text)
    }

    /// Line and character column of byte `offset`, scanning from a known line start.
    static func locate(_ bytes: [UInt8], file: String, from lineStart: Int, line: Int, to offset: Int) -> SourceLocation {
        var line = line
        var start = lineStart
        var k = lineStart
        let end = min(offset, bytes.count)
        while k < end {
            if bytes[k] == 0x0A { line += 1; start = k + 1 }
            k += 1
        }
        var column = 1
        k = start
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
