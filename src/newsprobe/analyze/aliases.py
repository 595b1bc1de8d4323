"""Which names are the same entity: word lists, name comparison, and the merge itself.

The helper module of `entities.py` (the analyzer): it holds the hand-written lists the
analyzer matches names against (titles, roles, a small alias table, each saying where it
comes from), the `Mention` record, `cluster` (mentions -> entities: same name, alias, surname
or first name of one full name, acronym of one longer name) and `repeat_names` (later
occurrences of a known name that spaCy did not tag).

    >>> alias_key("U.S.")
    'united states'
    >>> fold("Ms. Zoë Ngata-Ruiz's")
    "ms zoe ngata-ruiz's"
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from newsprobe.analyze.tokens import Columns, columns

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "ALIAS_GROUPS",
    "CONDITIONAL_ALIASES",
    "CORPORATE_SUFFIXES",
    "FUNCTION_WORDS",
    "HONORIFICS",
    "MISLABELLED_PERSON",
    "ORG_WORDS",
    "PLACE_LABELS",
    "ROLE_HEADS",
    "SPEECH_VERBS",
    "STRONG_TITLES",
    "TITLE_WORDS",
    "Mention",
    "Parsed",
    "alias_key",
    "bare_name",
    "cluster",
    "fold",
    "initials",
    "is_acronym",
    "mention_text",
    "preferred_name",
    "repeat_names",
    "take",
    "taken_by",
    "text_range",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Courtesy titles: stripped from names for matching, never reported as a role.
HONORIFICS = _words(
    "mr mrs ms miss mx messrs dr prof sir dame lord lady madam mme mlle monsieur herr frau "
    "señor señora sr sra"
)

#: Nouns that head a role or office ("prime minister", "chief executive", "striker").
#: Compiled by hand from the titles that introduce people in wire copy (politics, business,
#: courts, military, religion, sport, science); a word here both marks a role phrase and,
#: directly before a name, says the name is a person.
ROLE_HEADS = _words("""
    president vice-president president-elect premier chancellor minister secretary senator
    sen representative rep congressman congresswoman lawmaker legislator mp mep governor gov
    mayor deputy speaker leader chairman chairwoman chairperson chair ceo cfo coo cto founder
    co-founder executive officer director manager head boss owner treasurer commissioner
    ambassador envoy diplomat consul spokesman spokeswoman spokesperson adviser advisor aide
    counsel attorney lawyer prosecutor judge justice magistrate sheriff marshal inspector
    detective constable sergeant sgt general gen colonel col lieutenant lt major maj
    captain capt admiral adm commander commodore corporal private king queen prince princess
    emperor empress duke duchess pope cardinal bishop archbishop rabbi imam reverend rev
    pastor father sheikh ayatollah coach striker midfielder defender goalkeeper forward
    quarterback pitcher batsman bowler driver rider jockey champion referee umpire
    trainer economist analyst professor researcher scientist physicist chemist biologist
    epidemiologist doctor surgeon nurse author novelist writer editor correspondent reporter
    columnist actor actress singer rapper artist producer candidate nominee
    dean rector provost principal chief superintendent auditor regulator negotiator
    footballer player winger cyclist boxer sprinter athlete swimmer golfer star host
    presenter anchor councillor councilman councilwoman rocker musician singer-songwriter
    comedian chef designer dancer model photographer architect engineer teacher pilot
    businessman businesswoman tycoon billionaire entrepreneur activist campaigner blogger
    influencer
