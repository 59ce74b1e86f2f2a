/// The physical layer of a robots.txt file: the size limit, a leading UTF-8 byte order mark, line ends (LF, CR, CRLF),
/// over-long lines, comments and the `name: value` split. Everything works on UTF-8 bytes.
enum RobotsLines {
    /// RFC 9309 §2.5: crawlers must parse at least 500 KiB; Herald parses exactly that much.
    static let sizeLimit = 500 * 1024
    /// Google's parser keeps the first 8 × 2083 − 1 bytes of a line (its buffer includes the terminator).
    static let lineLimit = 8 * 2083 - 1

    struct Line {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    /// The lines within the size limit, numbered from 1, and the notes about what was cut.
    static func split(_ input: [UInt8]) -> (lines: [Line], notes: [RobotsNote]) {
        var notes: [RobotsNote] = []
        var end = input.count
        if input.count > sizeLimit {
            end = sizeLimit
            // Drop a line cut by the limit: a cut `Disallow: /private` would block more than it says.
            if !isLineEnd(input[sizeLimit]), let lastEnd = input[..<sizeLimit].lastIndex(where: isLineEnd) {
                end = lastEnd + 1
            }
        }
        var start = 0
        // A UTF-8 byte order mark (or a prefix of one, as Google's parser tolerates) is skipped.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        while start < min(3, end), input[start] == bom[start] { start += 1 }

        var lines: [Line] = []
        var lineStart = start
        var index = start
        var number = 0
        func emit(_ lineEnd: Int) {
            number += 1
            var stop = lineEnd
            if stop - lineStart > lineLimit {
                notes.append(RobotsNote(line: number, message: "the line is \(stop - lineStart) bytes long; only the first \(lineLimit) are read"))
                stop = lineStart + lineLimit
            }
            lines.append(Line(number: number, bytes: input[lineStart..<stop]))
        }
        while index < end {
            let byte = input[index]
            if isLineEnd(byte) {
                emit(index)
                // CRLF is one line end.
                if byte == 0x0D, index + 1 < end, input[index + 1] == 0x0A { index += 1 }
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < end || lines.isEmpty { emit(end) }
        if end < input.count {
            notes.append(RobotsNote(line: number + 1, message: "the file is \(input.count) bytes long; only the first \(end) bytes "
                                    + "(lines 1–\(number), within RFC 9309's 500 KiB) are parsed and the rest is ignored"))
        }
        return (lines, notes)
    }

    static func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    /// A line without its comment, split at the first colon. Google's leniency: without a colon, a line of exactly two
    /// words (`disallow /`) is read as name and value. Nil for lines that are not `name: value`; `content` is empty
    /// for blank and comment-only lines.
    static func field(_ line: ArraySlice<UInt8>) -> (content: ArraySlice<UInt8>, name: ArraySlice<UInt8>, value: ArraySlice<UInt8>)? {
        var content = line
        if let hash = content.firstIndex(of: UInt8(ascii: "#")) { content = content[..<hash] }
        content = trimmed(content)
        guard !content.isEmpty else { return (content, content, content) }
        if let colon = content.firstIndex(of: UInt8(ascii: ":")) {
            let name = trimmed(content[..<colon])
            return name.isEmpty ? nil : (content, name, trimmed(content[(colon + 1)...]))
        }
        guard let space = content.firstIndex(where: isSpace) else { return nil }
        let value = trimmed(content[space...])
        if value.contains(where: isSpace) { return nil }
        return (content, content[..<space], value)
    }
}

extension String {
    /// Bytes as text, invalid UTF-8 replaced.
    init(robotsBytes bytes: some Collection<UInt8>) { self = String(decoding: bytes, as: UTF8.self) }
}
