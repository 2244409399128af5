import Foundation
import Testing

@testable import FollowUp

// The public-holiday table the binary carries (docs/rules.md, "Public holidays"): dates
// checked by hand against the holidays package 0.109, and a check that the committed
// table is what scripts/make_holidays.py makes from the package today.

/// The pinned version of the holidays package: the one the committed table was made
/// from, which scripts/make_holidays.py and requirements-test.txt pin too.
private let pinnedVersion = PublicHolidays.sourceVersion
private let installLine = "pip install holidays==\(pinnedVersion)"

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let generatedTable = repositoryRoot.appendingPathComponent(
    "Sources/FollowUp/Generated/PublicHolidayTable.swift")
private let generator = repositoryRoot.appendingPathComponent("scripts/make_holidays.py")

struct HolidayCase: Sendable, CustomTestStringConvertible {
    let country: String
    let date: String
    let name: String?
    var testDescription: String { "\(country) \(date) \(name ?? "(no holiday)")" }
}

@Test(
    "a public holiday of a major country is in the table, with the package's name",
    arguments: [
        HolidayCase(country: "US", date: "2026-11-26", name: "Thanksgiving Day"),
        HolidayCase(country: "US", date: "2026-11-11", name: "Veterans Day"),
        HolidayCase(country: "US", date: "2021-12-24", name: "Christmas Day (observed)"),
        HolidayCase(country: "US", date: "2026-07-03", name: "Independence Day (observed)"),
        HolidayCase(country: "US", date: "2026-11-27", name: nil),
        HolidayCase(country: "GB", date: "2026-12-25", name: "Christmas Day"),
        HolidayCase(country: "GB", date: "2026-12-26", name: "Boxing Day"),
        HolidayCase(country: "GB", date: "2026-12-28", name: "Boxing Day (observed)"),
        HolidayCase(country: "GB", date: "2026-12-24", name: nil),
        HolidayCase(country: "JP", date: "2026-11-23", name: "Labor Thanksgiving Day"),
        HolidayCase(country: "JP", date: "2026-05-06", name: "Substitute Holiday"),
        HolidayCase(country: "DE", date: "2026-10-03", name: "German Unity Day"),
        HolidayCase(country: "DE", date: "2026-04-03", name: "Good Friday"),
        HolidayCase(country: "DE", date: "2008-05-01", name: "Ascension Day; Labor Day"),
        HolidayCase(country: "FR", date: "2026-07-14", name: "National Day"),
        HolidayCase(country: "FR", date: "2026-11-11", name: "Armistice Day"),
        HolidayCase(country: "IN", date: "2026-01-26", name: "Republic Day"),
        HolidayCase(country: "IN", date: "2026-08-15", name: "Independence Day"),
        HolidayCase(country: "IN", date: "2026-11-08", name: "Diwali"),
        HolidayCase(country: "US", date: "2000-01-17", name: "Martin Luther King Jr. Day"),
        HolidayCase(country: "US", date: "2060-12-25", name: "Christmas Day"),
        HolidayCase(country: "GB-ENG", date: "2027-03-29", name: "Easter Monday"),
        HolidayCase(country: "GB", date: "2027-03-29", name: nil),
        HolidayCase(country: "GB-ENG", date: "2027-08-30", name: "Late Summer Bank Holiday"),
        HolidayCase(country: "GB-SCT", date: "2027-01-04", name: "New Year Holiday (observed)"),
        HolidayCase(country: "GB-SCT", date: "2027-03-29", name: nil),
        HolidayCase(country: "AU-NSW", date: "2026-12-28", name: "Boxing Day (observed)"),
        HolidayCase(country: "AU", date: "2026-12-28", name: nil),
        HolidayCase(country: "CA-ON", date: "2027-02-15", name: "Family Day"),
        HolidayCase(country: "CA", date: "2027-02-15", name: nil),
    ])
