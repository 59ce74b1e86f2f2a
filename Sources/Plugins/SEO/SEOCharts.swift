import Markup

/// The report's inline SVG charts. No script, integer coordinates, text escaped: the same audit gives the same bytes.
enum SEOCharts {
    /// One colour per severity (Okabe–Ito vermilion, orange and blue: distinguishable with colour-vision deficiencies).
    static func colour(_ severity: SEOSeverity) -> String {
        switch severity {
        case .error: "#D55E00"
        case .warning: "#E69F00"
        case .notice: "#0072B2"
        }
    }

    static func open(_ className: String, width: Int, height: Int, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" aria-label=\"\(HTMLEscape.escape(label))\" font-family=\"sans-serif\" font-size=\"12\">"
    }

    /// Horizontal bars, one per row: label, bar scaled to the largest value, the value after it.
    static func bars(_ rows: [(label: String, value: Int, colour: String)], className: String, label: String,
                     labelWidth: Int = 200) -> String {
        let rowHeight = 22, barSpace = 360, width = labelWidth + barSpace + 70
        let height = max(1, rows.count) * rowHeight
        let largest = max(1, rows.map(\.value).max() ?? 0)
        var svg = open(className, width: width, height: height, label: label)
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight
            let length = row.value == 0 ? 0 : max(2, row.value * barSpace / largest)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLEscape.escape(row.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"\(row.colour)\"/>"
            svg += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 15)\">\(row.value)</text>"
        }
        return svg + "</svg>"
    }

    /// Findings per severity across snapshots, oldest first: one line per severity, a dot per snapshot.
    static func trend(_ points: [AuditTrend.Point]) -> String {
        let width = 640, height = 240, left = 56, right = 16, top = 28, bottom = 36
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = points.flatMap { p in SEOSeverity.allCases.map { p.count($0) } }.max() ?? 0
        let step = niceStep(max(1, largest) / 4 + (max(1, largest) % 4 == 0 ? 0 : 1))
        let ceiling = step * 4
        func x(_ index: Int) -> Int {
            points.count == 1 ? left + plotWidth / 2 : left + index * plotWidth / (points.count - 1)
        }
        func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / ceiling }

        var svg = open("seo-trend", width: width, height: height, label: "Findings per severity in the last \(points.count) snapshots")
        // Legend.
        for (index, severity) in SEOSeverity.allCases.enumerated() {
            let lx = left + index * 110
            svg += "<rect x=\"\(lx)\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(colour(severity))\"/>"
            svg += "<text x=\"\(lx + 14)\" y=\"15\">\(severity.rawValue)s</text>"
        }
        // Grid and y labels.
        for tick in 0...4 {
            let value = step * tick
            svg += "<line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(width - right)\" y2=\"\(y(value))\" stroke=\"#dddddd\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(value)</text>"
        }
        // x labels: every snapshot when they fit, else every other one (always the newest).
        let every = points.count > 8 ? 2 : 1
        for (index, point) in points.enumerated() where (points.count - 1 - index) % every == 0 {
            svg += "<text x=\"\(x(index))\" y=\"\(height - bottom + 18)\" text-anchor=\"middle\">\(HTMLEscape.escape(point.snapshot))</text>"
        }
        for severity in SEOSeverity.allCases {
            let coordinates = points.indices.map { "\(x($0)),\(y(points[$0].count(severity)))" }
            if points.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(colour(severity))\" stroke-width=\"2\" points=\"\(coordinates.joined(separator: " "))\"/>"
            }
            for (index, point) in points.enumerated() {
                svg += "<circle cx=\"\(x(index))\" cy=\"\(y(point.count(severity)))\" r=\"3\" fill=\"\(colour(severity))\">"
                svg += "<title>\(HTMLEscape.escape(point.snapshot)): \(point.count(severity)) \(severity.rawValue)s</title></circle>"
            }
        }
        return svg + "</svg>"
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at least `x`: a readable grid step.
    static func niceStep(_ x: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where factor * power >= x { return factor * power }
            power *= 10
        }
    }
}
