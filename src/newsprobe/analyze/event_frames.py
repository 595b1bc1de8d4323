"""Reading an event frame off the parse: triggers, participants, place, time, duration.

The helpers of `newsprobe.analyze.events`, kept apart so that the analyzer module reads as
the policy (which mentions are one event, what the note says) and this one as the grammar.
Every slot is taken from words the dependency parse attaches to the trigger; see the
analyzer's docstring for the rules in plain words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from newsprobe.analyze import timex
from newsprobe.analyze.spans import entities_in
from newsprobe.analyze.tokens import Columns, columns
from newsprobe.findings import EntityFinding, QuantityFinding, Span
from newsprobe.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Names", "Sentence", "Slot"]

#: (key, span): an entity id (or a name without the entities analyzer) and where it is.
Slot = tuple[str, Span]
#: A sentence of the parse and its text, sliced from the article's text: `Span.text`
#: rebuilds the text token by token on every access.
Sentence = tuple["SpacySpan", str]

_VERBS: dict[str, str] = {
    "meet": "meeting", "negotiate": "meeting", "announce": "statement",
    "attack": "attack", "bomb": "attack", "shoot": "attack", "stab": "attack",
    "ambush": "attack", "shell": "attack", "kill": "death_toll", "die": "death",
    "win": "election", "elect": "election", "re-elect": "election", "vote": "election",
    "sign": "agreement", "agree": "agreement", "ratify": "agreement",
    "arrest": "arrest", "detain": "arrest", "charge": "arrest",
    "rule": "court_ruling", "convict": "court_ruling", "sentence": "court_ruling",
    "acquit": "court_ruling", "jail": "court_ruling", "resign": "resignation",
    "unveil": "launch", "launch": "launch", "open": "launch", "reopen": "launch",
    "sit": "meeting", "lean": "meeting", "step": "resignation",
}  # fmt: skip
_NOUNS: dict[str, str] = {
    "meeting": "meeting", "talk": "meeting", "summit": "meeting", "negotiation": "meeting",
    "announcement": "statement", "statement": "statement",
    "attack": "attack", "bombing": "attack", "shooting": "attack", "airstrike": "attack",
    "explosion": "attack", "ambush": "attack", "stabbing": "attack", "strike": "attack",
    "toll": "death_toll", "death": "death", "election": "election", "referendum": "election",
    "vote": "election", "arrest": "arrest", "ruling": "court_ruling",
    "verdict": "court_ruling", "conviction": "court_ruling", "resignation": "resignation",
    "launch": "launch", "unveiling": "launch", "opening": "launch",
    "flood": "disaster", "earthquake": "disaster", "quake": "disaster", "storm": "disaster",
    "hurricane": "disaster", "typhoon": "disaster", "cyclone": "disaster", "tornado": "disaster",
    "wildfire": "disaster", "fire": "disaster", "blaze": "disaster", "landslide": "disaster",
    "tsunami": "disaster", "avalanche": "disaster", "eruption": "disaster",
}  # fmt: skip
# "meet demand", "meet the deadline": meeting a target is no meeting.
_MET_TARGETS = frozenset("demand target expectation requirement need standard deadline "
                         "criterion goal cost obligation condition".split())  # fmt: skip
_ELECTION_CONTEXT = frozenset("election vote seat poll ballot majority referendum".split())
_COURT = re.compile(r"\b(court|judge|justice|tribunal|jury|magistrate)s?\b", re.I)
_VIOLENT = frozenset("bomb terror terrorist suicide knife gun rocket missile drone air armed "
                     "militant deadly fatal mortar grenade arson".split())  # fmt: skip
_HARM = frozenset("kill injure wound dead die bomb gun shoot casualty victim".split())
_FACILITIES = frozenset("plant factory facility terminal museum station bridge school "
                        "hospital centre center store shop line mine port airport office "
                        "stadium library gallery site".split())  # fmt: skip
# Nouns that make a disaster hypothetical: "the risk of floods", "a storm warning".
_UNREAL = frozenset("risk threat danger fear chance possibility warning forecast".split())
_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "can"})
_NEGATIVE_SUBJECTS = frozenset({"nobody", "no one", "none", "neither", "nothing"})
_LIGHT_VERBS = frozenset("hold have conduct begin start resume host attend chair end open "
                         "say issue release make publish give".split())  # fmt: skip
_SPEECH = frozenset("say tell report add claim state write confirm insist".split())
_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPS = frozenset({"in", "at", "on", "near", "outside", "inside", "across", "throughout"})
_PARTY_PREPS = frozenset({"with", "between", "against", "by", "among", "alongside"})
_PAIR = re.compile(
    r"^(?:the (?:pair|duo|couple|two(?: (?:leaders|men|women|presidents|ministers|rivals|"
    r"politicians))?)|both(?: (?:leaders|men|women))?)$",
    re.I,
)
_DATELINE = re.compile(r"^([A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+)*)(?=,| \(| [-–—])")
_QUOTE_OR_BREAK = re.compile('["“”\n]')
_EARLIER_FIGURE = re.compile(r"\bfrom (?:about |around )?[\d,.]+(?: \w+)?\s*$")
_LASTING = frozenset("last take run continue stretch drag go".split())
_FUTURE_HEADS = frozenset("due expect schedule set plan intend go hope".split())
#: Every lemma `trigger_type` can return a type for ("shot dead" is read off the word).
_TRIGGER_LEMMAS = frozenset(_VERBS) | frozenset(_NOUNS) | {"dead"}


@dataclass(frozen=True, slots=True)
class Names:
    """Who and where the article names: entity mentions by token, canonical names by id."""

    by_token: dict[int, tuple[str, str, Span]]  # token index -> (key, label, mention span)
    canonical_of: dict[str, str]
    people: tuple[str, ...]  # person keys, most mentioned first
    label_of: dict[str, str]

    @classmethod
    def build(
        cls, doc: Doc, entities: Sequence[EntityFinding], *, skip: Span | None = None
    ) -> Names:
        """From the entities analyzer's findings, else from spaCy's own names.

        Mentions inside `skip` (the dateline) are not tied to tokens: the parser reads a
        dateline as the subject of the first sentence, which it is not.
        """
        found: list[tuple[str, str, str, Span]] = []
        if entities:
            for entity in entities:
                for m in entity.mentions:
                    found.append((entity.id, entity.label, entity.canonical, m))
        else:
            for ent in doc.ents:
                name = re.sub(r"^the\s+", "", ent.text, flags=re.I).strip()
                if name:
                    found.append(
                        (name, ent.label_, name, Span(start=ent.start_char, end=ent.end_char))
                    )
        by_token: dict[int, tuple[str, str, Span]] = {}
        counts: Counter[str] = Counter()
        canonical: dict[str, str] = {}
        for key, label, name, span in found:
            canonical[key] = name
            if skip is not None and skip.start <= span.start < skip.end:
                continue
            if label == "PERSON":
                counts[key] += 1
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            for token in tokens or ():
                by_token.setdefault(token.i, (key, label, span))
        people = tuple(key for key, _ in counts.most_common())  # stable: first seen wins ties
        labels = {key: label for key, label, _, _ in found}
        return cls(by_token=by_token, canonical_of=canonical, people=people, label_of=labels)

    def canonical(self, key: str) -> str:
        return self.canonical_of.get(key, key)


def quoted_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks; a straight quote left open at the end
    of a paragraph (a quote running on into the next) covers the rest of the paragraph."""
    mask = bytearray(len(text))
    inside, start = False, 0
    # Only quotation marks and line breaks change anything: visit those, not every character.
    for match in _QUOTE_OR_BREAK.finditer(text):
        i, char = match.start(), match.group()
        if char in '"“”':
            opening = char == "“" or (char == '"' and not inside)
            if opening and not inside:
                inside, start = True, i
            elif not opening and inside:
                mask[start : i + 1] = b"\x01" * (i + 1 - start)
                inside = False
        elif char == "\n" and inside:
            mask[start:i] = b"\x01" * (i - start)
            inside = False
    if inside:
        mask[start:] = b"\x01" * (len(text) - start)
    return mask


