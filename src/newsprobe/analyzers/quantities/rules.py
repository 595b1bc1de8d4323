"""Rules of the quantities analyzer that look around a number: vetoes, counts, notes.

`is_vetoed` refuses numbers that are names, codes, dates or times ("G7", "COVID-19",
"9/11", "3pm", "1990s", "No. 10", "in 2019", "one of the"); `casualty` and `about_noun`
say what a bare number counts, from the words after it and the spaCy parse when there is
one; `note_for` writes the one plain sentence a reader sees.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from newsprobe.analyzers.quantities.measures import Measure
from newsprobe.analyzers.quantities.numbers import Token, read_number
from newsprobe.analyzers.quantities.unit_table import CASUALTY_WORDS, CURRENCY_WORDS, UNITS
from newsprobe.analyzers.shared.lexicon_files import load_tagged, load_words
from newsprobe.units import display_unit

__all__ = ["ESTIMATE", "MONTHS", "about_noun", "casualty", "is_vetoed", "note_for"]

MONTHS = load_words("quantities/months")
#: Words before a number that make it a label: "page 3", "No. 10", "Flight 370".
_LABELS = load_words("quantities/number_labels")
_TIME_WORDS = load_words("quantities/clock_words")
#: The longest label read across a period ("para. 4"): longer words before a period end
#: a sentence ("the route. 14 people").
_ABBREVIATION_CHARS = 4
_PARTITIVE = frozenset(
    [
        "the", "those", "these", "them", "us", "you", "his", "her", "their", "its", "our", "whom",
        "which", "my", "your",
    ]
)  # fmt: skip
_AUX = frozenset(
    [
        "were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly", "later",
        "still", "now", "already", "also",
    ]
)  # fmt: skip
# Who says the casualty is so: "two people confirmed dead", "three feared dead", "were
# reported missing". Skipped like an auxiliary on the way to the casualty word.
_STATUS = frozenset({"confirmed", "feared", "reported", "presumed", "believed", "declared"})
_KILL_BEFORE = {
    "killing": "dead", "killed": "dead", "kill": "dead", "kills": "dead",
    "injuring": "injured", "wounding": "injured", "injured": "injured", "wounded": "injured",
    # Headline present: "Crane collapse injures nine", "Blast kills 12".
    "injures": "injured", "wounds": "injured",
}  # fmt: skip
# Verbs before "(the) lives of" that make the count after it the dead: "the attack took
# the lives of 12 people", "claimed the lives of three".
_TOOK_LIVES = frozenset({"took", "taken", "take", "takes", "claimed", "claim", "claims", "cost"})
# Adverbs that make an injury count its own figure: "three were seriously hurt" is not a
# second count of "nine injured" but of how many of them are badly hurt, and outlets
# that give 2 and 3 seriously injured disagree about that figure, not about the nine.
_SEVERE = frozenset({"seriously", "critically", "badly", "severely", "gravely", "critical"})
_OF_THEM = frozenset({("of", "them"), ("of", "whom")})
# The figure those counts are filed under (`about`); the corpus lexicons use the same name.
SERIOUSLY_INJURED = "seriously injured"
_STOP_NOUNS = frozenset(
    [
        "times", "percent", "per", "cent", "of", "and", "or", "to", "in", "on", "at", "for",
        "with",
    ]
)  # fmt: skip


def _low(tokens: list[Token], i: int) -> str:
    return tokens[i].low if 0 <= i < len(tokens) else ""


def _glued(tokens: list[Token], i: int) -> bool:
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def is_vetoed(tokens: list[Token], m: Measure) -> bool:
    """True when the number is a name, code, date or time rather than an amount."""
    n = m.number
    first = tokens[n.start]
    # Glued to letters or codes on either side: "G7", "G-20", "COVID-19", "#3", "9/11".
    prev = n.start - 1
    if n.start == m.start and _glued(tokens, n.start):
        p = tokens[prev].text
        if (
            p.isalpha()
            or p in "#№/:"
            or (p in "-–" and prev > 0 and _glued(tokens, prev) and tokens[prev - 1].text.isalnum())
        ):
            return True
    after = m.end
    if after < len(tokens) and _glued(tokens, after):
        a = tokens[after].text
        if a.isalnum() or (a in "/:" and _glued(tokens, after + 1)):
            return True
        if a in "-–" and _glued(tokens, after + 1) and tokens[after + 1].text.isdigit():
            return True  # "3-1", "2019-20": a score or a season, not a range
    if m.dimension is not None:
        return False
    if _low(tokens, after) in _TIME_WORDS or (
        _low(tokens, after) in ("a", "p") and _low(tokens, after + 1) == "."
    ):
        return True
    label = m.start - 1
    if (
        _low(tokens, label) == "."
        and tokens[m.start].text[:1].isdigit()
        and len(_low(tokens, label - 1)) <= _ABBREVIATION_CHARS
    ):
        # "No. 10", "p. 3", "Vol. 2": an abbreviation's period before digits; in "along
        # the route. Three officers were hurt" the period ends a sentence.
        label -= 1
    if _low(tokens, label) in _LABELS:
        return True
    if m.start > 0 and tokens[m.start - 1].text in MONTHS:
        return True
    if after < len(tokens) and tokens[after].text in MONTHS:
        return True
    if first.text.isdigit():
        if len(first.text) == 4 and 1000 <= int(first.text) <= 2100:
            return True  # a year
        if first.text.startswith("0") or len(first.text) >= 7:
            return True  # codes, identifiers
    # "one of the", "three of the richest men"; but "two of them seriously" is a count,
    # and so is the part of a whole that is counted ("24 of the council's 61 seats").
    return (
        _low(tokens, after) == "of"
        and _low(tokens, after + 1) in _PARTITIVE
        and _low(tokens, after + 2) not in _SEVERE
        and _whole_after(tokens, m) is None
    )


#: Words between "of the" and the whole a part is counted from: "of the council's 61".
_WHOLE_REACH = 3


def _whole_after(tokens: list[Token], m: Measure) -> int | None:
    """Where the whole of a counted part starts, "24 of the 61 seats", "24 of the
    council's 61 seats" (a number after "of the"), "seven of nine council members" (right
    after "of"), else None."""
    if _low(tokens, m.end) != "of":
        return None
    at = m.end + 1
    if _low(tokens, at)[:1].isdigit() or (read_number(tokens, at) is not None):
        return at
    if _low(tokens, at) not in _PARTITIVE:
        return None
    for k in range(m.end + 2, m.end + 2 + _WHOLE_REACH):
        word = _low(tokens, k)
        if word[:1].isdigit() or read_number(tokens, k) is not None:
            return k
        if word in {".", ",", ";", ":", "?", "!"}:
            return None
    return None


def _is_whole(tokens: list[Token], m: Measure) -> bool:
    """Whether the number is the whole of a part before it: the 12 of "three of the 12"."""
    k = m.start - 1
    if _low(tokens, k) in _PARTITIVE:
        k -= 1
    if _low(tokens, k) != "of":
        return False
    before = _low(tokens, k - 1)
    return before[:1].isdigit() or read_number(tokens, k - 1) is not None


def casualty(tokens: list[Token], m: Measure, doc_tokens: Mapping[int, Any]) -> str | None:
    """ "dead"/"injured"/"missing"/"casualties" when the number counts casualties.

    In "Three of the 12 passengers were hurt" the part is hurt, the whole is a count.
    """
    if (whole := _whole_after(tokens, m)) is not None:
        number = replace(m.number, start=whole, end=whole + 1)
        return _casualty(tokens, replace(m, start=whole, end=whole + 1, number=number))
    if _is_whole(tokens, m):
        return None
    return _casualty(tokens, m)


def _casualty(tokens: list[Token], m: Measure) -> str | None:
    after = m.end
    # "injuring nine, two of them seriously": the part badly hurt, said with no verb.
    part = after + 2 if (_low(tokens, after), _low(tokens, after + 1)) in _OF_THEM else after
    if _low(tokens, part) in _SEVERE and not _low(tokens, part + 1).isalpha():
        return SERIOUSLY_INJURED
    # "killing one soldier and injuring four": the verb before the number says what befell
    # those counted; a casualty word further on is the next count's ("injuring" four).
    before = _low(tokens, m.start - 1)
    if before in _KILL_BEFORE:
        return _KILL_BEFORE[before]
    if (_low(tokens, m.start - 2), before) == ("lives", "of") and any(
        _low(tokens, m.start - k) in _TOOK_LIVES for k in (3, 4)
    ):
        return "dead"  # "took the lives of 12 people", not "saved the lives of 12"
    if _low(tokens, after) == "of" and m.number.vague:
        after += 1
    word = _low(tokens, after)
    if word in CASUALTY_WORDS and word not in ("kill", "kills", "killing"):
        return CASUALTY_WORDS[word]
    # "12 people were killed", "40 civilians died", "three soldiers wounded"
    k = after + 1
    next_word = _low(tokens, k + 1)
    compound = next_word in _AUX or next_word in CASUALTY_WORDS
    if compound and _low(tokens, k).isalpha() and _low(tokens, k) not in _AUX:
        k += 1  # a compound noun: "three police officers were hurt", "two crew members died"
    while (
        _low(tokens, k) in _AUX
        or _low(tokens, k) in _STATUS
        or (_low(tokens, k).endswith("ly") and k - after <= 3)
    ):
        k += 1  # auxiliaries and adverbs: "were seriously hurt", "have since died"
    if tokens[after : after + 1] and tokens[after].text.isalpha() and k - after <= 4:
        word = _low(tokens, k)
        if word == "shot" and _low(tokens, k + 1) == "dead":
            return "dead"  # "two border guards were shot dead"
        if word in CASUALTY_WORDS and word not in ("kill", "kills", "killing", "death"):
            hurt = CASUALTY_WORDS[word]
            if hurt == "injured" and _low(tokens, k - 1) in _SEVERE:
                return SERIOUSLY_INJURED
            return hurt
    # "the death toll rose to 40"
    reach = _LEVEL_REACH if before in _LEVEL_BEFORE else _TOLL_REACH
    window = [t.low for t in tokens[max(0, m.start - reach) : m.start]]
    # Only the number's own sentence: not the headline's "toll" above it.
    ends = [k for k, word in enumerate(window) if word in _SENTENCE_ENDS or not word.strip()]
    window = window[ends[-1] + 1 :] if ends else window
    if "toll" in window:
        j = len(window) - 1 - window[::-1].index("toll")
        if j > 0 and window[j - 1] in ("death", "casualty"):
            return "dead" if window[j - 1] == "death" else "casualties"
        # "By Sunday the toll had risen to 36": the level "the toll" reached is the dead.
        if j > 0 and window[j - 1] in ("the", "its") and before in _LEVEL_BEFORE:
            return "dead"
    # "Officials put the number of injured at around 150", "the number of dead rose to
    # 40", "the number of people killed in Friday's earthquake rose to 31".
    # The number must be what the count stands at, not a number inside its description
    # ("the number of residents injured in the two villages stood at 140").
    level = before in _LEVEL_BEFORE or before in _LEVEL_VERBS
    for j in range(len(window) - 2):
        if not level or window[j] not in _NUMBER_OF or window[j + 1] != "of":
            continue
        for word in window[j + 2 : j + 2 + _OF_REACH]:
            if word in CASUALTY_WORDS:
                return CASUALTY_WORDS[word]
    return None


#: How far before a number "death toll" or "the number of dead" may stand: "the death
#: toll in the two villages rose to 40" is seven words.
_TOLL_REACH = 9
#: ... and when the number is the level a toll reached ("... rose to 31", "... stood at
#: 12", "... reached 40"): its subject may carry a longer description, "the number of
#: people killed in Friday's earthquake in northern Velmoria rose to 31" is thirteen, "the
#: number of people known to have died when the ferry Merrin Star capsized in the Sarrow
#: estuary has risen to 17" twenty.
_LEVEL_REACH = 24
#: Words after "the number of" in which its casualty word is looked for: "the number of
#: dead" is one, "the number of people known to have died" five.
_OF_REACH = 5
_LEVEL_BEFORE = frozenset({"to", "at", "reached", "hit", "topped", "passed", "exceeded"})
# "the number of dead is 40", "... now stands 40" are rarer, but say the same.
_LEVEL_VERBS = frozenset({"is", "was", "stands", "stood", "now"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


# Nouns of "the number of injured": a count of the casualty word after "of".
_NUMBER_OF = frozenset({"number", "figure", "count", "tally", "total"})


_COLLECTIVES = frozenset(load_words("quantities/collective_nouns"))


_ESTIMATE_NOUNS = frozenset(load_words("quantities/estimate_nouns"))
_ESTIMATING = frozenset(load_words("quantities/estimating_verbs"))
#: What a number given as someone's figure counts, when no word says: "an estimate of
#: 32,000", "police put the figure at 32,000".
ESTIMATE = "estimate"
# How far before "at" the estimating verb may stand: "put the official attendance figure
# at" is five words.
_ESTIMATE_REACH = 6


_PEOPLE_VERBS = load_tagged("quantities/people_verbs")
# Words between a count and its verb: "2,000 were evacuated", "300 have fled".
_BETWEEN = frozenset(["were", "was", "have", "had", "been", "are", "being", "reportedly"])
# "the 85,000 claimed by organisers": a figure someone gives.
_GIVEN_BY = frozenset(["claimed", "estimated", "reported", "cited", "given", "counted"])
# "Organisers claimed 30,000; police counted 12,000": a bare number after these verbs is
# a figure someone gives (with a noun after it, the noun says what it counts).
_GIVING = frozenset(["claimed", "claim", "claims", "claiming", "counted", "count", "counts"])


def _people_by_verb(tokens: list[Token], m: Measure) -> bool:
    """A bare number a verb makes a count of people: "85,000 take to the streets", "2,000
    were evacuated", "Flooding forces 300 from homes" (see `people_verbs`)."""
    if _low(tokens, m.start - 1) in _PEOPLE_VERBS["before"]:
        return True
    k = m.end
    while _low(tokens, k) in _BETWEEN:
        k += 1
    return _low(tokens, k) in _PEOPLE_VERBS["after"]


