/// A name's byte count and first seven bytes packed in one word. Key and variable scans compare these
/// integers and compare strings only when they match (same length, same first bytes), instead of reading
/// each candidate string's length and bytes. Names in templates get theirs at parse time.
@inline(__always) func fingerprint(_ name: String) -> UInt64 {
    let utf8 = name.utf8
    var print = UInt64(truncatingIfNeeded: utf8.count) & 0xFF
    var shift: UInt64 = 8
    for byte in utf8 {
        if shift > 56 { break }
        print |= UInt64(byte) << shift
        shift &+= 8
    }
    return print
}

@inline(__always) func fingerprint(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var print = UInt64(truncatingIfNeeded: u.count) & 0xFF
    var i = 0
    let n = min(u.count, 7)
    while i < n {
        print |= UInt64(u[i]) << (8 &* UInt64(i &+ 1))
        i &+= 1
    }
    return print
}

/// A name from a template with its fingerprint.
struct Name {
    let string: String
    let print: UInt64
    init(_ string: String) {
        self.string = string
        print = fingerprint(string)
    }
}