""")

#: Titles that make a name a person even inside a span spaCy labelled ORG or GPE; narrower
#: than ROLE_HEADS because "General Motors" and "Justice Department" are organizations.
STRONG_TITLES = HONORIFICS | _words(
    "president chancellor minister senator sen rep governor gov mayor secretary judge coach "
    "ceo chairman chairwoman spokesman spokeswoman professor"
)

#: Verbs of saying: a capitalized name as their subject is very likely a person.
SPEECH_VERBS = _words(
    "say said says told tell tells added adds explained warned argued insisted claimed "
    "stated wrote noted recalled admitted denied confirmed"
)

#: Trailing words that name the legal form of a company; ignored when matching names,
#: so "Acme Holdings" and "Acme" are one organization.
CORPORATE_SUFFIXES = _words(
    "inc incorporated corp corporation co ltd limited plc llc llp lp ag sa nv gmbh bv spa "
    "holdings group"
)

#: Words that make a capitalized run an organization or place, not a person's name.
ORG_WORDS = CORPORATE_SUFFIXES | _words(
    "bank university college school hospital institute party council ministry department "
    "agency authority commission committee association union league club court police "
    "army navy airlines airways press news post journal street avenue road river lake "
    "mount island city county province state republic kingdom foundation gazette courier "
    "tribune chronicle times herald observer rovers united wanderers athletic fc "
    "administration government"
)

#: Words skipped when initials are taken to test an acronym ("Bank of England" -> BoE).
FUNCTION_WORDS = _words("of the and for de du des la le el al on in at to &")

#: Equivalent names of a few entities that news copy uses interchangeably and that no
#: rule derives (initials, surnames) on its own. Compiled by hand from the short forms that
#: the AP and Reuters style guides allow on later references; kept small on purpose: every
#: entry is an identity claim, and an alias table that grows unchecked merges things that
#: differ (the Kremlin is the Russian presidency, not Russia, so it is not listed).
ALIAS_GROUPS: dict[str, tuple[str, ...]] = {
    "united states": ("us", "usa", "united states of america", "america"),
    "united kingdom": ("uk", "britain", "great britain"),
    "united nations": ("un",),
    "european union": ("eu",),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "islamic state": (
        "isis",
        "isil",
        "daesh",
        "islamic state of iraq and syria",
        "islamic state of iraq and the levant",
        "islamic state group",
    ),
    "soviet union": ("ussr",),
    "united arab emirates": ("uae",),
    "democratic republic of the congo": ("drc", "dr congo"),
    "russia": ("russian federation",),
}

#: Aliases that are also ordinary words: they merge only when the entity they stand for is
#: named some other way in the same article ("IS" only beside "Islamic State" or "ISIS").
CONDITIONAL_ALIASES: dict[str, str] = {"is": "islamic state"}

#: spaCy labels of places and groups, and the labels it wrongly gives unfamiliar names.
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
MISLABELLED_PERSON = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"})

#: Unions used per token, built once (``a | b`` makes a new set on every call).
TITLE_WORDS = HONORIFICS | ROLE_HEADS
NOT_NAME_WORDS = ORG_WORDS | TITLE_WORDS

_ALIAS_OF = {alias: key for key, aliases in ALIAS_GROUPS.items() for alias in (key, *aliases)}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)  # a pure function of a word, asked for the same words again and again
def fold(text: str) -> str:
    """Casefolded, accent-free, dot-free form of a name, used only to compare names."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Letters NFKD does not decompose but people still type without their stroke.
    plain = plain.translate(str.maketrans("łŁøØđĐßæÆ", "lLoOdDsaA"))
    return _SPACES.sub(" ", plain.replace(".", " ").replace("  ", " ")).strip().casefold()


def alias_key(text: str) -> str | None:
    """The alias group a name belongs to, or None when it is in no group."""
    key = fold(text)
    if key.startswith("the "):
        key = key[4:]
    return _ALIAS_OF.get(key) or _ALIAS_OF.get(key.replace(" ", ""))


_ACRONYM = re.compile(r"[A-Z](?:[A-Z&]|\.(?=[A-Z]))*\.?")


@lru_cache(maxsize=4096)  # pure, and asked again for every surface of every entity
def is_acronym(text: str) -> bool:
    """'ECB', 'U.S.', 'AT&T': two to eight capitals, nothing else."""
    letters = sum(c.isalpha() for c in text)
    return 2 <= letters <= 8 and _ACRONYM.fullmatch(text) is not None


