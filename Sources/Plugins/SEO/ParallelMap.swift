import Dispatch

/// Maps `0..<count` on all cores, keeping the order of the results (so output stays deterministic).
///
/// Used to parse pages: each page is independent, and parsing is most of the audit's time.
public enum ParallelMap {
    public static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        if count < 2 { return (0..<count).map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        let slots = SendableBuffer(buffer: buffer)
        // Each index is written by exactly one iteration, so no two threads touch the same slot.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.buffer[index] = transform(index)
        }
        return buffer.map { $0! }
    }

    private struct SendableBuffer<Element>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Element>
    }
}
