"""Later mentions of a known name that spaCy did not tag ("Ruiz" after "Ana Ruiz").

The fourth pass of `entities.py`: once mentions are merged into entities, every name an
entity goes by (its full name, a person's surname, an organization's initials, an alias) is
looked for again in the text, and each untagged whole-word occurrence joins that entity. A
surname two people share is added as its own entity naming both, never to either of them.

    >>> repeat_names(p, clusters, taken, ambiguous)  # extends `clusters` in place
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from newsprobe.analyzers.entities.mentions import Mention, Parsed, bare_name, mention_text, take
from newsprobe.analyzers.entities.name_forms import alias_key, fold, initials, preferred_name
from newsprobe.analyzers.entities.words import CONDITIONAL_ALIASES

__all__ = ["repeat_names"]


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
    forms: dict[str, int] = {}
    clashes: set[str] = set()
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
        if label == "PERSON":
            names |= {name.split()[-1] for name in names if " " in name}
            for name in names:
                if " " in name and surnames[name.split()[-1]] > 1:
                    shared.setdefault(name.split()[-1], set()).add(preferred_name(list(names)))
        if label == "ORG":  # "ECB" for "European Central Bank", even if spaCy missed both
            names |= {a for name in names if len(name.split()) >= 3 for a in initials(name)}
        targets = {alias_key(name) for name in names}
        names |= {a.upper() for a, target in CONDITIONAL_ALIASES.items() if target in targets}
        for name in names:
            if len(name) < 2 or name.islower() or (label == "PERSON" and surnames[name] > 1):
                continue
            if forms.setdefault(name, index) != index:
                clashes.add(name)
    candidates: dict[int, list[str]] = {}
    for surname, people in sorted(shared.items()):  # "Hale" alone, with two Hales about
        if surname not in forms and len(people) > 1:
            forms[surname] = len(clusters)
            candidates[len(clusters)] = sorted(people)
            clusters.append([])
    usable = sorted((f for f in forms if f not in clashes), key=len, reverse=True)
    if not usable:
        return
    text, cols = p.text, p.cols
    lowered: set[str] | None = None  # words seen in lowercase, built only when asked for
    for begin, form in _occurrences(text, usable):
        finish = begin + len(form)
        if any(taken[begin:finish]):  # most occurrences: spaCy tagged them already
            continue
        span = p.doc.char_span(begin, finish)
        if span is None:
            continue
        first = span.start
        if form.isupper():  # an acronym: "WHO" opens sentences as a pronoun would not
            if _shouted(p, span.start, span.end) or (
                fold(form) in CONDITIONAL_ALIASES and not _name_not_verb(p, span.start)
            ):
                continue
        elif cols.tokens[first].is_sent_start and cols.tag[first] != "NNP":
            if lowered is None:
                lowered = {w.lower() for w in re.findall(r"\w+", text) if w.islower()}
            if _common_word(p, first, lowered):
                continue
        if span.start > 0 and bare_name(p, span.start - 1):
            continue  # "Ruiz" in an untagged "Ana Ruiz" is not Luis Ruiz
        members = clusters[forms[form]]
        if not members:
            members.append(Mention(span.start, span.end, "PERSON", "repeated"))
            ambiguous[id(members[-1])] = candidates[forms[form]]
            take(p, members[-1], taken)
            continue
        label = Counter(m.label for m in members).most_common(1)[0][0]
        members.append(Mention(span.start, span.end, label, "repeated"))
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


def _common_word(p: Parsed, i: int, lowered: set[str]) -> bool:
    """A capitalized sentence opener that is a stop word or also appears in lowercase."""
    return p.cols.tokens[i].is_stop or p.cols.lower[i] in lowered


def _name_not_verb(p: Parsed, i: int) -> bool:
    """'IS' is the group, not an emphasized verb: no subject before it ("It IS true")."""
    cols = p.cols
    if cols.tag[i] == "NNP" or cols.tokens[i].is_sent_start:
        return True
    return (
        cols.pos[i - 1] in ("ADP", "VERB", "DET", "CCONJ", "SCONJ") or cols.tokens[i - 1].is_punct
    )


def _shouted(p: Parsed, start: int, end: int) -> bool:
    """An all-caps word among all-caps words is shouting, not an acronym."""
    words = p.cols.text
    near = [words[k] for k in range(max(0, start - 2), min(len(p), end + 2)) if words[k].isalpha()]
    return sum(w.isupper() for w in near) > end - start