def initials(name: str) -> set[str]:
    """The acronyms a name can be shortened to, with and without its small words.

    >>> sorted(initials("Federal Bureau of Investigation"))
    ['FBI', 'FBOI']
    """
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    if words and words[0].lower() == "the":
        words = words[1:]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in FUNCTION_WORDS).upper()
    return {every, content}


def preferred_name(texts: list[str]) -> str:
    """The fullest form: most words, then longest, avoiding ALL CAPS when another exists."""
    mixed = [t for t in texts if not t.isupper()] or texts
    return max(mixed, key=lambda t: (len(t.split()), len(t), -texts.index(t)))


@dataclass(slots=True)
class Mention:
    start: int  # first token
    end: int  # one past the last token
    label: str
    source: str  # "ner", "recovered", "acronym", "repeated"; "absorbed" into a longer one
    weak: bool = False  # in a Title Case headline: kept only if it joins a body entity
    titled: bool = False  # a courtesy or office title stands before it


@dataclass(frozen=True, slots=True)
class Parsed:
    """One article's parse as the entity passes read it, built once per article.

    ``doc[i]`` makes a new Token object and ``Doc.text`` joins every token again on each
    call, so the passes index the shared token columns and keep one copy of the text.
    """

    doc: Doc
    cols: Columns
    text: str

    @classmethod
    def of(cls, doc: Doc, text: str) -> Parsed:
        """The parse `doc` of `text` (the article text the pipeline parsed)."""
        cols = columns(doc)
        if not cols.text or len(text) != cols.idx[-1] + len(cols.tokens[-1].text_with_ws):
            text = doc.text  # not the parse of `text` after all: trust the parse
        return cls(doc, cols, text)

    def __len__(self) -> int:
        return len(self.cols.text)

    def end_char(self, i: int) -> int:
        """Character offset just after token `i`."""
        return self.cols.idx[i] + len(self.cols.text[i])


def bare_name(p: Parsed, i: int) -> bool:
    """Token `i` is a capitalized proper noun outside any entity, and not a title."""
    cols = p.cols
    return (
        cols.ent_iob[i] == "O"
        and cols.tag[i] == "NNP"
        and cols.text[i].istitle()  # what Token.is_title computes
        and fold(cols.text[i]) not in TITLE_WORDS
    )


def text_range(p: Parsed, start: int, end: int) -> str:
    """The text of tokens `[start, end)`, as ``doc[start:end].text`` gives it."""
    if start >= end:
        return ""
    return p.text[p.cols.idx[start] : p.end_char(end - 1)]


def mention_text(p: Parsed, mention: Mention) -> str:
    return text_range(p, mention.start, mention.end)


def taken_by(p: Parsed, mentions: list[Mention]) -> bytearray:
    """Which characters already belong to a mention (so later passes never overlap)."""
    taken = bytearray(len(p.text) + 1)
    for m in mentions:
        take(p, m, taken)
    return taken


def take(p: Parsed, m: Mention, taken: bytearray) -> None:
    start, end = p.cols.idx[m.start], p.end_char(m.end - 1)
    taken[start:end] = b"\x01" * (end - start)


# --- merging mentions into entities ---------------------------------------------------------


def _key(p: Parsed, m: Mention) -> str:
    text = mention_text(p, m)
    aliased = alias_key(text) if m.label != "PERSON" else None
    if aliased:
        return "=" + aliased
    words = fold(text).split()
    if m.label == "ORG":
        while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
            words.pop()
    return " ".join(words)


