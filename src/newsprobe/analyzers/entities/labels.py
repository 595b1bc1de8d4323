"""Labels from the article's own words: the pass that corrects spaCy's guesses.

spaCy's small model labels each mention from the few words around it and from how the name
looks, so outlets, companies and armed groups with unusual names come out as people
("Comcast", "Vocativ", "Boko Haram"), places as people or groups ("in Las Vegas", "east
of Aleppo"), and newspapers as products ("the Telegraph"). The article usually says what a
name is, somewhere: "the site Vocativ", "a Comcast customer", "told the Telegraph", "the
Observatory said", "near Erbil", "Mubi, a town". This pass collects those cues for every
mention, adds them up over all mentions of the same name, and relabels the name when the
cues outvote spaCy and nothing in the article marks it as a person (a title, a role noun,
an age).

Read off FNC-1 bodies 1400-1424, where such mislabels were about one entity in eight.

    >>> relabel(p, mentions)  # sets ``Mention.label`` in place
"""

from __future__ import annotations

from collections import Counter

from newsprobe.analyzers.entities.mentions import Mention, Parsed
from newsprobe.analyzers.entities.words import (
    COMPASS_WORDS,
    DISEASE_CUES,
    INSTITUTION_HEADS,
    ORG_FOLLOWERS,
    ORG_NOUNS,
    OUTLET_FOLLOWERS,
    PLACE_NOUNS,
    STREET_WORDS,
    TITLE_WORDS,
)
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.analyzers.shared.speech_verbs import verbs_for

__all__ = ["DISEASE", "relabel"]

# Which of spaCy's labels each kind of cue may overturn. "The" before a name rules out a
# person but not a place ("the Netherlands") or a group ("the Kurds"); a following "stores"
# or "fighters" says organization after a person's name but not after an adjective
# ("Kurdish fighters") or a country ("its China unit").
_THE_ORG = frozenset({"PERSON"})
_NOUN_ORG = frozenset({"PERSON", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"})
_FOLLOWER_ORG = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART"})
_OUTLET_ORG = frozenset({"PERSON", "NORP", "LOC", "PRODUCT", "WORK_OF_ART"})
_TO_PLACE = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
# "in" before an organization is ordinary ("in Congress", "in ISIS"); these are not.
_STRONG_LOCATIVE = frozenset({"near", "outside", "around", "inside"})
_LOCATIVE = _STRONG_LOCATIVE | {"in", "across", "throughout"}
_OUTLET_VERBS = verbs_for("outlet_subject")
_CHANGEABLE = _NOUN_ORG | _TO_PLACE
# Nouns that, right before a name, say it is a place: "the Yemeni capital, Sana", "capital
# Managua". Not "state" ("state media KCNA") nor the words for a place's edges.
_PLACE_BEFORE = (PLACE_NOUNS | {"capital"}) - {"state", "countryside", "outskirts"}
# "diagnosed with Ebola", "died of Ebola", "cases of Ebola", "exposure to Ebola".
_DISEASE_BEFORE = load_words("entities/disease_before")
_STREET_BEFORE = frozenset({"in", "on", "at", "along", "down", "off", "near", "up"})
#: The internal label of a disease ("Ebola"): `entities` reports no entity for it.
DISEASE = "DISEASE"
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "POS"})  # "POS": "Ruiz's"


def relabel(p: Parsed, mentions: list[Mention]) -> None:
    """Give each name the label its mentions' cues vote for, in place.

    Mentions are grouped by their text; a group's cues are counted over all its
    mentions, so one "told the Telegraph" settles every bare "Telegraph" of the article.
    """
    cols, text = p.cols, p.text
    groups: dict[str, list[Mention]] = {}
    surnames = set()  # "Wilson" in "According to Wilson" is Darren Wilson, named before
    for m in mentions:
        if m.source != "absorbed" and m.label in _CHANGEABLE:
            groups.setdefault(text[cols.idx[m.start] : p.end_char(m.end - 1)], []).append(m)
            if m.label == "PERSON" and m.end - m.start > 1:
                surnames.add(cols.text[m.end - 1])
    for key, members in groups.items():
        if len(members) == 1:  # most names: no vote to count
            label = members[0].label
        else:
            label = Counter(m.label for m in members).most_common(1)[0][0]
        if label == "PERSON" and key in surnames:
            continue
        new = _voted_label(p, members, label)
        if new != label:
            for m in members:
                m.label = new


