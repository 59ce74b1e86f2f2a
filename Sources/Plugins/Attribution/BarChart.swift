import Markup

/// An inline SVG (no script) comparing the models' conversion credit per channel: one group of horizontal bars
/// per channel, one bar per model. All text from data is escaped; numbers are formatted deterministically.
public enum BarChart {
    /// Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; one per model in report order.
    static let palette = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#999999"]

    public static func svg(_ result: AttributionResult, channels: [String]) -> String {
        let models = result.models
        let width = 760.0
        let labelWidth = 180.0
        let barArea = 500.0
        let barHeight = 8.0
        let groupGap = 14.0
        let legendHeight = 28.0
        let axisHeight = 20.0
        let groupHeight = Double(models.count) * (barHeight + 1) + groupGap
        let height = legendHeight + Double(channels.count) * groupHeight + axisHeight
        var maximum = 0.0
        for model in models {
            for credit in result.credits[model] ?? [] { maximum = max(maximum, credit.conversions) }
        }
        let top = 4 * niceStep(maximum / 4)
        let scale = barArea / top

        func n(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 1) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"attribution-chart\" role=\"img\" "
        svg += "viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" "
        svg += "aria-label=\"Conversions credited to each channel by each model\" font-family=\"sans-serif\" font-size=\"11\">"
        // Legend.
        var x = 4.0
        for model in models {
            svg += "<rect x=\"\(n(x))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(palette[model.order % palette.count])\"/>"
            svg += "<text x=\"\(n(x + 14))\" y=\"15\">\(HTMLEscape.escape(model.title))</text>"
            x += 14 + 6.5 * Double(model.title.count) + 22
        }
        // Grid lines and axis labels at 0, 25, 50, 75 and 100 % of the scale.
        let plotBottom = legendHeight + Double(channels.count) * groupHeight
        for step in 0...4 {
            let x = labelWidth + barArea * Double(step) / 4
            svg += "<line x1=\"\(n(x))\" y1=\"\(n(legendHeight))\" x2=\"\(n(x))\" y2=\"\(n(plotBottom))\" stroke=\"#dddddd\"/>"
            svg += "<text x=\"\(n(x))\" y=\"\(n(plotBottom + 14))\" text-anchor=\"middle\">\(NumberFormat.count(top * Double(step) / 4))</text>"
        }
        for (row, channel) in channels.enumerated() {
            guard let index = result.channels.firstIndex(of: channel) else { continue }
            let y0 = legendHeight + Double(row) * groupHeight
            let label = HTMLEscape.escape(shortened(channel))
            let middle = y0 + Double(models.count) * (barHeight + 1) / 2 + 4
            svg += "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(middle))\" text-anchor=\"end\"><title>\(HTMLEscape.escape(channel))</title>\(label)</text>"
            for (i, model) in models.enumerated() {
                let credit = result.credits[model]?[index] ?? Credit()
                let y = y0 + Double(i) * (barHeight + 1)
                let length = max(0, credit.conversions * scale)
                svg += "<rect x=\"\(n(labelWidth))\" y=\"\(n(y))\" width=\"\(n(length))\" height=\"\(n(barHeight))\" "
                svg += "fill=\"\(palette[model.order % palette.count])\"><title>\(HTMLEscape.escape(channel)) · "
                svg += "\(HTMLEscape.escape(model.title)): \(NumberFormat.fixed(credit.conversions, decimals: 1, grouping: true))</title></rect>"
            }
        }
        svg += "</svg>"
        return svg
    }

    /// The smallest of 1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that is at least `x` (a grid step).
    public static func niceStep(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        var power = 1.0
        while power * 10 <= x { power *= 10 }
        while power > x { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] where factor * power >= x { return factor * power }
        return 10 * power
    }

    /// Long channel names are cut to 28 characters with an ellipsis (the full name is in the tooltip).
    static func shortened(_ name: String) -> String {
        name.count > 28 ? String(name.prefix(27)) + "…" : name
    }
}
