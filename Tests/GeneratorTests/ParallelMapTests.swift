import Dispatch
import Foundation
import Testing
@testable import Generator

/// `ParallelMap.map` keeps input order whatever the width, and never runs more than `width` transforms at once
/// (`herald build --jobs`).
@Suite struct ParallelMapTests {
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var peak = 0
        func enter() { lock.lock(); running += 1; peak = max(peak, running); lock.unlock() }
        func leave() { lock.lock(); running -= 1; lock.unlock() }
    }

    @Test(arguments: [nil, 1, 2, 3, 64, 500] as [Int?])
    func orderAndWidth(_ width: Int?) {
        let gauge = Gauge()
        let out = ParallelMap.map(200, width: width) { index -> Int in
            gauge.enter()
            defer { gauge.leave() }
            usleep(200)
            return index * index
        }
        #expect(out == (0..<200).map { $0 * $0 })
        if let width { #expect(gauge.peak <= width) }
    }
}