def _voted_label(p: Parsed, members: list[Mention], label: str) -> str:
    lower = p.cols.lower
    if label == "PERSON" and any(
        lower[m.end - 1] in INSTITUTION_HEADS and m.end - m.start > 1 for m in members
    ):
        return "ORG"  # "U.S. Central Command", "Keller Williams Realty"
    if lower[members[0].end - 1] in STREET_WORDS and any(
        m.end - m.start > 1 and m.start > 0 and lower[m.start - 1] in _STREET_BEFORE
        for m in members
    ):
        return "FAC"  # "in Scotch Street", "on Harbour Road"
    votes = [0, 0, 0, 0]  # organization, place, group, person
    for m in members:
        for kind, count in enumerate(_cues(p, m, label)):
            votes[kind] += count
    org, place, group, person = votes
    if person:
        return label
    if not place and sum(_disease_cue(p, m) for m in members) > org:
        return DISEASE
    if group and group >= org and not place and label == "PERSON":
        return "NORP"  # "a Briton", "an Aussie": a demonym, which takes "a" as no name does
    if org > place and label in _NOUN_ORG | _OUTLET_ORG:
        return "ORG"
    # A person's name after "in" now and then ("confidence in Ruiz") is no place: for a
    # person, half the mentions must be placed.
    if place > org and label in _TO_PLACE and (label != "PERSON" or 2 * place >= len(members)):
        return "GPE"
    return label


def _cues(p: Parsed, m: Mention, label: str) -> tuple[int, int, int, int]:
    """``(organization, place, group, person)`` cues around one mention."""
    cols = p.cols
    lower, n = cols.lower, len(p)
    s, e = m.start, m.end
    before = lower[s - 1] if s > 0 else ""
    after = cols.text[e] if e < n and cols.text[e].islower() else ""  # not "Kansas City"
    if m.titled or before in TITLE_WORDS or _aged(p, e):
        return 0, 0, 0, 1  # "analyst Ana Ruiz", "Ana Ruiz, 40,"
    if label == "NORP" and cols.tag[e - 1] == "JJ":
        return 0, 0, 0, 0  # "the Syrian city of Raqqa": an adjective, whatever follows
    org = place = 0
    ends_phrase = e >= n or cols.tag[e] not in _NOUN_TAGS  # not "the Smith family"
    the = before == "the"
    if before in ("a", "an") and ends_phrase and e - s == 1:
        return 0, 0, 1, 0  # "a Briton" (a Comcast customer is a customer)
    noun = lower[s - 2] if the and s > 1 else before
    if noun in ORG_NOUNS and cols.tag[s - 2 if the else s - 1].startswith("NN"):
        org += label in _NOUN_ORG  # "extremist group Boko Haram", "the site Vocativ"
    if the and ends_phrase and label in _THE_ORG:
        org += 1  # "the Observatory said": people take no article
    if after in ORG_FOLLOWERS and label in _FOLLOWER_ORG:
        org += 1  # "a Comcast customer", "Boko Haram militants"
    if after in OUTLET_FOLLOWERS and label in _OUTLET_ORG:
        org += 1  # "the Esquire article"
    if label == "PERSON" and e + 1 < n and cols.text[e] == "," and lower[e + 1] == "which":
        org += 1  # "Northline Freight, which runs 12 services": people take "who"
    # Bare, only a one-word name: "Ana Ruiz reported" is a person, "Vocativ reported" not.
    bare = e - s == 1 and label in ("PERSON", "NORP") and cols.tag[s] == "NNP"
    if label in _OUTLET_ORG and (the or bare) and ends_phrase and _outlet(p, s, e):
        org += 1  # "told the Telegraph", "Vocativ reported"
    if label in _TO_PLACE:
        place += _place_cue(p, s, e, label, ends_phrase)
    return org, place, 0, 0


