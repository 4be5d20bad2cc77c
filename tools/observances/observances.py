#!/usr/bin/env python3
"""Build rules/calendar/observances.toml from the date tables of Duckling.

Usage:
    python3 tools/observances/observances.py COMPUTED.hs [OUT.toml]

COMPUTED.hs is a copy of Duckling's Duckling/Time/Computed.hs (facebook/duckling,
BSD-3-Clause), or any excerpt of it that keeps its tables in their own syntax:

    passover' = mapMaybe toTimeObjectM
      [ (1950, 4, 1)
      , (1951, 4, 20)
      ...
      ]

Only the dates are read; nothing else of the file is used or copied.  Without OUT the
TOML goes to stdout.  Python 3.6+, standard library only; the output is deterministic.

What the script does
--------------------
1. Reads every `name' = mapMaybe toTimeObjectM [ (y, m, d), ... ]` table.
2. Checks the tables, so that a copying slip or an error in the source is caught:
   - the Hebrew-calendar ones against the Hebrew calendar, computed here (the
     arithmetic of Dershowitz & Reingold, "Calendrical Calculations"): Duckling's
     Jewish dates are the eve, the civil day on whose evening the feast begins;
   - the Islamic ones for the rhythm of a lunar year (353-356 days from one to the
     next) and against each other (Ramadan ends 29-30 days after it starts, Eid
     al-Adha follows Eid al-Fitr by 67-70 days, and so on);
   - the lunisolar ones (Chinese, Hindu, Buddhist) for the rhythm of a lunar year
     or a leap year of 13 months, the solar ones (Pongal, Vaisakhi) for 364-366 days;
   - the Hindu days against a day of the same lunar month or fortnight (HINDU_PAIRS:
     Karva Chauth 8-10 days before Dhanteras, and so on).
   A date that fails and is not in KNOWN_ERRORS stops the script.
3. Leaves out the dates in KNOWN_ERRORS (errors in the source, each with the reason):
   an observance with no date for a year is unplaced that year, never guessed.
4. Writes the TOML: per observance an id, what the dates are, and either the first
   days with a length in days, or first/last spans (Ramadan, which lasts until the
   day before Eid al-Fitr, 29 or 30 days).

The lengths follow Duckling's rules for the English names (Duckling/Time/EN/Rules.hs):
Hanukkah runs from the eve 8 days, Passover 9 (the eve and 8 days), Rosh Hashanah 3
(the eve and 2 days), Navaratri (and Durga Puja) 10, Ramadan until Eid al-Fitr.
Days counted from these tables (Yom Kippur = Rosh Hashanah + 9, Diwali = Dhanteras + 2)
are written in rules/lang/*/calendar.toml as an `offset`, like the Easter feasts.
"""

import datetime
import re
import sys