def candidate_triggers(cols: Columns, quoted: bytearray) -> list[int]:
    """Indices of the tokens `trigger_type` may accept, in order; it rejects all others.

    Read off the shared columns in one pass, so that the ~95% of tokens that trigger
    nothing never become spaCy Tokens.
    """
    idx, dep, lower = cols.idx, cols.dep, cols.lower
    return [
        i
        for i, lemma in enumerate(cols.lemma)
        if (lemma.lower() in _TRIGGER_LEMMAS or lower[i] == "shot")
        and not quoted[idx[i]]
        and dep[i] != "attr"
    ]


def trigger_type(token: Token, quoted: bytearray) -> str | None:
    """The event type `token` triggers here, or None."""
    if quoted[token.idx] or token.dep_ == "attr":
        return None
    lemma = token.lemma_.lower()
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ == "shot" and following == "dead":  # tagged a noun as often as a verb
        return "attack"
    if token.pos_ in ("VERB", "AUX") or (token.tag_.startswith("VB") and lemma in _VERBS):
        event_type = _VERBS.get(lemma)
        if event_type is None or not _verb_fits(token, lemma) or _unreal(token):
            return None
        return event_type
    if token.pos_ == "ADJ" and lemma == "dead" and counted(token):
        return "death_toll"
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    event_type = _NOUNS.get(lemma)
    if event_type is None or not _noun_fits(token, lemma):
        return None
    return event_type


