/// The declarations of one inlining call, with their property names interned: candidates and the cascade compare
/// small integers instead of strings, and copying a candidate does not touch reference counts.
struct DeclarationTable {
    var declarations: [CSSDeclaration] = []
    /// The interned property of each declaration (same index).
    var properties: [Int32] = []
    /// Property name → id.
    var ids: [String: Int32] = [:]

    /// Appends `list` and returns the index of its first declaration.
    mutating func add(_ list: [CSSDeclaration]) -> Int {
        let first = declarations.count
        declarations.append(contentsOf: list)
        for declaration in list {
            if let id = ids[declaration.property] {
                properties.append(id)
            } else {
                let id = Int32(ids.count)
                ids[declaration.property] = id
                properties.append(id)
            }
        }
        return first
    }
}
