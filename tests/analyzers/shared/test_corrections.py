"""Correction notices: found by their label or their words, never in ordinary prose."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.shared.corrections import correction_notices, in_correction_notice


@pytest.mark.parametrize(
    "notice",
    [
        "Correction: An earlier version of this article said 3,000 homes had been evacuated.",
        "Correction (5 December 2026): A previous version of this story gave the wrong date.",
        "Clarification - The council has asked us to make clear that it did not vote.",
        "Editor's note: This article was amended to remove a quotation.",
        "Update, 14:00: This article was amended to correct the name of the mayor.",
        "This story has been corrected to show that the vote was on Monday.",
        "An earlier version said 3,000 homes.",
    ],
)
def test_a_notice_runs_to_the_end_of_its_paragraph(notice: str) -> None:
    text = f"Homes were evacuated on Monday.\n\n{notice}\n\nThe river fell overnight."
    start = text.index(notice)
    assert correction_notices(text) == ((start, start + len(notice)),)
    assert in_correction_notice(text, start + 5, start + 20)
    assert not in_correction_notice(text, 0, 5)


@pytest.mark.parametrize(
    "prose",
    [
        "Update: Police have now named the victim as Ada Lind, 34.",
        "The earlier version of the plan was rejected by the council.",
        "Corrections officers said the prison was calm on Sunday.",
        "The original story of the town's founding is told in the museum.",
    ],
)
def test_prose_that_opens_like_a_notice_is_none(prose: str) -> None:
    assert correction_notices(f"Floods in Kessport\n\n{prose}") == ()
