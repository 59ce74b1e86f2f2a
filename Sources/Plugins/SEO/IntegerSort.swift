/// An in-place, unstable sort of 64-bit integers (introsort: quicksort, insertion sort for short ranges, heapsort
/// when the recursion gets deep). The standard library's `sort` is a stable merge sort that allocates a buffer as
/// large as half the array; integers need no stability and shingle arrays are the size of a page's text.
enum IntegerSort {
    /// `values` sorted, for values spread evenly over 64 bits (hashes): a radix sort on their top bytes, least
    /// significant first, as many bytes as make it rare for two values to share them, then one insertion pass for
    /// the values that do. Linear time, and without data-dependent branches but for those few: a bucket sort by the
    /// top bits with an insertion sort per bucket mispredicted about once per value. Values that turn out not to be
    /// spread (many out of order after the radix passes) fall back to `sort`.
    static func sortedHashes(_ values: [UInt64]) -> [UInt64] {
        let count = values.count
        guard count > 32 else {
            var copy = values
            copy.withUnsafeMutableBufferPointer { sort($0) }
            return copy
        }
        // Two of n spread values share their top 8p bits n²/2^(8p+1) times: at most about n/64 for 2^(8p) ≥ 32n.
        var passes = 1
        while passes < 8, 1 << (8 * passes) < 32 * count { passes += 1 }
        let spare = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        defer { spare.deallocate() }
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256 * passes)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0, count: 256 * passes)
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            let out = out.baseAddress!
            values.withUnsafeBufferPointer { values in
                // Pass k sorts by the byte at `shift(k)`; all the counts in one read of the values.
                func shift(_ pass: Int) -> UInt64 { UInt64(64 - 8 * (passes - pass)) }
                for value in values {
                    for pass in 0..<passes { counts[pass * 256 + Int(value &>> shift(pass) & 0xFF)] += 1 }
                }
                for pass in 0..<passes {
                    var start = 0
                    for digit in 0..<256 {
                        let n = counts[pass * 256 + digit]
                        counts[pass * 256 + digit] = start
                        start += n
                    }
                }
                // Ping-pong between `out` and `spare` so that the last pass writes `out`.
                var source = UnsafeMutablePointer(mutating: values.baseAddress!)
                var target = passes % 2 == 1 ? out : spare
                for pass in 0..<passes {
                    let next = counts + pass * 256, by = shift(pass)
                    for index in 0..<count {
                        let value = source[index]
                        let digit = Int(value &>> by & 0xFF)
                        target[next[digit]] = value
                        next[digit] += 1
                    }
                    source = target
                    target = target == out ? spare : out
                }
            }
            initialized = count
            var descents = 0
            for index in 1..<count { descents &+= out[index - 1] > out[index] ? 1 : 0 }
            if descents > count / 16 {
                sort(UnsafeMutableBufferPointer(start: out, count: count))
            } else if descents > 0 {
                insertionSort(out, 0, count)
            }
        }
    }

    static func sort(_ buffer: UnsafeMutableBufferPointer<UInt64>) {
        guard buffer.count > 1, let base = buffer.baseAddress else { return }
        var depth = 0
        var n = buffer.count
        while n > 0 { depth += 2; n >>= 1 }
        quicksort(base, 0, buffer.count, depth)
    }

    private static func quicksort(_ a: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int, _ depth: Int) {
        var low = low, high = high, depth = depth
        while high - low > 16 {
            if depth == 0 {
                heapsort(a + low, high - low)
                return
            }
            depth -= 1
            // Median of three as the pivot, then Hoare's partition.
            let mid = low + (high - low) / 2
            let x = a[low], y = a[mid], z = a[high - 1]
            let pivot = max(min(x, y), min(max(x, y), z))
            var i = low - 1, j = high
            while true {
                repeat { i += 1 } while a[i] < pivot
                repeat { j -= 1 } while a[j] > pivot
                if i >= j { break }
                let t = a[i]; a[i] = a[j]; a[j] = t
            }
            // Recurse into the smaller side, loop on the larger.
            if j + 1 - low < high - j - 1 {
                quicksort(a, low, j + 1, depth)
                low = j + 1
            } else {
                quicksort(a, j + 1, high, depth)
                high = j + 1
            }
        }
        insertionSort(a, low, high)
    }

    private static func insertionSort(_ a: UnsafeMutablePointer<UInt64>, _ low: Int, _ high: Int) {
        guard high - low > 1 else { return }
        for i in (low + 1)..<high {
            let value = a[i]
            var j = i
            while j > low, a[j - 1] > value { a[j] = a[j - 1]; j -= 1 }
            a[j] = value
        }
    }

    private static func heapsort(_ a: UnsafeMutablePointer<UInt64>, _ n: Int) {
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end, a[child] < a[child + 1] { child += 1 }
                if a[root] >= a[child] { return }
                let t = a[root]; a[root] = a[child]; a[child] = t
                root = child
            }
        }
        var start = n / 2
        while start > 0 { start -= 1; siftDown(start, n) }
        var end = n
        while end > 1 {
            end -= 1
            let t = a[0]; a[0] = a[end]; a[end] = t
            siftDown(0, end)
        }
    }
}