def _verb_fits(token: Token, lemma: str) -> bool:
    children = list(token.children)
    deps = {c.dep_: c for c in children}
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
    obj = deps.get("dobj") or deps.get("nsubjpass")
    if lemma == "meet":
        return not (obj is not None and obj.lemma_.lower() in _MET_TARGETS)
    if lemma == "sit":
        return particle == "down" and any(
            c.dep_ == "prep" and c.lower_ in ("with", "at") for c in children
        )
    if lemma == "lean":
        sentence = _sentence_lemmas(token)
        return "conversation" in sentence or "talk" in sentence
    if lemma == "step":
        return particle == "down"
    if lemma == "sign":
        return particle is None  # "signed off the terminal" approves, agrees nothing
    if lemma == "rule":
        subject = deps.get("nsubj")
        return particle != "out" and subject is not None and bool(_COURT.search(_np_text(subject)))
    if lemma == "charge":
        return "auxpass" in deps or any(c.dep_ == "prep" and c.lower_ == "with" for c in children)
    if lemma == "win":
        return bool(_sentence_lemmas(token) & _ELECTION_CONTEXT)
    if lemma == "attack":
        return obj is not None and (
            obj.ent_type_ in _PARTY_LABELS | _PLACE_LABELS or obj.lemma_ in _FACILITIES
        )
    if lemma in ("open", "reopen"):
        thing = obj or deps.get("nsubj")
        return thing is not None and (
            thing.ent_type_ in ("ORG", "FAC") or thing.lemma_.lower() in _FACILITIES
        )
    if lemma == "shoot":
        return particle is None
    return True


def _sentence_lemmas(token: Token) -> set[str]:
    """The lower-cased lemmas of the token's sentence, read off the shared columns."""
    sentence = token.sent
    lemmas = columns(token.doc).lemma
    return {lemmas[i].lower() for i in range(sentence.start, sentence.end)}