# Duckling table name -> (id, what the dates are, days).  Days: how long the
# observance lasts from each date, after Duckling's rules for the name; None for
# `ramadan`, whose spans are computed below.
TABLES = {
    "chanukah": ("hanukkah", "Hanukkah: the eve of 25 Kislev (first candle), 8 days", 8),
    "chineseNewYear": ("chinese-new-year", "Chinese (lunar) New Year's Day", 1),
    "lagBaOmer": ("lag-baomer", "Lag BaOmer: the eve of 18 Iyar", 1),
    "passover": ("passover", "Passover: the eve of 15 Nisan (first seder) and 8 days", 9),
    "roshHashana": ("rosh-hashanah", "Rosh Hashanah: the eve of 1 Tishrei and 2 days", 3),
    "tishaBAv": ("tisha-bav", "Tisha B'Av: the eve of the fast (9 Av, 10 Av when 9 Av is a Saturday)", 1),
    "yomHaatzmaut": ("yom-haatzmaut", "Yom Ha'atzmaut: the eve of the day observed", 1),
    "eidalAdha": ("eid-al-adha", "Eid al-Adha: 10 Dhu al-Hijjah, first day", 1),
    "eidalFitr": ("eid-al-fitr", "Eid al-Fitr: 1 Shawwal, first day", 1),
    "rajab": ("rajab", "1 Rajab (Isra and Mi'raj is 26 days later)", 1),
    "muharram": ("islamic-new-year", "Islamic New Year: 1 Muharram", 1),
    "ramadan": ("ramadan", "Ramadan: 1 Ramadan to the day before Eid al-Fitr", None),
    "mawlid": ("mawlid", "Mawlid: 12 Rabi' al-awwal", 1),
    "tuBishvat": ("tu-bishvat", "Tu BiShvat: the eve of 15 Shevat", 1),
    "dhanteras": ("dhanteras", "Dhanteras (Diwali is 2 days later)", 1),
    "navaratri": ("navaratri", "Navaratri (Sharad): first day, 10 days with Vijayadashami", 10),
    "rakshaBandhan": ("raksha-bandhan", "Raksha Bandhan: Shravana Purnima", 1),
    "thaiPongal": ("thai-pongal", "Thai Pongal (Makar Sankranti)", 1),
    "thiruOnam": ("thiru-onam", "Thiru Onam", 1),
    "vasantPanchami": ("vasant-panchami", "Vasant Panchami (Holi is 39 days later)", 1),
    "globalYouthServiceDay": ("global-youth-service-day", "Global Youth Service Day: 3 days", 3),
    "guruGobindSinghJayanti": ("guru-gobind-singh-jayanti", "Guru Gobind Singh Jayanti", 1),
    "krishnaJanmashtami": ("krishna-janmashtami", "Krishna Janmashtami", 1),
    "vesak": ("vesak", "Vesak (Buddha Purnima)", 1),
    "vaisakhi": ("vaisakhi", "Vaisakhi", 1),
    "purim": ("purim", "Purim: the eve of 14 Adar (Adar II in a leap year)", 1),
    "saraswatiJayanti": ("saraswati-jayanti", "Dayananda Saraswati Jayanti", 1),
    "rabindraJayanti": ("rabindra-jayanti", "Rabindra Jayanti: 25 Boishakh", 1),
    "ravidassJayanti": ("ravidass-jayanti", "Guru Ravidass Jayanti: Magha Purnima", 1),
    "ganeshChaturthi": ("ganesh-chaturthi", "Ganesh Chaturthi: Bhadrapada Shukla Chaturthi", 1),
    "karvaChauth": ("karva-chauth", "Karva Chauth: Kartika Krishna Chaturthi", 1),
    "mahaShivaRatri": ("maha-shivaratri", "Maha Shivaratri: Phalguna Krishna Chaturdashi", 1),
    "mahavirJayanti": ("mahavir-jayanti", "Mahavir Jayanti: Chaitra Shukla Trayodashi", 1),
    "pargatDiwas": ("valmiki-jayanti", "Valmiki Jayanti (Pargat Diwas): Ashvin Purnima", 1),
    "ramaNavami": ("rama-navami", "Rama Navami: Chaitra Shukla Navami", 1),
    "rathaYatra": ("ratha-yatra", "Ratha Yatra: Ashadha Shukla Dwitiya", 1),
    "ugadi": ("ugadi", "Ugadi: Chaitra Shukla Pratipada", 1),
}

# Not taken: the two Easter tables (factlint computes Easter itself).
SKIPPED = {"easterSunday", "orthodoxEaster"}

# Dates of the source that fail the checks, with the reason they are left out.
KNOWN_ERRORS = {
    ("eidalAdha", datetime.date(2015, 8, 23)):
        "a month early: Eid al-Adha 2015 fell on 23-24 September (the lunar rhythm "
        "gives 2015-09-23)",
    ("muharram", datetime.date(2003, 4, 4)):
        "a month late: 1 Muharram 1424 fell on 4-5 March 2003",
    ("purim", datetime.date(2002, 2, 27)):
        "two days late: Purim 2002 was on 26 February, its eve the 25th",
    ("purim", datetime.date(2003, 3, 19)):
        "two days late: Purim 2003 was on 18 March, its eve the 17th",
    ("roshHashana", datetime.date(2012, 9, 18)):
        "two days late: Rosh Hashanah 5773 began on 17 September 2012, its eve the 16th",
    ("karvaChauth", datetime.date(2001, 10, 4)):
        "a month early: Karva Chauth 2001 fell on 4 November, 9 days before Dhanteras",
    ("karvaChauth", datetime.date(2012, 10, 2)):
        "a month early: Karva Chauth 2012 fell on 2 November, 9 days before Dhanteras",
    ("karvaChauth", datetime.date(2020, 10, 3)):
        "a month early: Karva Chauth 2020 fell on 4 November, 9 days before Dhanteras",
}

