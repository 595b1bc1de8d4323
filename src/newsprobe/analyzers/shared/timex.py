"""Time expressions in news text, resolved against the publication date.

News dates are mostly relative ("on Sunday", "yesterday", "last month"), so they mean
something only against `Article.published`. Weekdays and relative words are resolved here
by rule: they are the common case, the rules are cheap, and general date parsers get the
weekday that equals the publication weekday wrong for news ("on Monday" in a Monday paper
is that day, not a week earlier). Days of the month ("March 3", "20 May 2024") are read by
`dateutil`'s parser, and calendar arithmetic is the standard library's. (`dateparser`
read them until its first call, which builds tables for half a second, was found to be a
fifth of the command line's start-up time.)

The resolved value is ISO 8601 at the precision the text gives:

=====================  ===============  =============================================
expression             result           rule
=====================  ===============  =============================================
on Sunday              2025-03-09       most recent Sunday on or before publication
                                        (a Monday paper's "on Monday" is that day);
                                        for a future event, the next one after it
last Friday            2025-03-07       the most recent Friday strictly before
next Wednesday         2024-10-23       the first Wednesday strictly after
yesterday, today       2025-03-09       publication day -1 / 0 (+1 for tomorrow)
12 December            2024-12-12       the nearest such day on or before publication
                                        (on or after it, for the future)
last week              2025-W10         ISO week: a week is not a day, so no Monday
last month, in October 2025-02          month; a bare month is the latest one on or
                                        before publication (after it, for the future)
last year, in 2021     2021             year
=====================  ===============  =============================================

Without a publication date only expressions that carry their own year resolve.

    >>> resolve("on Sunday", datetime(2025, 3, 10, 8, 30, tzinfo=UTC))
    '2025-03-09'
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = ["TIME_WORDS", "resolve", "warm_up"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}

#: Words that make a span worth resolving, for finding expressions spaCy did not tag.
TIME_WORDS = re.compile(
    r"\b(?:(?:last|next|this|past|previous)\s+(?:week|month|year)|yesterday|today|tonight|"
    r"tomorrow|this\s+(?:morning|afternoon|evening)|(?:(?:last|next|this)\s+)?"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b",
    re.IGNORECASE,
)

_WEEKDAY = re.compile(r"\b(last|next|this|coming)?\s*(" + "|".join(_WEEKDAYS) + r")\b")
_RELATIVE_DAY = re.compile(
    r"\b(the day before yesterday|the day after tomorrow|yesterday|tomorrow|today|tonight|"
    r"this (?:morning|afternoon|evening))\b"
)
_RELATIVE_UNIT = re.compile(r"\b(last|past|previous|this|next|coming)\s+(week|month|year)\b")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(\d{4}))?\b"
)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?")
_MONTH_YEAR = re.compile(r"\b" + _MONTH + r",?\s+(\d{4})\b")
_MONTH_ONLY = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A year, but not a decade ("the 1890s"), an amount ("2025 people") or a clock time.
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b(?!s\b|\s*(?:people|km|kilometres|metres|crowns))")


def warm_up() -> None:
    """Import the date parser now rather than at the first date."""
    _calendar_date("1 January 2020", None, False)


def resolve(expression: str, published: datetime | None, *, future: bool = False) -> str | None:
    """The ISO 8601 value of a time expression, or None when it names no calendar time.

    Args:
        expression: The expression as written ("on Sunday", "last month", "March 3").
        published: When the article was published (aware); relative expressions need it.
        future: The event is still to come ("will meet on Friday"): a bare weekday or month
            then resolves forward instead of back.

    Returns:
        ``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``; None for durations ("three
        years"), vague times ("next spring") and relative times without a publication date.
    """
    text = " ".join(expression.lower().split())[:120]
    if not text:
        return None
    base = published.date() if published is not None else None
    for rule in (_iso, _day_and_month, _month_and_year):
        value = rule(text, base, future)
        if value is not None:
            return value
    if base is None:
        year = _YEAR.search(text)
        return year.group(1) if year and not _MONTH_ONLY.search(text) else None
    for relative in (_relative_day, _weekday, _relative_unit, _month_only):
        value = relative(text, base, future)
        if value is not None:
            return value
    year = _YEAR.search(text)
    return year.group(1) if year else None


def _iso(text: str, base: date | None, future: bool) -> str | None:
    match = _ISO_DATE.search(text)
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


def _day_and_month(text: str, base: date | None, future: bool) -> str | None:
    match = _DAY_MONTH.search(text) or _MONTH_DAY.search(text)
    if match is None:
        return None
    has_year = match.group(3) is not None
    if not has_year and base is None:
        return None
    return _calendar_date(match.group(0), base if not has_year else None, future)


def _month_and_year(text: str, base: date | None, future: bool) -> str | None:
    match = _MONTH_YEAR.search(text)
    if match is None:
        return None
    return f"{int(match.group(2)):04d}-{_MONTH_ABBR[match.group(1)[:3]]:02d}"


def _relative_day(text: str, base: date, future: bool) -> str | None:
    match = _RELATIVE_DAY.search(text)
    if match is None:
        return None
    word = match.group(1)
    shift = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}.get(word, 0)
    shift = 2 if word == "the day after tomorrow" else shift
    return (base + timedelta(days=shift)).isoformat()


def _weekday(text: str, base: date, future: bool) -> str | None:
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    modifier, name = match.group(1), match.group(2)
    back = (base.weekday() - _WEEKDAYS.index(name)) % 7  # days since the latest such day
    if modifier == "last":
        back = back or 7
    elif modifier in ("next", "coming") or (future and modifier != "this"):
        return (base + timedelta(days=(7 - back) if back else 7)).isoformat()
    return (base - timedelta(days=back)).isoformat()


def _relative_unit(text: str, base: date, future: bool) -> str | None:
    match = _RELATIVE_UNIT.search(text)
    if match is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "this": 0}.get(match.group(1), 1)
    unit = match.group(2)
    if unit == "week":
        year, week, _ = (base + timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{base.year + step:04d}"


def _month_only(text: str, base: date, future: bool) -> str | None:
    match = _MONTH_ONLY.search(text)
    # "may" is a modal verb far more often than a month.
    if match is None or (match.group(1) == "may" and not re.search(r"\b(in|since|of) may\b", text)):
        return None
    month = _MONTHS.index(match.group(1)) + 1
    year = base.year
    if future and month <= base.month:
        year += 1
    elif not future and month > base.month:
        year -= 1
    explicit = _YEAR.search(text)
    return f"{int(explicit.group(1)) if explicit else year:04d}-{month:02d}"


@lru_cache(maxsize=4096)
def _calendar_date(expression: str, base: date | None, future: bool) -> str | None:
    """A day and month ("3 March", "March 3rd, 2024") read by `dateutil`'s parser.

    Without a year, the day is the nearest one on or before `base` (on or after it, for
    an event still to come): "12 December" in a March paper is last December, and
    "29 February" the last leap day.
    """
    from dateutil import parser

    # A leap year as the default, so that "29 February" parses before a year is chosen.
    try:
        parsed = parser.parse(expression, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    if base is None:
        written: date = parsed.date()
        return written.isoformat()
    step = 1 if future else -1
    for shift in range(9):  # leap days come back within eight years
        try:
            day = date(base.year + step * shift, parsed.month, parsed.day)
        except ValueError:
            continue
        if (day >= base) if future else (day <= base):
            return day.isoformat()
    return None
