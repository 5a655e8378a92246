"""Find date expressions in text and resolve them against a publication date, keeping their precision.

    >>> resolve("a bombing at the Karachi airport last October", "2025-03-26")
    ('2024-10', 'month')

Every resolved value is (date_str, precision): "YYYY-MM-DD"/"day", "YYYY-MM"/"month" or "YYYY"/"year", or
(None, None). Relative expressions ("on Sunday", "last month", "two years ago") need the publication date;
absolute ones ("March 3, 2014", "2022-12-12") do not. Anaphoric ones ("the same day", "a day after") need a
reference date, usually the date of an event the text mentioned before.
"""
from __future__ import annotations

import calendar
import contextvars
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

__all__ = ["DateExpr", "find_dates", "resolve", "parse_date", "agree", "compatible", "PRECISION_RANK", "day_first",
           "reading_day_first"]

PRECISION_RANK = {None: 0, "year": 1, "month": 2, "day": 3}

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "several": None, "a few": None,
}

_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_BARE_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_ABBR_MONTH = rf"{_BARE_ABBR_MONTH}\.?"
_ANY_MONTH = rf"(?:{_FULL_MONTH}|{_ABBR_MONTH})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_COUNT = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|\d{1,3})"

# Verbs of reporting: a date right after them ("said on Tuesday") dates the report, not the event.
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|say|told(?:\s+\w+){0,2}|announced|reported|added|confirmed|stated|claimed(?:\s+responsibility)?"
    r"|condemned|visited|marks|mark|warned|tweeted|wrote|declared|noted|insisted|denied"
    r"|sentenced|convicted|acquitted|jailed|indicted|charged|arrested|detained|ruled|commemorated|remembered"
    # "up from 40 given a day earlier": the date of an earlier figure, not of the event
    r"|given|released|published|issued|updated)"
    r"(?:\s+(?:in|on|at|late|early|later|earlier)(?:\s+\w+)?){0,1}\s*$",
    re.I,
)
_REPORTING_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|marks|mark|announced|reported|told|confirmed|claimed"
    # court and police steps, and commemorations, are not the event: "on Wednesday sentenced", "on Saturday to mark"
    r"|sentenced|convicted|acquitted|jailed|indicted|charged|arrested|detained|ruled"
    r"|to\s+(?:mark|commemorate|remember|honour|honor))\b", re.I
)


@dataclass
class DateExpr:
    start: int
    end: int
    text: str
    date: str | None
    precision: str | None
    kind: str  # absolute | relative | anaphoric
    reporting: bool = False  # the date of a statement ("said on Tuesday"), not of an event