# Derived tables: id -> (what, days, function of the parsed tables).
def _jumuatul_wida(tables):
    """The last Friday before each Eid al-Fitr (Duckling: predNthAfter (-1) Friday)."""
    out = []
    for d in tables["eidalFitr"]:
        back = (d.weekday() - 4) % 7 or 7
        out.append(d - datetime.timedelta(days=back))
    return out


DERIVED = {
    "jumuatul-wida": ("Jumu'atul-Wida: the last Friday before Eid al-Fitr", 1, _jumuatul_wida),
}

TABLE_RE = re.compile(r"^\s*(\w+)'\s*=\s*mapMaybe\s+toTimeObjectM\s*$")
DATE_RE = re.compile(r"\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)")


def parse(text):
    """Table name -> list of dates, in file order."""
    tables, name = {}, None
    for n, line in enumerate(text.splitlines(), 1):
        m = TABLE_RE.match(line)
        if m:
            name = m.group(1)
            if name in tables:
                sys.exit(f"line {n}: table {name} twice")
            tables[name] = []
            continue
        if name is None:
            continue
        for y, mo, d in DATE_RE.findall(line):
            try:
                tables[name].append(datetime.date(int(y), int(mo), int(d)))
            except ValueError as e:
                sys.exit(f"line {n}: {name}: ({y}, {mo}, {d}): {e}")
        if line.strip() == "]":
            name = None
    return tables


# --- The Hebrew calendar (Dershowitz & Reingold).  Fixed dates are proleptic
# Gregorian ordinals, as datetime.date.toordinal() counts them.
HEBREW_EPOCH = -1373427  # R.D. of 1 Tishrei AM 1


def _leap(y):
    return (7 * y + 1) % 19 < 7


def _elapsed(y):
    months = (235 * y - 234) // 19
    parts = 12084 + 13753 * months
    day = 29 * months + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


def _correction(y):
    ny0, ny1, ny2 = _elapsed(y - 1), _elapsed(y), _elapsed(y + 1)
    if ny2 - ny1 == 356:
        return 2
    if ny1 - ny0 == 382:
        return 1
    return 0


def _new_year(y):
    return HEBREW_EPOCH + _elapsed(y) + _correction(y)


def _month_days(y, m):
    length = _new_year(y + 1) - _new_year(y)
    if m in (2, 4, 6, 10, 13) or (m == 12 and not _leap(y)):
        return 29
    if m == 8 and length % 10 != 5:  # Marheshvan is long in years of 355 and 385 days
        return 29
    if m == 9 and length % 10 == 3:  # Kislev is short in years of 353 and 383 days
        return 29
    return 30


def hebrew(y, m, d):
    """The civil date of day `d` of month `m` (Nisan = 1 ... Adar II = 13) of year `y`."""
    last = 13 if _leap(y) else 12
    if m < 7:
        months = list(range(7, last + 1)) + list(range(1, m))
    else:
        months = list(range(7, m))
    days = _new_year(y) + d - 1 + sum(_month_days(y, k) for k in months)
    return datetime.date.fromordinal(days)


def _eve(date):
    return date - datetime.timedelta(days=1)


def _tisha_bav(y):
    day = hebrew(y, 5, 9)
    return day + datetime.timedelta(days=1) if day.weekday() == 5 else day


# Hebrew tables: Gregorian year -> the eve Duckling gives.
HEBREW_CHECKS = {
    "roshHashana": lambda g: _eve(hebrew(g + 3761, 7, 1)),
    "chanukah": lambda g: _eve(hebrew(g + 3761, 9, 25)),
    "passover": lambda g: _eve(hebrew(g + 3760, 1, 15)),
    "purim": lambda g: _eve(hebrew(g + 3760, 13 if _leap(g + 3760) else 12, 14)),
    "tuBishvat": lambda g: _eve(hebrew(g + 3760, 11, 15)),
    "lagBaOmer": lambda g: _eve(hebrew(g + 3760, 2, 18)),
    "tishaBAv": lambda g: _eve(_tisha_bav(g + 3760)),
}