func holidayInTable(_ example: HolidayCase) throws {
    let holidays = try #require(PublicHolidays.load(country: example.country))
    let date = try #require(CalendarDate(iso: example.date))
    #expect(holidays.country == example.country)
    #expect(holidays.name(on: date) == example.name)
    #expect(holidays.contains(date) == (example.name != nil))
}

@Test(
    "a zone listed in zone.tab gives its country; one it does not list gives none",
    arguments: [
        ("America/New_York", "US"), ("Europe/London", "GB-ENG"), ("Asia/Tokyo", "JP"), ("Europe/Berlin", "DE"),
        ("Asia/Kolkata", "IN"), ("Australia/Sydney", "AU-NSW"), ("America/Toronto", "CA-ON"), ("UTC", nil),
        ("Etc/GMT+5", nil), ("Mars/Olympus", nil),
    ] as [(String, String?)])
func zoneCountry(_ zone: String, _ country: String?) {
    #expect(PublicHolidays.country(forZone: zone) == country)
}

@Test("every zone in the generated table gives its country, and no near miss gives one")
func everyZoneCountry() {
    let lines = PublicHolidayTable.zones.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        .split(separator: "\n")
    #expect(lines.count > 300)
    for line in lines {
        let parts = line.split(separator: " ")
        let zone = String(parts[0])
        #expect(PublicHolidays.country(forZone: zone) == String(parts[1]), "\(zone)")
        for miss in [String(zone.dropLast()), zone + "x", zone + " ", " " + zone, zone.lowercased()] where miss != zone
        {
            #expect(PublicHolidays.country(forZone: miss) == nil, "\(miss)")
        }
    }
    #expect(PublicHolidays.country(forZone: "") == nil)
}

@Test("tables are equal by their dates and names, whichever way they were built")
func tablesEqualByContent() throws {
    let thanksgiving = try #require(CalendarDate(iso: "2026-11-26"))
    let christmas = try #require(CalendarDate(iso: "2026-12-25"))
    let table = [thanksgiving: "Thanksgiving Day", christmas: "Christmas Day"]
    let holidays = PublicHolidays(country: "US", holidays: table)
    #expect(holidays == PublicHolidays(country: "US", holidays: table))
    #expect(holidays != PublicHolidays(country: "CA", holidays: table))
    #expect(holidays != PublicHolidays(country: "US", holidays: [thanksgiving: "Thanksgiving Day"]))
    #expect(
        holidays != PublicHolidays(country: "US", holidays: [thanksgiving: "Thanksgiving", christmas: "Christmas Day"]))
    #expect(holidays.name(on: christmas) == "Christmas Day" && holidays.contains(thanksgiving))
    #expect(holidays.name(on: christmas.adding(days: 1)) == nil && !holidays.contains(christmas.adding(days: -1)))
}

@Test(
    "an unknown or misspelt country or region code has no table",
    arguments: ["ZZ", "", "U", "USA", "us", "QQ", "GB-XX", "gb-eng", "GB-", "US-NY"])
func unknownCountry(_ code: String) {
    #expect(PublicHolidays.load(country: code) == nil)
    #expect(!PublicHolidays.isSupported(country: code))
}

@Test("every supported country loads, and the table covers 2000 to 2060")
func everyCountryLoads() throws {
    let countries = PublicHolidays.supportedCountries
    #expect(countries.count > 200)
    #expect(countries == countries.sorted())
    #expect(countries.contains("US") && countries.contains("GB") && countries.contains("JP"))
    #expect(PublicHolidays.years.lowerBound <= 2000 && PublicHolidays.years.upperBound >= 2060)
    for code in countries {
        #expect(PublicHolidays.isSupported(country: code))
        let holidays = try #require(PublicHolidays.load(country: code))
        #expect(holidays.country == code)
    }
}

