"""The headline family's confidences (`headline_body`, `clickbait`), in one table, with how
each was set.

Learned scores are their model's probability: the stance check reports the stance model's
probability of the stance it gives (`stance.py`), a clickbait finding the clickbait
model's (`clickbait.py`). The rule-based checks of `headline_body` were set by hand; the
figures beside them are the precision of the findings given each value, measured on
2026-12-07 over the 35 pairs of `tests/gold/headline_body.json`
(`newsprobe.evaluation.headline_body`: right when the pair has that check, or, for the
stance, when the stance is the gold one), with quantities, entities and hedging ("full")
and alone. The stance model's probability (measured the same way): 27 of 28 right at
0.7 or more, 4 of 6 below. A development set of few findings: the order holds, too few
errors to fit.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CERTAINTY",
    "ENTITY_BY_CAPITALS",
    "ENTITY_BY_FINDINGS",
    "NUMBER_BY_DIGITS",
    "NUMBER_ONE_RIVAL",
    "NUMBER_SEVERAL_RIVALS",
    "QUESTION_GUESSED",
    "QUESTION_UNREPORTED",
    "SIGNAL",
]

#: A headline figure that the body's one comparable figure contradicts (units known, from
#: the quantities analyzer). Full: 3 of 3.
NUMBER_ONE_RIVAL: Final = 0.75
#: ... that several comparable body figures all contradict: one of them may be about
#: something else. Full: 1 of 1.
NUMBER_SEVERAL_RIVALS: Final = 0.65
#: Without quantities: a headline number no number in the body comes near, units
#: unknown. Alone: 3 of 4 (the miss a figure given in other words).
NUMBER_BY_DIGITS: Final = 0.5
#: A named entity of the headline (from the entities analyzer) the body never mentions.
#: Full: 3 of 3.
ENTITY_BY_FINDINGS: Final = 0.7
#: Without entities: a capitalised run of a sentence-case headline the body never
#: mentions. Alone: 3 of 3.
ENTITY_BY_CAPITALS: Final = 0.45
#: A flat headline over hedged body sentences: (base, weight of the hedged share), so
#: 0.65 when half the matching sentences hedge, 0.8 when all do. Full and alone: 0.7
#: 4 of 4, 0.8 2 of 2.
CERTAINTY: Final = (0.5, 0.3)
#: A yes-or-no question in the headline whose subject the body never mentions ("Was it
#: sabotage?" over a body that never says sabotage). Set by hand on 2026-12-07 below the
#: measured checks: the word test misses a body that says it in other words ("tampering").
#: No pair of the gold set has a question headline yet, so it is unmeasured.
QUESTION_UNREPORTED: Final = 0.6
#: ... whose subject the body mentions only in hedged sentences or questions. Set the
#: same way, a little lower: a hedged sentence may still report a finding ("police said
#: the fire was probably started deliberately").
QUESTION_GUESSED: Final = 0.55
#: Signals (the clickbait score of every headline) are measurements, not judgements:
#: their confidence is 1.0 and their value carries the figure.
SIGNAL: Final = 1.0
