import Foundation

/// The public holidays the binary carries: every country of the `holidays` package at
/// the pinned version, and the zone database's zone.tab to find a zone's country.
///
/// A business day is not a public holiday of the interview's country, and that country
/// is the interview's own or, when it has none, the one zone.tab gives for its zone
/// (docs/rules.md, "Public holidays"). The binary must work alone, offline, so the
/// table is generated into Generated/PublicHolidayTable.swift by
/// scripts/make_holidays.py (`make holidays`) rather than read at run time.
extension PublicHolidays {
    /// The years the table covers. Outside them no day is a public holiday: the rules
    /// count days around an interview, and interviews outside these years are not
    /// expected (docs/rules.md, "Public holidays").
    public static let years: ClosedRange<Int> = PublicHolidayTable.firstYear...PublicHolidayTable.lastYear

    /// The version of the `holidays` package the table was generated from ("0.109").
    public static let sourceVersion: String = PublicHolidayTable.packageVersion

    /// The ISO 3166 alpha-2 codes the table has holidays for, sorted ("AD" … "ZW").
    public static var supportedCountries: [String] { allCodes }

    /// The regions with bank holidays of their own the table has, as ISO 3166-2 codes,
    /// sorted ("AU-ACT" … "GB-WLS"): England has Easter Monday, the United Kingdom as
    /// a whole does not (docs/rules.md §2.1).
    public static var supportedRegions: [String] { regionCodes }

    /// Whether the table has the holidays of `country` (an uppercase ISO 3166 alpha-2
    /// code, "US"): what an interview may name. A region comes from the zone only.
    /// A country it lacks has no public holidays (docs/rules.md §2.1).
    public static func isSupported(country: String) -> Bool { country.utf8.count == 2 && index(of: country) != nil }

    /// The public holidays of `country` (an uppercase ISO 3166 alpha-2 code, "US", or a
    /// region's ISO 3166-2 code, "GB-ENG") in `years`, or nil when the table does not
    /// have it. Names are English,
    /// as the reasons print them: the package's "en_US" names where its default
    /// language for the country is another; two holidays on one date are "A; B".
    ///
    /// Only that country's part of the table is decoded, once: an agenda looks up the
    /// same few countries for many interviews (docs/rules.md, "Public holidays").
    public static func load(country: String) -> PublicHolidays? {
        guard let index = index(of: country) else { return nil }
        return loaded.value(for: index) { decode(country: country, PublicHolidayTable.encoded(index)) }
    }

