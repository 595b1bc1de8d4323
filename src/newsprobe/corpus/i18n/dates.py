"""Days named in an article's text, resolved against its publication date, in any language
with a word table (English, French, German, Italian, Spanish).

Stories are told apart by the day their event happened: the same leaders meeting again
two years later, the same square a week later. English articles have resolved event
times from the `events` analyzer; articles in other languages do not, so this module reads
the common forms itself, with the same rules as the English `timex` helper:

=========================  ==========================================================
"dimanche", "am Sonntag"   the most recent such weekday on or before publication; the
                           next one after it with a marker of the future ("would meet
                           on Monday", "lundi prochain")
"hier", "gestern", "ayer"  publication day minus one
"9 mars 2025", "9. März",  that day; without a year, the nearest one on or before
"9 marzo", "9 de marzo"    publication
=========================  ==========================================================

    >>> from datetime import datetime, UTC
    >>> [d for d, _ in days_named("Les deux présidents se sont vus dimanche.", "fr",
    ...                           datetime(2025, 3, 10, tzinfo=UTC))]
    ['2025-03-09']
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from newsprobe.corpus.i18n.lexicon import LANGUAGES, fold_apostrophes, lexicon

__all__ = ["days_named", "years_named"]

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@lru_cache(maxsize=8)
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(language)
    weekdays = "|".join(map(re.escape, lex.weekdays))
    months = "|".join(map(re.escape, lex.months))
    relative = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.relative_days, key=len)[::-1]
    )
    weekday = re.compile(rf"\b({weekdays})\b", re.IGNORECASE)
    # "9 mars 2025", "9. März", "9 de marzo de 2025", "March 9, 2025", "9th of March"
    day_month = re.compile(
        rf"\b(?:(\d{{1,2}})(?:\.|er|st|nd|rd|th|º)?\s+(?:de\s+|of\s+)?({months})"
        rf"|({months})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?)(?:\s+(?:de\s+)?(\d{{4}}))?\b",
        re.IGNORECASE,
    )
    relative_day = re.compile(rf"(?<!\w)({relative})(?!\w)", re.IGNORECASE)
    return weekday, day_month, relative_day


def _on_or_before(day: int, month: int, base: date) -> date | None:
    for year in (base.year, base.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate <= base + timedelta(days=1):
            return candidate
    return None


def days_named(
    text: str, language: str | None, published: datetime | None
) -> list[tuple[str, tuple[int, int]]]:
    """Every day `text` names, as (ISO date, (start, end)) in text order.

    Weekdays and relative days need `published`; dates with a year do not. A language
    without a table reads as English (most dates in foreign news still name the weekday
    in the language of the table; an unknown one yields nothing).
    """
    code = language if language in LANGUAGES else "en"
    lex = lexicon(code)
    weekday, day_month, relative_day = _patterns(code)
    folded = fold_apostrophes(text)
    base = published.date() if published is not None else None
    found: list[tuple[str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for match in day_month.finditer(folded):
        day_text = match.group(1) or match.group(4)
        month_text = (match.group(2) or match.group(3)).lower()
        month = lex.months.index(month_text) + 1
        day = int(day_text)
        resolved: date | None = None
        if match.group(5):
            try:
                resolved = date(int(match.group(5)), month, day)
            except ValueError:
                resolved = None
        elif base is not None:
            resolved = _on_or_before(day, month, base)
        if resolved is not None:
            found.append((resolved.isoformat(), match.span()))
            taken.append(match.span())
    if base is not None:
        for match in weekday.finditer(folded):
            if any(s <= match.start() < e for s, e in taken):
                continue
            index = lex.weekdays.index(match.group(1).lower())
            if _future(folded, match, lex.future_markers):
                ahead = (index - base.weekday()) % 7 or 7
                found.append(((base + timedelta(days=ahead)).isoformat(), match.span()))
                continue
            back = (base.weekday() - index) % 7
            found.append(((base - timedelta(days=back)).isoformat(), match.span()))
        for match in relative_day.finditer(folded):
            shift = lex.relative_days[re.sub(r"\s+", " ", match.group(1).lower())]
            found.append(((base + timedelta(days=shift)).isoformat(), match.span()))
    found.sort(key=lambda item: item[1])
    return found


# Words read on either side of a weekday for a marker of the future: "said they would
# meet on Monday" (four before), "lundi prochain" (one after).
_FUTURE_BEFORE, _FUTURE_AFTER = 4, 1


def _future(text: str, match: re.Match[str], markers: frozenset[str]) -> bool:
    """Whether the weekday at `match` is one after publication: "the unions would meet on
    Monday", "wird am Montag entscheiden", "lundi prochain". Without a marker a weekday
    in news is the most recent one (the day the reported event happened)."""
    preceding = re.split(r"[.!?]\s", text[max(0, match.start() - 60) : match.start()])[-1]
    before = re.findall(r"[\w']+", preceding.lower())
    after = re.findall(r"[\w']+", text[match.end() : match.end() + 30].lower())
    window = before[-_FUTURE_BEFORE:] + after[:_FUTURE_AFTER]
    return any(word in markers for word in window)


def years_named(text: str) -> list[int]:
    """Years written in digits in `text` (1950-2099), in text order."""
    return [int(m.group(1)) for m in _YEAR.finditer(text)]
