"""Precision per confidence band: the bands, their edges and the monotonicity check."""

from __future__ import annotations

from newsprobe.evaluation.calibration import EDGES, Judged, bands, is_monotone


def test_each_finding_lands_in_the_band_of_its_confidence() -> None:
    judged = [
        Judged(0.2, False),
        Judged(0.5, True),  # an edge belongs to the band above it
        Judged(0.69, False),
        Judged(0.7, True),
        Judged(0.9, True),
        Judged(1.0, True),  # the top band is closed
    ]
    result = bands(judged)
    assert [b.label for b in result] == ["< 0.5", "0.5-0.7", "0.7-0.9", ">= 0.9"]
    assert [(b.findings, b.correct) for b in result] == [(1, 0), (2, 1), (1, 1), (2, 2)]
    assert [b.precision for b in result] == [0.0, 0.5, 1.0, 1.0]
    assert len(result) == len(EDGES) + 1


def test_an_empty_band_has_no_precision_and_does_not_break_monotonicity() -> None:
    result = bands([Judged(0.55, False), Judged(0.6, True), Judged(0.95, True)])
    assert result[0].precision is None and result[2].precision is None
    assert is_monotone(result)
    falling = bands([Judged(0.55, True), Judged(0.95, False), Judged(0.92, True)])
    assert not is_monotone(falling)
    assert is_monotone(falling, slack=0.5)
