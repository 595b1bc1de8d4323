"""Publication times and amounts as a reader reads them, the same in every report.

A date given without a time (a byline's "14 March 2026", a feed's date) is stored as
midnight UTC; printing it as ``2026-03-14T00:00:00+00:00`` claims a precision the source
never gave, so a midnight in UTC shows as the date alone.

    >>> from datetime import UTC, datetime, timedelta, timezone
    >>> published_label(datetime(2026, 3, 14, tzinfo=UTC))
    '2026-03-14'
    >>> published_label(datetime(2026, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1))))
    '2026-03-14 09:30 +01:00'
    >>> amount_label(1.24e9), amount_label(28500), amount_label(0.75)
    ('1.24 bn', '28,500', '0.75')
"""

from __future__ import annotations

from datetime import datetime, timedelta

__all__ = ["amount_label", "published_label"]


def published_label(when: datetime) -> str:
    """The date, and the time with its offset when one was given."""
    offset = when.utcoffset()
    if offset == timedelta(0) and (when.hour, when.minute, when.second) == (0, 0, 0):
        return when.strftime("%Y-%m-%d")
    zone = "UTC" if offset == timedelta(0) else when.strftime("%z")
    if zone not in ("UTC", ""):
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{when:%Y-%m-%d %H:%M} {zone}".rstrip()


def amount_label(value: float) -> str:
    """A number a reader takes in at a glance: 2.5 bn, 12 m, 9,000, 0.75."""
    for size, word in ((1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}"
    return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
