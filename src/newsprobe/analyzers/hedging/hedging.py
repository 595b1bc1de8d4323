"""Speculation and hedging: the words that turn a report into a guess.

Each finding's `span` is the cue ("may have been", "reportedly", "it is believed") and
`scope` the sentence it governs. Types:

- ``modal``: epistemic may / might / could, must/should + have ("must have known"), and a
  thing's conditional explanation ("such a mechanism would account for the delay");
- ``epistemic_verb``: seem, appear (+ to / that / adjective), evidence or a thing
  suggests/indicates/implies ("the structure suggests a mechanism", "..., suggesting
  that"), someone believes/suspects/thinks that..., conjecture ("is predicted to form",
  "has been proposed to act", "we propose that the loop acts");
- ``adverb``: reportedly, allegedly, apparently, possibly, probably, perhaps, likely...;
- ``qualifier``: alleged, suspected, purported, unconfirmed, apparent;
- ``framing``: impersonal or unsourced framings ("it is believed", "is said to", "it is
  unclear whether", "there is speculation that", "unconfirmed reports");
- ``inference``: the writer reasoning aloud ("Therefore, ...", "This means that...");
- ``weasel``: a vague source or vague quantity that makes a claim sound sourced when no
  one is named ("many experts", "critics say", "some have argued", "it is widely
  believed", "is generally regarded as", "one of the most", "numerous reports"); the
  span is the words that fired (rules in `weasels.py`), never a count ("many of the 300
  passengers").

Cues are read off the shared parse, so "May 4", "appeared in court", "the company could
not be reached for comment" and "he suggested a plan" are not hedges. A negated certainty
("there is no suggestion that", "no evidence that") is a denial, not a hedge; a negated
hedge ("did not appear to", "not thought to be") still hedges, and the note says so. A
cue inside a quotation belongs to the speaker: `speaker` is set from the `quote` findings
when present, and the note says whose hedge it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.hedging import confidence as CONFIDENCE
from newsprobe.analyzers.hedging.framings import FRAMINGS
from newsprobe.analyzers.hedging.modals import (
    is_access,
    is_advice,
    is_concessive,
    is_naming,
    is_past_ability,
    is_permission,
    is_restricted,
)
from newsprobe.analyzers.hedging.weasels import weasel_cues, weasel_phrases
from newsprobe.analyzers.shared.lexicon import fold_case
from newsprobe.analyzers.shared.lexicon_files import load_words, tagged
from newsprobe.analyzers.shared.tokens import Columns
from newsprobe.findings import FindingBase, HedgeFinding, QuoteFinding, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["HedgingAnalyzer"]

_ADVERBS = load_words("hedging/hedge_adverbs")
_QUALIFIERS = load_words("hedging/hedge_qualifiers")
# "a possible motive" guesses; "the best possible outcome", "all possible steps" do not
# (2 of 25 real articles had the first kind unflagged).
_RANGE_QUALIFIERS = frozenset({"possible"})
# "Possible values of the score range from 0 to 10": what can occur, listed, not guessed.
_RANGE_NOUNS = load_words("hedging/range_nouns")
# "a candidate tumour suppressor gene", "a candidate binding site": a guess at what a thing
# is; not "a candidate list" or "a candidate for mayor" (news roles and events).
_CANDIDATE_NOUNS = load_words("hedging/candidate_nouns")
# How the parser hangs a word inside a noun phrase on the next ("a candidate binding
# site": "candidate" npadvmod of "binding", itself amod of "site").
_MODIFIER_DEPS = frozenset({"compound", "amod", "npadvmod", "nmod"})
# "Whether or not the complex is stable has not been determined", "we tested whether the
# kinase binds": a question left open (a speculation cue in the BioScope and CoNLL-2010
# guidelines). Not a choice ("voted on whether to rebuild"), nor a concession ("regardless
# of whether it rains"), told by the words before it.
_CONCESSIVE_BEFORE_WHETHER = ("regardless of", "irrespective of", "no matter", "not matter")
_OPEN_QUESTION_HEADS = load_words("hedging/open_question_heads")
_ALL_WORDS = frozenset({"every", "all", "any", "each", "no"})
_MODALS = frozenset({"may", "might", "could"})
_EPISTEMIC = load_words("hedging/epistemic_verbs")
# Conjecture: "is predicted to form", "has been proposed to act", "we propose that".
_CONJECTURE = load_words("hedging/conjecture_verbs")
# "a potential role", "a potential link": the relation is the guess ("potential buyers" is
# no guess and is left).
_CONJECTURE_NOUNS = load_words("hedging/conjecture_nouns")
# Conjecture verbs that put forward a hypothesis whatever follows them ("led us to
# hypothesize a role for the kinase"); "propose" and "predict" need their clause (a plan,
# a capability). Added 2026-12-07 after an eighth composed probe.
_HYPOTHESIS_VERBS = frozenset({"hypothesize", "hypothesise", "postulate"})
# "Recent evidence points to a role in splicing": evidence pointing, not an arrow.
_POINTING = frozenset({"point"})
# "Such a mechanism would account for ...": an explanation offered on a condition.
_EXPLANATION_VERBS = load_words("hedging/explanation_verbs")
# Evidence verbs: with evidence, or anything but a person, as subject they hedge ("the
# structure suggests a mechanism"); with a person they propose ("she suggested a plan").
_EVIDENCE_VERBS = load_words("hedging/evidence_verbs")
# Before a verb of conjecture, what someone is able (or going) to do, not a conjecture made.
_ABILITY = frozenset({"can", "ca", "cannot", "could", "will", "would", "'ll"})
# Auxiliaries of a clause that states what is, not what should be ("be cut", "should go").
_INDICATIVE_AUX = frozenset(
    "is are was were has have had may might could can will would does do did".split()
)
# Who can propose, promise or explain rather than be evidence: people and bodies.
_ANIMATE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_ANIMATE_PRONOUNS = frozenset(
    {"i", "you", "we", "he", "she", "they", "who", "someone", "somebody", "one"}
)
_PERSON_SUFFIXES = tuple(sorted(load_words("hedging/person_suffixes")))
_PEOPLE = load_words("hedging/agent_nouns") | (
    tagged("hedging/vague_sources", "bare") | tagged("hedging/vague_sources", "quantified")
) - tagged("hedging/vague_sources", "document")
# "the study suggests" is evidence hedging; "she suggested a plan" is a proposal.
_EVIDENCE_NOUNS = load_words("hedging/evidence_nouns")
# After "could": past ability or routine reporting phrases, not speculation.
_NOT_SPECULATIVE_AFTER_COULD = load_words("hedging/could_not_speculative")
# "we could show that", "could be detected only in the nucleus": a result reported.
_LAB_VERBS = tagged("hedging/finding_verbs", "lab")
_RESULT_CLAUSE_VERBS = tagged("hedging/finding_verbs", "clause")
_IMPRESSION = frozenset({"seem", "appear"})
_CUE_WORDS = _ADVERBS | _QUALIFIERS | {"potential", "candidate", "whether"}
_CUE_VERBS = _EPISTEMIC | _CONJECTURE | _EVIDENCE_VERBS | _POINTING
# "18 per cent less likely", "twice as likely", "three times more likely": a measured
# rate, the finding of a study, not a guess. Only "likely" words with a measure before
# the comparative are exempt; "more likely to win" alone still guesses.
_RATE_WORDS = frozenset({"likely", "unlikely"})
_COMPARATIVES = frozenset({"more", "less", "as"})
_MEASURES = frozenset({"times", "twice", "thrice", "half", "%", "percent", "cent", "fold"})
_MONTH_CONTEXT = re.compile(r"^May\b(?:\s+\d|\s*,|\s+(?:19|20)\d\d)")
_QUOTED = re.compile(r"[\"“„«](.+?)[\"”»]|(?<!\w)[‘'](.+?)[’'](?!\w)", re.S)


def _candidate_cues(cols: Columns) -> list[int]:
    """Indices of the tokens `_token_cue` may accept, in order; it rejects all others.

    Read off the shared columns in one pass, so that the tokens that cannot start a cue
    (nearly all of them) never become spaCy Tokens.
    """
    tag, pos, lemma = cols.tag, cols.pos, cols.lemma
    return [
        i
        for i, lower in enumerate(cols.lower)
        if lower in _CUE_WORDS
        or tag[i] == "MD"
        or (pos[i] in ("VERB", "AUX") and lemma[i].lower() in _CUE_VERBS)
    ]


def _is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children) or any(
        child.dep_ == "neg" for child in token.head.children if token.dep_ in {"aux", "auxpass"}
    )


def _measured_rate(token: Token) -> bool:
    """ "18 per cent less likely", "twice as likely", "3.5 times more likely"."""
    before = token.doc[max(0, token.i - 4) : token.i]
    if not len(before) or before[-1].lower_ not in _COMPARATIVES:
        return False
    return any(t.lower_ in _MEASURES or t.like_num or t.lower_.endswith("fold") for t in before)


def _token_cue(token: Token) -> tuple[str, Token] | None:
    """(hedge type, last token of the cue) when this token starts a hedge, else None."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in _ADVERBS and token.pos_ in {"ADV", "ADJ"}:
        if lower in _RATE_WORDS and _measured_rate(token):
            return None
        return "adverb", token
    if _in_compound(token):
        return None  # "a plausible-looking mockup": part of another adjective
    if lower in _QUALIFIERS and token.pos_ in {"ADJ", "VERB"} and token.dep_ == "amod":
        if lower in _RANGE_QUALIFIERS and (
            _ranges_over_all(token) or token.head.lemma_.lower() in _RANGE_NOUNS
        ):
            return None  # "the best possible outcome", "every possible route", "possible values"
        return "qualifier", token
    if lower == "candidate" and token.dep_ in _MODIFIER_DEPS and _candidate_of(token):
        return "qualifier", token
    if lower == "whether":
        return ("framing", token) if _open_question(token) else None
    if (
        lower == "potential"
        and token.dep_ == "amod"
        and token.head.lemma_.lower() in _CONJECTURE_NOUNS
    ):
        return "qualifier", token
    if token.tag_ == "MD":
        if (
            lower == "may"
            and token.text == "May"
            and _MONTH_CONTEXT.match(token.doc.text[token.idx : token.idx + 12])
        ):
            return None
        head = token.head
        # "may have", "could not have", "might well have": the cue runs to "have".
        following = next(
            (
                t
                for t in token.doc[token.i + 1 : token.i + 4]
                if t.lower_ not in {"not", "n't", "well", "also", "even"}
            ),
            None,
        )
        has_have = following is not None and following.lower_ == "have"
        if lower in {"must", "should"} and following is not None and has_have:
            return ("modal", following) if head.tag_ == "VBN" else None
        if lower == "would":
            return _conditional_explanation(token, head) if not has_have else None
        if lower in _MODALS:
            if token.dep_ not in {"aux", "auxpass"} or head.pos_ not in {"VERB", "AUX"}:
                return None  # elliptical: "nobody told me I couldn't"
            negated = any(c.dep_ == "neg" for c in head.children)
            if (
                lower == "could"
                and not has_have
                and (
                    negated
                    or head.lemma_.lower() in _NOT_SPECULATIVE_AFTER_COULD
                    or is_past_ability(token, head)
                    or _reported_finding(head)
                )
            ):
                return None  # inability, perception, ability then: "could not be reached"
            if lower == "may" and not has_have and (is_permission(head) or is_access(head)):
                return None
            if not has_have and is_naming(head):
                return None  # "may also be called X": another name, not a guess
            if is_concessive(token):
                return None
            if lower != "might" and not has_have and is_restricted(token, head):
                return None  # "may be inherited only by male heirs": a rule
            if lower != "could" and is_advice(head):
                return None  # "you might want to check": a suggestion to the reader
            if not has_have and head.lemma_.lower() in _IMPRESSION and head.i - token.i <= 2:
                return "epistemic_verb", head  # "may seem": one hedge, not two
            return "modal", following if has_have and following is not None else token
        return None
    if token.pos_ in {"VERB", "AUX"} and lemma in _CONJECTURE:
        return _conjecture(token, lemma)
    if token.pos_ in {"VERB", "AUX"} and (lemma in _EPISTEMIC or lemma in _EVIDENCE_VERBS):
        return _epistemic(token, lemma)
    if lemma in _POINTING and token.pos_ == "VERB" and _evidence_points(token):
        return "epistemic_verb", token
    return None


