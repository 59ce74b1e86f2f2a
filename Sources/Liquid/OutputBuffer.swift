#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes being rendered, in memory of their own grown with `realloc`.
///
/// A render appends many short runs (text nodes, values, escaped pieces); `Array.append(contentsOf:)` spent
/// about 40 instructions per call on uniqueness and capacity checks, more than the copy. Non-copyable, so
/// the memory has one owner and is freed exactly once.
///
/// It can also start in memory it does not own (the uninitialised storage of the `[UInt8]` a render
/// returns, so the result is not copied at the end); growing past that moves it into memory of its own.
struct OutputBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// False while the bytes live in borrowed memory.
    private(set) var ownsMemory = true

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        base = malloc(self.capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    /// Writes into `memory` (not freed here) until it is full.
    init(borrowing memory: UnsafeMutableBufferPointer<UInt8>) {
        base = memory.baseAddress!
        capacity = memory.count
        ownsMemory = false
    }

    deinit { if ownsMemory { free(base) } }


    @inline(__always) mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count &+= 1
    }

    @inline(__always) mutating func append(_ start: UnsafePointer<UInt8>, count n: Int) {
        if n > capacity &- count { grow(to: count + n) }
        memcpy(base + count, start, n)
        count &+= n
    }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let start = bytes.baseAddress { append(start, count: bytes.count) }
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inline(__always) mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    @inline(never) private mutating func grow(to needed: Int) {
        var size = max(capacity, 16)
        while size < needed { size = size > Int.max / 2 ? needed : size * 2 }
        if ownsMemory {
            base = realloc(base, size)!.assumingMemoryBound(to: UInt8.self)
        } else {
            let memory = malloc(size)!.assumingMemoryBound(to: UInt8.self)
            memcpy(memory, base, count)
            base = memory
            ownsMemory = true
        }
        capacity = size
    }

    /// Drops the bytes from `start` on (a capture's text once it is taken out).
    mutating func truncate(to start: Int) { count = min(count, start) }

    func string(from start: Int = 0) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: count - start), as: UTF8.self)
    }

    func bytes(from start: Int = 0) -> [UInt8] {
        Array(UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// Whether the bytes from `start` on equal `other`.
    func suffix(from start: Int, equals other: [UInt8]) -> Bool {
        guard other.count == count - start else { return false }
        return other.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, other.count) == 0 }
    }
}
