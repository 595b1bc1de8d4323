"""The claims analyzer's confidences, with how they were set.

A claim's confidence is its check-worthiness: the shipped model's probability, blended in
log-odds with what other analyzers found in the sentence (the weights, each with its note,
are at the top of `claims.py`). Nothing here is hand-set but the score of a sentence that
asserts nothing. Precision per band of emitted claims, measured on 2026-12-07 over the 32
gold articles of `tests/gold/claims.json` with the helper analyzers
(`newsprobe.evaluation.claims`: right when the claim touches a gold claim sentence, wrong
when it touches a gold non-claim; `benchmarks/accuracy.py` prints it): 0.5-0.7 18 of 22
(0.82), 0.7-0.9 35 of 39 (0.90), 0.9 and over 139 of 141 (0.99). The score orders claims
as it should; a development set, so the figures are optimistic.
"""

from __future__ import annotations

from typing import Final

__all__ = ["UNSCORED"]

#: A sentence that asserts nothing (no verb, a fragment): listed in the full ranking
#: (`newsprobe.rank`) with score 0 and the reason, never emitted as a claim.
UNSCORED: Final = 0.0
