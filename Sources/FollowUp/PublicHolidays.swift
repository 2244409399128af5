import Foundation

/// The public holidays of one country, by date, with their names: the days that are
/// not business days on that country's interviewers' clocks (docs/rules.md, "Public
/// holidays"). A value is small to copy; the table behind it is shared.
public struct PublicHolidays: Sendable, Equatable {
    /// The ISO 3166 code the table is for ("US").
    public let country: String
    private let names: [Int: String]

    /// A table of the given dates and names, as a test or the generated data builds it.
    public init(country: String, holidays: [CalendarDate: String]) {
        self.country = country
        var names: [Int: String] = [:]
        for (date, name) in holidays { names[date.dayNumber] = name }
        self.names = names
    }

    /// A table keyed by day number, as the generated table decodes it: one dictionary
    /// built once, not a second one copied from `[CalendarDate: String]`.
    init(country: String, namesByDayNumber: [Int: String]) {
        self.country = country
        self.names = namesByDayNumber
    }

    /// Whether `date` is a public holiday.
    public func contains(_ date: CalendarDate) -> Bool { names[date.dayNumber] != nil }

    /// The holiday's name on `date` ("Thanksgiving Day"), or nil on an ordinary day.
    public func name(on date: CalendarDate) -> String? { names[date.dayNumber] }

    func contains(dayNumber: Int) -> Bool { names[dayNumber] != nil }
}
