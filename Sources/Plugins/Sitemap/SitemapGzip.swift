import CZlib

/// `.xml.gz` bytes that depend only on the input: a gzip header with no file name and mtime 0 and an "unknown" OS
/// byte (zlib's own gzip wrapper writes the build platform's), raw deflate, then CRC-32 and length (RFC 1952).
enum SitemapGzip {
    static let header: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF]

    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { preconditionFailure("zlib: deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        // Uninitialised and trimmed in place: zero-filling the bound (about the input's size) would make it all resident.
        let bound = header.count + Int(deflateBound(&stream, UInt(bytes.count))) + 8
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        let size = UInt32(truncatingIfNeeded: bytes.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { out, count in
            for (k, byte) in header.enumerated() { out[k] = byte }
            let produced: Int = bytes.withUnsafeBufferPointer { inBuffer in
                stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = out.baseAddress! + header.count
                stream.avail_out = UInt32(bound - header.count - 8)
                // deflateBound guarantees room, so one Z_FINISH call completes the stream.
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END, "zlib: deflate did not finish")
                return bound - 8 - Int(stream.avail_out)
            }
            for (k, value) in [crc, size].enumerated() {
                for shift in 0..<4 { out[produced + 4 * k + shift] = UInt8(truncatingIfNeeded: value >> UInt32(8 * shift)) }
            }
            count = produced + 8
        }
    }
}
