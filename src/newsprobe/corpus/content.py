"""Content words: what two sentences must share to be about the same thing.

Claims, speculation and questions are compared with other outlets' sentences only when
they share content words: folded words of three letters or more that are not function
words, reporting verbs or hedges, lightly stemmed so that "discussed" meets "discuss" and
"quotas" meets "quota". This keeps the stance model's pairs few (the cost of a
cross-check stays small) and points each claim at the sentences that bear on it.

    >>> sorted(content_words("Could the leaders have discussed fishing quotas?"))
    ['discuss', 'fish', 'leader', 'quota']
    >>> stem("agreed") == stem("agree")
    True
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

from newsprobe.analyzers.shared.stems import stem
from newsprobe.corpus.names import fold

__all__ = [
    "NEGATIONS",
    "OPPOSITES",
    "anchors",
    "concept_words",
    "content_words",
    "name_words",
    "negated",
    "opposed",
    "overlap",
    "stem",
    "surface_word",
    "words_of",
]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)?")

_STOP = frozenset(
    """about above after again against all also and any are around because been before
    being below between both but can cannot could did does doing down during each even
    ever every few for from further had has have having her here hers herself him himself
    his how into its itself just least less many may might more most much must near
    neither never nor not now off once only other ought our ours out over own same shall
    she should since some still such than that the their theirs them themselves then there
    these they this those though through too under until upon very was were what when
    where whether which while who whom whose why will with within without would yet you
    your yours like one two three four five six seven eight nine ten first second last next
    said say says saying told tell tells according added adding reported reports reporting
    stated announced claimed noted asked explained insisted confirmed believed appears
    appeared apparently reportedly allegedly perhaps possibly probably likely seem seems
    seemed well also however meanwhile anyone anything someone something everyone nothing
    thing things way time times day days week weeks year years today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday morning evening night""".split()
) | frozenset(
    # The commonest function words of French, German, Italian and Spanish: a figure's
    # clause in those languages is compared by its content words too.
    """les des une dans pour par sur avec qui que est sont ont été plus aux ces cette leur
    der die das den dem des und ist sind wurde wurden hat haben mit von für auf bei nach
    ein eine einen einem einer sich nicht auch noch über zum zur vom dauerte
    del della delle degli dei nel nella con per sono stato stati anche che una uno alla
    los las del por con para una uno que fue han sido más sus""".split()
)
#: Words that deny or negate what a sentence says (the stance model's weak spot on short
#: texts: "officials denied that an agreement was reached" reads as agreement to it).
NEGATIONS = frozenset(
    """not no never nothing none neither nor cannot without deny denies denied denying
    denial reject rejects rejected false untrue incorrect refute refuted refutes dismissed
    dismisses wrong hoax bogus fabricated""".split()
)
#: Words that say the opposite of each other ("shares rose" / "shares fell"), by stem.
OPPOSITES: tuple[tuple[str, str], ...] = (
    ("rose", "fell"), ("rise", "fall"), ("ris", "fall"), ("increas", "decreas"),
    ("increas", "cut"), ("gain", "lost"), ("higher", "lower"), ("more", "fewer"),
    ("above", "below"), ("won", "lost"), ("win", "los"), ("accept", "reject"),
    ("approv", "reject"), ("open", "clos"), ("reopen", "clos"), ("confirm", "deni"),
    ("support", "oppos"), ("guilty", "innocent"), ("allow", "ban"), ("hire", "fire"),
    ("expand", "shrink"), ("resum", "suspend"), ("start", "stop"), ("began", "ended"),
    ("pass", "fail"),
)  # fmt: skip
_OPPOSITE = {a: b for a, b in OPPOSITES} | {b: a for a, b in OPPOSITES}
_NEGATION_MARKS = re.compile(r"n['’]t\b", re.IGNORECASE)
_CLITIC = re.compile(r"['’](?:s|re|ll|ve|d|m)$")


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Stemmed content words of `text` (any language; the stop list is English)."""
    found = set()
    for match in _WORD.finditer(text):
        written = fold(match.group())
        if _NEGATION_MARKS.search(written):
            continue  # "isn't", "didn't": a negation, not a content word
        # "here's", "they're": the word before the clitic ("here", a stop word).
        word = _CLITIC.sub("", written).replace("'", "").replace("’", "").replace(" ", "")
        if len(word) >= 3 and word not in _STOP and word not in NEGATIONS:
            found.add(stem(word))
    return frozenset(found)


