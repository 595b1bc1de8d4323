"""Units every layer shares: durations are stored in minutes and shown as a reader would.

Findings normalize durations to minutes (``unit == "min"``); notes and reports turn them
back into the unit a reader expects, with one table so that an event's note and the
report agree: 45 minutes, 2.5 hours, 3 days, 9 years.

    >>> readable_duration(150)
    (2.5, 'hours')
"""

from __future__ import annotations

__all__ = ["MINUTES_PER_DAY", "MINUTES_PER_HOUR", "MINUTES_PER_YEAR", "readable_duration"]

MINUTES_PER_HOUR = 60.0
MINUTES_PER_DAY = 1440.0
#: The Gregorian mean year, which durations in years are normalized with.
MINUTES_PER_YEAR = 365.2425 * MINUTES_PER_DAY

#: (from this many minutes, the unit, minutes per unit), largest first. Up to 90 minutes
#: reads best in minutes ("75 minutes", not "1.25 hours"), up to two days in hours
#: ("36 hours"), up to two years in days; beyond that in years.
_DURATION_UNITS = (
    (2 * MINUTES_PER_YEAR, "years", MINUTES_PER_YEAR),
    (48 * MINUTES_PER_HOUR, "days", MINUTES_PER_DAY),
    (90.0, "hours", MINUTES_PER_HOUR),
)


def readable_duration(minutes: float) -> tuple[float, str]:
    """`minutes` in the unit a reader would use: (amount, unit word)."""
    for threshold, word, size in _DURATION_UNITS:
        if abs(minutes) >= threshold:
            return minutes / size, word
    return minutes, "minutes"
