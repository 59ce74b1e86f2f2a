import HeraldData

/// The 1–5 star distribution as an inline SVG bar chart (numbers only: no untrusted text goes in).
enum RatingChart {
    static func svg(distribution: [Int], width: Int = 360, rowHeight: Int = 24) -> String {
        let maxCount = max(distribution.max() ?? 0, 1)
        let total = distribution.reduce(0, +)
        let labelWidth = 40, countWidth = 80
        let barSpace = width - labelWidth - countWidth
        let height = rowHeight * 5
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rating-chart\" width=\"\(width)\" height=\"\(height)\""
            + " viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"Ratings: "
            + (1...5).reversed().map { "\(counted($0, "star")): \(distribution[$0 - 1])" }.joined(separator: ", ") + "\">"
        for (row, stars) in (1...5).reversed().enumerated() {
            let count = distribution[stars - 1]
            let y = row * rowHeight
            let barWidth = count == 0 ? 0 : max(2, count * barSpace / maxCount)
            let share = total > 0 ? Figures.percent(Double(count) / Double(total)) : "0%"
            svg += "<text x=\"0\" y=\"\(y + rowHeight - 8)\" font-size=\"13\">\(stars) ★</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"\(rowHeight - 8)\""
                + " fill=\"\(stars <= 2 ? "#c0392b" : stars == 3 ? "#e0a800" : "#2e7d32")\"/>"
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + rowHeight - 8)\" font-size=\"12\">\(count) (\(share))</text>"
        }
        return svg + "</svg>"
    }
}
