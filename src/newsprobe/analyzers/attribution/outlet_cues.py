"""Cues that cite another news outlet without a clause of reported speech.

Most attributions are a verb of saying with a clause ("police said the road was shut").
Outlets are also cited in ways that carry no such clause, and these make a story
secondhand all the same: "Per The Daily Lantern, ...", "..., via Coastline Wire", "the
Harbour Courier first reported the resignation", "..., as the Courier first reported",
"the story was first reported by the Courier". Each of these counts only when the phrase
it points at names an outlet (`classify_source`): "per cent", "via Twitter", "the study
reported a rise" cite no outlet. Added after FNC-1 bodies 1100-1124, where such cues were
missed; the attribution analyzer asks here after its own cues.

    >>> outlet_cue(verb_token, subject=subject, agent=None)
    (<the Harbour Courier>, <reported>)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.attribution.source_kinds import classify_source, source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["OUTLET_PREPOSITIONS", "OUTLET_VERBS", "outlet_cue", "outlet_preposition_cue"]

#: Prepositions that cite an outlet: "Per The Daily Lantern,", "via Coastline Wire".
OUTLET_PREPOSITIONS = frozenset({"per", "via"})
#: Verbs an outlet does to a story, which need no clause after them.
OUTLET_VERBS = frozenset({"report", "reveal", "disclose", "write", "break", "publish"})


def _if_outlet(phrase: SpacySpan, cue: SpacySpan) -> tuple[SpacySpan, SpacySpan] | None:
    return (phrase, cue) if classify_source(phrase)[0] == "outlet" else None


def outlet_preposition_cue(token: Token) -> tuple[SpacySpan, SpacySpan] | None:
    """(outlet phrase, cue) for "per X" / "via X" when X is an outlet, else None."""
    obj = next((c for c in token.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    return _if_outlet(source_phrase(obj), token.doc[token.i : token.i + 1])


def outlet_cue(
    token: Token, *, subject: Token | None, agent: Token | None
) -> tuple[SpacySpan, SpacySpan] | None:
    """(outlet phrase, cue) for an outlet verb (`OUTLET_VERBS`) with no clause, else None.

    Args:
        token: The verb ("reported").
        subject: Its active subject, if any.
        agent: Its passive agent ("by the Courier"), if any.
    """
    cue = token.doc[token.i : token.i + 1]
    if subject is None and agent is None and token.dep_ == "acl":
        subject = token.head  # "Israel's NRG news site reported ...", parsed as a modifier
    if subject is not None:
        return _if_outlet(source_phrase(subject), cue)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return _if_outlet(source_phrase(pobj), cue)
    return None
