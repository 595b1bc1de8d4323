"""How one figure compares with another: the tolerances of a cross-check's verdicts.

A figure as an article writes it (`Statement`: a point, a bound or a range, exact or
approximate, with the precision its digits carry) against a reference value, graded
``consistent``, ``minor_discrepancy`` or ``contradiction`` (`compare`). The tolerances
below were set on the development part of the composed corpus, whose annotators graded
59 values; each says how. Used by `alignment` (verdicts against the consensus), by
`figure_groups` (whether two figures of one article can be one quantity) and by
`claim_check` (whether a figure corroborates a claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprobe.corpus.figure_mentions import FigureMention
from newsprobe.coverage import FigureBound, FigureVerdict

__all__ = [
    "APPROXIMATE_MINOR",
    "APPROXIMATE_SAME",
    "CONVERTED_PRECISION",
    "EXACT_MINOR",
    "EXACT_SAME",
    "SHARE_MINOR",
    "Statement",
    "compare",
    "gap",
    "precision_of",
    "statement_of",
]

#: Relative gap within which an exact figure is the same as the consensus, beyond the
#: precision it is written in: none. 53 against 52.3 per cent is a minor discrepancy in
#: the annotation (gap 0.013), 1.2 against 1.24 billion consistent (rounding).
EXACT_SAME = 0.005
#: Relative gap up to which an exact figure is a minor discrepancy rather than a
#: contradiction. Annotated minor: 0.05 (43 against 41), 0.09 (38,000 against 41,800),
#: 0.11 (4 against 4.5 per cent); contradictions: 0.196 (1.48 against 1.84 billion),
#: 0.21, 0.25 (45 against 60 minutes). 0.15 lies between.
EXACT_MINOR = 0.15
#: Points up to which an exact share in per cent is a minor discrepancy at most: a
#: relative gap hides large differences in large shares (42 against 38.4 per cent of the
#: vote is 0.09 relative, 3.6 points: an election misreported). Annotated minor: 0.5
#: points (4 against 4.5 per cent), 0.7 (53 against 52.3). Small shares stay graded
#: relatively (1.5 against 0.5 per cent inflation is a contradiction at one point).
SHARE_MINOR = 2.0
#: An approximate figure ("about an hour", "rund 45 Minuten") admits this relative gap.
#: Annotated consistent: 0.04 ("about 2,500" for 2,600), 0.06 ("una novantina" for 85);
#: minor: 0.167 ("about 250" for 300), 0.176 ("around 100" for 85).
APPROXIMATE_SAME = 0.12
#: Up to this gap an approximate figure is a minor discrepancy: "about half an hour"
#: against 45 (0.33) is, as the issue says; "about 20 minutes" against 45 (0.56) is not.
APPROXIMATE_MINOR = 0.4
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Statement:
    """What one value says: a point, a bound, or a range, exact or approximate."""

    value: float | None
    lower: float | None
    upper: float | None
    approximate: bool
    precision: float = 0.0
    """Half a unit of the last digit written ("1.2 billion": 0.05 billion)."""
    share: bool = False
    """A share in per cent, whose gap is read in points as well (see `compare`)."""

    @property
    def bound(self) -> FigureBound:
        if self.value is None:
            if self.lower is not None and self.upper is not None:
                return "range"
            return "lower" if self.lower is not None else "upper"
        return "approximate" if self.approximate else "exact"


# Just under half a unit of a whole number's last digit (see `precision_of`).
_WHOLE_PRECISION = 0.49


def precision_of(text: str, value: float | None, language: str) -> float:
    """Half a unit of the last digit written, scaled: "1.2 billion" -> 0.05e9, "52%" -> 0.5.

    A whole number is rounded to its last digit: "52%" says 52.3 as well, which is then
    no discrepancy. Strictly less than half a unit: "4%" against an offer of 4.5 per cent
    is annotated a discrepancy (4.5 rounds up). Trailing zeros are taken as exact:
    "1,200 jobs" may be rounded to the hundred or not.
    """
    number = _NUMBER.search(text)
    if number is None or value is None:
        return 0.0
    digits = number.group()
    decimal = "," if language != "en" else "."
    if decimal not in digits:
        written = float(re.sub(r"\D", "", digits) or 0)
        if not written or digits.endswith("0"):
            return 0.0
        return float(_WHOLE_PRECISION * abs(value / written))
    whole, _, fraction = digits.rpartition(decimal)
    if not fraction.isdigit() or (decimal == "," and len(fraction) == 3 and "." not in whole):
        return 0.0  # "2,600" in French reads as a decimal; "1.840" in Spanish does not
    written = float(whole.replace(",", "").replace(".", "") + "." + fraction)
    if written == 0:
        return 0.0
    return float(0.5 * 10 ** (-len(fraction)) * abs(value / written))


# A unit other than the metric one every table is kept in: the figure is, most often, an
# outlet's conversion, rounded ("winds of 90 mph" for 140 km/h, "11,000 acres" for 4,500
# hectares, "10,000 feet" for 3,000 metres).
_CUSTOMARY = re.compile(
    r"\b(?:miles?|mph|feet|foot|ft|inch(?:es)?|yards?|acres?|square\s+(?:miles?|feet)|"
    r"pounds?|lbs?|ounces?|gallons?|fahrenheit|knots?)\b|°F",
    re.IGNORECASE,
)
#: How far a round figure in such a unit may be from the metric one and still be it: a
#: conversion rounded to two figures is off by up to 5 % ("90 mph" for 140 km/h is 3.4 %,
#: "11,000 acres" for 45 km² 1.1 %). Set on composed air-incident and wildfire stories.
CONVERTED_PRECISION = 0.05


def statement_of(m: FigureMention) -> Statement:
    """What figure `m` says, with the precision its digits (or its unit) carry."""
    q = m.quantity
    precision = precision_of(q.text, q.value, m.view.language)
    number = _NUMBER.search(q.text)
    if (
        q.value is not None
        and number
        and number.group().endswith("0")
        and _CUSTOMARY.search(q.text)
    ):
        precision = max(precision, CONVERTED_PRECISION * abs(q.value))
    return Statement(q.value, q.lower, q.upper, q.approximate, precision, q.unit == "%")


def gap(value: float, reference: float) -> float:
    """The gap between `value` and `reference`, relative to the reference."""
    return abs(value - reference) / max(abs(reference), 1e-9)


def _graded(gap: float, same: float, minor: float) -> FigureVerdict:
    if gap <= same:
        return "consistent"
    return "minor_discrepancy" if gap <= minor else "contradiction"


def compare(statement: Statement, reference: float, *, approximate: bool = False) -> FigureVerdict:
    """The verdict of `statement` against the value `reference`.

    Args:
        statement: what an article says.
        reference: the consensus value.
        approximate: whether the consensus itself is approximate (the wider tolerance of
            the two applies).
    """
    loose = statement.approximate or approximate
    same, minor = (APPROXIMATE_SAME, APPROXIMATE_MINOR) if loose else (EXACT_SAME, EXACT_MINOR)
    if statement.value is not None:
        if abs(statement.value - reference) <= statement.precision:
            return "consistent"
        verdict = _graded(gap(statement.value, reference), same, minor)
        points = abs(statement.value - reference)
        if (
            statement.share
            and not loose
            and verdict == "minor_discrepancy"
            and points > SHARE_MINOR
        ):
            return "contradiction"  # 42 against 38.4 per cent of the vote: 3.6 points
        return verdict
    # Bounds: inside is consistent; outside, graded by how far outside.
    low, high = statement.lower, statement.upper
    if low is not None and reference < low * (1 - EXACT_SAME):
        return _graded(gap(reference, low), EXACT_SAME, EXACT_MINOR)
    if high is not None and reference > high * (1 + EXACT_SAME):
        return _graded(gap(reference, high), EXACT_SAME, EXACT_MINOR)
    return "consistent"
