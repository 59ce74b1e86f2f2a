/// Matches `CSSSelector`s against the elements of an `HTMLTree`.
struct SelectorMatcher {
    let tree: HTMLTree
    /// Per element, a 256-bit Bloom filter of its ancestors' tag names, ids and classes (4 words per element):
    /// a selector whose left part names something no ancestor has is rejected without walking up the tree.
    /// With `eagerAncestors` false, empty until `computeAncestors()` (documents whose selectors have one compound
    /// never need it).
    private(set) var ancestors: [UInt64] = []

    init(tree: HTMLTree, eagerAncestors: Bool = true) {
        self.tree = tree
        if eagerAncestors { computeAncestors() }
    }

    mutating func computeAncestors() {
        if !ancestors.isEmpty || tree.elements.isEmpty { return }
        var bloom = [UInt64](repeating: 0, count: tree.elements.count * 4)
        for (index, element) in tree.elements.enumerated() where element.parent >= 0 {
            let p = element.parent
            for w in 0..<4 { bloom[index * 4 + w] = bloom[p * 4 + w] }
            let parent = tree.elements[p]
            SelectorMatcher.add(0x74, parent.name, to: &bloom, at: index)
            if let id = parent.id { SelectorMatcher.add(0x23, id, to: &bloom, at: index) }
            for c in parent.classes { SelectorMatcher.add(0x2E, c, to: &bloom, at: index) }
        }
        ancestors = bloom
    }

    /// FNV-1a of a kind byte and the name; two bits of 256 per name.
    static func bits(_ kind: UInt8, _ name: String) -> (Int, Int) {
        var h: UInt64 = 0xcbf29ce484222325
        h = (h ^ UInt64(kind)) &* 0x100000001b3
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return (Int(h & 255), Int((h >> 8) & 255))
    }

    static func add(_ kind: UInt8, _ name: String, to bloom: inout [UInt64], at index: Int) {
        let (a, b) = bits(kind, name)
        bloom[index * 4 + (a >> 6)] |= 1 << UInt64(a & 63)
        bloom[index * 4 + (b >> 6)] |= 1 << UInt64(b & 63)
    }

    /// The ancestor bits a selector needs: for selectors built only with descendant and child combinators, every
    /// compound left of the last must match an ancestor. Nil when there is nothing to require.
    static func requiredAncestors(_ selector: CSSSelector) -> [UInt64]? {
        guard selector.compounds.count > 1, selector.combinators.allSatisfy({ $0 == .descendant || $0 == .child }) else { return nil }
        var required = [UInt64](repeating: 0, count: 4)
        func add(_ kind: UInt8, _ name: String) {
            let (a, b) = bits(kind, name)
            required[a >> 6] |= 1 << UInt64(a & 63)
            required[b >> 6] |= 1 << UInt64(b & 63)
        }
        for compound in selector.compounds.dropLast() {
            if let tag = compound.tag { add(0x74, tag) }
            for id in compound.ids { add(0x23, id) }
            for c in compound.classes { add(0x2E, c) }
        }
        return required.allSatisfy { $0 == 0 } ? nil : required
    }

    /// False when `element`'s ancestors surely lack something `required` names.
    func mayMatch(_ required: [UInt64], _ element: Int) -> Bool {
        let base = element * 4
        return ancestors[base] & required[0] == required[0] && ancestors[base + 1] & required[1] == required[1]
            && ancestors[base + 2] & required[2] == required[2] && ancestors[base + 3] & required[3] == required[3]
    }

    func matches(_ selector: CSSSelector, _ element: Int) -> Bool {
        // Through buffer pointers, compounds are borrowed: no copy (and retain of each array) per element tried.
        selector.compounds.withUnsafeBufferPointer { compounds in
            selector.combinators.withUnsafeBufferPointer { combinators in
                matches(compounds, combinators, compounds.count - 1, element)
            }
        }
    }

    private func matches(_ compounds: UnsafeBufferPointer<CSSSelector.Compound>, _ combinators: UnsafeBufferPointer<CSSSelector.Combinator>,
                         _ index: Int, _ element: Int) -> Bool {
        guard matchesCompound(compounds.baseAddress! + index, element) else { return false }
        if index == 0 { return true }
        switch combinators[index - 1] {
        case .child:
            let parent = tree.elements[element].parent
            return parent >= 0 && matches(compounds, combinators, index - 1, parent)
        case .descendant:
            var ancestor = tree.elements[element].parent
            while ancestor >= 0 {
                if matches(compounds, combinators, index - 1, ancestor) { return true }
                ancestor = tree.elements[ancestor].parent
            }
            return false
        case .adjacent:
            guard let previous = previousSibling(element) else { return false }
            return matches(compounds, combinators, index - 1, previous)
        case .sibling:
            var previous = previousSibling(element)
            while let p = previous {
                if matches(compounds, combinators, index - 1, p) { return true }
                previous = previousSibling(p)
            }
            return false
        }
    }

