"""Amounts read the same in a finding's note and in the reports, in a reader's units."""

from __future__ import annotations

import pytest

from newsprobe.units import (
    MINUTES_PER_MONTH,
    MINUTES_PER_YEAR,
    display_unit,
    readable,
    readable_duration,
)


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (45, (45, "minutes")),
        (75, (75, "minutes")),
        (90, (1.5, "hours")),
        (36 * 60, (36, "hours")),
        (3 * 1440, (3, "days")),
        (42 * 1440, (6, "weeks")),
        (100 * 1440, (100, "days")),
        (6 * MINUTES_PER_MONTH, (6, "months")),
        (18 * MINUTES_PER_MONTH, (18, "months")),
        (7 * MINUTES_PER_YEAR, (7, "years")),
    ],
)
def test_a_duration_reads_in_the_unit_a_reader_would_use(
    minutes: float, expected: tuple[float, str]
) -> None:
    amount, unit = readable_duration(minutes)
    assert (round(amount, 6), unit) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (12.0, "km", (12, "km")),
        (0.8, "km", (800, "m")),
        (0.002, "km", (2, "m")),
        (0.0004, "km", (40, "cm")),
        (0.5, "kg", (500, "g")),
        (3000.0, "kg", (3, "tonnes")),
        (40.0, "C", (40, "°C")),
        (1200.0, "GBP", (1200, "GBP")),
        (0.045, "GBP", (4.5, "pence")),
        (0.5, "USD", (50, "cents")),
        (5.0, None, (5, "")),
    ],
)
def test_a_distance_or_mass_reads_in_the_unit_a_reader_would_use(
    amount: float, unit: str | None, expected: tuple[float, str]
) -> None:
    shown, word = readable(amount, unit)
    assert (round(shown, 6), word) == expected


def test_a_range_is_shown_in_the_unit_of_its_largest_bound() -> None:
    size, word = display_unit("min", 90.0)
    assert (40 / size, 90 / size, word) == (40 / 60, 1.5, "hours")


def test_an_event_of_years_says_years_not_thousands_of_days() -> None:
    import newsprobe
    from newsprobe import Article

    article = Article.create(
        headline="Ashvale man jailed",
        body="A 31-year-old man was jailed for seven years at Ashvale Crown Court on Friday.",
        language="en",
    )
    notes = [f.note for f in newsprobe.analyze(article).of_kind("event")]
    assert any("7 years" in note for note in notes), notes
    assert not any("days" in note for note in notes), notes


def test_a_small_distance_is_noted_in_metres_and_centimetres_not_kilometres() -> None:
    import newsprobe
    from newsprobe import Article

    article = Article.create(
        headline="Crack found in Orva dam wall",
        body="A crack about two metres long was found, and the water was lowered by 40 "
        "centimetres. Repairs could take up to six weeks; the report took about a month.",
        language="en",
    )
    notes = [f.note for f in newsprobe.analyze(article).of_kind("quantity")]
    assert "About 2 m (distance)." in notes, notes
    assert "40 cm (distance)." in notes, notes
    assert "Up to 6 weeks (duration)." in notes, notes
    assert "About 30 days (duration)." in notes, notes  # not "about 30.437 days"
