"""Later mentions of a known name that spaCy did not tag ("Ruiz" after "Ana Ruiz").

The fourth pass of `entities.py`: once mentions are merged into entities, every name an
entity goes by is looked for again in the text, and each untagged whole-word occurrence
joins that entity. Two ordered sequences of small named rules decide:

- `NAME_FORM_RULES` say which names an entity goes by besides the texts of its mentions
  (a person's surname, an organization's initials, an alias that is also a word); a
  name two entities go by is looked for for neither. A surname two people share is
  looked for as its own entity naming both, never added to either of them.
- `OCCURRENCE_VETOES` say when an occurrence of such a name is not a mention (a
  shouted word, a verb, a capitalized common word, part of another name).

Each rule's docstring gives the sentence that motivated it.

    >>> repeat_names(p, clusters, taken, ambiguous)  # extends `clusters` in place
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsprobe.analyzers.entities.mentions import Mention, Parsed, bare_name, mention_text, take
from newsprobe.analyzers.entities.name_forms import alias_key, fold, initials, preferred_name
from newsprobe.analyzers.entities.words import CONDITIONAL_ALIASES

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "NAME_FORM_RULES",
    "OCCURRENCE_VETOES",
    "Scan",
    "alias_that_is_a_word",
    "common_word_opening_a_sentence",
    "initials_of_organization",
    "inside_an_untagged_name",
    "repeat_names",
    "shouted_not_an_acronym",
    "surnames_of_person",
    "verb_not_the_alias",
]

#: A name-form rule: given an entity's names so far and its label, more names it goes by.
NameFormRule = Callable[[set[str], str], set[str]]


def surnames_of_person(names: set[str], label: str) -> set[str]:
    """A person goes by the last word of a full name.

    "Idris Calder opened the inquiry on Monday. The next day Calder questioned the
    harbour master." (spaCy tags the full name, not the surname.)
    """
    if label != "PERSON":
        return set()
    return {name.split()[-1] for name in names if " " in name}


def initials_of_organization(names: set[str], label: str) -> set[str]:
    """An organization of three words or more goes by its initials, even where spaCy
    did not tag them as a name.

    "The Northern Grain Board met on Monday. Under NGB rules, the vote is binding."
    """
    if label != "ORG":
        return set()
    return {a for name in names if len(name.split()) >= 3 for a in initials(name)}


def alias_that_is_a_word(names: set[str], label: str) -> set[str]:
    """An entity goes by an alias that is also an ordinary word when it is named some
    other way in the article ("IS" beside "Islamic State" or "ISIS").

    "Islamic State claimed the attack. Officials blamed IS for the blast."
    """
    targets = {alias_key(name) for name in names}
    return {a.upper() for a, target in CONDITIONAL_ALIASES.items() if target in targets}


#: Applied in order; each sees the names the ones before it added.
NAME_FORM_RULES: tuple[NameFormRule, ...] = (
    surnames_of_person,
    initials_of_organization,
    alias_that_is_a_word,
)


@dataclass(slots=True)
class Scan:
    """One article as the occurrence vetoes read it."""

    p: Parsed
    _lowered: set[str] | None = field(default=None, repr=False)

    @property
    def lowered(self) -> set[str]:
        """Words the article writes in lowercase somewhere; built when first asked for."""
        if self._lowered is None:
            self._lowered = {w.lower() for w in re.findall(r"\w+", self.p.text) if w.islower()}
        return self._lowered


#: An occurrence veto: True when the occurrence `span` of the name `form` is no mention.
OccurrenceVeto = Callable[[Scan, "SpacySpan", str], bool]


def shouted_not_an_acronym(scan: Scan, span: SpacySpan, form: str) -> bool:
    """An all-caps word among all-caps words is shouting, not an acronym.

    "The World Health Organization (WHO) met on Monday. PROTESTERS SHOUTED WHO CARES AT
    THE GATES."
    """
    if not form.isupper():
        return False
    words = scan.p.cols.text
    start, end = span.start, span.end
    near = [
        words[k] for k in range(max(0, start - 2), min(len(scan.p), end + 2)) if words[k].isalpha()
    ]
    return sum(w.isupper() for w in near) > end - start


def verb_not_the_alias(scan: Scan, span: SpacySpan, form: str) -> bool:
    """An alias that is also a word is the word after a subject: "It IS true" is no
    group, "blamed IS" is.

    "Islamic State claimed the attack. Officials blamed IS for the blast. It IS true,
    one said."
    """
    if not form.isupper() or fold(form) not in CONDITIONAL_ALIASES:
        return False
    cols, i = scan.p.cols, span.start
    if cols.tag[i] == "NNP" or cols.tokens[i].is_sent_start:
        return False
    before_is_no_subject = (
        cols.pos[i - 1] in ("ADP", "VERB", "DET", "CCONJ", "SCONJ") or cols.tokens[i - 1].is_punct
    )
    return not before_is_no_subject


def common_word_opening_a_sentence(scan: Scan, span: SpacySpan, form: str) -> bool:
    """A capitalized sentence opener (not tagged a proper noun) that is a stop word or
    that the article also writes in lowercase is that word, not the name.

    "Lee Brand chairs the board. Brand loyalty is falling, the survey found, and the
    brand has lost ground."
    """
    cols, i = scan.p.cols, span.start
    if form.isupper() or not cols.tokens[i].is_sent_start or cols.tag[i] == "NNP":
        return False
    return cols.tokens[i].is_stop or cols.lower[i] in scan.lowered


def inside_an_untagged_name(scan: Scan, span: SpacySpan, form: str) -> bool:
    """A surname after an untagged proper noun belongs to that other person's name.

    "Ana Ruiz chaired the hearing; Tomas Ruiz, her cousin, testified." (spaCy tags only
    "Tomas Ruiz"; the "Ruiz" of the untagged "Ana Ruiz" is not his.)
    """
    return span.start > 0 and bare_name(scan.p, span.start - 1)


#: Checked for every untagged occurrence; any one of them rules the occurrence out.
OCCURRENCE_VETOES: tuple[OccurrenceVeto, ...] = (
    shouted_not_an_acronym,
    verb_not_the_alias,
    common_word_opening_a_sentence,
    inside_an_untagged_name,
)


@dataclass(slots=True)
class _Forms:
    """The names to look for: name -> index of the entity (in the clusters) it names."""

    entity: dict[str, int] = field(default_factory=dict)
    clashes: set[str] = field(default_factory=set)  # names two entities go by
    candidates: dict[int, list[str]] = field(default_factory=dict)  # shared surnames


def _forms(p: Parsed, clusters: list[list[Mention]]) -> _Forms:
    """Every name each entity goes by, and the surnames two people share as entities of
    their own (appended to `clusters`, empty): "Hale" alone, with two Hales about."""
    forms = _Forms()
    surnames = Counter(
        name.split()[-1]
        for c in clusters
        for name in {mention_text(p, m) for m in c}
        if " " in name
    )
    shared: dict[str, set[str]] = {}  # surname -> the full names of people who share it
    for index, members in enumerate(clusters):
        names = {mention_text(p, m) for m in members}
        label = Counter(m.label for m in members).most_common(1)[0][0]
        for rule in NAME_FORM_RULES:
            names |= rule(names, label)
            if rule is surnames_of_person and label == "PERSON":
                for name in names:
                    if " " in name and surnames[name.split()[-1]] > 1:
                        shared.setdefault(name.split()[-1], set()).add(preferred_name(list(names)))
        for name in names:
            if len(name) < 2 or name.islower() or (label == "PERSON" and surnames[name] > 1):
                continue
            if forms.entity.setdefault(name, index) != index:
                forms.clashes.add(name)
    for surname, people in sorted(shared.items()):
        if surname not in forms.entity and len(people) > 1:
            forms.entity[surname] = len(clusters)
            forms.candidates[len(clusters)] = sorted(people)
            clusters.append([])
    return forms


def repeat_names(
    p: Parsed, clusters: list[list[Mention]], taken: bytearray, ambiguous: dict[int, list[str]]
) -> None:
    """Add the untagged later occurrences of each entity's names to `clusters`, in place.

    Args:
        p: The article's parse.
        clusters: The entities from `aliases.cluster`; new mentions are appended to them, and
            a surname two people share becomes a new entity at the end.
        taken: Characters already in a mention; updated with every mention added.
        ambiguous: Candidates of ambiguous mentions, by ``id()``; updated likewise.
    """
    forms = _forms(p, clusters)
    usable = sorted((f for f in forms.entity if f not in forms.clashes), key=len, reverse=True)
    if not usable:
        return
    scan = Scan(p)
    for begin, form in _occurrences(p.text, usable):
        finish = begin + len(form)
        if any(taken[begin:finish]):  # most occurrences: spaCy tagged them already
            continue
        span = p.doc.char_span(begin, finish)
        if span is None or any(veto(scan, span, form) for veto in OCCURRENCE_VETOES):
            continue
        index = forms.entity[form]
        members = clusters[index]
        if members:
            label = Counter(m.label for m in members).most_common(1)[0][0]
            members.append(Mention(span.start, span.end, label, "repeated"))
        else:
            members.append(Mention(span.start, span.end, "PERSON", "repeated"))
            ambiguous[id(members[-1])] = forms.candidates[index]
        take(p, members[-1], taken)


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return c.isalnum() or c == "_"


def _occurrences(text: str, forms: list[str]) -> Iterator[tuple[int, str]]:
    """Where `forms` stand as whole names: the matches ``re.finditer`` would give for
    ``(?<![\\w'’-])(?:form1|form2|...)(?![\\w-])`` with `forms` in that order.

    Compiling that alternation anew for every article cost more than the rest of the
    pass; ``str.find`` per form needs no compiling and keeps the regex's choices: at each
    position the first form (in order) that is followed by a word boundary wins, and the
    scan resumes after it.
    """
    at: dict[int, list[str]] = {}
    for form in forms:  # in order, so each position's list is in alternation order
        pos = text.find(form)
        while pos >= 0:
            at.setdefault(pos, []).append(form)
            pos = text.find(form, pos + 1)
    resume = 0
    for pos in sorted(at):
        if pos < resume:
            continue
        before = text[pos - 1] if pos > 0 else ""
        if before and (_is_word_char(before) or before in "'’-"):
            continue
        for form in at[pos]:
            end = pos + len(form)
            after = text[end] if end < len(text) else ""
            if not after or not (_is_word_char(after) or after == "-"):
                yield pos, form
                resume = end
                break
