"""Publication times in reports: a date alone stays a date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsprobe.report.dates import published_label


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
