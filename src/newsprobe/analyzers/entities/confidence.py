"""The entities analyzer's confidences, in one table, with how each was set.

An entity's confidence grows with its mentions and with how far the label votes of its
mentions agree:

    (ONE_MENTION + PER_MENTION * min(mentions - 1, MENTIONS_COUNTED))
        * (AGREEMENT_FLOOR + AGREEMENT_WEIGHT * share of votes for the chosen label)

capped by the rules below. Hand-set, checked by eye against the gold passages, not
fitted. Precision by value measured on 2026-12-07 over the 52 passages of
`tests/gold/entities.json` (`newsprobe.evaluation.entities`; a cluster is right when it
matches a gold entity), a development set, so optimistic: 0.55 (one mention) 116 of 118,
0.65 (two) 48 of 49, 0.75 (three) 14 of 14, 0.85 (four or more) 3 of 3, the caps 1 of 1
each. The order holds (more mentions, more often right), so the values stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "AGREEMENT_FLOOR",
    "AGREEMENT_WEIGHT",
    "AMBIGUOUS_CAP",
    "CEILING",
    "MENTIONS_COUNTED",
    "ONE_MENTION",
    "PER_MENTION",
    "RECOVERED_CAP",
]

#: A name mentioned once: spaCy's entity recognizer alone, right on most news names.
ONE_MENTION: Final = 0.55
#: Each further mention, up to `MENTIONS_COUNTED` of them: a name the article repeats is
#: a name (two mentions 0.65, three 0.75, four or more 0.85).
PER_MENTION: Final = 0.1
MENTIONS_COUNTED: Final = 3
#: Scale for label agreement: all votes agreeing keeps the figure; a split vote takes up
#: to 0.4 of it off (hand-set so that a 50/50 split lands near the one-mention figure).
AGREEMENT_FLOOR: Final = 0.6
AGREEMENT_WEIGHT: Final = 0.4
#: Every mention recovered by the analyzer's own rules (spaCy found none): at most 0.5.
RECOVERED_CAP: Final = 0.5
#: A short name that may refer to two entities of the article: at most 0.4.
AMBIGUOUS_CAP: Final = 0.4
#: Never above 0.95: a cluster can always have merged two people of one surname.
CEILING: Final = 0.95