def about_noun(tokens: list[Token], m: Measure, doc_tokens: Mapping[int, Any]) -> str | None:
    """The noun a bare number counts ("3,400 people" -> "people"), from the parse; else
    the collective it is "of" ("a crowd of 38,000" -> "crowd"); else `ESTIMATE` for a
    figure someone gives ("an estimate of 32,000", "police put the crowd at 32,000": the
    crowd; "organisers claimed 30,000")."""
    noun = _noun_after(tokens, m, doc_tokens)
    if noun is not None:
        return noun
    if (whole := _whole_after(tokens, m)) is not None:  # "24 of the 61 seats": seats
        number = replace(m.number, start=whole, end=whole + 1)
        return _noun_after(
            tokens, replace(m, start=whole, end=whole + 1, number=number), doc_tokens
        )
    before = _low(tokens, m.start - 1)
    if before == "the" and _low(tokens, m.end) in _GIVEN_BY and _low(tokens, m.end + 1) == "by":
        return ESTIMATE  # "far fewer than the 85,000 claimed by organisers"
    if _people_by_verb(tokens, m):
        return "people"
    if before in _GIVING:
        return ESTIMATE  # "organisers claimed 30,000", "police counted 12,000"
    if before in _LEVEL_BEFORE and (counted := _level_of(tokens, m)) is not None:
        return counted  # "bringing the number detained since Saturday to 36": detained
    if before == "to" and tokens[m.start - 2 : m.start - 1] and tokens[m.start - 2].text.isalpha():
        # "passed by 312 votes to 207": the second figure counts what the first did (not
        # "from 5 euros to 7", a unit: the reader of units does not come here).
        word = _low(tokens, m.start - 2)
        unit = (word,) in UNITS or (word,) in CURRENCY_WORDS
        if _low(tokens, m.start - 3)[:1].isdigit() and not unit:
            return word
    if before == "of":
        word = _low(tokens, m.start - 2)
        if word in _COLLECTIVES:
            return word
        return ESTIMATE if word in _ESTIMATE_NOUNS else None
    if before != "at":
        return None
    words: list[str] = []
    for k in range(m.start - 2, max(-1, m.start - 2 - _ESTIMATE_REACH), -1):
        word = _low(tokens, k)
        if word in {".", ";", ":", "?", "!", '"'}:
            break
        if word in _ESTIMATING:
            if not words and word.startswith("estimat"):
                return ESTIMATE  # "was estimated at 32,000"
            # "put the figure at", "put the crowd at"; not "was put on trial at 45".
            named = [w for w in words if w in _COLLECTIVES or w in _ESTIMATE_NOUNS]
            if not named:
                return None
            return next((w for w in named if w in _COLLECTIVES), ESTIMATE)
        words.append(word)
    return None


