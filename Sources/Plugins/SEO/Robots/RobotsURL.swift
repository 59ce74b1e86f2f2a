/// The part of a URL robots.txt rules are matched against.
enum RobotsURL {
    /// Path, params and query of `url`, without scheme, authority and fragment; `/` when there is no path (also for an
    /// empty URL). A path-only input (`/a?b`) is returned as it is. This follows Google's `GetPathParamsQuery`.
    static func pathAndQuery(_ url: [UInt8]) -> [UInt8] {
        func firstIndex(of set: String, from start: Int) -> Int? {
            let bytes = Array(set.utf8)
            return url[start...].firstIndex(where: bytes.contains)
        }
        let slash = UInt8(ascii: "/")
        let searchStart = url.count >= 2 && url[0] == slash && url[1] == slash ? 2 : 0
        let earlyPath = firstIndex(of: "/?;", from: searchStart)
        var protocolEnd = searchStart
        if let scheme = Self.find(Array("://".utf8), in: url, from: searchStart), earlyPath.map({ scheme <= $0 }) ?? true {
            protocolEnd = scheme + 3
        }
        guard let pathStart = firstIndex(of: "/?;", from: protocolEnd) else { return [slash] }
        let hash = url[searchStart...].firstIndex(of: UInt8(ascii: "#"))
        if let hash, hash < pathStart { return [slash] }
        let path = Array(url[pathStart..<(hash ?? url.count)])
        return path.first == slash ? path : [slash] + path
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