def _evidence_points(verb: Token) -> bool:
    """ "Recent evidence points to a role", "the data point towards a second site": only
    with evidence as subject (`evidence_nouns`; not "the arrow points to the exit")."""
    return any(
        c.dep_ == "prep" and c.lower_ in {"to", "towards", "toward"} for c in verb.children
    ) and any(
        s.lemma_.lower() in _EVIDENCE_NOUNS
        for s in _subjects(verb) + [c for c in verb.lefts if c.dep_ == "compound"]
    )  # "Recent evidence points": the parser makes "evidence" a compound of "points"


def _reported_finding(verb: Token) -> bool:
    """ "we could show that", "the protein could be detected": a verb of finding with the
    researchers as subject, or in the passive."""
    lemma = verb.lemma_.lower()
    researchers = any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in verb.children)
    if lemma in _LAB_VERBS:
        return researchers or any(c.dep_ == "auxpass" for c in verb.children)
    return (
        lemma in _RESULT_CLAUSE_VERBS
        and researchers
        # a clause with its own verb: not "we could find ourselves short of water"
        and any(
            c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in {"VERB", "AUX"} for c in verb.children
        )
    )


def _candidate_of(token: Token) -> bool:
    """ "a candidate tumour suppressor gene", "a candidate binding site": one of the words
    the noun phrase runs on to is a thing research guesses at (`candidate_nouns`)."""
    head = token.head
    for _ in range(4):
        if head.i <= token.i:
            return False
        if head.lemma_.lower() in _CANDIDATE_NOUNS:
            return True
        if head.dep_ not in _MODIFIER_DEPS:
            return False
        head = head.head
    return False


