"""The quotes analyzer's confidences, in one table, with how each was set.

A quote's confidence is that of its speaker: the quotation marks themselves are rarely
wrong, who said the words often is. Each value was set by hand from how the speaker was
found; the figures are the precision of right quote with right speaker on the composed
quote gold (126 quotes, `newsprobe.evaluation.quotes`, measured 2026-12-07, printed per
band by `benchmarks/accuracy.py`): 48 of 49 at 0.9 and above, 42 of 42 in 0.7-0.9, 34 of
35 in 0.5-0.7; scare quotes 6 of 6 at 0.6. A development set: the figures bear the order
of the values out but are too few to fit them, so the values stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "ADJACENT_OTHER",
    "ADJACENT_PERSON",
    "COLON",
    "CONTINUED",
    "DESCRIPTION",
    "LEAD_IN",
    "NAMED",
    "NO_SPEAKER",
    "PRONOUN",
    "SCARE_QUOTE",
    "THING",
    "UNATTRIBUTED",
]

#: The cue's subject is a name, or resolves to a named person or organisation.
NAMED: Final = 0.9
#: The cue's subject is a description ("a spokeswoman for the port").
DESCRIPTION: Final = 0.8
#: He, she, it, they, resolved to an earlier referent: resolution adds its errors.
PRONOUN: Final = 0.75
#: A person's name right before or after a cue the parser left without a subject.
ADJACENT_PERSON: Final = 0.75
#: Anything else next to such a cue: often right, often a place or a title.
ADJACENT_OTHER: Final = 0.6
#: The subject is a thing ("the report said"): a source, but not a speaker.
THING: Final = 0.55
#: No speaker found: the words are quoted, by whom is unknown.
NO_SPEAKER: Final = 0.5
#: "Garrity: 'This is a budget for the few'": a name and a colon before the quote; the
#: form is clear, whether the name is a speaker less so.
COLON: Final = 0.7
#: A quote with no cue of its own after one of a known speaker: taken to continue it.
CONTINUED: Final = 0.6
#: A quote standing alone in a paragraph after "X said that ..." in the one before.
LEAD_IN: Final = 0.6
#: Quoted words no rule could give a speaker.
UNATTRIBUTED: Final = 0.45
#: Quoted words that are no one's quote (irony, distance, a coinage): the marks are
#: sure, what they mean is not; 6 of 6 on the gold, few enough to stay modest.
SCARE_QUOTE: Final = 0.6
