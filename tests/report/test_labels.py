"""Publication times and amounts in reports: a date alone stays a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsprobe.report.labels import amount_label, published_label


@pytest.mark.parametrize(
    ("when", "label"),
    [
        (datetime(2026, 3, 14, tzinfo=UTC), "2026-03-14"),
        (datetime(2026, 3, 14, 9, 30, tzinfo=UTC), "2026-03-14 09:30 UTC"),
        (
            datetime(2026, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1))),
            "2026-03-14 09:30 +01:00",
        ),
        (datetime(2026, 3, 14, tzinfo=timezone(timedelta(hours=-5))), "2026-03-14 00:00 -05:00"),
    ],
)
def test_a_date_without_a_time_is_shown_without_one(when: datetime, label: str) -> None:
    assert published_label(when) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [(1.24e9, "1.24 bn"), (3.5e6, "3.5 m"), (28500, "28,500"), (45, "45"), (0.75, "0.75")],
)
def test_amounts_read_at_a_glance(value: float, label: str) -> None:
    assert amount_label(value) == label
