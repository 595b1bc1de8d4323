"""The verbs of saying that tie words to a speaker, for the quotes and attribution analyzers.

Both analyzers ask "is this word a verb of saying?". Their lists overlap in most verbs and
differ on purpose, so they are kept here side by side: the shared verbs are written once,
and each analyzer's additions say why they are its own.

- ``CUE_FORMS`` (quotes): surface forms ("said", "insisted", "according"), inflected by
  rule because the quotes analyzer does not require the lemma layer. It adds verbs that
  frame a direct quotation: manner of speaking ("whispered", "quipped") and naming
  ("dubbed", "branded").
- ``REPORTING_VERBS`` (attribution): lemmas. It adds verbs that attribute reported content
  rather than frame someone's words ("revealed", "disclosed", "briefed", "accused").

Hand-compiled from the attribution verbs of wire style guides.

    >>> CUE_FORMS["insisted"], "reveal" in REPORTING_VERBS
    ('insist', True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CUE_FORMS", "REPORTING_VERBS", "is_speech_cue"]

# Verbs of saying in both lists.
_SAYING = (
    "add insist warn explain tweet post claim recall note state argue declare announce admit "
    "acknowledge reply comment caution concede remark predict promise vow pledge complain "
    "describe call conclude confirm deny report observe stress emphasise emphasize maintain "
    "assert allege testify respond say tell write quote"
).split()
# Only quotes: verbs that frame a quotation ('"Never," she whispered'; what critics dubbed).
_FRAMING = (
    "ask continue answer urge suggest boast joke quip shout scream whisper brand dub label "
    "term agree counter retort recount repeat contend demand plead cry mutter murmur exclaim "
    "question wonder reason reflect put"
).split()
# Only attribution: verbs that attribute content ("the ministry disclosed that ...").
_ATTRIBUTING = (
    "reveal cite accuse advise reiterate threaten disclose brief inform dispute reject rule "
    "remind accept"
).split()

#: Lemmas of verbs that attribute a statement to their subject (attribution).
REPORTING_VERBS = frozenset(_SAYING + _ATTRIBUTING)

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "put": ("put", "puts", "putting"),
    "quote": ("quote", "quotes", "quoted", "quoting"),
}


def _inflect(base: str) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    third = base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, third, stem + "ed", stem + "ing"}


#: Surface form -> base verb of every speech cue the quotes analyzer reads.
CUE_FORMS: dict[str, str] = {
    form: base for base in _SAYING + _FRAMING if base not in _IRREGULAR for form in _inflect(base)
}
CUE_FORMS.update({form: base for base, forms in _IRREGULAR.items() for form in forms})
CUE_FORMS["according"] = "according to"
CUE_FORMS.pop("putting", None)

_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "attr", "amod"})
# Cue verbs whose forms are nouns about as often as verbs ("the claim", "a call").
_NOUNISH = frozenset(
    "promise claim report call comment answer question note state post tweet quote label "
    "brand term demand plea cry reply respond remark pledge vow warn joke".split()
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_speech_cue(token: Token) -> bool:
    """Whether `token` is a speech verb used as a verb (not "the claim", not "a call").

    Args:
        token: A token of the shared parse; "according" counts when "to" follows.

    Returns:
        True for "said", "told", "according (to)", "claims" with a subject, and the like.
    """
    low = token.lower_
    if low == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    if low not in CUE_FORMS or token.dep_ in _NOUN_DEPS:
        return False
    # "promises", "claims", "calls" are nouns as often as verbs: want a subject then.
    return (
        CUE_FORMS[low] not in _NOUNISH
        or low.endswith(("ed", "ing"))
        or any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    )
