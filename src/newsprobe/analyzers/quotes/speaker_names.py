"""Who can speak in an article: its named people and organizations, and their genders.

The speaker resolver (`speakers`) links a speech cue to a subject and a pronoun to an
earlier person; both need the article's names as `Referent`s and a gender per name. Those
are read once per article, here, so the resolver only does the linking.

Names come from the entities analyzer's findings (canonical name and id) when it ran, else
from spaCy's PERSON/ORG spans, a bare surname extended to the fullest earlier name that
ends with it ("Ruiz" -> "Ana Ruiz"). Gender comes from votes: a courtesy title (Mr, Ms), a
short first-name list, and the first gendered pronoun after a mention and before the next
name; a tie leaves it unknown, and unknown gender fits either pronoun.

    >>> refs = index_names(doc, entities)
    >>> genders = vote_genders(refs, columns(doc), quoted_tokens, len(text))
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.findings import EntityFinding

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsprobe.analyzers.shared.tokens import Columns

__all__ = [
    "HONORIFICS",
    "HUMAN_NOUNS",
    "Referent",
    "index_names",
    "token_index_at",
    "vote_genders",
    "with_gender",
]

_MALE_TITLES = load_words("quotes/male_titles")
_FEMALE_TITLES = load_words("quotes/female_titles")
#: Courtesy titles: not part of a name ("Dr Ruiz" is "Ruiz").
HONORIFICS = _MALE_TITLES | _FEMALE_TITLES | load_words("quotes/neutral_titles")
# A small list of common given names (English and European) used only when the article
# itself gives no pronoun or title for a person.
_MALE_NAMES = load_words("quotes/male_given_names")
_FEMALE_NAMES = load_words("quotes/female_given_names")
#: Heads of descriptions that can speak ("one official", "a spokesperson for ...").
#: Extended after reading real copy, where "one local said", "user kestrel_9 posted" and
#: "the Marine filming exclaims" were read as things and lost to an outlet's name.
HUMAN_NOUNS = load_words("quotes/human_nouns")
_FEMALE_NOUNS = load_words("quotes/female_nouns")
_MALE_NOUNS = load_words("quotes/male_nouns")
_PRONOUN_GENDER = {w: "m" for w in ("he", "him", "his")} | {w: "f" for w in ("she", "her", "hers")}
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "WORK_OF_ART", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Referent:
    """Someone who can speak: a named entity, or a description the text gives."""

    name: str
    entity: str | None
    kind: str  # "person", "org", "desc" (a human description) or "thing"
    gender: str | None  # "m", "f", "plural" (a plural description) or None: unknown
    span: tuple[int, int]


def token_index_at(starts: Sequence[int], pos: int) -> int | None:
    """Index of the token covering character `pos`: the last one starting at or before it."""
    k = bisect_right(starts, pos) - 1
    return k if 0 <= k < len(starts) else None


def index_names(doc: Doc, entities: Sequence[EntityFinding]) -> list[tuple[int, int, Referent]]:
    """Every person and organization mention as (start, end, referent), sorted by start.

    Args:
        doc: The shared spaCy parse, read only when `entities` is empty.
        entities: Entity findings from the entities analyzer (may be empty).
    """
    names: list[tuple[int, int, Referent]] = []
    if entities:
        for ent in entities:
            kind = "person" if ent.label in _PERSON_LABELS else "org"
            if ent.label not in _PERSON_LABELS | _ORG_LABELS:
                continue
            for m in ent.mentions or [ent.span]:
                ref = Referent(ent.canonical, ent.id or None, kind, None, (m.start, m.end))
                names.append((m.start, m.end, ref))
    else:
        fullest: list[list[str]] = []
        for span in doc.ents:
            if span.label_ not in _PERSON_LABELS | _ORG_LABELS:
                continue
            words = [w.text for w in span if w.lower_.rstrip(".") not in HONORIFICS]
            words = [w for w in words if w not in ("'s", "’s")] or [span.text]
            kind = "person" if span.label_ in _PERSON_LABELS else "org"
            if kind == "person":
                longer = [f for f in fullest if len(f) > len(words) and f[-1] == words[-1]]
                words = max(longer, key=len) if longer else words
                fullest.append(words)
            ref = Referent(" ".join(words), None, kind, None, (span.start_char, span.end_char))
            names.append((span.start_char, span.end_char, ref))
    names.sort(key=lambda n: (n[0], -n[1]))
    return names


def vote_genders(
    names: Sequence[tuple[int, int, Referent]],
    cols: Columns,
    quoted: Sequence[bool],
    text_length: int,
) -> dict[str, str]:
    """Name -> "m" or "f" for every name whose votes do not tie.

    Args:
        names: The article's mentions, as `index_names` returns them.
        cols: The shared token columns.
        quoted: Per token, whether it lies inside quotation marks (its pronouns refer to
            someone the quoted speaker means, not to the mention before).
        text_length: Length of the article text: where the last mention's reach ends.
    """
    votes: dict[str, Counter[str]] = {}
    impersonal: set[str] = set()
    lower, starts = cols.lower, cols.idx
    pronouns = [i for i, w in enumerate(lower) if w in _PRONOUN_GENDER and not quoted[i]]
    # Organizations vote too: spaCy often calls a person an ORG.
    for k, (start, end, ref) in enumerate(names):
        vote = votes.setdefault(ref.name, Counter())
        first = ref.name.split()[0].lower() if ref.name.split() else ""
        vote["m" if first in _MALE_NAMES else "f" if first in _FEMALE_NAMES else "?"] += 1
        before = token_index_at(starts, start - 1) if start > 0 else None
        if ref.kind == "org" and before is not None and lower[before] == "the":
            # "the Daily Beacon", "the ministry": no person's name follows "the", so the
            # name is no person the model mislabelled, and no "she" can be it (pronoun
            # votes made outlets the speakers of women's quotes).
            impersonal.add(ref.name)
            continue
        if before is not None and lower[before].rstrip(".") in _MALE_TITLES:
            vote["m"] += 3
        elif before is not None and lower[before].rstrip(".") in _FEMALE_TITLES:
            vote["f"] += 3
        # The first gendered pronoun outside quotes within 40 tokens after the name,
        # before the next name starts, votes.
        limit = names[k + 1][0] if k + 1 < len(names) else text_length
        after = token_index_at(starts, end)
        if after is None:
            continue
        p = bisect_right(pronouns, after)
        if p < len(pronouns):
            j = pronouns[p]
            if j <= after + 40 and starts[j - 1] < limit:
                vote[_PRONOUN_GENDER[lower[j]]] += 2
    out: dict[str, str] = {}
    for name, vote in votes.items():
        m, f = vote["m"], vote["f"]
        if m != f and name not in impersonal:
            out[name] = "m" if m > f else "f"
    return out


def with_gender(ref: Referent, genders: dict[str, str]) -> Referent:
    """`ref` with its voted gender, or for a description the gender of its head noun."""
    gender = genders.get(ref.name)
    if gender is None and ref.kind == "desc":
        head = ref.name.split()[-1].lower() if ref.name.split() else ""
        gender = "f" if head in _FEMALE_NOUNS else "m" if head in _MALE_NOUNS else None
    return Referent(ref.name, ref.entity, ref.kind, gender, ref.span)
