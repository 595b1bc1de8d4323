"""The hedging analyzer's confidences, in one table, with how each was set.

Each value was set by hand when the rule was written; the figures beside them are the
precision of the findings given that value, measured on 2026-12-07 with
`newsprobe.evaluation.hedging` (hedging alone; `benchmarks/accuracy.py` prints them per
band). "articles": the 53 cues of the gold articles (`tests/gold/hedges.json`);
"sentences": the 158 labelled sentences (`hedge_sentences.json`). Both are development
sets (the rules were written while reading them), so the precision is optimistic; it
bears the order of the values out (no value is right less often than a lower one) but is
too small to fit them, so they stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = ["BY_TYPE", "DEFAULT", "QUOTED_FACTOR"]

#: Confidence by hedge type, in the outlet's own voice.
BY_TYPE: Final[dict[str, float]] = {
    # Hand-set: a hedging adverb ("reportedly") or an unsourced framing ("it is understood
    # that") has no non-hedging sense. Articles: 13 of 13 right at 0.9.
    "adverb": 0.9,
    "framing": 0.9,
    # Hand-set: "alleged", "possible" hedge unless they range ("every possible route",
    # filtered before). Sentences: 2 of 2 at 0.85; none in the articles.
    "qualifier": 0.85,
    # Hand-set: "hence", "must have" are the writer's inference, sometimes plain logic.
    # Articles: 5 of 5 at 0.75.
    "inference": 0.75,
}
#: Modals, verbs of belief and weasel words (every other type). Hand-set: modals and verbs
#: of belief have non-hedging senses the rules filter ("could" of past ability, "appeared
#: in court"), right about four times in five when written. Articles: 28 of 28 at 0.8;
#: sentences 64 of 64.
DEFAULT: Final = 0.8
#: Factor for a hedge inside a quotation (the speaker's, not the outlet's). Hand-set: the
#: quote's boundaries and speaker add their own errors. Articles: quoted modals (0.72)
#: 5 of 6, the one miss the known permission "may".
QUOTED_FACTOR: Final = 0.9
