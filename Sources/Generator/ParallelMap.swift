import Dispatch

/// Parallel work for plugins and the writer: independent items on all cores, results in input order, so the
/// output stays deterministic whatever the scheduling.
public enum ParallelMap {
    /// Maps `0..<count` on all cores, or on at most `width` threads (`herald build --jobs`), keeping the order of the
    /// results. A width of 1 maps on the calling thread.
    public static func map<T: Sendable>(_ count: Int, width: Int? = nil, _ transform: @Sendable (Int) -> T) -> [T] {
        if count < 2 || width == 1 { return (0..<count).map(transform) }
        let buffer = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        nonisolated(unsafe) let slots = buffer
        // Each index is written by exactly one iteration, so no two threads touch the same slot.
        if let width, width < count {
            // `width` workers, each taking every width-th index.
            DispatchQueue.concurrentPerform(iterations: width) { worker in
                for index in stride(from: worker, to: count, by: width) { slots[index] = transform(index) }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(index)
            }
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
