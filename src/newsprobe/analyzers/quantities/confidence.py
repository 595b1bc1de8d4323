"""The quantities analyzer's confidences, in one table, with how each was set.

Confidence depends on how the dimension was decided (the finding's basis). The values were
set by reading the gold set's errors when the rules were written; the figures beside them
are the precision of findings given that value, measured on 2026-12-07 over the 91
sentences of `tests/gold/quantities.json` (`newsprobe.evaluation.quantities`; by band in
`benchmarks/accuracy.py`). A development set (optimistic): every value was right every
time, so the measurement bears out the order but cannot fit the values; they stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = ["BY_BASIS", "VAGUE_PENALTY"]

BY_BASIS: Final[dict[str, float]] = {
    # An explicit unit ("4.2 km", "€30m") is almost never wrong. 46 of 46 at 0.9.
    "unit": 0.9,
    # "aged 41", "Dara Holm, 41,": the pattern names the dimension. 4 of 4 at 0.85.
    "age": 0.85,
    # A count of dead or injured, told by the words around it. 12 of 12 at 0.8 (with
    # vague unit-bearing figures, 0.9 - 0.1).
    "casualties": 0.8,
    # A count read from the parse (the noun the number modifies): wrong about one time in
    # four when set. 18 of 18 at 0.7 (with vague casualty counts).
    "count": 0.7,
    # A bare number with nothing to say what it counts: a coin toss. None in the gold set.
    "bare": 0.5,
}
#: Taken off for a vague number ("dozens", "hundreds of"): the value is a range guessed
#: from the word. Hand-set; vague counts (0.6) were 2 of 2.
VAGUE_PENALTY: Final = 0.1
