import Foundation
import HeraldData

/// The sitemap's URLs in columns: locs in one byte buffer (after a shared prefix, the base URL) with end offsets,
/// lastmods as two integer columns, images in a second byte buffer. A million URLs as `SitemapEntry` values cost
/// ~270 MB (a heap string per loc, 56-byte entries); here they cost ~50 MB. Alternates live in `SitemapAlternates.Table`.
public struct SitemapTable: Sendable {
    /// Every loc starts with it (dropped to "" if one does not, see `append`).
    private(set) var prefix: [UInt8]
    private var locBytes: [UInt8] = []
    private var locEnds: [Int] = []
    private var modifiedMilliseconds: [Int64] = []
    /// Offset in seconds, `Int32.min` for no lastmod.
    private var modifiedOffsets: [Int32] = []
    private var imageBytes: [UInt8] = []
    private var imageEnds: [Int] = []
    /// Images of entry `i` are `imageEnds[entryImageEnds[i - 1] ..< entryImageEnds[i]]`.
    private var entryImageEnds: [Int32] = []

    public init(prefix: String) { self.prefix = Array(prefix.utf8) }

    public var count: Int { locEnds.count }

    mutating func reserveCapacity(_ entries: Int) {
        locEnds.reserveCapacity(entries)
        modifiedMilliseconds.reserveCapacity(entries)
        modifiedOffsets.reserveCapacity(entries)
        entryImageEnds.reserveCapacity(entries)
    }

    mutating func append(_ entry: SitemapEntry) { append(loc: entry.loc, lastModified: entry.lastModified, images: entry.images) }

    mutating func append(loc: String, lastModified: Timestamp?, images: [String]) {
        var loc = loc
        loc.withUTF8 { bytes in
            if !bytes.starts(with: prefix) { dropPrefix() }
            locBytes.append(contentsOf: bytes[prefix.count...])
        }
        locEnds.append(locBytes.count)
        modifiedMilliseconds.append(lastModified?.millisecondsSinceEpoch ?? 0)
        modifiedOffsets.append(lastModified.map { Int32(clamping: $0.offsetSeconds) } ?? Int32.min)
        for image in images {
            imageBytes.append(contentsOf: image.utf8)
            imageEnds.append(imageBytes.count)
        }
        entryImageEnds.append(Int32(imageEnds.count))
    }

    /// A loc without the prefix arrived: store every loc whole from now on (rare; locs come from under the base URL).
    private mutating func dropPrefix() {
        guard !prefix.isEmpty else { return }
        var whole: [UInt8] = []
        whole.reserveCapacity(locBytes.count + prefix.count * count)
        var start = 0
        for index in locEnds.indices {
            whole += prefix
            whole += locBytes[start..<locEnds[index]]
            start = locEnds[index]
            locEnds[index] = whole.count
        }
        locBytes = whole
        prefix = []
    }

    // MARK: - Reading

    /// The loc's bytes after `prefix`.
    func withSuffix<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : locEnds[index - 1]
        return try locBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<locEnds[index]])) }
    }

    func loc(_ index: Int) -> String {
        withSuffix(index) { String(decoding: prefix + Array($0), as: UTF8.self) }
    }

    func lastModified(_ index: Int) -> Timestamp? {
        modifiedOffsets[index] == Int32.min ? nil
            : Timestamp(millisecondsSinceEpoch: modifiedMilliseconds[index], offsetSeconds: Int(modifiedOffsets[index]))
    }

    func imageCount(_ index: Int) -> Int { Int(entryImageEnds[index]) - (index == 0 ? 0 : Int(entryImageEnds[index - 1])) }

    /// The entry's image URLs, as byte ranges of one buffer.
    func withImages(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let first = index == 0 ? 0 : Int(entryImageEnds[index - 1])
        try imageBytes.withUnsafeBufferPointer { buffer in
            for image in first..<Int(entryImageEnds[index]) {
                try body(UnsafeBufferPointer(rebasing: buffer[(image == 0 ? 0 : imageEnds[image - 1])..<imageEnds[image]]))
            }
        }
    }

    func images(_ index: Int) -> [String] {
        var images: [String] = []
        withImages(index) { images.append(String(decoding: $0, as: UTF8.self)) }
        return images
    }

    func entry(_ index: Int) -> SitemapEntry { SitemapEntry(loc: loc(index), lastModified: lastModified(index), images: images(index)) }

    /// Byte order of the locs (the prefix is shared, so the suffixes decide).
    func compare(_ a: Int, _ b: Int) -> Int {
        withSuffix(a) { x in withSuffix(b) { y in Self.compare(x, y) } }
    }

    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(x.count, y.count)
        if common > 0, let xs = x.baseAddress, let ys = y.baseAddress {
            let order = memcmp(xs, ys, common)
            if order != 0 { return Int(order) }
        }
        return x.count - y.count
    }

    /// The index of `loc` in a sorted table, by binary search.
    func index(of loc: String) -> Int? {
        var loc = loc
        return loc.withUTF8 { bytes -> Int? in
            guard bytes.starts(with: prefix) else { return nil }
            let suffix = UnsafeBufferPointer(rebasing: bytes[prefix.count...])
            var (low, high) = (0, count)
            while low < high {
                let middle = (low + high) / 2
                if withSuffix(middle, { Self.compare($0, suffix) }) < 0 { low = middle + 1 } else { high = middle }
            }
            return low < count && withSuffix(low, { Self.compare($0, suffix) }) == 0 ? low : nil
        }
    }

    // MARK: - Sorting

    /// Sorted by loc, one entry per loc (the newest lastmod wins, images are joined), as `SitemapURLs.merge` does for
    /// entries. Returns where each old index went. Tables that are already sorted and unique (content plugins publish
    /// in path order) are checked, not copied.
    public mutating func merge() -> [Int32]? {
        var sortedAndUnique = true
        for index in 1..<max(1, count) where compare(index - 1, index) >= 0 {
            sortedAndUnique = false
            break
        }
        if sortedAndUnique { return nil }
        // Stable: equal locs keep their order, so images join in the order `merge` joins them.
        let order = (0..<count).sorted { a, b in
            let order = compare(a, b)
            return order != 0 ? order < 0 : a < b
        }
        var merged = SitemapTable(prefix: String(decoding: prefix, as: UTF8.self))
        merged.reserveCapacity(count)
        var moved = [Int32](repeating: 0, count: count)
        var position = 0
        while position < order.count {
            var end = position + 1
            while end < order.count, compare(order[position], order[end]) == 0 { end += 1 }
            var entry = self.entry(order[position])
            for other in order[(position + 1)..<end] {
                let next = self.entry(other)
                if let modified = next.lastModified, entry.lastModified.map({ modified > $0 }) ?? true { entry.lastModified = modified }
                if !next.images.isEmpty { entry.images = SitemapURLs.unique(entry.images + next.images) }
            }
            for old in order[position..<end] { moved[old] = Int32(merged.count) }
            merged.append(entry)
            position = end
        }
        self = merged
        return moved
    }
}
