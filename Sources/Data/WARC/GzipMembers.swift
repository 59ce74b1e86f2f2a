import CZlib

/// gzip data (RFC 1952) inflated with zlib, one member at a time, so that callers know which compressed offset each
/// inflated byte came from (`.warc.gz` files hold one member per record; readers name records by that offset).
public struct GzipMembers: Sendable {
    /// One inflated member: where it starts in the compressed input and its bytes.
    public struct Member: Sendable {
        public var offset: Int
        public var bytes: [UInt8]
    }

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The compressed offset of the member that failed.
        public var offset: Int
        public var message: String
        /// True when the input ended inside the member (a cut download or an interrupted crawl).
        public var isTruncation: Bool
        public var description: String { "gzip member at offset \(offset): \(message)" }
    }

    /// The members inflated before the first failure, and that failure (nil when the input is complete).
    public var members: [Member] = []
    public var failure: Failure?

    /// Inflates every member of `input`. Stops at the first broken member.
    public init(_ input: [UInt8]) {
        var offset = 0
        while offset < input.count {
            switch Self.inflateMember(input, at: offset) {
            case let .success((bytes, end)):
                members.append(Member(offset: offset, bytes: bytes))
                offset = end
            case let .failure(failure):
                self.failure = failure
                return
            }
        }
    }

    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflates all members into one buffer (for `.gz` files read as a whole, such as sitemaps).
    public static func inflate(_ input: [UInt8]) -> Result<[UInt8], Failure> {
        let members = GzipMembers(input)
        if let failure = members.failure { return .failure(failure) }
        var out: [UInt8] = []
        out.reserveCapacity(members.members.reduce(0) { $0 + $1.bytes.count })
        for member in members.members { out += member.bytes }
        return .success(out)
    }

    /// Inflates the member starting at `offset`; returns its bytes and the offset just after it.
    static func inflateMember(_ input: [UInt8], at offset: Int) -> Result<([UInt8], Int), Failure> {
        guard offset + 1 < input.count, input[offset] == 0x1F, input[offset + 1] == 0x8B else {
            return .failure(Failure(offset: offset, message: "not a gzip member (no 1f 8b magic number)", isTruncation: false))
        }
        var stream = z_stream()
        // 16 + 15: a gzip wrapper with the largest window.
        guard inflateInit2_(&stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(Failure(offset: offset, message: "zlib could not start", isTruncation: false))
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let remaining = input.count - offset
        return input.withUnsafeBufferPointer { buffer -> Result<([UInt8], Int), Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: buffer.baseAddress! + offset)
            stream.avail_in = UInt32(clamping: remaining)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_STREAM_END:
                    return .success((out, offset + Int(stream.total_in)))
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(Failure(offset: offset, message: "truncated: the file ends inside this gzip member "
                                                + "(\(remaining) compressed bytes, \(out.count) inflated)", isTruncation: true))
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return .failure(Failure(offset: offset, message: "corrupt gzip data: \(reason)", isTruncation: false))
                }
            }
        }
    }
}

extension GzipMembers {
    /// `bytes` as one gzip member (for `.gz` output and for tests that build `.warc.gz` files).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                guard CZlib.deflate(&stream, Z_FINISH) == Z_STREAM_END else { return 0 }
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(out[0..<produced])
    }
}