def parse_date(value) -> date | None:
    """A date from a date, datetime or 'YYYY-MM-DD' (or longer ISO) string; None when absent or invalid."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _reference(value):
    """A reference (date, precision) from a date, a string 'YYYY[-MM[-DD]]' or a (str, precision) tuple."""
    if value is None:
        return None
    if isinstance(value, tuple):
        value = value[0]
    if isinstance(value, (date, datetime)):
        d = value.date() if isinstance(value, datetime) else value
        return d, "day"
    if isinstance(value, str):
        m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", value.strip())
        if not m:
            return None
        try:
            y, mo, dd = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
            d = date(y, mo, dd)
        except ValueError:
            return None
        return d, ("day" if m.group(3) else "month" if m.group(2) else "year")
    return None


def _fmt(d: date, precision: str):
    if precision == "day":
        return d.isoformat(), "day"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}", "month"
    return f"{d.year:04d}", "year"


def _safe_date(y, m, d):
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_months(d: date, months: int) -> date:
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    y = max(1, min(9999, y))
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _shift_days(d: date, days: int) -> date | None:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return None


def _month_number(token: str) -> int | None:
    return _MONTHS.get(token.lower().rstrip("."))


_ROMAN_MONTHS = {r: i for i, r in enumerate(("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), 1)}


def _full_year(token: str) -> int:
    """A year as written ("2008", "08", "'08") in four digits: two digits are 2000-2049 or 1950-1999."""
    year = int(token.lstrip("'’"))
    if year < 100:
        year += 2000 if year < 50 else 1900
    return year


def _count(token: str) -> int | None:
    token = token.lower().strip()
    if token.isdigit():
        return int(token)
    return _SMALL_NUMBERS.get(token)


def _most_recent_month(pub: date, month: int, strictly_before: bool = False) -> date:
    year = pub.year if (month < pub.month or (month == pub.month and not strictly_before)) else pub.year - 1
    return date(year, month, 1)


def _day_without_year(pub: date, month: int, day: int) -> date | None:
    """Month and day with no year: the most recent such day not after publication."""
    d = _safe_date(pub.year, month, day)
    if d is None:
        return _safe_date(pub.year - 1, month, day)
    if d > pub:
        d = _safe_date(pub.year - 1, month, day)
    return d


# a year of two digits only where the date heads an entry of a log ("11/6/19 — Bastia:", "14.5.18:"); elsewhere
# "3/4/18" is as likely a ratio or a score
_YEAR = r"((?:19|20)\d{2}|\d{2}(?=\s*(?:—|–|--|:)))"
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})([/\-])(\d{1,2})\2" + _YEAR + r"(?![\d/]|-\d)")
_WEEKDAY_BEFORE = re.compile(r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day)?\.?,?\s+$", re.I)
_DATE_AFTER_WEEKDAY = re.compile(r",?\s+\d{1,4}[/.\-]\d")
_DAY_FIRST = contextvars.ContextVar("day_first", default=False)
# every _NUMERIC match holds a digit, then "/" or "-", then the rest of one of these; a pattern that starts with
# its one literal character is scanned for in C far faster than one that starts with a digit
_NUMERIC_HINTS = tuple(re.compile(sep + r"\d{1,2}[/\-]\d\d") for sep in ("/", "-"))


# Patterns in order of priority: earlier ones win over overlapping later ones.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")),  # "2016-03-07", "2016-3-7"
    # "20130203 —": year, month and day without separators, only where the date heads a log entry
    ("compact", re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\s*(?:—|–|--|:))")),
    # "2021/09/06", "2021.09.06": year, month, day
    ("ymd", re.compile(r"(?<![\d/.])((?:19|20)\d{2})([/.])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)")),
    # "12/7/2011", "13-08-2020": month first, as incident databases write it, unless the first number cannot be a
    # month, the weekday before it says otherwise, or the text writes its dates day first (reading_day_first)
    ("numeric", _NUMERIC),
    # "06.12.2011": day, month, year, as dotted dates are written
    ("dotted", re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\." + _YEAR + r"(?![\d]|\.\d)")),
    # "03-Jun-08", "3-JUNE-2008": day, month name, year joined by hyphens, as spreadsheets and logs write them
    ("dmony", re.compile(rf"(?<![\w\-])(\d{{1,2}})-((?i:{_FULL_MONTH}|{_BARE_ABBR_MONTH}))-((?:19|20)\d{{2}}|\d{{2}})(?![\w\-])")),
    # "3.VIII.2002", "3-VIII-2002": the month in Roman numerals, as much of Europe and Indonesia writes it
    ("roman", re.compile(r"(?<![\w.\-])(\d{1,2})([./\-] ?)(XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)\2((?:19|20)\d{2})\b")),
    # "2004 Dec 02", "2004 December 2": year, month name, day
    ("ymond", re.compile(rf"\b((?:19|20)\d{{2}})\s+({_ANY_MONTH})\s+(\d{{1,2}})\b(?!\s*[,.]?\s*\d)(?!:\d)")),
    ("mdy", re.compile(rf"\b({_ANY_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|['’]\d{{2}})(?![\w'’])")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_ANY_MONTH}),?\s+(\d{{4}}|['’]\d{{2}})(?![\w'’])")),
    ("my", re.compile(rf"\b({_FULL_MONTH}|{_ABBR_MONTH}),?\s+((?:19|20)\d{{2}})\b")),
    ("md", re.compile(rf"\b({_ANY_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)(?!:)")),
    ("dm", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_ANY_MONTH})\b")),
    ("month_rel_year", re.compile(
        rf"\b(?:(?:in|during|since|by|until|early|late|mid-?|of)\s+)?({_FULL_MONTH})\s+(?:of\s+)?(last|this|next)\s+year\b",
        re.I)),
    ("last_month_name", re.compile(rf"\b(last|this|next|previous)\s+({_FULL_MONTH})\b", re.I)),
    ("in_month", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]arlier in|[Ll]ater in|[Tt]hrough)\s+(?:early\s+|late\s+|mid-?)?({_FULL_MONTH})\b(?!\s+\d)")),
    ("ago", re.compile(rf"\b({_COUNT})\s+(day|week|month|year)s?\s+ago\b", re.I)),
    ("came_after", re.compile(
        rf"\b(?:came|comes|come|occurred|happened)\s+(only\s+|just\s+|barely\s+|shortly\s+|soon\s+|less\s+than\s+|more\s+than\s+|some\s+)?"
        rf"(?:({_COUNT})\s+(hour|day|week|month|year)s?\s+|(hours|days|weeks|months)\s+)?(after|before)\b", re.I)),
    ("rel_unit", re.compile(
        rf"\b(?:(the|a|one|{_COUNT})\s+)?(day|week|month|year)s?\s+(after|before|later|earlier)\b|"
        rf"\b(the\s+(?:next|following|previous|preceding)\s+(?:day|morning|evening|night))\b|"
        rf"\b((?:only\s+)?(?:hours|minutes)\s+(?:later|earlier|after|before))\b|"
        rf"\b((?:[Ll]ater|[Ee]arlier)\s+(?:on\s+)?(?:the\s+same|that)\s+(?:day|morning|evening|night|afternoon)|"
        rf"(?:the\s+same|that)\s+(?:day|morning|evening|night|afternoon))\b", re.I)),
    ("yesterday", re.compile(r"\b(the\s+day\s+before\s+yesterday|yesterday|last\s+night|today|tonight|this\s+(?:morning|afternoon|evening)"
                             r"|overnight)\b", re.I)),
    ("rel_period", re.compile(
        r"\b((?:earlier|later|early|late)\s+)?(last|this|next|past)\s+(week|month|year|weekend)\b", re.I)),
    ("weekday", re.compile(rf"\b({_WEEKDAY})(?:'s|’s)?{_PART_OF_DAY}\b")),
    ("year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Dd]uring|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter)\s+((?:1[89]|20)\d{2})\b(?!s|-\d)")),
]


# What a text must contain for each pattern to match, so that find_dates runs only the patterns that can:
# "<digit>" a decimal digit, "<Month>" a capitalised month abbreviation (every month name starts with one), "<month>"
# one in lower case in the lowered text, "<day>" the end of every weekday's name; a tuple of words: one of them in the
# lowered text.
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_PREFIXES_LOW = tuple(m.lower() for m in _MONTH_PREFIXES)
_NEEDS = {
    "iso": ("<digit>",), "compact": ("<digit>",), "ymd": ("<digit>",), "numeric": ("<digit>",), "dotted": ("<digit>",), "dmony": ("<digit>",), "roman": ("<digit>",),
    "ymond": ("<digit>", "<Month>"), "mdy": ("<digit>", "<Month>"), "dmy": ("<digit>", "<Month>"), "my": ("<digit>", "<Month>"),
    "md": ("<digit>", "<Month>"), "dm": ("<digit>", "<Month>"),
    "month_rel_year": ("<month>", ("year",)), "last_month_name": ("<month>", ("last", "this", "next", "previous")),
    "in_month": ("<Month>",), "ago": (("ago",),), "came_after": (("after", "before"),),
    "rel_unit": (("after", "before", "later", "earlier", "next", "following", "previous", "preceding", "same", "that"),),
    "yesterday": (("yesterday", "today", "tonight", "night", "this"),),  # "overnight" holds "night"
    "rel_period": (("last", "this", "next", "past"), ("week", "month", "year")),
    "weekday": ("<day>",), "year": ("<digit>",),
}
_DIGIT = re.compile(r"\d")
# characters that IGNORECASE matches to an ASCII letter without lowering to it
_FOLDS_TO_ASCII = ("\u017f", "\u212a", "\u0130", "\u0131")
_KEY_WORDS = tuple(sorted({w for needs in _NEEDS.values() for need in needs if not isinstance(need, str) for w in need}))
_REQUIREMENTS = [(kind, [frozenset(need) if not isinstance(need, str) else need for need in needs])
                 for kind, needs in _NEEDS.items()]


def _possible_kinds(text: str):
    """The pattern kinds whose required letters text holds (None, meaning all, when case folding is unusual)."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
        return None
    low = text.lower()
    present = {w for w in _KEY_WORDS if w in low}
    if _DIGIT.search(text) is not None:
        present.add("<digit>")
    if any(m in text for m in _MONTH_PREFIXES):
        present.add("<Month>")
    if any(m in low for m in _MONTH_PREFIXES_LOW):
        present.add("<month>")
    if "day" in text:
        present.add("<day>")
    return {kind for kind, needs in _REQUIREMENTS
            if all((need in present) if isinstance(need, str) else not need.isdisjoint(present) for need in needs)}


