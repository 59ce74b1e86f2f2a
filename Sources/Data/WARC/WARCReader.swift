/// Splits a WARC file, plain or gzip-compressed (one member per record, or the whole file in one stream), into
/// records. Never traps on bad input: every malformed record becomes a `WARCProblem` naming its offset, and reading
/// resumes at the next gzip member or the next `WARC/` version line.
public struct WARCReader: Sendable {
    public var records: [WARCRecord] = []
    public var problems: [WARCProblem] = []

    /// Room for the WARC and HTTP headers around a body in one gzip member.
    public static let headerAllowance = 1_048_576
    /// The most one gzip member of a `.warc.gz` may inflate to: a page body's limit (`HTTPResponseBlock.maxBodyBytes`)
    /// plus `headerAllowance`.
    public static let maxMemberBytes = HTTPResponseBlock.maxBodyBytes + headerAllowance

    /// Reads `file`; a gzip member that inflates to more than `memberLimit` bytes is skipped with a warning.
    public init(_ file: [UInt8], memberLimit: Int = WARCReader.maxMemberBytes) {
        if GzipMembers.isGzip(file) {
            let gzip = GzipMembers(file, memberLimit: memberLimit)
            var parser = Parser(buffer: gzip.bytes, members: gzip.starts)
            parser.run()
            records = parser.records
            problems = parser.problems
            for skipped in gzip.oversized {
                problems.append(WARCProblem(offset: skipped.offset, message: "the gzip member \(skipped.message) per WARC record; "
                    + "its record is skipped", isError: false))
            }
            problems.sort { $0.offset < $1.offset }
            if let failure = gzip.failure {
                problems.append(WARCProblem(offset: failure.offset, message: failure.message
                    + (failure.isTruncation ? "; the records before it were read" : ""), isError: !failure.isTruncation))
            }
        } else {
            var parser = Parser(buffer: file, members: nil)
            parser.run()
            records = parser.records
            problems = parser.problems
        }
    }

    /// The record parser over the inflated bytes. `members` maps inflated positions to gzip member offsets.
    struct Parser {
        let buffer: [UInt8]
        let members: [(inflated: Int, compressed: Int)]?
        var records: [WARCRecord] = []
        var problems: [WARCProblem] = []

        init(buffer: [UInt8], members: [(inflated: Int, compressed: Int)]?) {
            self.buffer = buffer
            self.members = members
        }

        /// The file offset to name for a record starting at inflated position `p`.
        func fileOffset(_ p: Int) -> Int {
            guard let members else { return p }
            var low = 0, high = members.count - 1, found = 0
            while low <= high {
                let mid = (low + high) / 2
                if members[mid].inflated <= p { found = mid; low = mid + 1 } else { high = mid - 1 }
            }
            return members.isEmpty ? 0 : members[found].compressed
        }

        /// The end of the gzip member holding position `p` (the buffer's end for a plain file).
        func memberEnd(_ p: Int) -> Int {
            guard let members else { return buffer.count }
            for m in members where m.inflated > p { return m.inflated }
            return buffer.count
        }

        /// Where to look for the next record after a broken one that started at `p`.
        func resync(after p: Int) -> Int {
            if members != nil { return memberEnd(p) }
            // The next line starting with "WARC/".
            var i = p + 1
            let end = buffer.count
            while i + 5 <= end {
                if buffer[i - 1] == 0x0A, buffer[i] == 0x57, buffer[i + 1] == 0x41, buffer[i + 2] == 0x52, buffer[i + 3] == 0x43,
                   buffer[i + 4] == 0x2F { return i }
                i += 1
            }
            return end
        }

        mutating func problem(_ p: Int, _ message: String, error: Bool = true) {
            var suffix = ""
            if let members, !members.contains(where: { $0.inflated == p }) { suffix = " (at inflated byte \(p))" }
            problems.append(WARCProblem(offset: fileOffset(p), message: message + suffix, isError: error))
        }

