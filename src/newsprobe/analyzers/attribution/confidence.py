"""The attribution analyzer's confidences, in one table, with how each was set.

Each value was set by hand when its rule was written, from how explicit the source is in
the text. The figures beside them are the precision of the findings given that value on
the composed attribution gold (96 sentences, `newsprobe.evaluation.attribution`, measured
2026-12-07 and printed per band by `benchmarks/accuracy.py`): 65 of 69 right at 0.9, 25
of 28 in the 0.7-0.9 band. It is a development set, so the figures are optimistic; they
bear the order of the values out but are too few to fit them, so the values stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ANONYMOUS_CUE",
    "COLON_LABEL",
    "DESCRIBED",
    "NAMED",
    "QUOTED_SPEAKER",
    "SOURCING_MIN_SENTENCES",
    "SOURCING_SURE",
    "SOURCING_UNSURE",
]

#: A named person, outlet or official: the source stands in the text (0.9 band: 65 of 69).
NAMED: Final = 0.9
#: Other kinds of source (an institution, a document, an unnamed group) and pronouns: they
#: depend on classification and resolution (0.7-0.9 band: 25 of 28 with the next three).
DESCRIBED: Final = 0.8
#: "Kerr: ..." - a label is explicit, but whether it names a speaker is read off its form
#: alone: as sure as a resolved pronoun.
COLON_LABEL: Final = 0.8
#: Sourced through a quotation's speaker: the quote's speaker rules add their own errors.
QUOTED_SPEAKER: Final = 0.8
#: A cue that names no one ("it was reported"): the cue is sure, whose view it is is not.
ANONYMOUS_CUE: Final = 0.75
#: The sourcing verdict (original, retelling, aggregation) from this many reported
#: sentences on is as sure as a named source less a little: right on 13 of 13 annotated
#: articles; below it, or when the verdict is "unclear", a coin toss and a half.
SOURCING_MIN_SENTENCES: Final = 6
SOURCING_SURE: Final = 0.85
SOURCING_UNSURE: Final = 0.6
