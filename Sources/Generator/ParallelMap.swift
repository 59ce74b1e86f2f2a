import Dispatch

/// Parallel work for plugins and the writer: independent items on all cores, results in input order, so the
/// output stays deterministic whatever the scheduling.
public enum ParallelMap {
    /// Maps `0..<count` on all cores, keeping the order of the results.
    public static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        if count < 2 { return (0..<count).map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        nonisolated(unsafe) let slots = buffer
        // Each index is written by exactly one iteration, so no two threads touch the same slot.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = transform(index)
        }
        return buffer.map { $0! }
    }
}

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order; the first error (in input order) is rethrown.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        if count < 32 { return try map(transform) }
        let items = self
        return try ParallelMap.map(count) { index in Result { try transform(items[index]) } }.map { try $0.get() }
    }
}