def _disease_cue(p: Parsed, m: Mention) -> bool:
    """ "the Ebola outbreak", "an Ebola patient", "diagnosed with Ebola", "cases of Ebola"."""
    cols = p.cols
    lower, s, e = cols.lower, m.start, m.end
    if e - s > 2:
        return False
    if e < len(p) and lower[e] in DISEASE_CUES and cols.text[e].islower():
        return True
    return (
        s > 1
        and lower[s - 1] in ("with", "of", "from", "to", "for")
        and (lower[s - 2] in _DISEASE_BEFORE)
    )


def _aged(p: Parsed, e: int) -> bool:
    """ "Ana Ruiz, 40," gives a person's age."""
    words = p.cols.text
    return e + 2 < len(p) and words[e] == "," and words[e + 1].isdigit() and words[e + 2] == ","


def _outlet(p: Parsed, s: int, e: int) -> bool:
    """The name reports or is told things: "X reported", "told X", "published by X",
    "according to X"."""
    cols = p.cols
    root = next((i for i in range(s, e) if not s <= cols.head[i] < e), e - 1)
    head, dep = cols.head[root], cols.dep[root]
    if dep == "nsubj" and cols.lemma[head] in _OUTLET_VERBS:
        return True
    if dep in ("dobj", "dative") and cols.lemma[head] == "tell":
        return True
    if s > 1 and cols.lower[s - 1] == "by" and cols.lemma[s - 2] in _OUTLET_VERBS:
        return True  # "published by X"
    return s > 1 and cols.lower[s - 2 - (cols.lower[s - 1] == "the")] == "according"


def _place_cue(p: Parsed, s: int, e: int, label: str, ends_phrase: bool) -> int:
    """'near Erbil', 'east of Aleppo', 'in northern Aleppo province', 'Mubi, a town'."""
    words, lower, n = p.cols.text, p.cols.lower, len(p)
    after = words[e] if e < n and words[e].islower() else ""
    if after in PLACE_NOUNS:  # "Aleppo province", "Ninewa governorate"
        return 1
    cols = p.cols
    comma = e < n and words[e] == ","
    if comma and e + 2 < n and lower[e + 1] in ("a", "an", "the"):
        for j in range(e + 2, min(e + 5, n - 1)):
            if lower[j] in _PLACE_BEFORE and cols.tag[j + 1] not in _NOUN_TAGS:
                return 1  # "Mubi, a town", "Mubi, the home town of ...", not "the city's"
            if not words[j].islower():
                break
    if (
        comma
        and e + 1 < n
        and cols.ent_iob[e + 1] == "B"
        and cols.ent_type[e + 1] == "GPE"
        and (label != "PERSON" or (s > 0 and lower[s - 1] in _LOCATIVE))
    ):
        g = e + 2
        while g < n and cols.ent_iob[g] == "I":
            g += 1
        if g >= n or cols.tag[g] != "POS":
            return 1  # "in Incheon, South Korea", "Sugar Mountain, North Carolina"
    j = s - 1 - (s > 1 and words[s - 1] == ",")
    if j >= 0 and lower[j] in _PLACE_BEFORE and cols.tag[j] == "NN":
        return 1  # "the Yemeni capital, Sana", "the port city Tartus"
    k = s - 1
    if k >= 0 and lower[k] in COMPASS_WORDS:
        k -= 1
    if k < 0 or not ends_phrase:  # "in Kurdish areas" names the areas, not a place
        return 0
    if (
        lower[k] == "of"
        and k > 0
        and (lower[k - 1] in COMPASS_WORDS or lower[k - 1] in PLACE_NOUNS)
    ):
        return 1  # "east of Aleppo", "the city of Mosul"
    locative = _STRONG_LOCATIVE if label == "ORG" else _LOCATIVE
    return int(lower[k] in locative)
