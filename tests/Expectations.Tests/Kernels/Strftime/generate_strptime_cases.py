"""Generate strptime-cases.json: the reference answers for StrftimeFormatTests.

Python itself is the oracle. For every (format, value) pair this script records
whether CPython's ``datetime.strptime(value, format)`` returns (match) or raises
(no match), which is exactly how Great Expectations'
``expect_column_values_to_match_strftime_format`` judges a value. It also
records, for a list of formats, whether CPython can compile the format at all
the way GX checks it when an expectation is configured: the regex must build
(a bad directive, a stray ``%`` or a repeated directive breaks it) and a date
formatted with the format must parse back (ISO %G/%V misuse fails that).
Values of a format that does not compile are all expected not to match.

Run it from any directory with CPython 3.11 (the tests pin 3.11 semantics):

    python3 generate_strptime_cases.py > strptime-cases.json

The output is deterministic: a fixed random seed, TZ forced to UTC (so %Z
accepts exactly "UTC" and "GMT") and the C locale for LC_TIME (English names).
Regenerate and commit the JSON whenever this script changes.
"""
import datetime
import json
import os
import random
import re
import sys
import time

os.environ["TZ"] = "UTC"
time.tzset()

import _strptime  # noqa: E402  (must be imported after TZ is fixed)

SEED = 20240315
rng = random.Random(SEED)

UNICODE_SPACES = ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"]
UNICODE_DIGITS = ["\u0660", "\u06f0", "\u0966", "\uff10", "\U0001d7ce"]  # zeros of several Nd blocks
ODD_LETTERS = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a"}


def matches(value, fmt):
    try:
        datetime.datetime.strptime(value, fmt)
        return True
    except ValueError:
        return False
    except OverflowError:
        return False


def regex_compiles(fmt):
    try:
        _strptime._TimeRE_cache.compile(fmt)
        return True
    except (KeyError, IndexError, re.error):
        return False


# GX's configuration check parses back a freshly formatted "now"; a fixed instant keeps the output stable.
SAMPLE_INSTANT = datetime.datetime(2024, 3, 15, 10, 20, 30, 123456, tzinfo=datetime.timezone.utc)


def compiles(fmt):
    """Whether GX accepts the format: Python builds its regex and parses back a date it formatted itself."""
    return regex_compiles(fmt) and matches(SAMPLE_INSTANT.strftime(fmt), fmt)


def random_datetime():
    start = datetime.datetime(1, 1, 1)
    span = (datetime.datetime(9999, 12, 31, 23, 59, 59) - start).total_seconds()
    if rng.random() < 0.7:  # mostly modern dates, where %y and leap years matter
        start = datetime.datetime(1950, 1, 1)
        span = 150 * 365.25 * 86400
    dt = start + datetime.timedelta(seconds=rng.random() * span)
    return dt.replace(microsecond=rng.randrange(1_000_000))


def render(dt, fmt):
    """strftime, but %z renders one of the offset spellings strptime accepts."""
    if "%z" in fmt:
        fmt = fmt.replace("%z", rng.choice(["+0000", "-0530", "+01:00", "Z", "+05:45:30",
                                            "-023015.5", "+00:00:00.000001"]))
    if "%Z" in fmt:
        fmt = fmt.replace("%Z", rng.choice(["UTC", "GMT", "utc", "Gmt"]))
    return dt.strftime(fmt)


def drop_leading_zeros(value):
    return re.sub(r"(?<!\d)0(\d)", r"\1", value, count=rng.randint(1, 3))


