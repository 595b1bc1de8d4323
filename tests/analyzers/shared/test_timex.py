"""Days of the month resolved against the publication date (the weekday and relative
rules are covered with the events analyzer in test_events.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from newsprobe.analyzers.shared.timex import resolve

# Monday 2015-03-09, 09:00 in an invented UTC+1 zone.
MONDAY = datetime(2015, 3, 9, 9, 0, tzinfo=timezone(timedelta(hours=1)))
LEAP_SPRING = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on March 3", "2015-03-03"),
        ("3rd of March", "2015-03-03"),
        ("9 March", "2015-03-09"),  # the publication day itself
        ("12 December", "2014-12-12"),  # last December, not next
        ("Sept. 30", "2014-09-30"),
        ("20 May 2013", "2013-05-20"),
        ("June 30, 2016", "2016-06-30"),  # a written year wins over the past
    ],
)
def test_day_and_month_is_the_latest_on_or_before_publication(
    expression: str, expected: str
) -> None:
    assert resolve(expression, MONDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on March 9", "2015-03-09"),  # "will meet on March 9" in that day's paper: today
        ("on March 3", "2016-03-03"),
        ("12 December", "2015-12-12"),
    ],
)
def test_future_day_and_month_is_the_next_on_or_after(expression: str, expected: str) -> None:
    assert resolve(expression, MONDAY, future=True) == expected


def test_leap_day_goes_to_the_nearest_leap_year() -> None:
    assert resolve("29 February", LEAP_SPRING) == "2024-02-29"
    assert resolve("Feb 29", LEAP_SPRING, future=True) == "2028-02-29"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("31 June", "2014-06"), ("30 February 2023", "2023-02"), ("June 31st", "2014-06")],
)
def test_a_day_that_does_not_exist_keeps_only_its_month(expression: str, expected: str) -> None:
    assert resolve(expression, MONDAY) == expected
