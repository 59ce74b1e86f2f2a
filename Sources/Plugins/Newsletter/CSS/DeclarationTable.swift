/// The declarations of one inlining call, with their property names interned: candidates and the cascade compare
/// small integers instead of strings, and copying a candidate does not touch reference counts.
struct DeclarationTable {
    var declarations: [CSSDeclaration] = []
    /// The interned property of each declaration (same index).
    var properties: [Int32] = []
    /// Interned property names, by id.
    private var names: [String] = []
    /// Open addressing over `names` (id + 1; 0 is empty), by FNV-1a of the name: cheaper than `Dictionary`'s
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
            let name = CSSParser.propertyName(part[property])
            declarations.append(CSSDeclaration(property: name, value: String(decoding: part[value], as: UTF8.self), important: important))
            properties.append(intern(name))
        }
        return first..<declarations.count
    }

    /// The id of a property name that occurs in the table.
    func id(of name: String) -> Int32? {
        var slot = DeclarationTable.hash(name) & (slots.count - 1)
        while slots[slot] != 0 {
            if names[Int(slots[slot] - 1)] == name { return slots[slot] - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private mutating func intern(_ name: String) -> Int32 {
        var slot = DeclarationTable.hash(name) & (slots.count - 1)
        while slots[slot] != 0 {
            if names[Int(slots[slot] - 1)] == name { return slots[slot] - 1 }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(names.count)
        names.append(name)
        slots[slot] = id + 1
        if names.count * 2 > slots.count { rehash() }
        return id
    }

    /// Doubles the slots (kept at most half full).
    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (id, name) in names.enumerated() {
            var slot = DeclarationTable.hash(name) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id + 1)
        }
    }

    static func hash(_ name: String) -> Int {
        var h: UInt32 = 2_166_136_261
        for b in name.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return Int(h ^ (h >> 15))
    }
}
