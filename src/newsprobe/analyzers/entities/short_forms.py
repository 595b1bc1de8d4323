"""Short forms of a name: which full name a surname, first name or shorter name stands for.

The third merge rule of `aliases` (`short_forms`) weighs every name that might be a short
form of another, longer forms first, and asks `SHORT_FORM_RULES` in order; the first rule
that says something about the form decides. A short form joins the names it may stand
for when they are one entity; when they are several, a person's short name is merged with
none and flagged with every candidate ("Hale" beside Mark and Deborah Hale).

    >>> short_forms(merge)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from newsprobe.analyzers.entities.merge import Merge
from newsprobe.analyzers.entities.name_forms import is_acronym
from newsprobe.analyzers.entities.words import PLACE_LABELS

__all__ = [
    "SHORT_FORM_RULES",
    "Candidates",
    "KnownNames",
    "first_name_alone",
    "short_forms",
    "shorter_name_of_person",
    "suffix_of_one_organization",
    "word_of_one_organization",
]

_OF_WORDS = frozenset({"of", "for", "on"})


@dataclass(frozen=True, slots=True)
class Candidates:
    """The full names a short form may stand for, as one short-form rule found them.

    The short form joins them when they are one entity. When they are several, a
    person's name is flagged as ambiguous ("Hale" beside Mark and Deborah Hale); an
    organization's word is left alone.
    """

    keys: list[str]
    flag_if_several: bool


@dataclass(slots=True)
class KnownNames:
    """Full names the short-form rules compare against, gathered once per article."""

    people: list[str]
    organizations: list[str]
    org_words: dict[str, tuple[str, str, str]]


#: A short-form rule: given the merge, what is known, a short form's key and its words,
#: the names it may stand for, or None when the rule says nothing about that form.
ShortFormRule = Callable[[Merge, KnownNames, str, list[str]], Candidates | None]


def shorter_name_of_person(
    merge: Merge, known: KnownNames, key: str, words: list[str]
) -> Candidates | None:
    """A surname, or a shorter form of a person's name, joins the full name it completes.

    "Prime Minister Tomas Brenn resigned on Friday. Brenn said the vote had been lost.";
    "Angela Merkel" or "Merkel"
    for "Angela Dorothea Merkel"; "Vel Costa said it was real" for "Dario Vel Costa"
    (a two-word surname: only when the short form is itself a person's name, so "Las
    Vegas" is no shorter form of a "... Las Vegas" name).
    """
    person = merge.label(key) == "PERSON"
    fuller = [n for n in known.people if n != key and _completes(words, n.split(), person)]
    return Candidates(fuller, flag_if_several=True) if fuller else None


def first_name_alone(
    merge: Merge, known: KnownNames, key: str, words: list[str]
) -> Candidates | None:
    """A person's one-word name that completes no full name may be a first name.

    "Elena Sorin opened the hearing on Monday. Elena said the fees would rise."
    """
    if len(words) != 1 or merge.label(key) != "PERSON":
        return None
    fuller = [n for n in known.people if n.split()[0] == words[0]]
    return Candidates(fuller, flag_if_several=True) if fuller else None


def word_of_one_organization(
    merge: Merge, known: KnownNames, key: str, words: list[str]
) -> Candidates | None:
    """A one-word name (not a place's) joins the one organization it is the first word,
    last word or head noun of.

    "Halvorsen Foods recalled the batch on Monday. Halvorsen said no one had fallen ill.";
    "the Harbour Gazette ... the Gazette"; "The Syrian Observatory for Human Rights
    counted 40 dead. The Observatory said the toll would rise."
    """
    if len(words) != 1 or merge.label(key) in PLACE_LABELS:
        return None
    return Candidates(
        [k for k, short in known.org_words.items() if words[0] in short], flag_if_several=False
    )


def suffix_of_one_organization(
    merge: Merge, known: KnownNames, key: str, words: list[str]
) -> Candidates | None:
    """An organization's name of several words joins the one organization it ends.

    "Northern Valley Command said the strikes hit three depots. Valley Command added that
    no civilians were hurt."; "Daily Mail" for "London Daily Mail".
    """
    if len(words) < 2 or merge.label(key) != "ORG":
        return None
    return Candidates(
        [k for k in known.organizations if k.endswith(" " + key)], flag_if_several=False
    )


#: Tried in order for each short form; the first that says something decides.
SHORT_FORM_RULES: tuple[ShortFormRule, ...] = (
    shorter_name_of_person,
    first_name_alone,
    word_of_one_organization,
    suffix_of_one_organization,
)


def short_forms(merge: Merge) -> None:
    """Short forms join the one full name they stand for (see `SHORT_FORM_RULES`).

    Longer short forms go first: "Paler Lin" joins "Josh Paler Lin" before "Lin" is
    weighed. Alias groups and acronyms are no short forms.
    """
    organizations = [k for k in merge.multiword("ORG") if "=" not in k]
    known = KnownNames(
        people=merge.multiword("PERSON"),
        organizations=organizations,
        org_words={k: _short_words(k) for k in organizations},
    )
    for key in sorted(merge.labels, key=lambda k: -k.count(" ")):
        if key.startswith("=") or is_acronym(min(merge.surfaces[key])):
            continue
        words = key.split()
        for rule in SHORT_FORM_RULES:
            found = rule(merge, known, key, words)
            if found is None:
                continue
            roots = {merge.find(k) for k in found.keys}
            if len(roots) == 1:
                merge.union(key, roots.pop())
            elif len(roots) > 1 and found.flag_if_several:
                merge.ambiguous[key] = sorted(max(merge.surfaces[k], key=len) for k in found.keys)
            break


def _completes(short: list[str], full: list[str], person: bool) -> bool:
    """'Merkel', 'Angela Merkel' or 'Dorothea Merkel' is a shorter form of 'Angela Dorothea
    Merkel'. The last only when `short` is itself a person's name ("Paler Lin" for "Josh
    Paler Lin": a two-word surname), not a place inside a name ("Las Vegas")."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    return (
        len(short) == 1
        or (short[0] == full[0] and set(short) <= set(full))
        or (person and full[-len(short) :] == short)
    )


def _short_words(name: str) -> tuple[str, str, str]:
    """The words one word can stand for `name` by: its first, its last, and its head noun,
    the word before "of"/"for" ("Observatory" in "Syrian Observatory for Human Rights")."""
    words = name.split()
    head = next((words[i - 1] for i in range(1, len(words)) if words[i] in _OF_WORDS), words[-1])
    return words[0], words[-1], head