    /// The ISO 3166 code zone.tab gives for the zone `identifier` ("America/New_York"
    /// → "US"), or the region most of the zone's people live in where its bank holidays
    /// are its own ("Europe/London" → "GB-ENG"), or nil for a zone zone.tab does not
    /// list, such as "UTC": the interview's country when it names none (docs/rules.md
    /// §2.1). Only zone.tab's own spelling of a zone is listed, not older aliases.
    ///
    /// Found by binary search in the generated lines rather than through a dictionary
    /// built first: building it cost more than the rest of `today` at 1,000 spends on
    /// holidays (Benchmarks/NOTES.md, round five).
    public static func country(forZone identifier: String) -> String? {
        var wanted = identifier
        return wanted.withUTF8 { wanted in
            PublicHolidayTable.zones.withUTF8Buffer { lines -> String? in
                var low = 0
                var high = lines.count
                while low < high {
                    // The line around the middle byte: "zone country".
                    var start = (low + high) / 2
                    while start > low && lines[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                    var end = start
                    while end < high && lines[end] != UInt8(ascii: "\n") { end += 1 }
                    guard let space = lines[start..<end].lastIndex(of: UInt8(ascii: " ")) else { return nil }
                    let zone = lines[start..<space]
                    if zone.elementsEqual(wanted) {
                        return String(decoding: lines[(space + 1)..<end], as: UTF8.self)
                    }
                    if zone.lexicographicallyPrecedes(wanted) { low = end + 1 } else { high = start }
                }
                return nil
            }
        }
    }

    // MARK: - Decoding the generated table (scripts/make_holidays.py describes it)

    private static let allCodes: [String] = PublicHolidayTable.countryCodes.withUTF8Buffer { bytes in
        stride(from: 0, to: bytes.count, by: 2).map { String(decoding: bytes[$0..<$0 + 2], as: UTF8.self) }
    }

    private static let regionCodes: [String] = PublicHolidayTable.regionCodes.withUTF8Buffer { bytes in
        bytes.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The position of `country` in the sorted codes, by binary search; a region's comes
    /// after the countries', in `regionCodes`' order.
    private static func index(of country: String) -> Int? {
        guard country.utf8.count == 2 else {
            return regionCodes.firstIndex(of: country).map {
                PublicHolidayTable.countryCodes.utf8CodeUnitCount / 2 + $0
            }
        }
        var code = country
        return code.withUTF8 { wanted -> Int? in
            guard wanted.count == 2 else { return nil }
            return PublicHolidayTable.countryCodes.withUTF8Buffer { codes -> Int? in
                var low = 0
                var high = codes.count / 2
                while low < high {
                    let middle = (low + high) / 2
                    let first = codes[2 * middle]
                    let second = codes[2 * middle + 1]
                    if first == wanted[0] && second == wanted[1] { return middle }
                    if first < wanted[0] || (first == wanted[0] && second < wanted[1]) {
                        low = middle + 1
                    } else {
                        high = middle
                    }
                }
                return nil
            }
        }
    }

    private static let loaded = LoadedCountries()

    /// "name|name|…|DATA": the names, then tokens of base-45 numbers (see the script).
    private static func decode(country: String, _ literal: StaticString) -> PublicHolidays {
        literal.withUTF8Buffer { bytes in
            var names: [String] = []
            var start = 0
            for position in bytes.indices where bytes[position] == UInt8(ascii: "|") {
                names.append(String(decoding: bytes[start..<position], as: UTF8.self))
                start = position + 1
            }
            var cursor = start
            func number() -> Int {
                var value = 0
                var scale = 1
                while true {
                    let digit = alphabetIndex(bytes[cursor])
                    cursor += 1
                    if digit < base { return value + digit * scale }
                    value += (digit - base) * scale
                    scale *= base
                }
            }
            // Every holiday takes at least one character: enough room, never a reallocation.
            var days: [Int] = []
            var nameIndices: [Int] = []
            days.reserveCapacity(bytes.count - start)
            nameIndices.reserveCapacity(bytes.count - start)
            var year = PublicHolidayTable.firstYear
            var yearStart = CalendarDate.daysFromCivil(year: year, month: 1, day: 1)
            var previous: Int?
            // Each name's last month and day, as month * 32 + day (0: not seen yet).
            var lastMonthDay = [Int](repeating: 0, count: names.count)
            while cursor < bytes.count {
                let token = number()
                if token == 0 {
                    year += 1
                    yearStart = CalendarDate.daysFromCivil(year: year, month: 1, day: 1)
                    previous = nil
                    continue
                }
                let name: Int
                let dayNumber: Int
                if token & 1 == 1 {
                    name = token >> 1
                    let monthDay = lastMonthDay[name]
                    dayNumber = CalendarDate.daysFromCivil(year: year, month: monthDay >> 5, day: monthDay & 31)
                } else {
                    name = token / 2 - 1
                    dayNumber = (previous ?? yearStart) + number()
                    let (_, month, day) = CalendarDate.civil(fromDays: dayNumber)
                    lastMonthDay[name] = month << 5 | day
                }
                previous = dayNumber
                days.append(dayNumber)
                nameIndices.append(name)
            }
            return PublicHolidays(country: country, days: days, nameIndices: nameIndices, names: names)
        }
    }

    private static let base = 45

    /// A character's place in the script's ALPHABET: printable ASCII from "!" without
    /// '"', '#', '\' and '|'.
    private static func alphabetIndex(_ byte: UInt8) -> Int {
        let value = Int(byte)
        var index = value - 0x21
        if value > 0x22 { index -= 1 }
        if value > 0x23 { index -= 1 }
        if value > 0x5C { index -= 1 }
        if value > 0x7C { index -= 1 }
        return index
    }
}

/// The countries decoded so far, shared by every caller: a class for the lock.
private final class LoadedCountries: @unchecked Sendable {
    private let lock = NSLock()
    private var byIndex: [Int: PublicHolidays] = [:]

    func value(for index: Int, decode: () -> PublicHolidays) -> PublicHolidays {
        lock.lock()
        defer { lock.unlock() }
        if let known = byIndex[index] { return known }
        let value = decode()
        byIndex[index] = value
        return value
    }
}
