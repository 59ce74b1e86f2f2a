/// The declarations of one inlining call, with their property names interned: candidates and the cascade compare
/// small integers instead of strings, and copying a candidate does not touch reference counts.
struct DeclarationTable {
    var declarations: [CSSDeclaration] = []
    /// The interned property of each declaration (same index).
    var properties: [Int32] = []
    /// Interned property names, by id: each name's `String` is made once per call and shared by its declarations.
    private var names: [String] = []
    /// The names' bytes, back to back (`nameEnds[id]` ends name `id`), compared without building a `String`.
    private var nameBytes: [UInt8] = []
    private var nameEnds: [Int] = []
    /// Open addressing over the ids (id + 1; 0 is empty), by FNV-1a of the name: cheaper than `Dictionary`'s
    /// seeded SipHash for the few dozen short names of a call.
    private var slots = [Int32](repeating: 0, count: 64)

    init() {
        declarations.reserveCapacity(32)
        properties.reserveCapacity(32)
    }

    /// Parses the declarations of `s[block]` into the table (no list of their own) and returns their indices.
    mutating func add(_ s: [UInt8], _ block: Range<Int>) -> Range<Int> {
        let first = declarations.count
        CSSParser.forEachDeclaration(s, block) { part, property, value, important in
            let id = intern(part[property], lowercase: !CSSParser.isCustomProperty(part[property]))
            declarations.append(CSSDeclaration(property: names[Int(id)], value: String(decoding: part[value], as: UTF8.self), important: important))
            properties.append(id)
        }
        return first..<declarations.count
    }

    /// The id of a (lower-case) property name that occurs in the table.
    func id(of name: String) -> Int32? {
        let bytes = Array(name.utf8)[...]
        var slot = DeclarationTable.hash(bytes, lowercase: false) & (slots.count - 1)
        while slots[slot] != 0 {
            if isName(slots[slot] - 1, bytes, lowercase: false) { return slots[slot] - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func isName(_ id: Int32, _ bytes: ArraySlice<UInt8>, lowercase: Bool) -> Bool {
        let start = id == 0 ? 0 : nameEnds[Int(id) - 1], end = nameEnds[Int(id)]
        guard end - start == bytes.count else { return false }
        var k = start
        for b in bytes {
            if nameBytes[k] != (lowercase ? DeclarationTable.lower(b) : b) { return false }
            k += 1
        }
        return true
    }

    private mutating func intern(_ bytes: ArraySlice<UInt8>, lowercase: Bool) -> Int32 {
        var slot = DeclarationTable.hash(bytes, lowercase: lowercase) & (slots.count - 1)
        while slots[slot] != 0 {
            if isName(slots[slot] - 1, bytes, lowercase: lowercase) { return slots[slot] - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(names.count)
        let start = nameBytes.count
        for b in bytes { nameBytes.append(lowercase ? DeclarationTable.lower(b) : b) }
        nameEnds.append(nameBytes.count)
        names.append(String(decoding: nameBytes[start...], as: UTF8.self))
        slots[slot] = id + 1
        if names.count * 2 > slots.count { rehash() }
        return id
    }

    /// Doubles the slots (kept at most half full).
    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        var start = 0
        for (id, end) in nameEnds.enumerated() {
            var slot = DeclarationTable.hash(nameBytes[start..<end], lowercase: false) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id + 1)
            start = end
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func hash(_ bytes: ArraySlice<UInt8>, lowercase: Bool) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(lowercase ? lower(b) : b)) &* 16_777_619 }
        return Int(h ^ (h >> 15))
    }
}