def surface_word(text: str, stemmed: str) -> str | None:
    """The first word of `text` whose stem is `stemmed`, as written ("routes" for
    "rout", "April"), for the reader who would not know what a stem is. The opening word
    of `text` is lowered: its capital is the sentence's."""
    for match in _WORD.finditer(text):
        word = match.group()
        if stem(fold(word).replace("'", "").replace(" ", "")) == stemmed:
            return word if match.start() else word.lower()
    return None


@cache
def _concept_entries() -> tuple[tuple[str, str], ...]:
    """(word as written, "~concept") of each entry of `lexicons/concepts.txt`."""
    text = resources.files(__package__).joinpath("lexicons/concepts.txt").read_text("utf-8")
    entries = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            concept, _, words = line.partition("|")
            entries += [(word, f"~{concept.strip()}") for word in words.split()]
    return tuple(entries)


@cache
def _concepts() -> dict[str, str]:
    """Stemmed word -> concept."""
    return {stem(fold(word).replace("'", "")): concept for word, concept in _concept_entries()}


@cache
def _concept_symbols() -> list[tuple[re.Pattern[str], str]]:
    """(pattern, concept) for the table's entries that are not words ("km/h"): the word
    reader splits them, so they are looked for in the text as written."""
    return [
        (re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE), concept)
        for word, concept in _concept_entries()
        if not _WORD.fullmatch(word)
    ]


@lru_cache(maxsize=4096)
def concept_words(text: str) -> frozenset[str]:
    """`content_words`, each word that names a listed concept counted as that concept:
    "blaze" and "fire" are one "~fire"; "78 km/h" names "~speed"."""
    table = _concepts()
    words = {table.get(w, w) for w in content_words(text)}
    words |= {concept for pattern, concept in _concept_symbols() if pattern.search(text)}
    return frozenset(words)


