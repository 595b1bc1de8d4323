"""Event triggers: which words report that an event happened, and of which type.

The lexicon of trigger verbs and nouns (`trigger_type`), and the tests of the parse that
keep a trigger only where it reports an event: "met" but not "met the deadline", "the
election" but not "the risk of floods", nothing inside quotation marks, negated or
hypothetical; the figurative, intended and medical senses are told by `event_senses`.
The slots around an accepted trigger are read by `event_participants` and `event_slots`.

    >>> quoted = quoted_mask(ctx.text)
    >>> [trigger_type(cols.tokens[i], quoted) for i in candidate_triggers(cols, quoted)]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsprobe.analyzers.events import senses
from newsprobe.analyzers.events.names import PLACE_LABELS
from newsprobe.analyzers.shared.lexicon_files import load_mapping, load_words
from newsprobe.analyzers.shared.speech_verbs import verbs_for
from newsprobe.analyzers.shared.tokens import Columns, columns
from newsprobe.findings import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "NOUN_EVENT_TYPES",
    "SPEECH_LEMMAS",
    "candidate_triggers",
    "counted",
    "phrase_head",
    "quoted_mask",
    "trigger_span",
    "trigger_type",
]

#: Trigger verbs and nouns, by lemma, and the event type each reports.
_VERBS: dict[str, str] = load_mapping("events/trigger_verbs")
NOUN_EVENT_TYPES: dict[str, str] = load_mapping("events/trigger_nouns")
_ELECTION_CONTEXT = load_words("events/election_context")
_COURT = re.compile(r"\b(court|judge|justice|tribunal|jury|magistrate)s?\b", re.I)
_VIOLENT = load_words("events/violent_modifiers")
_HARM = load_words("events/harm_words")
_FILMED = load_words("events/filmed_things")
_FACILITIES = load_words("events/facilities")
_HYPOTHETICAL = frozenset({"could", "might", "may", "would", "should", "can"})
_NEGATIVE_SUBJECTS = frozenset({"nobody", "no one", "none", "neither", "nothing"})
#: Verbs of saying: they report speech, they are not the event spoken about.
SPEECH_LEMMAS = verbs_for("event_speech")
#: Verbs under which "in a statement" is a statement event ("announced in a statement").
_STATEMENT_LEMMAS = verbs_for("in_statement")
_QUOTE_OR_BREAK = re.compile('["“”\n]')
#: Every lemma `trigger_type` can return a type for ("shot dead" is read off the word).
_TRIGGER_LEMMAS = frozenset(_VERBS) | frozenset(NOUN_EVENT_TYPES) | {"dead"}


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
        if senses.intended(token):  # "wants to meet", "refused to sign"
            return None
        return senses.launch_type(token) if event_type == "launch" else event_type
    if token.pos_ == "ADJ" and lemma == "dead" and counted(token):
        return "death_toll"
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    event_type = NOUN_EVENT_TYPES.get(lemma)
    if event_type is None or not _noun_fits(token, lemma) or senses.unreal_noun(token):
        return None
    if lemma == "explosion" and not _sentence_lemmas(token) & senses.ARMED:
        return "disaster"  # a gas main, a factory boiler, a meteorite: no one attacked
    return event_type


def _verb_fits(token: Token, lemma: str) -> bool:
    children = list(token.children)
    deps = {c.dep_: c for c in children}
    particle = next((c.lower_ for c in children if c.dep_ == "prt"), None)
    obj = deps.get("dobj") or deps.get("nsubjpass")
    if lemma == "meet":
        return not senses.figurative_meeting(token)
    if lemma == "agree":
        return senses.agrees_to_something(token)
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
    if lemma in ("elect", "re-elect") and token.dep_ == "relcl":
        # "the people he was elected to serve" describes an office, it reports no vote.
        return not any(
            c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
            for c in children
        )
    if lemma == "attack":
        if obj is not None and obj.ent_type_ in ("PERSON", "ORG", "NORP"):
            # "attacked the minister over his remarks" is words; "attacked the minister
            # with a knife" leaves harm in the sentence.
            return bool(_sentence_lemmas(token) & (_HARM | senses.ARMED))
        return obj is not None and (obj.ent_type_ in PLACE_LABELS or obj.lemma_ in _FACILITIES)
    if lemma in ("open", "reopen"):
        thing = obj or deps.get("nsubj")
        return thing is not None and (
            thing.ent_type_ in ("ORG", "FAC") or thing.lemma_.lower() in _FACILITIES
        )
    if lemma == "shoot":  # "shot a video", "shooting the final scene": filming
        return particle is None and not (obj is not None and obj.lemma_.lower() in _FILMED)
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
    if NOUN_EVENT_TYPES[lemma] == "court_ruling":
        return bool(_COURT.search(token.sent.text))
    if lemma == "statement":
        governor = head.head if head.dep_ == "prep" else head
        return (head.lower_ == "in" and governor.lemma_ in _STATEMENT_LEMMAS) or (
            token.dep_ == "dobj" and head.lemma_ in ("issue", "release", "publish")
        )
    if lemma == "attack":
        if mods & senses.MEDICAL:  # "a heart attack"
            return False
        return bool(mods & _VIOLENT) or bool(_sentence_lemmas(token) & _HARM)
    if lemma == "shooting" and mods & _FILMED:  # "the film shooting"
        return False
    if lemma == "strike":
        return any(c.dep_ == "prep" and c.lower_ == "on" for c in children) and bool(
            mods & _VIOLENT | {"air"} & mods
        )
    if lemma == "vote":
        return any(c.like_num or c.dep_ == "nummod" for c in children)
    if lemma == "opening":
        return any(c.dep_ == "prep" and c.lower_ == "of" for c in children)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return False  # "No deaths have been reported"
    if NOUN_EVENT_TYPES[lemma] == "disaster":
        if senses.figurative_disaster(token, mods):
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