        mutating func run() {
            var p = 0
            let end = buffer.count
            while true {
                while p < end, buffer[p] == 0x0D || buffer[p] == 0x0A { p += 1 }
                if p >= end { return }
                p = record(at: p)
            }
        }

        /// Reads the record at `start` and returns where the next one may begin.
        mutating func record(at start: Int) -> Int {
            let end = buffer.count
            guard let firstLine = line(at: start) else {
                problem(start, "the file ends inside the record's version line", error: false)
                return end
            }
            let version = text(start, firstLine.contentEnd)
            guard version.hasPrefix("WARC/") else {
                problem(start, "expected a version line such as WARC/1.0, found '\(version.prefix(40))'")
                return resync(after: start)
            }
            var fields: [(name: String, value: String)] = []
            var p = firstLine.next
            var headerEnd: Int?
            while let l = line(at: p) {
                if l.contentEnd == p { headerEnd = l.next; break }
                if buffer[p] == 0x20 || buffer[p] == 0x09, !fields.isEmpty {
                    fields[fields.count - 1].value += " " + text(p, l.contentEnd).trimmingSpaces
                } else if let colon = buffer[p..<l.contentEnd].firstIndex(of: 0x3A) {
                    fields.append((text(p, colon).trimmingSpaces.lowercased(), text(colon + 1, l.contentEnd).trimmingSpaces))
                } else {
                    problem(start, "malformed named field '\(text(p, l.contentEnd).prefix(60))' (no colon)")
                    return resync(after: start)
                }
                p = l.next
            }
            guard let blockStart = headerEnd else {
                problem(start, "the file ends inside the record's header", error: false)
                return end
            }
            func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
            guard let lengthText = field("content-length") else {
                problem(start, "the record has no Content-Length field")
                return resync(after: start)
            }
            guard !lengthText.isEmpty, lengthText.utf8.count <= 18, lengthText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let length = Int(lengthText) else {
                problem(start, "bad Content-Length '\(lengthText.prefix(40))': expected a number of bytes")
                return resync(after: start)
            }
            let blockEnd = blockStart + length
            let limit = memberEnd(start)
            if blockEnd > limit {
                if members == nil {
                    problem(start, "truncated record: Content-Length is \(length) bytes but the file ends \(end - blockStart) bytes "
                            + "into the block (a cut file, or a wrong Content-Length)", error: false)
                    return end
                }
                problem(start, "Content-Length \(length) runs past the end of the record's gzip member (\(limit - blockStart) bytes "
                        + "of block); Content-Length is wrong")
                return resync(after: start)
            }
            // Two CRLFs end the record (a bare LF pair is tolerated; so is the end of the member or file).
            var next = blockEnd
            var newlines = 0
            while next < limit, newlines < 4, buffer[next] == 0x0D || buffer[next] == 0x0A { next += 1; newlines += 1 }
            if next < limit, newlines < 2 {
                problem(start, "the record does not end with CRLF CRLF after its \(length)-byte block; Content-Length is wrong")
                return resync(after: start)
            }
            guard version == "WARC/1.0" || version == "WARC/1.1" else {
                problem(start, "unsupported version \(version.prefix(20)); Herald reads WARC/1.0 and WARC/1.1")
                return next
            }
            guard field("warc-type").map({ !$0.isEmpty }) == true else {
                problem(start, "the record has no WARC-Type field")
                return next
            }
            records.append(WARCRecord(offset: fileOffset(start), version: version, fields: fields,
                                      block: Array(buffer[blockStart..<blockEnd])))
            return next
        }

        /// The line at `p`: where its content ends (before CR LF or LF) and where the next line starts.
        func line(at p: Int) -> (contentEnd: Int, next: Int)? {
            guard p < buffer.count else { return nil }
            guard let lf = buffer[p...].firstIndex(of: 0x0A) else { return nil }
            let contentEnd = lf > p && buffer[lf - 1] == 0x0D ? lf - 1 : lf
            return (contentEnd, lf + 1)
        }

        func text(_ from: Int, _ to: Int) -> String { String(decoding: buffer[from..<to], as: UTF8.self) }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