def cluster(
    p: Parsed, mentions: list[Mention], pairs: list[tuple[int, int]]
) -> tuple[list[list[Mention]], dict[int, list[str]]]:
    keys = [_key(p, m) if m.source != "absorbed" else "" for m in mentions]
    present = set(keys)
    for index, m in enumerate(mentions):  # "IS" only beside another name of Islamic State
        target = (
            CONDITIONAL_ALIASES.get(fold(mention_text(p, m)))
            if mention_text(p, m).isupper()
            else None
        )
        if target is not None:
            keys[index] = "=" + target if "=" + target in present else ""
    parent = {key: key for key in keys if key}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a, b in pairs:
        if keys[a] and keys[b]:
            union(keys[a], keys[b])
    labels: dict[str, Counter[str]] = {}
    surfaces: dict[str, set[str]] = {}
    for key, m in zip(keys, mentions, strict=True):
        if key:
            labels.setdefault(key, Counter())[m.label] += 2 if m.titled else 1
            surfaces.setdefault(key, set()).add(mention_text(p, m))
    for key in labels:  # "Elena Sorin" (ORG) ... "Sorin": later called by the last name only
        words = key.split()
        if (
            2 <= len(words) <= 3
            and labels[key].most_common(1)[0][0] in MISLABELLED_PERSON
            and words[-1] in labels
            and words[0] not in labels
            and not set(words) & ORG_WORDS
            and not key.startswith("=")
        ):
            for name in (key, words[-1]):
                labels[name] = Counter({"PERSON": 1})
                for index in (i for i, k in enumerate(keys) if k == name):
                    mentions[index].label = "PERSON"
    people = [k for k in labels if labels[k].most_common(1)[0][0] == "PERSON" and " " in k]
    organizations = [
        k for k in labels if labels[k].most_common(1)[0][0] == "ORG" and " " in k and "=" not in k
    ]
    ambiguous: dict[str, list[str]] = {}
    for key in labels:
        if key.startswith("=") or is_acronym(min(surfaces[key])):
            continue
        words = key.split()
        fuller = [p for p in people if p != key and _completes(words, p.split())]
        if not fuller and len(words) == 1 and labels[key].most_common(1)[0][0] == "PERSON":
            fuller = [p for p in people if p.split()[0] == words[0]]
        if len({find(p) for p in fuller}) == 1:
            union(key, fuller[0])
        elif len(fuller) > 1:
            ambiguous[key] = sorted(max(surfaces[p], key=len) for p in fuller)
        elif len(words) == 1 and labels[key].most_common(1)[0][0] not in PLACE_LABELS:
            # "Halvorsen" or "Gazette" for "Halvorsen Foods" or "Harbour Gazette"
            longer = {find(k) for k in organizations if words[0] in (k.split()[0], k.split()[-1])}
            if len(longer) == 1:
                union(key, longer.pop())
    for key in labels:  # an acronym joins the one longer name whose initials it spells
        acronym = next((s for s in surfaces[key] if is_acronym(s)), None)
        if acronym is None or labels[key].most_common(1)[0][0] == "PERSON":
            continue
        spelled = {find(k) for k in labels if k != key and _spells(acronym, surfaces[k])}
        if len(spelled) == 1:
            union(key, spelled.pop())
    clusters: dict[str, list[Mention]] = {}
    for key, m in zip(keys, mentions, strict=True):
        if key:
            clusters.setdefault(find(key), []).append(m)
    flagged = {id(m): ambiguous[k] for k, m in zip(keys, mentions, strict=True) if k in ambiguous}
    return list(clusters.values()), flagged


def _completes(short: list[str], full: list[str]) -> bool:
    """'Merkel' or 'Angela Merkel' is a shorter form of 'Angela Dorothea Merkel'."""
    if len(short) >= len(full) or short[-1] != full[-1]:
        return False
    return len(short) == 1 or (short[0] == full[0] and set(short) <= set(full))


def _spells(acronym: str, surfaces: set[str]) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", acronym).upper()
    return any(letters in initials(s) for s in surfaces if len(s.split()) >= 2)


# --- later mentions spaCy missed ------------------------------------------------------------


def repeat_names(
    p: Parsed, clusters: list[list[Mention]], taken: bytearray, ambiguous: dict[int, list[str]]
) -> None:
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
