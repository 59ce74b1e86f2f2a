import CZlib

/// gzip data (RFC 1952) inflated with zlib. This is the one place Herald inflates, and every call names a limit on the
/// inflated size: output is produced 64 KiB at a time and inflation stops as soon as it passes the limit, so a small
/// hostile file (a "gzip bomb": 1 MB that inflates to 1 GB) costs at most the limit plus one chunk of memory.
/// Members are inflated one at a time so that callers know which compressed offset each inflated byte came from
/// (`.warc.gz` files hold one member per record; readers name records by that offset).
public struct GzipMembers: Sendable {
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// Not gzip, or a bad deflate stream or checksum.
            case corrupt
            /// The input ended inside the member (a cut download or an interrupted crawl).
            case truncated
            /// The member inflates to more than the limit.
            case tooLarge
        }

        /// The compressed offset of the member that failed.
        public var offset: Int
        public var message: String
        public var kind: Kind
        /// For a `.tooLarge` member that was inflated to its end with its bytes discarded: where the next member starts.
        public var next: Int?
        /// True when the input ended inside the member.
        public var isTruncation: Bool { kind == .truncated }
        public var description: String { "gzip member at offset \(offset): \(message)" }
    }

    /// The inflated bytes of every kept member, one after the other.
    public var bytes: [UInt8] = []
    /// Where each kept member starts: in `bytes` and in the compressed input.
    public var starts: [(inflated: Int, compressed: Int)] = []
    /// Members skipped because each inflates to more than `memberLimit` bytes (`.tooLarge` failures).
    public var oversized: [Failure] = []
    /// The first broken member (nil when the input is complete); reading stops there.
    public var failure: Failure?

    /// Inflates every member of `input`, each to at most `memberLimit` bytes. A member over the limit is inflated to
    /// its end without keeping its bytes (to find where the next one starts), listed in `oversized`, and skipped.
    public init(_ input: [UInt8], memberLimit: Int) {
        var offset = 0
        while offset < input.count {
            let start = bytes.count
            let limit = memberLimit > Int.max - start ? Int.max : start + memberLimit
            switch Self.inflateMember(input, at: offset, into: &bytes, limit: limit, base: start, skipOversized: true) {
            case let .success(end):
                starts.append((start, offset))
                offset = end
            case let .failure(failure):
                guard failure.kind == .tooLarge, let next = failure.next else {
                    self.failure = failure
                    return
                }
                oversized.append(failure)
                offset = next
            }
        }
    }

    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflates all members into one buffer of at most `limit` bytes (for a `.gz` file or an HTTP body read as a
    /// whole); fails with a `.tooLarge` failure as soon as the output passes `limit`.
    public static func inflate(_ input: [UInt8], limit: Int) -> Result<[UInt8], Failure> {
        var out: [UInt8] = []
        var offset = 0
        while offset < input.count {
            switch inflateMember(input, at: offset, into: &out, limit: limit, base: 0, skipOversized: false) {
            case let .success(end): offset = end
            case let .failure(failure): return .failure(failure)
            }
        }
        return .success(out)
    }

    /// Inflates the member starting at `offset`, appending its bytes to `out`; returns the offset just after it.
    /// On any failure the member's bytes are removed from `out` again. When `out` would grow past `limit` (counted from
    /// `out.count == base`, which messages name as the limit) the result is a
    /// `.tooLarge` failure; with `skipOversized` the rest of the member is inflated into a scratch chunk (memory stays
    /// flat) so that the failure can say where the next member starts.
    static func inflateMember(_ input: [UInt8], at offset: Int, into out: inout [UInt8], limit: Int, base: Int,
                              skipOversized: Bool) -> Result<Int, Failure> {
        guard offset + 1 < input.count, input[offset] == 0x1F, input[offset + 1] == 0x8B else {
            return .failure(Failure(offset: offset, message: "not a gzip member (no 1f 8b magic number)", kind: .corrupt))
        }
        var stream = z_stream()
        // 16 + 15: a gzip wrapper with the largest window.
        guard inflateInit2_(&stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(Failure(offset: offset, message: "zlib could not start", kind: .corrupt))
        }
        defer { inflateEnd(&stream) }
        let start = out.count
        var overLimit = false
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let remaining = input.count - offset
        let result = input.withUnsafeBufferPointer { buffer -> Result<Int, Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: buffer.baseAddress! + offset)
            stream.avail_in = UInt32(clamping: remaining)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { scratch in
                    stream.next_out = scratch.baseAddress
                    stream.avail_out = UInt32(scratch.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                if !overLimit {
                    out.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
                    if out.count > limit {
                        out.removeSubrange(start...)
                        overLimit = true
                        let tooLarge = Failure(offset: offset, message: "inflates to more than \(limit - base) bytes", kind: .tooLarge)
                        if !skipOversized { return .failure(tooLarge) }
                    }
                }
                switch status {
                case Z_STREAM_END:
                    let end = offset + Int(stream.total_in)
                    if overLimit {
                        return .failure(Failure(offset: offset, message: "inflates to \(stream.total_out) bytes, more than the limit of "
                                                + "\(limit - base) bytes", kind: .tooLarge, next: end))
                    }
                    return .success(end)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    return .failure(Failure(offset: offset, message: "truncated: the file ends inside this gzip member "
                                                + "(\(remaining) compressed bytes, \(stream.total_out) inflated)", kind: .truncated))
                default:
                    let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return .failure(Failure(offset: offset, message: "corrupt gzip data: \(reason)", kind: .corrupt))
                }
            }
        }
        if case .failure = result, out.count > start { out.removeSubrange(start...) }
        return result
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