def mutate(value):
    if not value:
        return rng.choice(["", " ", "0", "x"])
    kind = rng.randrange(14)
    i = rng.randrange(len(value))
    if kind == 0:
        return value[:i]
    if kind == 1:
        return value + rng.choice(["0", " ", "x", "Z", "\t", ".5"])
    if kind == 2:
        return value[:i] + value[i + 1:]
    if kind == 3:
        return value[:i] + rng.choice("0123456789 -:/.TZ+") + value[i + 1:]
    if kind == 4:
        return value.swapcase()
    if kind == 5:
        return re.sub(r" ", lambda _: rng.choice(["  ", "\t", " \t ", rng.choice(UNICODE_SPACES)]), value)
    if kind == 6:
        return drop_leading_zeros(value)
    if kind == 7:
        return re.sub(r"(?<!\d)0(\d)", r" \1", value, count=1)
    if kind == 8:
        digit = rng.choice(UNICODE_DIGITS)
        return re.sub(r"\d", lambda m: chr(ord(digit) + int(m.group())), value, count=rng.randint(1, 4))
    if kind == 9:
        return "".join(ODD_LETTERS.get(c, c) for c in value)
    if kind == 10:
        return " " + value
    if kind == 11:
        return value[:i] + value[i] + value[i:]
    if kind == 12:
        return re.sub(r"\d\d", lambda m: rng.choice(["00", "13", "24", "29", "30", "31", "32", "59", "60", "61", "99"]),
                      value, count=1)
    return value.upper()


DATE_FORMATS = [
    "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f", "%d/%m/%Y %H:%M", "%m/%d/%Y", "%Y%m%d",
    "%Y%m%d%H%M%S", "%y%m%d", "%d.%m.%y", "%b %d, %Y", "%B %d %Y", "%a, %d %b %Y %H:%M:%S %z",
    "%A %d %B %Y", "%I:%M %p", "%I:%M:%S%p", "%H:%M", "%H%M", "%Y-%j", "%Y %j", "%j", "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %Z", "%c", "%x", "%X", "%x %X", "%Y %U %w", "%Y %W %a", "%Y-W%W-%w", "%G-W%V-%u",
    "%G %V %a", "%Y %V %u", "%G", "%V", "%m-%d", "%d %b", "%b %d", "%d", "%m", "%y", "%Y", "%H", "%M", "%S",
    "%f", "%z", "%Z", "%p", "%a", "%A", "%b", "%B", "%w", "%u", "%%Y%Y", "%Y%%", "date: %Y/%m/%d",
    "%Y-%m-%d %I %p", "%p %I", "%H:%M:%S.%f%z", "%Y%m%d %H%M%S", "%d%m%Y", "%m%d%y", "%Y-%m-%d %j",
    "%Y %m %d %U %w", "%y %Y", "%Y %y", "%B %b", "%d %H", "%M%S", "%S%f", "%z%S", "%z %H", "%Y\t%m",
    "%Y  %m", "%Y %d", "%Y%d", "%Y-%m-%d T", "%Y年%m月%d日", "week %W of %Y, %A",
    "", "abc", "ISO%Y", "%Y.%m.%d", "(%Y)", "[%m]|%d", "%Y^%m$%d", "%Y+%m*%d?",
]

TIME_FIELD = {"d": "%d", "m": "%m", "H": "%H", "M": "%M", "S": "%S", "I": "%I", "y": "%y", "Y": "%Y",
              "j": "%j", "f": "%f", "b": "%b", "B": "%B", "a": "%a", "A": "%A", "p": "%p", "z": "%z",
              "w": "%w", "U": "%U", "W": "%W", "Z": "%Z", "G": "%G", "V": "%V", "u": "%u", "c": "%c",
              "x": "%x", "X": "%X"}
SEPARATORS = ["", "-", "/", ":", " ", "  ", "T", ".", ",", "_", "\t"]


def random_format():
    keys = rng.sample(list(TIME_FIELD), rng.randint(1, 5))
    parts = []
    for key in keys:
        parts.append(TIME_FIELD[key])
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts[:-1])