# (table, other table, allowed days from the table's date to the other's): tithis apart,
# so a day either way; a second range where a leap month can fall between them.
HINDU_PAIRS = [
    ("karvaChauth", "dhanteras", [(8, 10)]),  # Kartika Krishna Chaturthi -> Trayodashi
    ("pargatDiwas", "navaratri", [(-15, -12)]),  # Ashvin Purnima <- Shukla Pratipada
    ("ramaNavami", "ugadi", [(-9, -7)]),  # Chaitra Shukla Navami <- Pratipada
    ("mahavirJayanti", "ramaNavami", [(-5, -3)]),  # Shukla Trayodashi <- Navami
    ("mahaShivaRatri", "vasantPanchami", [(-24, -22)]),  # Holika Dahan (+38) ~15 days later
    ("ganeshChaturthi", "krishnaJanmashtami", [(-12, -9), (-42, -39)]),
    ("rathaYatra", "rakshaBandhan", [(41, 44), (70, 73)]),  # Ashadha -> Shravana Purnima
]


def check(tables):
    """Every date that fails a check: (table, date) -> reason."""
    bad = {}

    def flag(name, date, why):
        bad.setdefault((name, date), why)

    for name, rule in HEBREW_CHECKS.items():
        for d in tables.get(name, []):
            want = rule(d.year)
            if d != want:
                flag(name, d, f"the Hebrew calendar gives {want}")
    # Yom Ha'atzmaut moves by a day or two around the Sabbath: 5 Iyar within 3 days.
    for d in tables.get("yomHaatzmaut", []):
        five_iyar = hebrew(d.year + 3760, 2, 5)
        if abs((d - _eve(five_iyar)).days) > 3:
            flag("yomHaatzmaut", d, f"5 Iyar is {five_iyar}")

    lunar = {"eidalAdha", "eidalFitr", "rajab", "muharram", "ramadan", "mawlid"}
    lunisolar = {
        "chineseNewYear", "dhanteras", "navaratri", "rakshaBandhan", "thiruOnam",
        "vasantPanchami", "krishnaJanmashtami", "vesak", "saraswatiJayanti",
        "ravidassJayanti", "ganeshChaturthi", "karvaChauth", "mahaShivaRatri",
        "mahavirJayanti", "pargatDiwas", "ramaNavami", "rathaYatra", "ugadi",
    }
    solar = {"thaiPongal", "vaisakhi", "rabindraJayanti"}
    for name, dates in tables.items():
        if name in SKIPPED:
            continue
        for a, b in zip(dates, dates[1:]):
            gap = (b - a).days
            if name in lunar:
                ok = 353 <= gap <= 356 or 706 <= gap <= 712
            elif name in lunisolar:
                # One year of 12 or 13 months, or two (a year left out between).
                ok = any(lo <= gap <= hi for lo, hi in [(352, 357), (381, 386), (704, 714), (733, 743)])
            elif name in solar:
                ok = 364 <= gap <= 366
            else:
                ok = gap > 0
            if not ok:
                flag(name, b, f"{gap} days after {a}")
    # The Islamic months against each other: (table, next table, days between).
    for first, then, lo, hi in [
        ("ramadan", "eidalFitr", 29, 30),
        ("eidalFitr", "eidalAdha", 67, 70),
        ("eidalAdha", "muharram", 19, 22),
        ("muharram", "mawlid", 69, 71),
        ("rajab", "ramadan", 58, 60),
    ]:
        later = tables.get(then, [])
        for d in tables.get(first, []):
            nxt = [x for x in later if x > d]
            if not nxt or (nxt[0] - d).days > hi + 30:
                continue  # beyond the other table, or a year it lacks
            gap = (nxt[0] - d).days
            if not lo <= gap <= hi:
                flag(then, nxt[0], f"{gap} days after {first} {d}")
    # The Hindu days against a day of the same lunar month or fortnight: (table, the other
    # table, the days from it to the other's date that year). A year with a leap month
    # (adhika masa) between the two adds a lunar month.
    for name, other, allowed in HINDU_PAIRS:
        for d in tables.get(name, []):
            near = [(x - d).days for x in tables.get(other, []) if abs((x - d).days) <= 120]
            if not near:
                continue  # a year the other table lacks
            if not any(lo <= g <= hi for g in near for lo, hi in allowed):
                flag(name, d, f"{near} days to {other}, expected {allowed}")
    return bad


