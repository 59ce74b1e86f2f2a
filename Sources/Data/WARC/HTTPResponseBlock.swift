/// The HTTP response inside a WARC `response` (or `revisit`) record: status line, header fields and body, with
/// `Transfer-Encoding: chunked` and `Content-Encoding: gzip` undone (WARC keeps the message as it was sent).
public struct HTTPResponseBlock: Sendable {
    public var status: Int
    /// Header names lower-cased, in received order.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Notes about the body (a chunked or gzip body that could not be decoded and was kept as sent).
    public var notes: [String] = []

    public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// The most a `Content-Encoding: gzip` body may inflate to: 50 MiB (52,428,800 bytes, the sitemaps.org file limit
    /// too), far above any real page, so that a small hostile body cannot take the loader's memory.
    public static let maxBodyBytes = 52_428_800

    /// Parses `block`; the error text says what is wrong. A gzip body that inflates to more than `bodyLimit` bytes is
    /// an error with `isOversized` set (the loader skips the record with a warning).
    public static func parse(_ block: [UInt8], bodyLimit: Int = maxBodyBytes) -> Result<HTTPResponseBlock, ParseError> {
        var p = 0
        func nextLine() -> (String, Bool)? {
            guard p < block.count else { return nil }
            let lf = block[p...].firstIndex(of: 0x0A)
            let stop = lf ?? block.count
            let contentEnd = stop > p && block[stop - 1] == 0x0D ? stop - 1 : stop
            let text = String(decoding: block[p..<contentEnd], as: UTF8.self)
            p = lf.map { $0 + 1 } ?? block.count
            return (text, lf != nil)
        }
        guard let (statusLine, _) = nextLine() else { return .failure(ParseError("the HTTP message is empty")) }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/") else {
            return .failure(ParseError("expected an HTTP status line such as 'HTTP/1.1 200 OK', found '\(statusLine.prefix(60))'"))
        }
        guard parts[1].utf8.count == 3, let status = Int(parts[1]), (100...599).contains(status) else {
            return .failure(ParseError("bad HTTP status '\(parts[1].prefix(20))' in '\(statusLine.prefix(60))'"))
        }
        var headers: [(name: String, value: String)] = []
        var ended = false
        while let (line, _) = nextLine() {
            if line.isEmpty { ended = true; break }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingSpaces
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]).trimmingSpaces.lowercased(), String(line[line.index(after: colon)...]).trimmingSpaces))
            } else {
                return .failure(ParseError("malformed HTTP header line '\(line.prefix(60))'"))
            }
        }
        // A revisit may hold the headers alone, without the blank line.
        var response = HTTPResponseBlock(status: status, headers: headers, body: ended ? Array(block[p...]) : [])
        let transfer = response.header("transfer-encoding")?.lowercased() ?? ""
        if transfer.contains("chunked") {
            if let plain = dechunk(response.body) { response.body = plain } else { response.notes.append("the chunked body is malformed; kept as sent") }
        }
        let coding = response.header("content-encoding")?.lowercased().trimmingSpaces ?? ""
        if coding == "gzip" || coding == "x-gzip" {
            switch GzipMembers.inflate(response.body, limit: bodyLimit) {
            case let .success(plain): response.body = plain
            case let .failure(failure) where failure.kind == .tooLarge:
                return .failure(ParseError("the gzip-encoded body inflates to more than \(bodyLimit) bytes, Herald's limit per page",
                                           isOversized: true))
            case let .failure(failure): response.notes.append("the gzip-encoded body cannot be inflated (\(failure.message)); kept as sent")
            }
        } else if !coding.isEmpty, coding != "identity" {
            response.notes.append("the body has Content-Encoding '\(coding)', which Herald does not decode; kept as sent")
        }
        return .success(response)
    }

    /// `Transfer-Encoding: chunked` (RFC 9112 §7.1); nil when malformed.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var p = 0
        while p < bytes.count {
            guard let lf = bytes[p...].firstIndex(of: 0x0A) else { return nil }
            var size = 0
            var digits = 0
            for b in bytes[p..<lf] {
                let v: Int
                switch b {
                case 0x30...0x39: v = Int(b - 0x30)
                case 0x41...0x46: v = Int(b - 0x41 + 10)
                case 0x61...0x66: v = Int(b - 0x61 + 10)
                default: v = -1
                }
                if v < 0 { break }
                size = size * 16 + v
                digits += 1
                if digits > 12 { return nil }
            }
            guard digits > 0 else { return nil }
            p = lf + 1
            if size == 0 { return out }
            guard p + size <= bytes.count else { return nil }
            out += bytes[p..<(p + size)]
            p += size
            if p < bytes.count, bytes[p] == 0x0D { p += 1 }
            if p < bytes.count, bytes[p] == 0x0A { p += 1 }
        }
        return nil
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
        /// The body is over the limit: the message is fine but the page cannot be kept.
        public var isOversized = false
        init(_ description: String, isOversized: Bool = false) {
            self.description = description
            self.isOversized = isOversized
        }
    }
}
