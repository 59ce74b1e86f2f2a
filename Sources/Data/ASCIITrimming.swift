extension String {
    /// The text without leading and trailing ASCII white space (space, tab, CR, LF, FF). Byte-level: Unicode
    /// white space inside data (a no-break space in a name) is content, not formatting.
    public func trimmingASCIISpace() -> String {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        let u = utf8
        guard let first = u.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !isSpace($0) })!
        if first == u.startIndex, last == u.index(before: u.endIndex) { return self }
        return String(self[first...last])
    }
}