def _level_of(tokens: list[Token], m: Measure) -> str | None:
    """What a level counts, from "the number ... to N" or "the total of ... at N" before
    it in its sentence: "the number detained" -> "detained", "the total of arrests" ->
    "arrests", "the number of people evacuated" -> "evacuated" (what befell them)."""
    for k in range(m.start - 2, max(-1, m.start - 2 - _LEVEL_REACH), -1):
        word = _low(tokens, k)
        if word in _SENTENCE_ENDS:
            return None
        if word not in ("number", "total"):
            continue  # "put the figure at 32,000" is an estimate (`_ESTIMATING`)
        j = k + 1
        while _low(tokens, j) in ("of", "the"):
            j += 1
        counted = _low(tokens, j)
        if counted == "people" and _low(tokens, j + 1).endswith("ed"):
            counted = _low(tokens, j + 1)
        plain = counted not in CASUALTY_WORDS and counted not in _LEVEL_BEFORE
        return counted if counted.isalpha() and plain and counted not in _LEVEL_VERBS else None
    return None


def _noun_after(tokens: list[Token], m: Measure, doc_tokens: Mapping[int, Any]) -> str | None:
    k = m.end
    if _low(tokens, k) == "of" and (m.number.vague or m.number.scaled):
        k += 1
    for step in range(3):
        if k + step >= len(tokens) or tokens[k + step - 1].end + 1 < tokens[k + step].start:
            return None  # past the end, or across a line break (headline into body)
        tok = tokens[k + step]
        spacy_tok = doc_tokens.get(tok.start)
        if spacy_tok is None:
            return None
        pos = spacy_tok.pos_
        if pos in ("NOUN", "PROPN") and tok.text.isalpha() and tok.low not in _STOP_NOUNS:
            j = k + step
            if _low(tokens, j + 1) == "-" and _glued(tokens, j + 1) and _glued(tokens, j + 2):
                return tok.low + "-" + _low(tokens, j + 2)  # "pre-orders"
            if tok.text.isupper() and len(tok.text) > 1:
                return tok.low  # all-caps headlines: the tagger's compounds are unreliable
            if spacy_tok.dep_ == "compound" and spacy_tok.head.i > spacy_tok.i:
                # Follow the compound to its head: "two Boko Haram leaders" counts
                # leaders, "five K5 security guard robots" robots.
                head = spacy_tok.head
                while head.dep_ == "compound" and head.head.i > head.i:
                    head = head.head
                if head.i - spacy_tok.i <= 3 and head.pos_ in ("NOUN", "PROPN"):
                    return str(head.text).lower()
            if tok.text in MONTHS:
                return None
            return tok.low
        if pos not in ("ADJ",) and not (pos == "VERB" and spacy_tok.tag_ == "VBN"):
            return None
    return None


