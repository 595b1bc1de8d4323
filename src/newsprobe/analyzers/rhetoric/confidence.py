"""The rhetoric analyzers' confidences (`sensational`, `engagement_bait`), in one table,
with how each was set.

Every value was set by hand on the composed spin articles (`tests/gold/spin_articles.json`)
when the rules were written. The figures beside them are the precision of the findings
given each value, measured on 2026-12-07 over all 49 articles
(`newsprobe.evaluation.rhetoric`: right when the finding overlaps a gold span;
`benchmarks/accuracy.py` prints it by band). A development set, so optimistic; the order
of the values holds and the few errors cannot fit them, so they stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BAIT_CEILING",
    "BAIT_CLOSING_BONUS",
    "BAIT_FORM",
    "MIN_QUESTION",
    "QUESTION",
    "SENSATIONAL",
    "SENSATIONAL_EMOTIONAL",
    "SENSATIONAL_QUOTED_FACTOR",
    "SIGNAL",
    "SOCIAL_PROMPT",
    "SOCIAL_PROMPT_CLOSING_BONUS",
]

# --- sensational ---------------------------------------------------------------------------

#: Base confidence per category in the outlet's own voice, from how often each list fired
#: on sober copy in the gold set: exclamations and tabloid verbs almost never do; single
#: emotional words and bare absolutes sometimes do. Measured: 0.8 28 of 28, 0.75 60 of 61,
#: 0.7 37 of 37, 0.6 3 of 3.
SENSATIONAL: Final[dict[str, float]] = {
    "loaded_verb": 0.8,
    "loaded_term": 0.75,
    "intensifier": 0.7,
    "superlative": 0.7,
    "absolute": 0.6,
    "exclamation": 0.8,
    "all_caps": 0.7,
}
#: A word from VADER's emotional lexicon: (floor, per unit of |valence| over the cut,
#: cap). 0.45 at the cut, rising with strength, never above a curated list's 0.7.
#: Measured 0.48-0.54: 5 of 5.
SENSATIONAL_EMOTIONAL: Final = (0.45, 0.1, 0.7)
#: Factor for a word inside a quotation: the article chose to quote it, but the words are
#: the speaker's. Measured (0.35-0.4): 9 of 9 overlap a gold span, which annotates quoted
#: wording too; the factor says whose voice it is, not whether it is sensational.
SENSATIONAL_QUOTED_FACTOR: Final = 0.5

#: The rate signal (sensational words per 100 words) is a measurement, not a judgement:
#: confidence 1.0, its value carries the figure.
SIGNAL: Final = 1.0

# --- engagement_bait -----------------------------------------------------------------------

#: A call to the reader by form. Polls, share requests and calls to comment are bait
#: wherever they stand; "other" (follow us, subscribe) is often the outlet's template.
#: Measured (with the closing bonus): 0.95 19 of 19, 0.7 1 of 1.
BAIT_FORM: Final[dict[str, float]] = {
    "poll": 0.85,
    "share_request": 0.85,
    "call_to_comment": 0.85,
    "other": 0.6,
}
#: Added in the closing paragraphs, where bait sits; never above the ceiling.
BAIT_CLOSING_BONUS: Final = 0.1
BAIT_CEILING: Final = 0.95
#: A social-media prompt put as a question ("Have your say?"): 0.75, +0.15 when closing.
#: Measured 0.9: 4 of 4.
SOCIAL_PROMPT: Final = 0.75
SOCIAL_PROMPT_CLOSING_BONUS: Final = 0.15
#: A question to the reader: start, then +0.25 in the closing paragraphs, +0.15 next to a
#: call, +0.1 with a direct opener ("Would you..."), -0.2 in the opening paragraph of a
#: piece of 3+ paragraphs; capped at `BAIT_CEILING`. Measured 0.75-0.85: 2 of 2.
QUESTION: Final[dict[str, float]] = {
    "start": 0.5,
    "closing": 0.25,
    "near_call": 0.15,
    "strong_opener": 0.1,
    "opening": -0.2,
}
#: Questions are reported from 0.45: a bare "you" question in the middle of a piece (0.5)
#: is, an opening rhetorical lede (0.3) is not. Set on the gold set, where every lede
#: question with "you" was rhetorical.
MIN_QUESTION: Final = 0.45
