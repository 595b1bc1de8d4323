"""Cues of a view inside what someone else is reported to have said.

"Kerr said residents fear the levy will pass", "Varn says she wants a recount": the
sentence is Kerr's, and Varn's, statement; "fear" and "wants" are part of what they said,
not a second attribution the article makes. PolNeAR's annotators mark the outer cue and
leave these alone: on PolNeAR train (840, outside quotations) this turns
away 1,421 verbs of thought, intention, stance and evidence, 132 of them gold cues with
that source, and took source F1 .747 -> .756 (P .797 -> .823), relation F1 .665 -> .674,
content-token F1 .811 -> .810 (5-fold CV, reader v6). Verbs of saying stay cues there
("Kerr said the mayor told her ..." reports a second statement: 101 of 305 were gold).

    >>> within_reported_clause(fear_token)  # "Kerr said residents fear the levy will pass"
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.attribution import cues
from newsprobe.analyzers.attribution.cue_parts import cue_candidates

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["VIEW_TYPES", "within_reported_clause"]

#: The cue types a reported clause holds rather than attributes: what someone thinks,
#: means to do, stands for, or what shows it. Refusals stay ("said the ministry declined
#: to comment": 3 of 5 gold) and verbs of saying too (see the module docstring).
VIEW_TYPES = frozenset({"thought", "intention", "stance", "evidence"})

#: Reported clauses: "said *she wants*", "planning *to support*" ("said, *I think*":
#: parataxis, is the speaker's own aside and kept).
_REPORTED = frozenset({"ccomp", "xcomp"})

#: How a verb may sit inside the reported clause below the cue word: as its head or a
#: clause hanging on it ("said the mayor, *who wants* a recount, ..." is no such clause:
#: a relative clause's view belongs to its antecedent, but PolNeAR marks those).
_WITHIN = frozenset({"conj", "advcl", "ccomp", "xcomp"})

#: Steps up the parse: a reported clause is rarely more than a few clauses above.
_MAX_STEPS = 6


def within_reported_clause(token: Token) -> bool:
    """Whether `token` lies in the clause or "to" clause that a cue word reports."""
    words = cue_candidates()
    current = token
    for _ in range(_MAX_STEPS):
        head = current.head
        dep = current.dep_
        if head.i == current.i:
            return False
        if dep in _REPORTED and head.lemma_.lower() in words:
            return True
        if dep not in _WITHIN:
            return False
        current = head
    return False


def is_nested_view(token: Token, lemma: str) -> bool:
    """Whether `token` (lemma `lemma`) is a view cue within another cue's report."""
    return cues.CUE_TYPES.get(lemma) in VIEW_TYPES and within_reported_clause(token)
