import Foundation
import HeraldData

enum SnapshotCommand {
    static let usage = """
        Usage: herald snapshot import-site DIR --base-url URL --tenant ID [--project DIR] [--date YYYY-MM-DD]

        Turns a folder of HTML files into the crawl dataset of a dated snapshot:
        snapshots/<tenant>/<date>/crawl/. DIR/index.html becomes the base URL itself, DIR/a/b.html becomes
        <base-url>a/b.html. The date defaults to today (UTC).
        """

    static func run(_ arguments: [String]) -> Int32 {
        printError("herald snapshot: not wired yet\n\n\(usage)")
        return 2
    }
}
