import Foundation

/// Charts drawn as inline SVG by the program itself: no script, no font, nothing
/// fetched, and they print as sharply as the text around them. Colours come from the
/// page's stylesheet through class names, so the print stylesheet can change them.
enum SVGChart {
    /// One labelled bar per row, scaled to the largest value, each ending with its count.
    static func horizontalBars(title: String, rows: [(label: String, value: Int)]) -> String {
        let rowHeight = 26
        let labelWidth = 130
        let barSpace = 460
        let width = labelWidth + barSpace + 50
        let height = rows.count * rowHeight + 8
        let maximum = max(1, rows.map(\.value).max() ?? 0)
        var svg = open(title: title, width: width, height: height)
        for (index, row) in rows.enumerated() {
            let y = 4 + index * rowHeight
            let length =
                row.value == 0 ? 0 : max(2, Int((Double(row.value) / Double(maximum) * Double(barSpace)).rounded()))
            svg += "<g><title>\(HTMLText.escape(row.label)): \(row.value)</title>"
            svg +=
                "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\(quoted(y + 17)) text-anchor=\"end\">"
                + "\(HTMLText.escape(row.label))</text>"
            svg +=
                "<rect class=\"bar bar-\(index % 8)\" x=\"\(labelWidth)\" y=\(quoted(y + 3)) width=\(quoted(length))"
                + " height=\"\(rowHeight - 6)\" rx=\"2\"></rect>"
            svg +=
                "<text class=\"count\" x=\(quoted(labelWidth + length + 6)) y=\(quoted(y + 17))>\(row.value)</text></g>"
        }
        return svg + "</svg>"
    }

    /// One column per period, oldest first; every `labelEvery`-th period is labelled
    /// under the axis, and each column names its period and count on hover.
    static func columns(title: String, periods: [(label: String, detail: String, value: Int)]) -> String {
        let width = 720
        let height = 240
        let left = 36
        let bottom = 200
        let top = 16
        let plotWidth = width - left - 8
        let maximum = max(1, periods.map(\.value).max() ?? 0)
        var svg = open(title: title, width: width, height: height)
        svg +=
            "<line class=\"axis\" x1=\(quoted(left)) y1=\(quoted(bottom)) x2=\(quoted(width - 8)) y2=\(quoted(bottom))></line>"
        svg += "<text class=\"tick\" x=\(quoted(left - 6)) y=\(quoted(top + 4)) text-anchor=\"end\">\(maximum)</text>"
        svg += "<text class=\"tick\" x=\(quoted(left - 6)) y=\(quoted(bottom)) text-anchor=\"end\">0</text>"
        guard !periods.isEmpty else { return svg + "</svg>" }
        let step = Double(plotWidth) / Double(periods.count)
        let labelEvery = max(1, Int((Double(periods.count) / 12).rounded(.up)))
        for (index, period) in periods.enumerated() {
            let x = Double(left) + Double(index) * step
            let barHeight = Double(period.value) / Double(maximum) * Double(bottom - top)
            svg += "<g><title>\(HTMLText.escape(period.detail))</title>"
            svg +=
                "<rect class=\"bar bar-0\" x=\(quoted(x + step * 0.1)) y=\(quoted(Double(bottom) - barHeight))"
                + " width=\(quoted(max(1, step * 0.8))) height=\(quoted(barHeight))></rect>"
            if index % labelEvery == 0 {
                svg +=
                    "<text class=\"tick\" x=\(quoted(x + step / 2)) y=\(quoted(bottom + 16)) text-anchor=\"middle\">"
                    + "\(HTMLText.escape(period.label))</text>"
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    private static func open(title: String, width: Int, height: Int) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\(quoted(width)) height=\(quoted(height))"
            + " role=\"img\"><title>\(HTMLText.escape(title))</title>"
    }

    private static func quoted(_ value: Int) -> String { "\"\(value)\"" }

    private static func quoted(_ value: Double) -> String { "\"\(String(format: "%.1f", value))\"" }
}

/// Horizontal bars of block characters, to an eighth of a cell: a chart that any
/// terminal draws, with no colour needed.
public enum BlockBar {
    /// The partial blocks, one eighth to seven eighths of a cell.
    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` as a bar, `width` cells for `maximum`. A count above zero always
    /// shows at least an eighth, so that one is never drawn as none.
    public static func bar(_ value: Int, of maximum: Int, width: Int = 30) -> String {
        guard value > 0, maximum > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text
    }
}
