import Foundation
import HeraldData

/// The Debian `python3.11-doc` HTML tree as a crawl under https://docs.python.org/3.11/ (issue 2 §6).
///
/// Every file under the folder answers 200; anything else is absent from the crawl, so a link to a file the
/// package does not ship is a link to a URL missing from the crawl. URLs and content types are the ones
/// `herald snapshot import-site` gives (`dir/index.html` → `dir/`, percent-encoded paths).
enum PythonDocsFixture {
    static let folder = "/usr/share/doc/python3.11/html"
    static let baseURL = "https://docs.python.org/3.11/"

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder + "/index.html") }

    static func pages() throws -> [CrawledPage] { try SiteFolder.pages(folder: folder, baseURL: baseURL) }
}

/// A folder of HTML files as `herald snapshot import-site` turns it into a crawl: every file answers 200 at the base
/// URL plus its path.
enum SiteFolder {
    static func pages(folder: String, baseURL: String) throws -> [CrawledPage] {
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return []
        }
        var relativePaths: [String] = []
        let prefix = root.standardizedFileURL.path + "/"
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = file.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            relativePaths.append(String(path.dropFirst(prefix.count)))
        }
        relativePaths.sort()
        return try relativePaths.map { relative in
            let type = CrawlLoader.contentType(forFile: relative)
            let body = type.hasPrefix("text/html") ? [UInt8](try Data(contentsOf: root.appendingPathComponent(relative))) : []
            return CrawledPage(url: baseURL + CrawlLoader.urlPath(forSiteFile: relative), status: 200,
                               headers: [(name: "content-type", value: type)],
                               body: body, location: SourceLocation(file: folder + "/" + relative))
        }
    }
}
