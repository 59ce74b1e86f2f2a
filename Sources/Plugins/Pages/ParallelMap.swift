import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order (so output stays deterministic).
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) throws -> T) throws -> [T] {
        if count < 32 { return try map(transform) }
        let results = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        let items = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = Result { try transform(items[index]) }
        }
        return try results.map { try $0!.get() }
    }
}
