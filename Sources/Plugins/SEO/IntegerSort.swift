/// An in-place, unstable sort of 64-bit integers (introsort: quicksort, insertion sort for short ranges, heapsort
/// when the recursion gets deep). The standard library's `sort` is a stable merge sort that allocates a buffer as
/// large as half the array; integers need no stability and shingle arrays are the size of a page's text.
enum IntegerSort {
    /// `values` sorted, for values spread evenly over 64 bits (hashes): one pass scatters them into buckets by their
    /// top bits, a few values per bucket, and each bucket is sorted in place, linear time where a comparison sort
    /// takes m log m. Buckets that turn out large (values that are not spread) fall back to `sort`.
    static func sortedHashes(_ values: [UInt64]) -> [UInt64] {
        let count = values.count
        guard count > 32 else {
            var copy = values
            copy.withUnsafeMutableBufferPointer { sort($0) }
            return copy
        }
        // About four values per bucket, at most 2^16 buckets.
        var bits = 1
        while bits < 16, (1 << bits) * 4 < count { bits += 1 }
        let shift = UInt64(64 - bits)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        return starts.withUnsafeMutableBufferPointer { starts in
            values.withUnsafeBufferPointer { values in
                for value in values { starts[Int(value >> shift) + 1] += 1 }
                for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
                return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
                    // `next` walks each bucket's slots; `starts` keeps where each bucket begins.
                    var next = Array(starts.dropLast())
                    next.withUnsafeMutableBufferPointer { next in
                        for value in values {
                            let bucket = Int(value >> shift)
                            out[next[bucket]] = value
                            next[bucket] += 1
                        }
                    }
                    initialized = count
                    let base = out.baseAddress!
                    for bucket in 0..<(starts.count - 1) {
                        let low = starts[bucket], high = starts[bucket + 1]
                        if high - low > 64 {
                            sort(UnsafeMutableBufferPointer(start: base + low, count: high - low))
                        } else {
                            insertionSort(base, low, high)
                        }
                    }
                }
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
