"""Durations read the same in an event's note and in the report."""

from __future__ import annotations

import pytest

from newsprobe.units import MINUTES_PER_YEAR, readable_duration


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [
        (45, (45, "minutes")),
        (75, (75, "minutes")),
        (90, (1.5, "hours")),
        (36 * 60, (36, "hours")),
        (3 * 1440, (3, "days")),
        (7 * MINUTES_PER_YEAR, (7, "years")),
    ],
)
def test_a_duration_reads_in_the_unit_a_reader_would_use(
    minutes: float, expected: tuple[float, str]
) -> None:
    amount, unit = readable_duration(minutes)
    assert (round(amount, 6), unit) == expected


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