def _amount(value: float, *, approximate: bool = False) -> str:
    """The amount as a reader writes it; an approximate one without false precision
    ("about a month" is about 30 days, not about 30.437 days)."""
    if abs(value) >= 1e9 and (value / 1e9) >= 1:
        return f"{value / 1e9:,.3g} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:,.3g} million"
    if approximate and not float(value).is_integer():
        value = round(value) if abs(value) >= 10 else round(value, 1)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def note_for(m: Measure, dimension: str, unit: str | None, about: str | None) -> str:
    """One plain sentence: "About 45 minutes (duration).", "More than 200 injured.".

    The amount is written in the unit a reader would use (2 m, not 0.002 km), with one
    unit for both ends of a range.
    """
    known = [v for v in (m.value, m.lower, m.upper) if v is not None]
    size, shown = display_unit(unit, max(known, key=abs, default=0.0))
    if m.value is not None:
        amount = _amount(m.value / size, approximate=m.approximate)
        if m.qualifier:
            amount = f"{m.qualifier} {amount}"
        elif m.approximate:
            amount = f"about {amount}"
    elif m.lower is not None and m.upper is not None:
        amount = f"between {_amount(m.lower / size)} and {_amount(m.upper / size)}"
    elif m.lower is not None:
        amount = f"{m.qualifier or 'at least'} {_amount(m.lower / size)}"
    else:
        amount = f"{m.qualifier or 'up to'} {_amount((m.upper or 0.0) / size)}"
    if dimension == "casualties":
        sentence = f"{amount} {about or 'casualties'}."
    elif dimension == "age":
        sentence = f"aged {amount}."
    elif dimension == "count" and about == ESTIMATE:
        sentence = f"{amount} (count: a figure given as an estimate)."
    elif dimension == "count":
        sentence = f"{amount} {about} (count)." if about else f"{amount} (count)."
    elif m.relative:
        sentence = f"{m.relative}: {amount} {shown} ({dimension})."
    else:
        sentence = f"{amount} {shown} ({dimension})."
    return sentence[0].upper() + sentence[1:].replace(" %", "%")