def _noun_fits(token: Token, lemma: str) -> bool:
    children = list(token.children)
    mods = {c.lemma_.lower() for c in children if c.dep_ in ("compound", "amod", "nmod")}
    head = token.head
    if token.dep_ == "compound":
        # "Storm Aurel" names a storm; "fire service", "flood risk" are not events.
        return lemma == "storm" and head.pos_ == "PROPN"
    if token.ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "LAW"):
        return False
    if lemma == "talk":
        return token.lower_ == "talks"
    if lemma == "negotiation":
        return token.tag_ == "NNS"
    if lemma == "toll":
        return "death" in mods
    if _NOUNS[lemma] == "court_ruling":
        return bool(_COURT.search(token.sent.text))
    if lemma == "statement":
        governor = head.head if head.dep_ == "prep" else head
        return (head.lower_ == "in" and governor.lemma_ in _SPEECH | {"announce"}) or (
            token.dep_ == "dobj" and head.lemma_ in ("issue", "release", "publish")
        )
    if lemma == "attack":
        return bool(mods & _VIOLENT) or bool(_sentence_lemmas(token) & _HARM)
    if lemma == "strike":
        return any(c.dep_ == "prep" and c.lower_ == "on" for c in children) and bool(
            mods & _VIOLENT | {"air"} & mods
        )
    if lemma == "vote":
        return any(c.like_num or c.dep_ == "nummod" for c in children)
    if lemma == "opening":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in children)
    if lemma == "fire" and head.lemma_ == "open":
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return False  # "No deaths have been reported"
    if _NOUNS[lemma] == "disaster":
        if head.dep_ == "prep" and head.head.lemma_.lower() in _UNREAL:
            return False
        verb = phrase_head(token)
        # Only a modal makes the disaster unreal: "the fire is not thought to be suspicious"
        # negates the suspicion, not the fire.
        return not any(
            c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in _HYPOTHETICAL)
            for c in verb.children
        )
    return True


def _unreal(verb: Token) -> bool:
    """Negated, hypothetical or conditional: not a report that it happened."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _HYPOTHETICAL):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _NEGATIVE_SUBJECTS:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
            return True
    # "it is unclear when the site will reopen"
    wh = any(c.tag_ == "WRB" and c.lower_ in ("when", "whether", "how") for c in verb.children)
    return wh and any(c.dep_ == "aux" and c.lower_ == "will" for c in verb.children)


def counted(token: Token) -> bool:
    """A death word with a number of dead: "23 dead", "killed 12 people", "100 had died"."""
    holders = [token, token.head] if token.pos_ == "ADJ" else [token]
    holders += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return any(
        c.like_num and c.lower_ not in ("one", "1") and c.ent_type_ not in ("DATE", "TIME")
        for h in holders
        for c in [
            h,
            *h.children,
            *(g for c2 in h.children if c2.dep_ == "nummod" for g in c2.children),
        ]
        if c is not token
    )


def phrase_head(token: Token) -> Token:
    """The verb that governs `token` (itself for a verb)."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            return current
        current = current.head
    return current


def trigger_span(token: Token) -> Span:
    start, end = token.idx, token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "compound" and child.lower_ == "death"):
            start, end = min(start, child.idx), max(end, child.idx + len(child.text))
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":  # "Storm Aurel"
        end = max(end, token.head.idx + len(token.head.text))
    return Span(start=start, end=end)


