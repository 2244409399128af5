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
        let names: [Int: String]
        /// One bit a day from `firstDay` on: the rules ask "is this a holiday?" for every
        /// day they count, and a bit test costs a fraction of a dictionary lookup
        /// (Benchmarks/NOTES.md).
        let firstDay: Int
        let bits: [UInt64]

        init(names: [Int: String], firstDay: Int, bits: [UInt64]) {
            self.names = names
            self.firstDay = firstDay
            self.bits = bits
        }
    }

    public static func == (lhs: PublicHolidays, rhs: PublicHolidays) -> Bool {
        lhs.country == rhs.country && (lhs.table === rhs.table || lhs.table.names == rhs.table.names)
    }

    /// A table of the given dates and names, as a test or the generated data builds it.
    public init(country: String, holidays: [CalendarDate: String]) {
        var names: [Int: String] = [:]
        for (date, name) in holidays { names[date.dayNumber] = name }
        self.init(country: country, namesByDayNumber: names)
    }

    /// A table keyed by day number, as the generated table decodes it: one dictionary
    /// built once, not a second one copied from `[CalendarDate: String]`.
    init(country: String, namesByDayNumber: [Int: String]) {
        self.country = country
        let first = namesByDayNumber.keys.min() ?? 0
        let last = namesByDayNumber.keys.max() ?? first - 1
        var bits = [UInt64](repeating: 0, count: (last - first) / 64 + 1)
        for day in namesByDayNumber.keys {
            let offset = day - first
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        table = Table(names: namesByDayNumber, firstDay: first, bits: namesByDayNumber.isEmpty ? [] : bits)
    }

    /// Whether `date` is a public holiday.
    public func contains(_ date: CalendarDate) -> Bool { contains(dayNumber: date.dayNumber) }

    /// The holiday's name on `date` ("Thanksgiving Day"), or nil on an ordinary day.
    public func name(on date: CalendarDate) -> String? { table.names[date.dayNumber] }

    func contains(dayNumber day: Int) -> Bool {
        let offset = day - table.firstDay
        guard offset >= 0, offset >> 6 < table.bits.count else { return false }
        return table.bits[offset >> 6] & (1 << UInt64(offset & 63)) != 0
    }
}
