#!/usr/bin/env python3
"""Writes Sources/FollowUp/Generated/PublicHolidayTable.swift: the public holidays the
binary carries (docs/rules.md, "Public holidays") and the zone -> country map of the
zone database's zone.tab.

Needs the pinned package: `pip install holidays==0.109`. `make holidays` runs it;
a test in Tests/FollowUpTests/PublicHolidayTests.swift runs it again to a temporary
file and fails when the committed table differs.

The holidays are every country of holidays.list_supported_countries() that has an
ISO 3166 alpha-2 code (the package also lists alpha-3 aliases of the same countries),
years FIRST_YEAR..LAST_YEAR, the package's default categories, observed days included
(its default). Names are English: a country whose default language is not English is
asked for "en_US", which every such country of the pinned version offers. Two holidays
on one date keep the name the package gives that date ("A; B").

Encoding, one raw string literal per country, decoded only when that country is asked
for (PublicHolidays+Table.swift reads it):

    name 0|name 1|...|name N-1|DATA

Names are ordered by how often they occur, so that the frequent ones get small numbers.
DATA is a sequence of numbers, each written with ALPHABET as little-endian base-45
digits: a digit d < 45 is ALPHABET[45 + d] when more digits follow, ALPHABET[d] when it
is the last. The numbers are read as tokens, starting in FIRST_YEAR:

    0             the next year begins
    2i + 1        holiday i on the same month and day as its previous occurrence
    2(i + 1), n   holiday i on day-of-year n (0 = 1 January) when it is the year's
                  first holiday, else n days after the year's previous holiday

Fixed-date holidays cost one character a year; an Easter-bound or lunar one costs two
or three.

Regions: for the countries of REGION_COUNTRIES every subdivision the package names by
a code (ISO 3166-2, "GB-ENG") gets a table of its own, encoded the same way, after the
countries' (`regionCodes`). Their bank holidays are not the nation's: England has
Easter Monday and the August bank holiday, which the United Kingdom as a whole does
not. ZONE_REGIONS then gives a zone the region most of its people live in, in place of
zone.tab's country; `--country` picks another.
"""

import argparse
import collections
import datetime
import os
import re
import sys
import warnings

PINNED_VERSION = "0.109"
FIRST_YEAR = 2000
LAST_YEAR = 2060
BASE = 45
# Printable ASCII without '"', '#', '\\' (kept out of raw string literals) and '|'
# (the separator): 90 characters.
ALPHABET = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"#\\|')
assert len(ALPHABET) == 2 * BASE

# Countries whose regions keep bank holidays of their own, which the zone can tell.
REGION_COUNTRIES = ("AU", "CA", "GB")
# The region each such zone stands for: the one most of the zone's people live in
# (zone.tab's comments; America/Toronto serves Ontario and most of Quebec, Europe/London
# the whole United Kingdom).
ZONE_REGIONS = {
    "Australia/Adelaide": "AU-SA",
    "Australia/Brisbane": "AU-QLD",
    "Australia/Broken_Hill": "AU-NSW",
    "Australia/Darwin": "AU-NT",
    "Australia/Eucla": "AU-WA",
    "Australia/Hobart": "AU-TAS",
    "Australia/Lindeman": "AU-QLD",
    "Australia/Lord_Howe": "AU-NSW",
    "Australia/Melbourne": "AU-VIC",
    "Australia/Perth": "AU-WA",
    "Australia/Sydney": "AU-NSW",
    "America/Edmonton": "CA-AB",
    "America/Halifax": "CA-NS",
    "America/Moncton": "CA-NB",
    "America/Regina": "CA-SK",
    "America/St_Johns": "CA-NL",
    "America/Toronto": "CA-ON",
    "America/Vancouver": "CA-BC",
    "America/Whitehorse": "CA-YT",
    "America/Winnipeg": "CA-MB",
    "Europe/London": "GB-ENG",
}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "Sources", "FollowUp", "Generated", "PublicHolidayTable.swift")
ZONEINFO = "/usr/share/zoneinfo"


def number(value):
    """`value` as base-45 digits, least significant first."""
    assert value >= 0
    digits = []
    while True:
        digits.append(value % BASE)
        value //= BASE
        if value == 0:
            break
    return "".join(ALPHABET[BASE + d] for d in digits[:-1]) + ALPHABET[digits[-1]]


def language_for(holidays_module, code):
    """None (the package's default) for an English default, else "en_US"."""
    entity = holidays_module.country_holidays(code).__class__
    default = getattr(entity, "default_language", None)
    if default is None or default.startswith("en"):
        return None
    if "en_US" not in getattr(entity, "supported_languages", ()):
        return None
    return "en_US"


def encode_country(table):
    """The literal's text for one country's {date: name}."""
    counts = collections.Counter(table.values())
    names = sorted(counts, key=lambda name: (-counts[name], name))
    for name in names:
        if "|" in name or '"#' in name or "\n" in name:
            sys.exit(f"make_holidays: a holiday name the encoding cannot carry: {name!r}")
    index = {name: i for i, name in enumerate(names)}
    last_month_day = {}
    out = []
    year = FIRST_YEAR
    previous_day_of_year = None
    for date in sorted(table):
        if not FIRST_YEAR <= date.year <= LAST_YEAR:
            sys.exit(f"make_holidays: {date} is outside {FIRST_YEAR}-{LAST_YEAR}")
        while year < date.year:
            out.append(number(0))
            year += 1
            previous_day_of_year = None
        i = index[table[date]]
        day_of_year = date.timetuple().tm_yday - 1
        if last_month_day.get(i) == (date.month, date.day):
            out.append(number(2 * i + 1))
        else:
            step = day_of_year if previous_day_of_year is None else day_of_year - previous_day_of_year
            out.append(number(2 * (i + 1)) + number(step))
        last_month_day[i] = (date.month, date.day)
        previous_day_of_year = day_of_year
    return "|".join(names + ["".join(out)])