    private func siblings(_ element: Int) -> [Int] {
        let parent = tree.elements[element].parent
        return parent >= 0 ? tree.elements[parent].children : tree.roots
    }

    private func previousSibling(_ element: Int) -> Int? {
        let index = tree.elements[element].siblingIndex
        return index > 0 ? siblings(element)[index - 1] : nil
    }

    /// Whether elements `a` and `b` have the same tag name (read in place, without copying either element).
    private func sameName(_ a: Int, _ b: Int) -> Bool {
        tree.elements[a].tag == tree.elements[b].tag && (tree.elements[a].tag != .other || tree.elements[a].name == tree.elements[b].name)
    }

    private func matchesCompound(_ compound: CSSSelector.Compound, _ element: Int) -> Bool {
        withUnsafePointer(to: compound) { matchesCompound($0, element) }
    }

    /// Through a pointer, so that no field of the compound is copied (retained) per element tried.
    private func matchesCompound(_ pointer: UnsafePointer<CSSSelector.Compound>, _ element: Int) -> Bool {
        // Fields are read in place (no copy of the element or of the compound's arrays when they are empty).
        if pointer.pointee.tag != nil {
            let tag = pointer.pointee.tagID
            if tag != tree.elements[element].tag || (tag == .other && pointer.pointee.tag != tree.elements[element].name) { return false }
        }
        if !pointer.pointee.ids.isEmpty {
            guard let id = tree.elements[element].id else { return false }
            for k in pointer.pointee.ids.indices where pointer.pointee.ids[k] != id { return false }
        }
        if !pointer.pointee.classes.isEmpty {
            for k in pointer.pointee.classes.indices where !tree.elements[element].classes.contains(pointer.pointee.classes[k]) { return false }
        }
        if !pointer.pointee.attributes.isEmpty {
            // The token's attributes are read in place: copying the token retained its name and attribute list.
            let token = tree.elements[element].token
            for test in pointer.pointee.attributes {
                guard let k = tree.tokens[token].attributes.firstIndex(where: { $0.name == test.name }) else { return false }
                let attribute = tree.tokens[token].attributes[k]
                if test.op == .exists { continue }
                var value = attribute.value
                var expected = test.value
                if test.caseInsensitive { value = value.lowercased(); expected = expected.lowercased() }
                let ok: Bool
                switch test.op {
                case .exists: ok = true
                case .equals: ok = value == expected
                case .includes: ok = value.split(separator: " ").contains { $0 == expected }
                case .dashMatch: ok = value == expected || value.hasPrefix(expected + "-")
                case .prefix: ok = !expected.isEmpty && value.hasPrefix(expected)
                case .suffix: ok = !expected.isEmpty && value.hasSuffix(expected)
                case .substring: ok = !expected.isEmpty && value.contains(expected)
                }
                if !ok { return false }
            }
        }
        if !pointer.pointee.negations.isEmpty {
            for k in pointer.pointee.negations.indices where matchesCompound(pointer.pointee.negations[k], element) { return false }
        }
        if pointer.pointee.nths.isEmpty && pointer.pointee.pseudos.isEmpty { return true }
        let siblingIndex = tree.elements[element].siblingIndex
        let siblings = self.siblings(element)
        for nth in pointer.pointee.nths {
            let others = nth.fromEnd ? siblings[(siblingIndex + 1)...] : siblings[..<siblingIndex]
            let position = 1 + (nth.ofType ? others.filter { sameName($0, element) }.count : others.count)
            if !nth.matches(position: position) { return false }
        }
        for pseudo in pointer.pointee.pseudos {
            switch pseudo {
            case .firstChild: if siblingIndex != 0 { return false }
            case .lastChild: if siblingIndex != siblings.count - 1 { return false }
            case .onlyChild: if siblings.count != 1 { return false }
            case .firstOfType:
                if siblings[..<siblingIndex].contains(where: { sameName($0, element) }) { return false }
            case .lastOfType:
                if siblings[(siblingIndex + 1)...].contains(where: { sameName($0, element) }) { return false }
            case .root: if tree.elements[element].parent >= 0 || tree.elements[element].tag != .html { return false }
            }
        }
        return true
    }
}