def _open_question(token: Token) -> bool:
    """ "whether" opening a clause with a subject of its own ("whether the kinase binds",
    "Whether or not the complex is stable"): a question left open. Not "whether to
    rebuild" (a choice, no subject), "whether male or female" (no verb) or "regardless of
    whether" (a concession)."""
    verb = token.head
    if token.dep_ != "mark" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
        return False
    before = token.doc[max(0, token.i - 3) : token.i].text.lower()
    if before.endswith(_CONCESSIVE_BEFORE_WHETHER):
        return False
    if verb.dep_ in {"csubj", "csubjpass"}:
        return True  # "Whether the complex is stable has not been determined"
    # The word the clause hangs on, through up to two prepositions ("disagree over
    # whether", "differ as to whether"): one of inquiry, not knowing or dispute.
    governor = verb.head
    for _ in range(2):
        if governor.dep_ != "prep" and governor.pos_ != "ADP":
            break
        governor = governor.head
    return governor.lemma_.lower() in _OPEN_QUESTION_HEADS


def _in_compound(token: Token) -> bool:
    """A qualifier joined by a hyphen to the next word ("plausible-looking")."""
    return (
        token.i + 2 < len(token.doc)
        and token.nbor(1).text == "-"
        and not token.whitespace_
        and not token.nbor(1).whitespace_  # "it's possible - likely, we would say": a dash
        and token.lower_ in _CUE_WORDS
        and token.lower_ not in _ADVERBS
    )


