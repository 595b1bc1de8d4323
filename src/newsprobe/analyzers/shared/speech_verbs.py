"""The verbs of saying that tie words to a speaker, read from one lexicon for every family.

Every analyzer that asks "is this word a verb of saying?" asks this module, and every
verb lives in one table, ``shared/lexicons/speech_verbs.txt``, where each verb carries
the uses it has (its header says what each use means and who asks for it). The lists
differ on purpose from one use to the next; `verbs_for` hands each analyzer its own.

- ``CUE_FORMS`` (quotes): surface forms ("said", "insisted", "according") of the verbs
  used for ``saying`` or ``framing``, inflected by rule because the quotes analyzer does
  not require the lemma layer.
- ``REPORTING_VERBS`` (attribution): lemmas of the verbs used for ``saying`` or
  ``attributing``.

    >>> CUE_FORMS["insisted"], "reveal" in REPORTING_VERBS, "speak" in verbs_for("takes_recipient")
    ('insist', True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon_files import load_table, load_words, tagged

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "CUE_FORMS",
    "REPORTING_VERBS",
    "STATUS_VERBS",
    "is_speech_cue",
    "reports_status",
    "verbs_for",
]

_TABLE = "shared/speech_verbs"


def verbs_for(use: str) -> frozenset[str]:
    """The lemmas (or listed forms) of every verb that has `use` in the lexicon.

    Raises:
        KeyError: no verb has that use; the message lists the uses there are.
    """
    return tagged(_TABLE, use)


def _irregular_forms() -> dict[str, tuple[str, ...]]:
    return {row[0]: tuple(row[2].split()) for row in load_table(_TABLE) if len(row) > 2 and row[2]}


#: Lemmas of verbs that attribute a statement to their subject (attribution).
REPORTING_VERBS = verbs_for("saying") | verbs_for("attributing")


def _inflect(base: str) -> set[str]:
    stem = base[:-1] if base.endswith("e") else base
    third = base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    return {base, third, stem + "ed", stem + "ing"}


def _cue_forms() -> dict[str, str]:
    irregular = _irregular_forms()
    cues = verbs_for("saying") | verbs_for("framing")
    forms = {form: base for base in cues - irregular.keys() for form in _inflect(base)}
    forms.update({form: base for base in cues & irregular.keys() for form in irregular[base]})
    forms["according"] = "according to"
    return forms


#: Surface form -> base verb of every speech cue the quotes analyzer reads.
CUE_FORMS: dict[str, str] = _cue_forms()

_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "attr", "amod"})
# Cue verbs whose forms are nouns about as often as verbs ("the claim", "a call").
_NOUNISH = verbs_for("nounish")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


#: Verbs that report a status with a predicate adjective or participle ("confirmed dead",
#: "reported missing"): lexicon `shared/status_verbs`.
STATUS_VERBS = frozenset(load_words("shared/status_verbs"))
# The predicate of status: "confirmed *dead*" (oprd), "were reported *missing*" (acomp).
_STATUS_DEPS = frozenset({"oprd", "acomp"})


def reports_status(token: Token) -> bool:
    """Whether `token` reports a status, not a statement: "Two people were confirmed
    dead", "Two people confirmed dead" (headline), "three sailors reported missing". The
    subject is the one whose state is given and said nothing; "police confirmed that two
    died" (a clause) and "confirmed the deaths" (an object) stay cues."""
    if token.lemma_.lower() not in STATUS_VERBS:
        return False
    children = list(token.children)
    return any(c.dep_ in _STATUS_DEPS for c in children) and not any(
        c.dep_ in {"ccomp", "dobj"} for c in children
    )


_CLOSING_MARKS = frozenset({'"', "”", "’", "'", "»"})


def _after_quotation(token: Token) -> bool:
    """'"...," added trader Bilyaminu Aliyu': a past form right after a closing mark is the
    cue, though the parser reads "added trader" as an adjective on a noun."""
    before = token.doc[token.i - 1] if token.i else None
    past = token.lower_.endswith("ed") or token.lower_ in {"said", "told"}
    return before is not None and before.text in _CLOSING_MARKS and past and token.dep_ == "amod"


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
    if low not in CUE_FORMS or reports_status(token):
        return False
    if token.dep_ in _NOUN_DEPS and not _after_quotation(token):
        return False
    # "promises", "claims", "calls" are nouns as often as verbs: want a subject then.
    return (
        CUE_FORMS[low] not in _NOUNISH
        or low.endswith(("ed", "ing"))
        or any(c.dep_ in _SUBJECT_DEPS for c in token.children)
    )