def spans(tables):
    """Ramadan: each start to the day before the next Eid al-Fitr."""
    out = []
    eids = tables["eidalFitr"]
    for d in tables["ramadan"]:
        nxt = [e for e in eids if e > d]
        if nxt and 29 <= (nxt[0] - d).days <= 30:
            out.append((d, nxt[0] - datetime.timedelta(days=1)))
    return out


def toml_list(items, per_line):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append("  " + ", ".join(f'"{x}"' for x in items[i:i + per_line]) + ",")
    return "[\n" + "\n".join(lines) + "\n]"


HEADER = """\
# Lunar and lunisolar observances: the days they fall on, year by year, for the years the
# source tabulates (mostly 1950-2050 or 2000-2030). A named day in rules/lang/*/calendar.toml
# refers to one by `table = "<id>"`; in a year without a date it is unplaced.
#
# GENERATED by tools/observances/observances.py from the date tables of Duckling's
# Duckling/Time/Computed.hs (facebook/duckling, BSD-3-Clause; see NOTICE). Do not edit by
# hand: fix the script and regenerate. The Jewish dates are the eve (the civil day on whose
# evening the feast begins), as in the source.
#
# Each observance: `id`, `about` (what the dates are), and either `first` (first days, ISO
# 8601) with `days` (how many days it lasts, 1 when absent) or `spans` ("first/last", for an
# observance whose length changes from year to year).
"""


def emit(tables):
    out = [HEADER]
    entries = []
    for name, (oid, about, days) in TABLES.items():
        dates = [d for d in tables[name] if (name, d) not in KNOWN_ERRORS]
        entries.append((oid, about, days, dates, name))
    for oid, (about, days, fn) in DERIVED.items():
        entries.append((oid, about, days, fn(tables), None))
    for oid, about, days, dates, name in sorted(entries):
        out.append("[[observances]]")
        out.append(f'id = "{oid}"')
        out.append(f'about = "{about}"')
        if name == "ramadan":
            ranges = [f"{a.isoformat()}/{b.isoformat()}" for a, b in spans(tables)]
            out.append("spans = " + toml_list(ranges, 3))
        else:
            if days != 1:
                out.append(f"days = {days}")
            out.append("first = " + toml_list([d.isoformat() for d in dates], 6))
        out.append("")
    return "\n".join(out)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        tables = parse(f.read())
    missing = [n for n in TABLES if n not in tables]
    if missing:
        sys.exit(f"tables missing from {argv[1]}: {', '.join(missing)}")
    unknown = sorted(set(tables) - set(TABLES) - SKIPPED)
    if unknown:
        print(f"note: tables not used: {', '.join(unknown)}", file=sys.stderr)
    # The known errors must fail the checks; without them, nothing may.
    bad = check(tables)
    for key in sorted(KNOWN_ERRORS):
        print(f"left out: {key[0]} {key[1]}: {KNOWN_ERRORS[key]}", file=sys.stderr)
    stale = [k for k in KNOWN_ERRORS if k not in bad]
    clean = {n: [d for d in ds if (n, d) not in KNOWN_ERRORS] for n, ds in tables.items()}
    new = sorted(check(clean).items())
    for key, why in new:
        print(f"FAILS: {key[0]} {key[1]}: {why}", file=sys.stderr)
    if new:
        sys.exit(f"{len(new)} date(s) fail the checks; fix the copy or list them in KNOWN_ERRORS")
    if stale:
        sys.exit(f"KNOWN_ERRORS lists dates that pass the checks or are gone: {stale}")
    text = emit(clean)
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    n = sum(len(v) for k, v in tables.items() if k not in SKIPPED)
    print(f"{len(TABLES)} tables, {n} dates, {len(KNOWN_ERRORS)} left out", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