def _is_animate(token: Token) -> bool:
    """A person, a body or a group of people: someone who proposes rather than shows."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in _ANIMATE_ENTS
        or token.pos_ == "PROPN"
        or token.lower_ in _ANIMATE_PRONOUNS
        or lemma in _PEOPLE
        or token.lower_ in _PEOPLE
        or lemma.endswith(_PERSON_SUFFIXES)
    )


def _subjects(verb: Token) -> list[Token]:
    """The subjects of `verb`; for a participle clause with none of its own ("..., suggesting
    an age-dependent mechanism"), those of the clause it hangs on."""
    own = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if own or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return own
    return [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _conditional_explanation(modal: Token, verb: Token) -> tuple[str, Token] | None:
    """ "Such a mechanism would account for the delay", "that would explain the smell": an
    explanation offered on a condition. Not a person's "would" ("she said she would
    explain"): that is a promise or a future in the past."""
    if modal.dep_ != "aux" or verb.lemma_.lower() not in _EXPLANATION_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(_is_animate(s) for s in subjects):
        return None
    return "modal", modal


def _conjecture(token: Token, lemma: str) -> tuple[str, Token] | None:
    """ "These residues are predicted to form a pocket", "X has been proposed to act as",
    "we propose that the loop acts as a gate", "analysts predict that prices will rise"."""
    children = list(token.children)
    if any(c.dep_ == "auxpass" for c in children):
        to_verb = any(
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in children
        )
        return ("epistemic_verb", token) if to_verb else None  # not "proposed to the board"
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if any(c.dep_ == "aux" and c.lower_ in _ABILITY for c in children):
        return None  # "the robots can predict where criminals will strike": a capability
    if lemma in _HYPOTHESIS_VERBS and not any(c.dep_ == "auxpass" for c in children):
        return "epistemic_verb", token  # "led us to hypothesize a role for the kinase"
    if clause is None and _first_person(token) and _next_is_that(token):
        # "We propose that the helix functions as a switch": the parser read "the helix
        # functions" as a noun phrase (an eighth composed probe); "we" and "that" suffice.
        return "epistemic_verb", token
    if lemma == "estimate" or clause is None:
        return None  # "police estimated the crowd at 2,000": a figure and its source
    if lemma == "propose" and not _states_what_is(token, clause):
        return None  # "proposed that the fee be cut": what should be done, not what is
    return "epistemic_verb", token


def _first_person(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in verb.children)


def _next_is_that(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "that"


def _states_what_is(verb: Token, clause: Token) -> bool:
    """The clause after "propose" says what is ("that the loop acts as a gate"), not what
    should be done ("that the fee be cut", "that members get a bonus"): an indicative verb
    or auxiliary. A plain plural verb ("that the loops act") reads either way, and counts
    only after "we" or "I", as in research prose."""
    auxes = [a for a in clause.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _INDICATIVE_AUX for a in auxes) or (
        not auxes
        and clause.tag_
        in {
            "VBZ",
            "VBD",
        }
    ):
        return True
    first_person = any(c.dep_ == "nsubj" and c.lower_ in {"we", "i"} for c in verb.children)
    return first_person and not auxes and clause.tag_ == "VBP"


def _ranges_over_all(adjective: Token) -> bool:
    """ "possible" after a superlative or "every"/"all": the whole range, not a guess."""
    before = [t for t in adjective.head.children if t.i < adjective.i]
    if adjective.head.i < adjective.i:
        return True  # "as soon as possible": no noun after it to guess about
    previous = adjective.nbor(-1) if adjective.i > 0 else None
    if previous is not None and previous.tag_ in {"JJS", "RBS"}:
        return True  # "the fastest possible route"
    return any(t.tag_ in {"JJS", "RBS"} or t.lower_ in _ALL_WORDS for t in before)


def _epistemic(token: Token, lemma: str) -> tuple[str, Token] | None:
    deps = {child.dep_ for child in token.children}
    if (
        lemma == "believe"
        and any(
            c.lower_ in {"ca", "can", "could", "cannot"} for c in token.children if c.dep_ == "aux"
        )
        and "neg" in deps
    ):
        return None  # "I can't believe it": astonishment, not a guess
    if lemma == "seem":
        return "epistemic_verb", token
    if lemma == "appear":
        return ("epistemic_verb", token) if deps & {"xcomp", "ccomp", "acomp", "attr"} else None
    if lemma in _EVIDENCE_VERBS:
        # Evidence, or a thing, as the subject ("the study suggests", "the structure
        # suggests a mechanism", "..., suggesting an age-dependent mechanism"); not a
        # person proposing something ("she suggested a plan").
        subjects = _subjects(token)
        evidence = any(s.lemma_.lower() in _EVIDENCE_NOUNS for s in subjects) or (
            lemma != "argue" and bool(subjects) and not any(_is_animate(s) for s in subjects)
        )  # "argue" only with evidence: "the lawyer argued", "the ruling argued" contend
        pointing = deps & {"ccomp", "dobj"} or any(
            c.dep_ == "prep" and c.lower_ in {"for", "against"} for c in token.children
        )  # "the data argue for a direct interaction"
        return ("epistemic_verb", token) if evidence and pointing else None
    if (
        lemma == "think"
        and "aux" in deps
        and token.tag_ != "VBN"
        and any(
            c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in token.children
        )
    ):
        # "you might think to ask", "he did not think to check": remembering to, not a
        # belief. The auxiliary is the tell: "a bomb thought to have been planted" can be
        # parsed as an active "thought" with "bomb" as its subject.
        return None
    # believe, think, suspect, fear...: a belief about a state of affairs (a clause).
    if deps & {"ccomp", "xcomp"} and "auxpass" not in deps:
        return "epistemic_verb", token
    return None


def _add_framing(cues: list[tuple[Span, str, bool]], span: Span, kind: str, negated: bool) -> None:
    """Add a framing cue, merged with one it overlaps: "it is believed" and "is believed
    to" both match "It is believed to have sunk", which is one hedge, not two."""
    for n, (other, other_kind, other_negated) in enumerate(cues):
        if other_kind == kind and other.overlaps(span):
            merged = Span(start=min(other.start, span.start), end=max(other.end, span.end))
            cues[n] = (merged, kind, negated or other_negated)
            return
    cues.append((span, kind, negated))


def _add_weasel(cues: list[tuple[Span, str, bool]], span: Span) -> None:
    """Add a weasel cue. A framing it overlaps becomes one weasel cue ("It is widely
    believed that": the framing and "widely believed" are one vague source); it is
    dropped inside any other cue."""
    for n, (other, other_kind, negated) in enumerate(cues):
        if not other.overlaps(span):
            continue
        if other_kind in {"framing", "weasel"}:
            merged = Span(start=min(other.start, span.start), end=max(other.end, span.end))
            cues[n] = (merged, "weasel", negated)
        return
    cues.append((span, "weasel", False))


def _quoted_regions(text: str, offset: int) -> list[Span]:
    return [Span(start=offset + m.start(), end=offset + m.end()) for m in _QUOTED.finditer(text)]


class HedgingAnalyzer(Analyzer):
    """Speculation and hedging: modals, epistemic verbs, adverbs, framings, weasel words."""

    name = "hedging"
    version = "2"
    requires = frozenset({"doc:parse", "doc:tags", "doc:lemmas"})
    uses = frozenset({"quote"})
    provides = frozenset({"hedge"})

    def analyze(self, ctx: Context) -> Iterable[FindingBase]:
        doc = ctx.doc
        if doc is None:
            return
        quotes = ctx.of_kind("quote", QuoteFinding)
        cols = ctx.columns
        candidates = _candidate_cues(cols)
        for sentence in doc.sents:
            first = bisect_left(candidates, sentence.start)
            tokens = [
                cols.tokens[i]
                for i in candidates[first : bisect_left(candidates, sentence.end, first)]
            ]
            yield from self._sentence(ctx, sentence, tokens, quotes)

    def _sentence(
        self,
        ctx: Context,
        sentence: SpacySpan,
        tokens: list[Token],
        quotes: list[QuoteFinding],
    ) -> Iterator[HedgeFinding]:
        """Hedges of one sentence; `tokens` are those of its tokens that may start a cue."""
        # Slice the text rather than read `sentence.text`: spaCy rebuilds it token by token.
        offset = sentence.start_char
        text = ctx.text[offset : sentence.end_char]
        stripped = text.strip()
        if not stripped or not any(ch.isalpha() for ch in stripped):
            return
        cues: list[tuple[Span, str, bool]] = []
        folded = fold_case(ctx.text)[offset : sentence.end_char]  # one fold per article
        for pattern, kind, gates in FRAMINGS:
            if not any(map(folded.__contains__, gates)):
                continue  # no match is possible
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    span = Span(start=offset + m.start(), end=offset + m.end())
                    negated = " not " in f" {m.group(0).lower()} "
                    _add_framing(cues, span, kind, negated)
        weasels = [Span(start=a, end=b) for a, b in weasel_cues(sentence)]
        weasels += [
            Span(start=m.start, end=m.end)
            for m in weasel_phrases().finditer(ctx.text, offset, sentence.end_char)
        ]
        for span in weasels:
            _add_weasel(cues, span)
        for token in tokens:
            found = _token_cue(token)
            if found is None:
                continue
            kind, last = found
            span = Span(start=token.idx, end=last.idx + len(last.text))
            if any(c[0].overlaps(span) for c in cues):
                continue  # already inside a longer framing
            if token.lower_ == "whether" and any(0 <= span.start - c[0].end <= 1 for c in cues):
                continue  # "It remains to be seen whether": one framing, not two
            cues.append((span, kind, _is_negated(token if kind != "modal" else token.head)))
        if not cues:
            return
        lead = len(text) - len(text.lstrip())
        scope = Span(start=offset + lead, end=offset + lead + len(stripped))
        quoted = _quoted_regions(text, offset)
        for span, kind, negated in sorted(cues, key=lambda c: (c[0].start, c[0].end)):
            yield self._finding(ctx, span, kind, negated, scope, quotes, quoted)

    @staticmethod
    def _finding(
        ctx: Context,
        span: Span,
        kind: str,
        negated: bool,
        scope: Span,
        quotes: list[QuoteFinding],
        quoted: list[Span],
    ) -> HedgeFinding:
        cue = ctx.text[span.start : span.end]
        owner = next((q for q in quotes if q.span.contains(span)), None)
        in_quote = owner is not None or any(r.contains(span) for r in quoted)
        speaker = owner.speaker if owner is not None else None
        label = {
            "modal": "Modal of possibility",
            "epistemic_verb": "Verb of impression or belief",
            "adverb": "Hedging adverb",
            "qualifier": "Hedging qualifier",
            "framing": "Unsourced framing",
            "inference": "The writer's own inference",
            "weasel": "Vague source or quantity",
        }[kind]
        note = f"{label} '{cue}': the statement is presented as uncertain, not established."
        if kind == "inference":
            note = f"{label} '{cue}': a conclusion drawn by the writer, not reported fact."
        if kind == "weasel":
            note = f"{label} '{cue}': it sounds sourced, but names no one who could be asked."
        if negated:
            note = f"{label} '{cue}' (negated): still an impression, not an established fact."
        if in_quote:
            who = speaker or "the person quoted"
            note += f" It is inside a quotation, so the hedge is {who}'s, not the outlet's."
        # The values and how they were set: `confidence.py`.
        confidence = CONFIDENCE.BY_TYPE.get(kind, CONFIDENCE.DEFAULT)
        return HedgeFinding(
            span=span,
            hedge_type=kind,
            scope=scope,
            speaker=speaker,
            confidence=confidence * (CONFIDENCE.QUOTED_FACTOR if in_quote else 1.0),
            note=note,
        )
