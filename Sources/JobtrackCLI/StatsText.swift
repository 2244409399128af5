import FollowUp
import Foundation
import JobtrackKit

extension TextRenderer {
    /// How many companies `stats` lists before summing up the rest.
    static let statsCompanies = 10

    /// The search in numbers: the pipeline and the calls as bar charts, then the rates
    /// and the companies with the latest activity.
    func stats(_ stats: Stats) -> String {
        var lines: [String] = []
        let applications = stats.applications == 1 ? "1 application" : "\(stats.applications) applications"
        lines.append(
            style.bold("Your search: \(applications)" + (stats.since.map { " since \($0.shortText) \($0.year)" } ?? ""))
        )
        lines.append("")
        lines.append(style.bold("Pipeline"))
        lines += chart(stats.byStatus.map { ($0.status, $0.count) })
        lines.append("")
        if let rate = stats.interviewRate {
            lines.append("Interviewed: \(stats.interviewed) of \(stats.applications) (\(Int((rate * 100).rounded()))%)")
        } else {
            lines.append("Interviewed: none yet")
        }
        lines.append("Offers: \(stats.offers)")
        let median = stats.medianDaysToFirstInterview.map { days in
            let text = days == days.rounded() ? String(Int(days)) : String(format: "%.1f", days)
            return days == 1 ? "1 day" : "\(text) days"
        }
        lines.append("Median time to a first interview: \(median ?? "no interview held yet")")
        lines.append("")
        lines.append(style.bold("Calls: \(stats.totalCalls)"))
        lines += chart(stats.callsByOutcome.map { ($0.outcome, $0.count) })
        guard !stats.companies.isEmpty else {
            lines.append("")
            lines.append(
                "No applications"
                    + (stats.since == nil ? " yet. Add one with `jobtrack add <company> <role>`." : " in that time."))
            return lines.joined(separator: "\n")
        }
        lines.append("")
        lines.append(style.bold("Companies, latest activity first"))
        let shown = stats.companies.prefix(Self.statsCompanies)
        let nameWidth = min(30, shown.map { $0.company.oneLine.count }.max() ?? 0)
        for company in shown {
            let name = company.company.oneLine
            let padded = name.count >= nameWidth ? name : name + String(repeating: " ", count: nameWidth - name.count)
            let counts = [
                plural(company.applications, "application"), plural(company.interviews, "interview"),
                plural(company.calls, "call"),
            ].joined(separator: ", ")
            lines.append("  \(padded)  \(counts); last \(company.lastActivity.shortText) \(company.lastActivity.year)")
        }
        if stats.companies.count > shown.count {
            lines.append("  … and \(plural(stats.companies.count - shown.count, "more company", "more companies"))")
        }
        return lines.joined(separator: "\n")
    }

    /// One line per row: its name, its count and its bar, scaled to the largest count.
    private func chart(_ rows: [(String, Int)]) -> [String] {
        let maximum = rows.map(\.1).max() ?? 0
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let countWidth = String(maximum).count
        return rows.map { name, count in
            let number = String(count)
            let paddedName = name + String(repeating: " ", count: nameWidth - name.count)
            let paddedCount = String(repeating: " ", count: countWidth - number.count) + number
            let bar = BlockBar.bar(count, of: maximum)
            return "  \(paddedName)  \(paddedCount)" + (bar.isEmpty ? "" : "  \(bar)")
        }
    }

    private func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        count == 1 ? "1 \(one)" : "\(count) \(many ?? one + "s")"
    }
}