def _np_text(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _starts(token: Token, names: Names) -> list[Token]:
    """Tokens heading the phrases that name who took part."""
    starts: list[Token] = []
    verb = token if token.pos_ in ("VERB", "AUX") else None
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and verb is not None:
            starts.append(child)
        elif child.dep_ in ("poss", "compound") and verb is None:
            named = names.by_token.get(child.i)
            if named is None or named[1] not in _PLACE_LABELS:  # "Meridia's election": where
                starts.append(child)
        elif child.dep_ == "agent" or (
            child.dep_ == "prep"
            and child.lower_ in _PARTY_PREPS | ({"of"} if verb is None else set())
        ):
            starts.extend(c for c in child.children if c.dep_ == "pobj")
    if verb is not None:
        # "Holm, who was elected in 2022": the relative pronoun stands for the noun.
        starts = [s for s in starts if s.tag_ not in ("WP", "WDT")]
        if not any(s.dep_.startswith("nsubj") for s in starts):
            if token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX"):
                starts.extend(c for c in token.head.children if c.dep_.startswith("nsubj"))
            elif token.dep_ in ("relcl", "acl"):
                starts.append(token.head)
        if token.dep_ in ("advcl", "conj") and any(s.lower_ == "they" for s in starts):
            # "Veles and Sandor barely looked at each other when they sat down"
            starts += [c for c in token.head.children if c.dep_ == "nsubj"]
    else:
        if token.dep_ == "appos":  # "Jamal Reyes, the 19-year-old shot dead ..."
            starts.append(token.head)
        governor = (
            token.head.head if token.dep_ == "pobj" and token.head.lower_ == "in" else token.head
        )
        if token.dep_ in ("dobj", "pobj") and governor.lemma_ in _LIGHT_VERBS | {"be"}:
            starts.extend(c for c in governor.children if c.dep_ == "nsubj")
    return starts


def participants(token: Token, names: Names) -> tuple[list[Slot], int]:
    """Entity keys and spans of those who took part; the int is 1 when "the pair" was used."""
    found: dict[str, Span] = {}
    pair = 0
    for start in _starts(token, names):
        phrase = " ".join(t.text for t in start.subtree if t.dep_ not in ("relcl", "acl"))
        if _PAIR.match(phrase) and len(names.people) >= 2:
            span = Span(
                start=start.left_edge.idx, end=start.right_edge.idx + len(start.right_edge.text)
            )
            for key in names.people[:2]:
                found.setdefault(key, span)
            pair = 1
            continue
        if start.lower_ in ("he", "she"):
            person = _antecedent(start, names)
            if person is not None:
                found.setdefault(*person)
                pair = 1
            continue
        for key, span in _np_names(start, names, depth=0):
            found.setdefault(key, span)
    return list(found.items()), pair


def _antecedent(pronoun: Token, names: Names) -> Slot | None:
    """The nearest person named before "he"/"she" (within about two sentences).

    News names a person and then refers back; the nearest named person is right far more
    often than not, and the mention is marked as inferred.
    """
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 60), -1):
        named = names.by_token.get(i)
        if named is not None and named[1] == "PERSON":
            return named[0], named[2]
    return None