@Test("every region loads under its own code, and every zone's region is one of them")
func everyRegionLoads() throws {
    let regions = PublicHolidays.supportedRegions
    #expect(regions == regions.sorted())
    #expect(["AU-NSW", "CA-QC", "GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS"].allSatisfy(regions.contains))
    for code in regions {
        // A region comes from the zone; an interview names countries only.
        #expect(!PublicHolidays.isSupported(country: code))
        let holidays = try #require(PublicHolidays.load(country: code))
        #expect(holidays.country == code)
    }
    // A region's table is not its nation's: England's has a day the United Kingdom's lacks.
    #expect(try #require(PublicHolidays.load(country: "GB-ENG")) != #require(PublicHolidays.load(country: "GB")))
    let zoneCodes = PublicHolidayTable.zones.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        .split(separator: "\n").map { String($0.split(separator: " ")[1]) }
    for code in Set(zoneCodes) where code.count > 2 { #expect(regions.contains(code), "\(code)") }
}

@Test("a country loaded twice is the same table")
func loadIsStable() throws {
    let first = try #require(PublicHolidays.load(country: "FR"))
    let second = try #require(PublicHolidays.load(country: "FR"))
    #expect(first == second)
}

// MARK: - The table agrees with the generator's source

/// Runs `python3 arguments…`: its exit status, standard output and standard error.
private func python(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
        process.terminationStatus, String(decoding: outputData, as: UTF8.self),
        String(decoding: errorData, as: UTF8.self)
    )
}

/// Whether the pinned holidays package can be imported; records a clear failure if not.
private func pinnedPackageAvailable() throws -> Bool {
    let probe = try python(["-c", "import holidays; print(holidays.__version__)"])
    guard probe.status == 0 else {
        Issue.record(
            "the holidays package is not importable by python3, so the table cannot be checked against it: \(installLine)"
        )
        return false
    }
    let version = probe.output.trimmingCharacters(in: .whitespacesAndNewlines)
    guard version == pinnedVersion else {
        Issue.record("python3 has holidays \(version), the table is pinned to \(pinnedVersion): \(installLine)")
        return false
    }
    return true
}

@Test("the table agrees with the generator's source")
func tableMatchesGenerator() throws {
    guard try pinnedPackageAvailable() else { return }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jobtrack-holidays-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let regenerated = folder.appendingPathComponent("PublicHolidayTable.swift")
    let run = try python([generator.path, "--output", regenerated.path])
    try #require(run.status == 0, "scripts/make_holidays.py failed: \(run.error)")
    let committed = try Data(contentsOf: generatedTable)
    #expect(
        try Data(contentsOf: regenerated) == committed,
        "Sources/FollowUp/Generated/PublicHolidayTable.swift is not what `make holidays` makes now; run it and commit the result"
    )

    // The decoder read against the package itself, not against the generator's encoding.
    let sample = """
        import holidays, warnings
        warnings.simplefilter("ignore")
        for code in ["US", "GB", "JP", "DE", "FR", "IN", "BR", "KR"]:
            language = None if holidays.country_holidays(code).default_language.startswith("en") else "en_US"
            for year in (2000, 2013, 2026, 2044, 2060):
                for date, name in sorted(holidays.country_holidays(code, years=year, language=language).items()):
                    print(code, date.isoformat(), name, sep="\\t")
        """
    let expected = try python(["-c", sample])
    try #require(expected.status == 0, "python3 could not list the sample: \(expected.error)")
    var fromPackage: [String: [CalendarDate: String]] = [:]
    for line in expected.output.split(separator: "\n") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        try #require(fields.count == 3)
        fromPackage[fields[0], default: [:]][try #require(CalendarDate(iso: fields[1]))] = fields[2]
    }
    #expect(fromPackage.count == 8)
    for (country, holidays) in fromPackage.sorted(by: { $0.key < $1.key }) {
        let table = try #require(PublicHolidays.load(country: country))
        let years: Set<Int> = [2000, 2013, 2026, 2044, 2060]
        for year in years.sorted() {
            var day = try #require(CalendarDate(year: year, month: 1, day: 1))
            while day.year == year {
                #expect(table.name(on: day) == holidays[day], "\(country) \(day)")
                day = day.adding(days: 1)
            }
        }
    }
}