_WEEKDAY_NOUN = re.compile(r"\s+(?:Mass|masses|prayers?|services?|sermons?|markets?|school|worship|liturgy|congregations?"
                           r"|editions?|papers?|bazaars?|fasts?)\b")


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday (0 = Monday) written just before a date ("Tue 12/01/2021", "Friday, 3/4/2020"), or None."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    return None if m is None else _WEEKDAY_ABBREVIATIONS[m.group(1).lower()]


_WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                          "sun": 6}


def _readings(first: int, second: int, year: int) -> tuple[date | None, date | None]:
    """The day-first and the month-first reading of a numeric date (None where one is no date); a two-digit year is
    of 1950-2049."""
    year = _full_year(str(year))
    return _safe_date(year, second, first), _safe_date(year, first, second)


def _numeric_reading(first: int, second: int, year: int, weekday: int | None, day_first: bool) -> date | None:
    """The date a numeric date names: the only valid reading, else the one its weekday agrees with, else the
    convention (day first or month first)."""
    dmy, mdy = _readings(first, second, year)
    if dmy is None or mdy is None or dmy == mdy:
        return dmy or mdy
    if weekday is not None and (dmy.weekday() == weekday) != (mdy.weekday() == weekday):
        return dmy if dmy.weekday() == weekday else mdy
    return dmy if day_first else mdy