def digit_soup(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def values_for(fmt, count):
    values = []
    for _ in range(count):
        dt = random_datetime()
        value = render(dt, fmt)
        roll = rng.random()
        if roll < 0.35:
            values.append(value)
        elif roll < 0.85:
            values.append(mutate(value))
        else:
            values.append(digit_soup(rng.randint(0, 16)))
    return values


def edge_values():
    """Hand-picked cases for the rules that random data seldom reaches."""
    cases = []
    for year in (1900, 2000, 2023, 2024, 2100, 1, 9999):
        for month in range(1, 13):
            for day in (28, 29, 30, 31):
                cases.append(("%Y-%m-%d", f"{year:04d}-{month:02d}-{day:02d}"))
    cases += [("%Y%m%d", v) for v in ["2023111", "2023121", "202311", "20231301", "2023131", "20230230",
                                      "2023 1 1", "2023 11", "20231 1", "00000101", "99991231"]]
    cases += [("%m%d%H", v) for v in ["2301", "2031", "1131", "0229", "02290"]]
    cases += [("%Y-%m-%d", v) for v in ["2024-3-5", "2024-03- 5", "2024- 3-05", "2024-03-5 ", " 2024-03-05",
                                        "2024-3-005", "2024-003-05", "0000-01-01", "2024-00-10", "2024-10-00"]]
    cases += [("%z", v) for v in ["+0000", "-0000", "+2359", "+2400", "-2400", "+0060", "+01:00", "+0100:00",
                                  "+01:00:00", "+01:0000", "+010000", "+010000.1", "+01:00:00.123456",
                                  "+01:00:00.1234567", "z", "Z", "+1:00", "+01", "UTC", "+01:60", "+01:59:60",
                                  "+01:59:59.", "-235959.999999", "+\uff10\uff11\uff10\uff10"]]
    cases += [("%Y %j", v) for v in ["2023 366", "2024 366", "2023 365", "2023 000", "2023 0", "9999 365",
                                     "9999 366", "2023 367", "2023 0366", "2023 36"]]
    cases += [("%H:%M:%S", v) for v in ["23:59:59", "24:00:00", "23:59:60", "23:59:61", "0:0:0", "00:00:0",
                                        "1:2:3", " 1:02:03", "12:60:00"]]
    cases += [("%I %p", v) for v in ["12 AM", "12 pm", "0 am", "13 pm", "1 Am", "01 pM", "1 a.m."]]
    cases += [("%m-%d", v) for v in ["02-29", "02-28", "2-29", "02-30", "12-31"]]
    cases += [("%b %d", v) for v in ["Feb 29", "feb 28", "FEB 1", "Sept 1", "sep 1", "\u017fep 1"]]
    cases += [("%B %Y", v) for v in ["April 2024", "aprıl 2024", "apr\u0130l 2024", "MAY 2024", "may2024"]]
    cases += [("%A", v) for v in ["Monday", "monday", "MONDAY", "Mon", "Tuesday ", "tue\u017fday"]]
    cases += [("%d %Y", v) for v in ["31 2024", " 31 2024", "31  2024", "31\t2024", "31\xa02024", "312024"]]
    cases += [("%U %w %Y", v) for v in ["00 0 2023", "00 6 2023", "53 6 9999", "00 0 0001", "00 1 0001", "52 0 2023"]]
    cases += [("%W %a %Y", v) for v in ["00 Mon 2023", "00 Sun 2023", "53 Sun 2024", "00 Mon 0001"]]
    cases += [("%G %V %u", v) for v in ["2024 1 1", "2024 01 7", "2024 53 7", "0001 1 1", "2020 53 5", "2024 0 1"]]
    cases += [("%Y-%m-%d %j", v) for v in ["2023-02-30 001", "2023-02-28 059", "2023-13-01 001"]]
    cases += [("%Y-%m-%dT%H:%M:%S", v) for v in ["2024-03-15t10:20:30", "2024-03-15T10:20:30",
                                                 "2024-03-15 10:20:30", "2024-03-15T10:20:30Z"]]
    cases += [("%c", v) for v in ["Wed Mar 17 22:44:55 1999", "wed mar 17 22:44:55 1999", "Wed Mar  7 22:44:55 1999",
                                  "Wed  Mar 7 2:4:5 1999", "Wed Mar 17 22:44:55 99"]]
    cases += [("%x", v) for v in ["03/17/99", "3/17/99", "03/17/1999", "12/31/68", "02/29/00", "02/29/01"]]
    cases += [("%f", v) for v in ["0", "000000", "1234567", "12345", ""]]
    cases += [("%y", v) for v in ["68", "69", "00", "0", "100"]]
    cases += [("%Y年%m月%d日", v) for v in ["2024年03月15日", "2024年3月5日", "2024年03月15"]]
    cases += [("%Y-%m-%d", "\uff12\uff10\uff12\uff14-03-15"), ("%Y-%m-%d", "2024-\u0660\u0663-15"),
              ("%Y-%m-%d", "2024-1\u0663-15"), ("%d", "\u0663\u0661"), ("%d", "3\u0661"), ("%d", "1\u0663"),
              ("%f", "\u0661"), ("%H", "\u0661"), ("%H", "1\u0661"), ("%H", "2\u0661")]
    cases += [("ISO%Y", "iso2024"), ("ISO%Y", "\u0131so2024"), ("ISO%Y", "\u0130SO2024"), ("ISO%Y", "i\u017fo2024"),
              ("week %W of %Y, %A", "WEEK 10 OF 2024, friday"), ("%Y.%m.%d", "2024x03x15"), ("abc", "ABC"),
              ("", ""), ("", " "), ("%%Y%Y", "%Y2024"), ("%%Y%Y", "%y2024")]
    return cases


def main():
    by_format = {}

    def add(fmt, value):
        entry = by_format.setdefault(fmt, {})
        if value not in entry:
            entry[value] = matches(value, fmt)

    for fmt, value in edge_values():
        add(fmt, value)
    for fmt in DATE_FORMATS:
        for value in values_for(fmt, 24):
            add(fmt, value)
    for _ in range(200):
        fmt = random_format()
        if not regex_compiles(fmt):
            continue
        for value in values_for(fmt, 14):
            add(fmt, value)

    rejected = ["%D", "%Q", "%", "%Y%", "%Y-%m-%", "%e", "%k", "%l", "%s", "%n", "%t", "%E", "%O", "%P", "%C",
                "%g", "%h", "%r", "%R", "%T", "%F", "%i", "% Y", "%.", "%-d", "%#d", "%Y %Y", "%d%d", "%c %Y",
                "%x %d", "%X %H", "%m%x", "%\\", "%(", "%Y%\t"]
    accepted = ["%%", "%%%%", "%Y %y", "%b %B", "%a %A", "%U %W", "%x %H", "%c %m", "%X %d", "%I %H", "%G %Y",
                "plain text", "", "%G %V %a", "%G-W%V-%u", "%Y %U %V %w", "%z %Z"]
    iso_misuse = ["%G", "%V", "%G %Y", "%Y %V %u", "%G %V", "%G %a", "%G %V %u %j", "%V %a", "%G-%m-%d"]
    random_formats = [random_format() for _ in range(60)]
    compile_cases = [{"format": f, "compiles": compiles(f)}
                     for f in dict.fromkeys(rejected + accepted + iso_misuse + random_formats + list(by_format))]

    cases = [{"format": fmt, "values": [[v, m] for v, m in values.items()]} for fmt, values in by_format.items()]
    total = sum(len(c["values"]) for c in cases)
    doc = {
        "comment": "Generated by generate_strptime_cases.py; do not edit by hand.",
        "python": sys.version.split()[0],
        "seed": SEED,
        "caseCount": total,
        "formats": compile_cases,
        "cases": cases,
    }
    json.dump(doc, sys.stdout, ensure_ascii=True, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