@lru_cache(maxsize=4096)
def name_words(text: str) -> frozenset[str]:
    """Stemmed content words written with a capital after the first word: the names."""
    found = set()
    for i, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        if i and word[:1].isupper():
            found.add(stem(fold(word).replace("'", "").replace(" ", "")))
    return frozenset(found)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the larger (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def opposed(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one set of stemmed words holds the opposite of a word of the other, and
    not that word itself ("rose" against "fell")."""
    return any(_OPPOSITE.get(w) in b and w not in b for w in a)


@lru_cache(maxsize=4096)
def words_of(text: str) -> frozenset[str]:
    """Every stemmed word of `text`, function words included ("more", "below")."""
    return frozenset(stem(fold(w)) for w in _WORD.findall(text))


@lru_cache(maxsize=4096)
def negated(text: str) -> bool:
    """Whether `text` holds a negation or denial word ("not", "denied", "won't")."""
    if _NEGATION_MARKS.search(text):
        return True
    return any(fold(w) in NEGATIONS for w in _WORD.findall(text))


#: Negation particles bear on the next content word ("not agreed", "no sign", "never
#: paid"), past adverbs ("did not immediately confirm"); a denial bears on what it denies,
#: up to `DENIAL_REACH` content words ("denied claims by the government that it had
#: agreed": four). Set on real FNC-1 coverage of one story (39 bodies), where any
#: negation anywhere in a sentence had disputed 555 claims, nearly all wrongly ("not all
#: fighters were aware of the deal" against "attacks increased"; "has not commented on
#: the cease-fire" against "reached a cease-fire"); with `claim_check.NEGATION_OVERLAP`,
#: 84, about half of them the story's real dispute (a ceasefire announced, and denied).
_PARTICLES = frozenset("not no never nothing none neither nor cannot without".split())
DENIAL_REACH = 5
# A particle that quantifies a noun phrase ("none of the bodies ...") denies the clause's
# predicate, said after its verb (one of these).
_QUANTIFIERS = frozenset("none neither".split())
_VERBS = frozenset(
    """is are was were has have had do does did will would can could belongs belong
    belonged contains contain contained matches match matched remains remain remained
    includes include included""".split()
)
# Words a particle's negation passes over: "has not been", "did not the".
_FUNCTION = frozenset(
    """a an the be been being is are was were am have has had do does did to of any its
    their his her our your my this that these those there it they he she we you will
    would can could should may might must shall""".split()
)
# "not all staff were aware", "not only the hall": a particle that limits a quantity or
# adds to it, and denies nothing.
_SCOPE_ONLY = frozenset("all every everyone everything only just merely least".split())
# Skipped after a particle: unstressed adverbs, and light verbs whose object carries the
# meaning ("has not made a public statement" negates the statement, not "made").
_UNSTRESSED = frozenset(
    """yet even also ever again still make made makes making give gave given gives take
    took taken takes""".split()
)


def negates(text: str, words: frozenset[str]) -> bool:
    """Whether a negation or denial in `text` bears on one of the stemmed `words`.
    "Officials denied that the plant would close" negates "close"; "has not commented
    on the cease-fire" negates "comment", not "cease-fire"."""
    return bool(negated_words(text, words))


def negated_words(text: str, words: frozenset[str]) -> frozenset[str]:
    """The stemmed `words` a negation or denial in `text` bears on (see `negates`)."""
    raw = _WORD.findall(text)
    tokens = [fold(t).replace("'", "").replace("’", "") for t in raw]
    found: set[str] = set()
    for i, (token, written) in enumerate(zip(tokens, raw, strict=True)):
        if token in _PARTICLES or _NEGATION_MARKS.search(written):
            if tokens[i + 1 : i + 2] and tokens[i + 1] in _SCOPE_ONLY:
                continue
            start = i + 1
            if token in _QUANTIFIERS and tokens[start : start + 1] == ["of"]:
                # "None of the 28 bodies found in the grave belongs to the crew": what is
                # denied follows the verb, not the bodies (found they were).
                verb = next((j for j in range(start, len(tokens)) if tokens[j] in _VERBS), None)
                if verb is None:
                    continue
                start = verb + 1
            following = zip(tokens[start:], raw[start:], strict=True)
            word = next((t for t, w in following if _stressed(t) and not w[:1].isdigit()), None)
            if word is not None and stem(word) in words:
                found.add(stem(word))
        elif token in NEGATIONS:
            denied = [t for t in tokens[i + 1 :] if len(t) >= 3 and t not in _STOP]
            found.update(stem(t) for t in denied[:DENIAL_REACH] if stem(t) in words)
    return frozenset(found)


# Words that open a clause stating nothing: "if the video is verified", "doubt about
# whether the girls will be released", "unless the talks resume", "he hoped the remains
# were not those of the students".
_OPEN_CLAUSES = frozenset(
    "if whether unless hope hoped hopes hoping wish wished wishes pray prayed".split()
)
_CLAUSE_ENDS = re.compile(r"[,;:.!?]")


def asserts(text: str, words: frozenset[str]) -> bool:
    """Whether `text` states one of the stemmed `words` outside a conditional or open
    question ("If the video is verified, ..." states no verification)."""
    open_clause = False
    for piece in re.finditer(rf"{_CLAUSE_ENDS.pattern}|{_WORD.pattern}", text):
        if _CLAUSE_ENDS.fullmatch(piece.group()):
            open_clause = False
            continue
        token = fold(piece.group())
        if token in _OPEN_CLAUSES:
            open_clause = True
        elif not open_clause and stem(token.replace("'", "").replace("’", "")) in words:
            return True
    return False


def _stressed(token: str) -> bool:
    """Whether a particle's negation can rest on `token`: any word but a function word,
    an unstressed adverb or light verb ("not yet confirmed" rests on "confirmed", a word
    the stop list drops, so that it bears on none of the claim's content words)."""
    return token not in _FUNCTION and token not in _UNSTRESSED and not token.endswith("ly")


def anchors(text: str) -> frozenset[str]:
    """Names and numbers of a statement: what survives translation."""
    return name_words(text) | frozenset(re.findall(r"\d+(?:[.,]\d+)?", text))
