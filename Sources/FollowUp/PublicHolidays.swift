import Foundation

/// The public holidays of one country, by date, with their names: the days that are
/// not business days on that country's interviewers' clocks (docs/rules.md, "Public
/// holidays"). A value is small to copy; the table behind it is shared.
public struct PublicHolidays: Sendable, Equatable {
    /// The ISO 3166 code the table is for ("US").
    public let country: String
    /// The table itself, shared by every copy: one reference to retain when a value is
    /// copied into each interview's facts, however large the table.
    private let table: Table

    private final class Table: Sendable {
        /// The holidays' day numbers, ascending, and each one's name as a place in
        /// `names`: arrays filled in order as the generated table is read, where a
        /// dictionary hashed every day (Benchmarks/NOTES.md, round five).
        let days: [Int]
        let nameIndices: [Int]
        let names: [String]
        /// One bit a day from `firstDay` on: the rules ask "is this a holiday?" for every
        /// day they count, and a bit test costs a fraction of a search (Benchmarks/NOTES.md).
        let firstDay: Int
        let bits: [UInt64]

        init(days: [Int], nameIndices: [Int], names: [String]) {
            self.days = days
            self.nameIndices = nameIndices
            self.names = names
            firstDay = days.first ?? 0
            var bits = [UInt64](repeating: 0, count: days.isEmpty ? 0 : (days[days.count - 1] - firstDay) / 64 + 1)
            for day in days {
                let offset = day - firstDay
                bits[offset >> 6] |= 1 << UInt64(offset & 63)
            }
            self.bits = bits
        }

        /// The name on `day`, a holiday, found by binary search.
        func name(onHoliday day: Int) -> String? {
            var low = 0
            var high = days.count
            while low < high {
                let middle = (low + high) / 2
                if days[middle] < day { low = middle + 1 } else { high = middle }
            }
            return low < days.count && days[low] == day ? names[nameIndices[low]] : nil
        }
    }

    public static func == (lhs: PublicHolidays, rhs: PublicHolidays) -> Bool {
        lhs.country == rhs.country
            && (lhs.table === rhs.table
                || (lhs.table.days == rhs.table.days
                    && zip(lhs.table.nameIndices, rhs.table.nameIndices).allSatisfy {
                        lhs.table.names[$0] == rhs.table.names[$1]
                    }))
    }

    /// A table of the given dates and names, as a test builds it.
    public init(country: String, holidays: [CalendarDate: String]) {
        var names: [String] = []
        var nameIndex: [String: Int] = [:]
        var nameIndices: [Int] = []
        let dates = holidays.keys.sorted()
        for date in dates {
            let name = holidays[date]!
            if nameIndex[name] == nil {
                nameIndex[name] = names.count
                names.append(name)
            }
            nameIndices.append(nameIndex[name]!)
        }
        self.init(country: country, days: dates.map(\.dayNumber), nameIndices: nameIndices, names: names)
    }

    /// A table of ascending day numbers, each with its name's place in `names`, as the
    /// generated table decodes it.
    init(country: String, days: [Int], nameIndices: [Int], names: [String]) {
        self.country = country
        table = Table(days: days, nameIndices: nameIndices, names: names)
    }

    /// Whether `date` is a public holiday.
    public func contains(_ date: CalendarDate) -> Bool { contains(dayNumber: date.dayNumber) }

    /// The holiday's name on `date` ("Thanksgiving Day"), or nil on an ordinary day.
    public func name(on date: CalendarDate) -> String? {
        contains(dayNumber: date.dayNumber) ? table.name(onHoliday: date.dayNumber) : nil
    }

    func contains(dayNumber day: Int) -> Bool {
        let offset = day - table.firstDay
        guard offset >= 0, offset >> 6 < table.bits.count else { return false }
        return table.bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