def day_first(text: str) -> bool:
    """True when text writes its slashed or dashed dates day first: more of them can only be read day first
    ("15/01/2021", or a weekday that agrees only with that reading) than month first; US style when nothing says."""
    if not _numeric_hint(text):
        return False
    votes = 0
    for m in _NUMERIC.finditer(text):
        dmy, mdy = _readings(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if dmy is not None and mdy is not None and dmy != mdy:
            weekday = _weekday_before(text, m.start())
            if weekday is not None and (dmy.weekday() == weekday) != (mdy.weekday() == weekday):
                votes += 1 if dmy.weekday() == weekday else -1
        elif dmy is not None and mdy is None:
            votes += 1
        elif mdy is not None and dmy is None:
            votes -= 1
    return votes > 0


def _numeric_hint(text: str) -> bool:
    """Whether text holds a digit, "/" or "-", one or two digits, "/" or "-" and two digits (a date _NUMERIC may
    read); a cheap test that lets most texts skip the full pattern."""
    for hint in _NUMERIC_HINTS:
        if hint.pattern[0] not in text:
            continue
        search, pos = hint.search, 0
        while (found := search(text, pos)) is not None:
            start = found.start()
            if start and text[start - 1].isdecimal():
                return True
            pos = start + 1
    return False


class reading_day_first:
    """Within the block, ambiguous numeric dates ("05/03/2021") are read day first when flag is True: one text's
    convention (day_first) applied to every clause of it. (A class: a generator context manager costs several
    calls an article.)"""

    __slots__ = ("flag", "token")

    def __init__(self, flag: bool):
        self.flag = flag

    def __enter__(self) -> None:
        self.token = _DAY_FIRST.set(self.flag)

    def __exit__(self, *exc) -> bool:
        _DAY_FIRST.reset(self.token)
        return False


def _resolve_match(kind, m, text, pub, ref):
    """(date, precision, expr_kind) for one regex match."""
    g = m.groups()
    if kind in ("iso", "compact"):
        d = _safe_date(int(g[0]), int(g[1]), int(g[2]))
        return (*_fmt(d, "day"), "absolute") if d else (None, None, "absolute")
    if kind == "ymd":
        d = _safe_date(int(g[0]), int(g[2]), int(g[3]))
        return (*_fmt(d, "day"), "absolute") if d else (None, None, "absolute")
    if kind in ("numeric", "dotted"):
        first, second, year = (int(g[0]), int(g[2]), int(g[3])) if kind == "numeric" else (int(g[0]), int(g[1]), int(g[2]))
        d = _numeric_reading(first, second, year, _weekday_before(text, m.start()),
                             day_first=kind == "dotted" or _DAY_FIRST.get())
        return (*_fmt(d, "day"), "absolute") if d else (None, None, "absolute")
    if kind in ("mdy", "dmy", "dmony", "ymond"):
        year, month, day = {"mdy": (2, 0, 1), "dmy": (2, 1, 0), "dmony": (2, 1, 0), "ymond": (0, 1, 2)}[kind]
        d = _safe_date(_full_year(g[year]), _month_number(g[month]), int(g[day]))
        return (*_fmt(d, "day"), "absolute") if d else (None, None, "absolute")
    if kind == "roman":
        d = _safe_date(int(g[3]), _ROMAN_MONTHS[g[2]], int(g[0]))
        return (*_fmt(d, "day"), "absolute") if d else (None, None, "absolute")
    if kind == "my":
        mo = _month_number(g[0])
        return f"{int(g[1]):04d}-{mo:02d}", "month", "absolute"
    if kind in ("md", "dm"):
        mo, dd = (_month_number(g[0]), int(g[1])) if kind == "md" else (_month_number(g[1]), int(g[0]))
        if not pub or not mo:
            return None, None, "relative"
        d = _day_without_year(pub, mo, dd)
        return (*_fmt(d, "day"), "relative") if d else (None, None, "relative")
    if kind == "month_rel_year":
        if not pub:
            return None, None, "relative"
        mo = _month_number(g[0])
        year = pub.year + {"last": -1, "this": 0, "next": 1}[g[1].lower()]
        return f"{year:04d}-{mo:02d}", "month", "relative"
    if kind == "last_month_name":
        if not pub:
            return None, None, "relative"
        mo = _month_number(g[1])
        which = g[0].lower()
        if which in ("last", "previous"):
            d = _most_recent_month(pub, mo, strictly_before=True)
        elif which == "this":
            d = date(pub.year, mo, 1)
        else:
            d = date(pub.year + (1 if mo <= pub.month else 0), mo, 1)
        return (*_fmt(d, "month"), "relative")
    if kind == "in_month":
        if not pub:
            return None, None, "relative"
        d = _most_recent_month(pub, _month_number(g[0]))
        return (*_fmt(d, "month"), "relative")
    if kind == "ago":
        if not pub:
            return None, None, "relative"
        n = _count(g[0])
        unit = g[1].lower()
        if n is None:
            return None, None, "relative"
        if unit == "day":
            d = _shift_days(pub, -n)
            return (*_fmt(d, "day"), "relative") if d else (None, None, "relative")
        if unit == "week":
            d = _shift_days(pub, -7 * n)
            return (*_fmt(d, "month"), "relative") if d else (None, None, "relative")
        if unit == "month":
            return (*_fmt(_shift_months(pub, -n), "month"), "relative")
        return (f"{pub.year - n:04d}", "year", "relative") if pub.year - n > 0 else (None, None, "relative")
    if kind == "came_after":
        # "X came a day after Y": Y happened one day before X (the reference).
        if not ref:
            return None, None, "anaphoric"
        rd, rp = ref
        qualifier, count, unit, plural_unit, word = g
        direction = -1 if word.lower() == "after" else 1
        if not (unit or plural_unit):
            if not qualifier:
                return None, None, "anaphoric"  # "came after": no distance given
            # "came shortly after": close to the reference, known to the month at best
            return (*_fmt(rd, "month" if rp == "day" else rp), "anaphoric")
        return _offset(rd, rp, count, unit or plural_unit, direction)
    if kind == "rel_unit":
        if not ref:
            return None, None, "anaphoric"
        rd, rp = ref
        if g[1]:
            word = g[2].lower()
            direction = 1 if word in ("after", "later") else -1
            n = g[0] or "a"
            if n.lower() == "the":
                n = "a"
            return _offset(rd, rp, n, g[1], direction)
        phrase = (g[3] or g[4] or g[5] or "").lower()
        if "next" in phrase or "following" in phrase:
            return _offset(rd, rp, "a", "day", 1)
        if "previous" in phrase or "preceding" in phrase:
            return _offset(rd, rp, "a", "day", -1)
        # same day, that morning, hours later
        return (*_fmt(rd, rp), "anaphoric")
    if kind == "yesterday":
        if not pub:
            return None, None, "relative"
        w = re.sub(r"\s+", " ", g[0].lower())
        delta = {"the day before yesterday": -2, "yesterday": -1, "last night": -1}.get(w, 0)
        d = _shift_days(pub, delta)
        return (*_fmt(d, "day"), "relative") if d else (None, None, "relative")
    if kind == "rel_period":
        if not pub:
            return None, None, "relative"
        which, unit = g[1].lower(), g[2].lower()
        if unit == "weekend":
            if which in ("last", "past", "this"):
                # the most recent Saturday-Sunday not after publication
                back = (pub.weekday() - 5) % 7 if pub.weekday() >= 5 else pub.weekday() + 2
                d = _shift_days(pub, -back)
                return (*_fmt(d, "month"), "relative") if d else (None, None, "relative")
            return None, None, "relative"
        if unit == "week":
            if which in ("last", "past"):
                d = _shift_days(pub, -7)
            elif which == "this":
                d = pub
            else:
                d = _shift_days(pub, 7)
            return (*_fmt(d, "month"), "relative") if d else (None, None, "relative")
        if unit == "month":
            delta = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
            return (*_fmt(_shift_months(pub, delta), "month"), "relative")
        delta = {"last": -1, "past": -1, "this": 0, "next": 1}[which]
        y = pub.year + delta
        return (f"{y:04d}", "year", "relative") if 0 < y < 10000 else (None, None, "relative")
    if kind == "weekday":
        if _DATE_AFTER_WEEKDAY.match(text, m.end()):
            return None, None, "skip"  # "Friday, 05/03/2021": the weekday of the date it opens
        # a capitalised word before it makes it part of a name: "Easter Sunday", "Good Friday"
        before = text[: m.start()].rstrip()
        prev = re.search(r"(\w+)$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in (
                "on", "by", "since", "until", "last", "this", "next", "late", "early", "from", "before", "after"):
            sentence_start = re.search(r"(^|[.!?]\s+|\n)\s*\w+$", before)
            if not sentence_start:
                return None, None, "skip"
        # "during Sunday Mass", "at Friday prayers": the weekday names a kind of event, not a day, unless a word
        # such as "on" or "last" makes it one
        if _WEEKDAY_NOUN.match(text, m.end()) and not re.search(
                r"\b(?:on|last|this|next|since|by|until|from|before|after)\s+$", text[max(0, m.start() - 8): m.start()], re.I):
            return None, None, "skip"
        if not pub:
            return None, None, "relative"
        wd = _WEEKDAYS[g[0].lower()]
        back = (pub.weekday() - wd) % 7
        prefix = text[max(0, m.start() - 6): m.start()].lower()
        if "last" in prefix and back == 0:
            back = 7
        if "next" in prefix:
            d = _shift_days(pub, (wd - pub.weekday()) % 7 or 7)
        else:
            d = _shift_days(pub, -back)
        return (*_fmt(d, "day"), "relative") if d else (None, None, "relative")
    if kind == "year":
        y = int(g[0])
        return f"{y:04d}", "year", "absolute"
    return None, None, "relative"


def _offset(rd: date, rp: str, count_token, unit, direction):
    unit = (unit or "").lower().rstrip("s")
    n = _count(count_token) if count_token else None
    if unit == "hour" or unit == "minute":
        return (*_fmt(rd, rp), "anaphoric")
    if n is None:
        # "days after": only the coarser precision is known
        if unit == "day" and rp == "day":
            return (*_fmt(rd, "month"), "anaphoric")
        if unit in ("week", "day"):
            return (*_fmt(rd, "month" if rp in ("day", "month") else rp), "anaphoric")
        if unit == "month":
            return (*_fmt(rd, "year"), "anaphoric")
        return (*_fmt(rd, rp), "anaphoric") if not unit else (None, None, "anaphoric")
    if unit == "day":
        d = _shift_days(rd, direction * n)
        if d is None:
            return None, None, "anaphoric"
        return (*_fmt(d, rp), "anaphoric")
    if unit == "week":
        d = _shift_days(rd, direction * 7 * n)
        if d is None:
            return None, None, "anaphoric"
        return (*_fmt(d, "month" if rp == "day" else rp), "anaphoric")
    if unit == "month":
        d = _shift_months(rd, direction * n)
        return (*_fmt(d, "month" if rp in ("day", "month") else rp), "anaphoric")
    if unit == "year":
        y = rd.year + direction * n
        return (f"{y:04d}", "year", "anaphoric") if 0 < y < 10000 else (None, None, "anaphoric")
    return None, None, "anaphoric"


_BACKWARD = re.compile(r"\b(?:earlier|before)\b", re.I)


# A log entry's date heading in any order of day, month name (or Roman numeral) and year, with or without
# separators: "2020-Jun-03", "Nov-04-2019", "03NOV18", "05 Aug 23", "2004 Dec 02", "3.VIII.2002". Read only where
# a line opens with it and a dash or colon follows, so "05 Aug 23" can only be a date.
_HEADING_TOKEN = r"(?:\d{1,4}(?:st|nd|rd|th)?|[A-Za-z]{3,9}\.?|[IVX]{1,4}|['’]\d{2})"
HEADING_DATE = rf"{_HEADING_TOKEN}(?:(?:[ ./\-]|,\s?)?{_HEADING_TOKEN}){{2}}(?=\s*(?:—|–|--|:))"
_HEADING_DATE = re.compile(HEADING_DATE)
_HEADING_PARTS = re.compile(r"\d+|[A-Za-z]+|['’]\d+")


def heading_date(head: str) -> tuple[str, int] | None:
    """('YYYY-MM-DD', end) of the log-entry date that head opens with, or None: one month (a name, or a Roman
    numeral) and two numbers; a four-digit number or one above 31 is the year, else the last number is."""
    m = _HEADING_DATE.match(head)
    if m is None:
        return None
    parts = [p for p in _HEADING_PARTS.findall(m.group(0)) if p.lower() not in ("st", "nd", "rd", "th")]
    months = [p for p in parts if not p[-1].isdigit()]
    numbers = [p for p in parts if p[-1].isdigit()]
    if len(months) != 1 or len(numbers) != 2:
        return None
    month = _MONTHS.get(months[0].lower()) or _ROMAN_MONTHS.get(months[0])
    if month is None:
        return None
    values = [int(n.lstrip("'’")) for n in numbers]
    long = [i for i, n in enumerate(numbers) if len(n.lstrip("'’")) == 4 or int(n.lstrip("'’")) > 31]
    if len(long) > 1:
        return None
    year_at = long[0] if long else 1
    if numbers[1 - year_at][:1] in "'’":
        return None  # "'09" is a year, never a day
    d = _safe_date(_full_year(numbers[year_at]), month, values[1 - year_at])
    return (d.isoformat(), m.end()) if d else None


def find_dates(text: str, published=None, reference=None) -> list[DateExpr]:
    """Every date expression in text, in order, resolved against published (a date or 'YYYY-MM-DD').

    reference ('YYYY[-MM[-DD]]', a date, or a (str, precision) tuple) anchors anaphoric expressions such as
    "the same day" or "a day after"; without it they resolve to None. Overlapping expressions are resolved
    once, by the longest and most specific pattern.
    """
    if not text:
        return []
    pub = parse_date(published)
    ref = _reference(reference)
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    unanchored = []
    candidates = []
    possible = _possible_kinds(text)
    for kind, pattern in _PATTERNS:
        if possible is not None and kind not in possible:
            continue
        for m in pattern.finditer(text):
            candidates.append((kind, m))
    order = {k: i for i, (k, _) in enumerate(_PATTERNS)}
    candidates.sort(key=lambda c: (order[c[0]], -(c[1].end() - c[1].start()), c[1].start()))
    for kind, m in candidates:
        s, e = m.start(), m.end()
        if any(s < te and ts < e for ts, te in taken):
            continue
        try:
            d, p, ekind = _resolve_match(kind, m, text, pub, ref)
        except (ValueError, OverflowError, KeyError, TypeError, IndexError):
            d, p, ekind = None, None, "relative"
        if ekind == "skip":
            continue
        taken.append((s, e))
        reporting = bool(_REPORTING_BEFORE.search(text[max(0, s - 40): s])) or bool(
            _REPORTING_AFTER.match(text[e: e + 20]))
        found.append(DateExpr(s, e, m.group(0), d, p, ekind, reporting))
        if d is None and ekind == "anaphoric" and ref is None and _BACKWARD.search(m.group(0)):
            unanchored.append((kind, m, len(found) - 1))
    # "the army said on Wednesday it had carried out a strike a day earlier": with no event to count from, a
    # backward offset counts from the statement's day given before it
    for kind, m, i in unanchored:
        said = [x for x in found if x.reporting and x.date and x.precision == "day" and x.end <= m.start()]
        if said:
            d, p, ekind = _resolve_match(kind, m, text, pub, _reference(said[-1].date))
            found[i] = DateExpr(m.start(), m.end(), m.group(0), d, p, ekind, found[i].reporting)
    found.sort(key=lambda x: x.start)
    return found


def resolve(text: str, published=None, reference=None) -> tuple[str | None, str | None]:
    """The date a phrase or sentence gives, as (date_str, precision), or (None, None).

    Prefers dates of events over dates of statements ("said on Tuesday"), then the most precise one, then
    the first. published may be a date or 'YYYY-MM-DD' (or None: then only absolute dates resolve).
    """
    exprs = [x for x in find_dates(text, published, reference) if x.date]
    if not exprs:
        return None, None
    events = [x for x in exprs if not x.reporting] or exprs
    best = max(events, key=lambda x: (PRECISION_RANK[x.precision], -x.start))
    return best.date, best.precision


def _parts(value: str):
    return [int(p) for p in value.split("-")]


def agree(a: str | None, b: str | None, *, unknown: bool) -> bool:
    """True when two date strings can denote the same time at the coarser precision ('2024-10' and
    '2024-10-06', '2013' and '2013-05'); a missing date agrees with anything when ``unknown`` is True,
    with nothing when it is False."""
    if not a or not b:
        return unknown
    pa, pb = _parts(a), _parts(b)
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def compatible(a: str | None, b: str | None) -> bool:
    """``agree`` with a missing date agreeing: within one article, a report without a date may still be
    the report that has one (the incidents extractor's policy)."""
    return agree(a, b, unknown=True)