def _np_names(token: Token, names: Names, depth: int, *, modifying: bool = False) -> list[Slot]:
    if depth > 4:
        return []
    named = names.by_token.get(token.i)
    out: list[Slot] = []
    # "Kestravan and Ordanian presidents": a nationality describing a noun is no party.
    modifier = modifying or (
        token.dep_ in ("amod", "nmod", "compound") and token.head.pos_ == "NOUN"
    )
    if named is not None and named[1] in _PARTY_LABELS:
        # "The mayor of Port Selby, Agnes Holm": the parser hangs the person on the town.
        person_appos = named[1] != "PERSON" and any(
            c.dep_ == "appos" and names.by_token.get(c.i, ("", ""))[1] == "PERSON"
            for c in token.children
        )
        if not modifier and not person_appos:
            out.append((named[0], named[2]))
        follow: tuple[str, ...] = ("conj", "appos")
        if named[1] == "PERSON":
            # "Veles of Kestrava and Sandor of Ordania": the parser often hangs the second
            # person on the first one's country.
            for prep in (c for c in token.children if c.dep_ == "prep"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    for conj in (c for c in obj.children if c.dep_ == "conj"):
                        other = names.by_token.get(conj.i)
                        if other is not None and other[1] == "PERSON":
                            out += _np_names(conj, names, depth + 1)
    else:
        follow = ("conj", "appos", "compound", "poss", "prep", "pobj", "nmod")
        # "The mayor of Port Selby, Agnes Holm": the person acts, the town describes.
        if any(
            names.label_of.get(names.by_token.get(c.i, ("",))[0]) == "PERSON"
            for c in token.children
            if c.dep_ == "appos"
        ):
            follow = ("conj", "appos", "compound", "poss", "nmod")
    for child in token.children:
        # "the opening of its plant in Marrowdale": where is not who.
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            continue
        if child.dep_ in follow:
            out += _np_names(child, names, depth + 1, modifying=modifier and child.dep_ == "conj")
    return out


def place(token: Token, names: Names) -> tuple[Slot | None, str | None]:
    """The place on the trigger and the wider place it is in ("Lakeside Palace", "Varn")."""
    holders = [token]
    if (
        token.pos_ not in ("VERB", "AUX")
        and token.head.pos_ in ("VERB", "AUX")
        and token.dep_ in ("dobj", "nsubj", "nsubjpass")
    ):
        holders.append(token.head)
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                margins = _margins(prep, obj, depth=0)
                if margins is not None:
                    return margins, None
                if prep.lower_ in _PLACE_PREPS:
                    found = _place_in(obj, prep.lower_, names, depth=0)
                    if found is not None:
                        return found
    if token.pos_ == "NOUN":  # "Meridia's parliamentary election"
        for child in token.children:
            named = names.by_token.get(child.i)
            if child.dep_ in ("poss", "compound") and named and named[1] in _PLACE_LABELS:
                return (named[0], named[2]), None
    return None, None


def _margins(prep: Token, obj: Token, depth: int) -> Slot | None:
    """ "on the margins of the conference" (also under "over a table on the margins of")."""
    if prep.lower_ == "on" and obj.lemma_ in ("margin", "sideline", "fringe"):
        inner = [
            g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
        if inner:
            np = inner[0]
            left = next((t for t in np.subtree if t.dep_ != "det"), np)
            return np.doc[left.i : np.i + 1].text, Span(start=left.idx, end=np.idx + len(np.text))
    if depth >= 2:
        return None
    for sub in (c for c in obj.children if c.dep_ == "prep"):
        for inner_obj in (c for c in sub.children if c.dep_ == "pobj"):
            found = _margins(sub, inner_obj, depth + 1)
            if found is not None:
                return found
    return None


def _place_in(token: Token, prep: str, names: Names, depth: int) -> tuple[Slot, str | None] | None:
    if depth > 3:
        return None
    # "in Ordania's capital, Serevo": the apposition names the place itself.
    appos = [c for c in token.children if c.dep_ == "appos"]
    modifiers = sorted(
        (c for c in token.children if c.dep_ in ("compound", "poss")), key=lambda c: c.dep_
    )  # "Meridia's Sallow province": the compound is the nearer place
    for t in [*appos, token, *modifiers]:
        named = names.by_token.get(t.i)
        if named is None:
            continue
        key, label, span = named
        if (
            label in _PLACE_LABELS
            or (label == "ORG" and prep in ("in", "at"))
            or (label == "PERSON" and prep == "in" and span.end - span.start == len(t.text))
        ):
            detail = None
            for sub in token.children:
                if sub.dep_ == "prep" and sub.lower_ in ("in", "of"):
                    inner = next(
                        (
                            _place_in(g, "in", names, depth + 1)
                            for g in sub.children
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    if inner is not None and inner[0][0] != key:
                        detail = inner[0][0]
            return (key, span), detail
    for sub in token.children:
        if sub.dep_ == "prep" and sub.lower_ in _PLACE_PREPS | {"of"}:
            for g in sub.children:
                if g.dep_ == "pobj":
                    found = _place_in(
                        g, sub.lower_ if sub.lower_ != "of" else prep, names, depth + 1
                    )
                    if found is not None:
                        return found
    return None


def dateline_region(article: Article) -> Span | None:
    """Where a wire dateline ("VARN, Kestrava (Coastline Wire) - ") is, if the body has one."""
    body = article.text[article.body.start : article.body.start + 120]
    end = re.match(r"[^\n]{0,80}?\s[-–—]\s", body)
    if _DATELINE.match(body) is None or end is None:
        return None
    return Span(start=article.body.start, end=article.body.start + end.end())


def dateline(article: Article, names: Names) -> Slot | None:
    """The place of a wire dateline ("VARN, Kestrava (Coastline Wire) -"), as a place key."""
    body = article.text[article.body.start : article.body.start + 120]
    match = _DATELINE.match(body)
    if match is None or dateline_region(article) is None:
        return None
    written = match.group(1)
    wanted = written.casefold()
    key = next(
        (k for k, name in names.canonical_of.items() if name.casefold() == wanted), written.title()
    )
    start = article.body.start
    return key, Span(start=start, end=start + len(written))


def is_future(verb: Token) -> bool:
    """Still to come: "will meet", "is due to sign", "are expected to vote"."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in current.children):
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in _FUTURE_HEADS:
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head is current:
            return False
        current = current.head
    return False


def _governor(token: Token, trigger: Token) -> Token:
    current = token
    for _ in range(10):
        if current.head is current:
            return current
        current = current.head
        if current.i == trigger.i or current.pos_ in ("VERB", "AUX"):
            return current
        if current.pos_ == "NOUN" and current.lemma_.lower() in _NOUNS:
            return current  # "the toll from last month's attack": the attack's date
    return current


def _attached(root: Token, trigger: Token) -> bool:
    governor = _governor(root, trigger)
    if governor.i == trigger.i:
        return True
    if governor.dep_ in ("relcl", "acl") and governor.head.i == trigger.i:
        return True  # "a fire that broke out yesterday"
    head = phrase_head(trigger)
    return (
        head is not trigger and governor.i == head.i and head.lemma_.lower() not in _SPEECH
    ) or (trigger.dep_ == "xcomp" and governor.i == trigger.head.i)


def time(
    token: Token, where: Sentence, published: datetime | None, *, headline: bool = False
) -> Slot | None:
    """The resolved date of the first time expression attached to the trigger."""
    sentence, text = where
    doc = token.doc
    spans: list[tuple[int, int]] = [
        (e.start_char, e.end_char) for e in entities_in(sentence) if e.label_ in ("DATE", "TIME")
    ]
    for match in timex.TIME_WORDS.finditer(text):
        start, end = sentence.start_char + match.start(), sentence.start_char + match.end()
        if not any(s < end and start < e for s, e in spans):
            spans.append((start, end))
    head = phrase_head(token)
    # A body verb in the present with a date is a schedule: "The council meets on October 14".
    future = is_future(head) or (head is token and token.tag_ in ("VBZ", "VBP") and not headline)
    offset = sentence.start_char
    for start, end in sorted(spans, key=lambda se: abs(se[0] - token.idx)):
        region = doc.char_span(start, end, alignment_mode="expand")
        if region is None or not _attached(region.root, token):
            continue
        if _EARLIER_FIGURE.search(text[max(0, start - offset - 30) : start - offset]):
            continue  # "up from 41 on Saturday" dates the old figure, not the event
        value = timex.resolve(text[start - offset : end - offset], published, future=future)
        if value is not None:
            return value, Span(start=start, end=end)
    return None


def duration(
    token: Token, sentence: SpacySpan, durations: Sequence[QuantityFinding]
) -> tuple[str, float] | None:
    """A duration quantity on the trigger: "met for an hour", "the talks lasted 45 minutes"."""
    doc = token.doc
    for quantity in durations:
        if not (sentence.start_char <= quantity.span.start < sentence.end_char):
            continue
        region = doc.char_span(quantity.span.start, quantity.span.end, alignment_mode="expand")
        if region is None:
            continue
        governor = region.root.head
        if governor.dep_ == "prep" and governor.lower_ in ("for", "over", "during"):
            governor = governor.head  # "met for an hour"
        lasting = (
            token.dep_.startswith("nsubj")
            and governor.i == token.head.i
            and governor.lemma_.lower() in _LASTING
        )  # "the talks lasted 45 minutes"
        if governor.i == token.i or lasting:
            value = (
                quantity.value if quantity.value is not None else quantity.upper or quantity.lower
            )
            if value is not None:
                return quantity.id, value
    return None
