"""The overall rating: the weighted share of criteria passed, its arithmetic spelled out.

    score = 100 x sum(weight x points) / sum(weight)

over the criteria that were judged, with points 1 for a pass, 0.5 for a warning and 0 for
a failure (`newsprobe.assessment.OUTCOME_POINTS`); a criterion that does not apply adds
to neither sum, so an article is never marked down for what could not be judged.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsprobe.assess.table import CriteriaTable
from newsprobe.assessment import OUTCOME_POINTS, Criterion, Rating

__all__ = ["rate"]


def _number(value: float) -> str:
    return f"{value:g}"


def rate(criteria: Sequence[Criterion], table: CriteriaTable) -> Rating:
    """The rating of a checklist."""
    judged = [c for c in criteria if c.judged]
    bands = ", ".join(f"{word} from {lowest}" for lowest, word in table.bands[:-1])
    bands += f", {table.bands[-1][1]} below"
    if not judged:
        return Rating(
            score=None,
            word="not rated",
            points=0.0,
            weight=0.0,
            arithmetic="No criterion could be judged, so there is no rating.",
            bands=bands,
        )
    points = sum(c.weight * OUTCOME_POINTS[c.outcome] for c in judged)
    weight = sum(c.weight for c in judged)
    score = round(100 * points / weight)
    terms = " + ".join(
        f"{_number(c.weight)}×{_number(OUTCOME_POINTS[c.outcome])} ({c.name.lower()})"
        for c in judged
    )
    arithmetic = (
        f"100 × ({terms}) / {_number(weight)} = 100 × {_number(round(points, 3))} / "
        f"{_number(weight)} = {score}"
    )
    return Rating(
        score=score,
        word=table.word(score),
        points=round(points, 3),
        weight=round(weight, 3),
        arithmetic=arithmetic,
        bands=bands,
    )