def read_zone_tab(path):
    """[(zone, country)] of zone.tab, sorted by zone."""
    pairs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            pairs.append((fields[2], fields[0]))
    return sorted(pairs)


def tzdata_version(zoneinfo):
    try:
        with open(os.path.join(zoneinfo, "tzdata.zi"), encoding="utf-8") as handle:
            match = re.match(r"# version (\S+)", handle.readline())
            return match.group(1) if match else None
    except OSError:
        return None


def swift_lines_literal(declaration, items):
    """`declaration` = a Swift multi-line string literal holding `items`, one a line."""
    return [f'    {declaration} = """'] + [f"        {item}" for item in items] + ['        """']


def generate(holidays_module, zoneinfo):
    codes = sorted(code for code in holidays_module.list_supported_countries() if re.fullmatch(r"[A-Z]{2}", code))
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    literals = []
    with warnings.catch_warnings():
        # Countries whose data starts after FIRST_YEAR or ends before LAST_YEAR warn;
        # the table carries what the package has.
        warnings.simplefilter("ignore")
        for code in codes:
            table = holidays_module.country_holidays(code, years=years, language=language_for(holidays_module, code))
            literals.append(encode_country({date: str(name) for date, name in table.items()}))
        regions = []
        for country in REGION_COUNTRIES:
            for subdivision in holidays_module.country_holidays(country).subdivisions:
                if not re.fullmatch(r"[A-Z]{2,3}", subdivision):
                    continue
                table = holidays_module.country_holidays(
                    country, subdiv=subdivision, years=years, language=language_for(holidays_module, country))
                regions.append((f"{country}-{subdivision}", encode_country({d: str(n) for d, n in table.items()})))
        regions.sort()
    known = {code for code, _ in regions}
    for zone, region in ZONE_REGIONS.items():
        if region not in known:
            sys.exit(f"make_holidays: {zone} is given the region {region}, which the package does not have")
    zones = [(zone, ZONE_REGIONS.get(zone, country)) for zone, country in read_zone_tab(os.path.join(zoneinfo, "zone.tab"))]
    version = tzdata_version(zoneinfo)
    zone_source = f"zone.tab (tzdata {version})" if version else "zone.tab"

    lines = [
        f"// Generated by `make holidays` from the holidays package {holidays_module.__version__} (PyPI) "
        f"and {zone_source}; do not edit.",
        f"// Years {FIRST_YEAR}-{LAST_YEAR}, default categories, observed days included, names in English.",
        "// scripts/make_holidays.py describes the encoding; PublicHolidays+Table.swift decodes it.",
        "",
        "enum PublicHolidayTable {",
        f'    static let packageVersion = "{holidays_module.__version__}"',
        f"    static let firstYear = {FIRST_YEAR}",
        f"    static let lastYear = {LAST_YEAR}",
        "",
        "    /// The countries' ISO 3166 alpha-2 codes, sorted, two letters each.",
        f'    static let countryCodes: StaticString = "{"".join(codes)}"',
        "",
        "    /// The regions with bank holidays of their own, ISO 3166-2, sorted, one a line.",
        *swift_lines_literal("static let regionCodes: StaticString", [code for code, _ in regions]),
        "",
        "    /// The holidays of `countryCodes`' country number `index`; after the countries,",
        "    /// of `regionCodes`' region number `index - countryCodes.count / 2`.",
        "    static func encoded(_ index: Int) -> StaticString {",
        "        switch index {",
    ]
    for i, (code, literal) in enumerate(zip(codes, literals)):
        lines.append(f'        case {i}: return #"{literal}"#  // {code}')
    for i, (code, literal) in enumerate(regions):
        lines.append(f'        case {len(codes) + i}: return #"{literal}"#  // {code}')
    lines += [
        '        default: return ""',
        "        }",
        "    }",
        "",
        "    /// zone.tab's zones and their countries (a region in place of the country where",
        "    /// the zone tells it): one \"zone code\" a line, sorted by zone.",
        *swift_lines_literal("static let zones: StaticString", [f"{zone} {code}" for zone, code in zones]),
        "}",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the Swift file to write (default: %(default)s)")
    parser.add_argument("--zoneinfo", default=ZONEINFO, help="the folder holding zone.tab (default: %(default)s)")
    args = parser.parse_args()
    try:
        import holidays
    except ImportError:
        sys.exit(f"make_holidays: the holidays package is missing: pip install holidays=={PINNED_VERSION}")
    if holidays.__version__ != PINNED_VERSION:
        sys.exit(f"make_holidays: holidays {holidays.__version__} is installed, the table is pinned to "
                 f"{PINNED_VERSION}: pip install holidays=={PINNED_VERSION}")
    text = generate(holidays, args.zoneinfo)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    temporary = args.output + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(temporary, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
