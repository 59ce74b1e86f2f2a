import Foundation

extension String {
    /// `lowercased().contains(word)` for a lower-case ASCII `word` (a media type's `html`, `xml`): on the bytes when
    /// the text is ASCII, where lower-casing and matching are byte-wise, without building a lower-cased copy and
    /// searching it through Foundation. Other text takes that way.
    public func lowercasedContains(_ word: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { text -> Bool? in
            var needle = word.utf8.makeIterator()
            guard let first = needle.next() else { return nil }
            let rest = Array(IteratorSequence(needle))
            guard text.allSatisfy({ $0 < 0x80 }), first < 0x80, rest.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            guard text.count > rest.count else { return false }
            for start in 0..<(text.count - rest.count) where lower(text[start]) == first {
                var k = 0
                while k < rest.count, lower(text[start + 1 + k]) == rest[k] { k += 1 }
                if k == rest.count { return true }
            }
            return false
        }
        if let found, let found { return found }
        return lowercased().contains(word)
    }
}
