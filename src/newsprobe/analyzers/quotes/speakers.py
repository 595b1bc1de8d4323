"""Who said a quote: the subject of a speech cue, and pronouns resolved to people.

Used by the quotes analyzer. A speech cue (see `speech_verbs`) is a verb of saying
("said", "told", "added", "wrote", "insisted", "described ... as", "called") or "according
to". Its speaker is the cue's grammatical subject in spaCy's parse ("Ruiz said", "said
Ruiz, the minister", "he said"), the object of "quoted X as saying", or the object of
"according to".

A subject is named through, in order: the entities analyzer's finding covering it (its
canonical name and id); a spaCy PERSON/ORG name, extended to the fullest earlier name that
ends with it ("Ruiz" -> "Ana Ruiz"); a name in apposition ("Reyes's mother, Maria Reyes");
otherwise the description itself ("One palace insider", "A spokesperson for the operator").
The names and their genders are read in `speaker_names`.

Pronouns: "he"/"she" go to the nearest compatible person, looking first at earlier
subjects of the same sentence, then at up to four earlier sentences, subjects first (the
one closest to the root), then other person mentions. Text inside quotation marks is
ignored, so the "He" in "He has never once asked," he said refers to nobody. Unknown
gender fits either pronoun. "it"/"they" go to the nearest organization or non-person
subject.

    >>> resolver = SpeakerResolver(doc, text, entities, QuotedRanges(ranges))
    >>> resolver.attribute(cue_token).speaker
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsprobe.analyzers.quotes import confidence
from newsprobe.analyzers.quotes.marks import QuotedRanges
from newsprobe.analyzers.quotes.speaker_names import (
    HONORIFICS,
    HUMAN_NOUNS,
    Referent,
    index_names,
    token_index_at,
    vote_genders,
    with_gender,
)
from newsprobe.analyzers.shared.tokens import Columns, columns
from newsprobe.findings import EntityFinding

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "Referent", "SpeakerResolver"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RELATIVE = frozenset({"who", "which", "that"})
#: Words a misparse can make a subject that never name a speaker: first and second
#: person (the quote's own voice), object pronouns ("to help find him said"), fillers.
_NOT_SPEAKERS = frozenset("i we you me us him her them this there what".split())
_CLAUSE_BREAKS = frozenset({",", "(", "—", "–", ";", ":"})  # a description of the body ends here


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue and its speaker (either may be missing), with how sure the link is."""

    speaker: Referent | None
    speaker_span: tuple[int, int] | None
    cue: str | None
    cue_span: tuple[int, int] | None
    confidence: float
    how: str  # named, pronoun, description, colon, continued, lead-in, none


class SpeakerResolver:
    """Speakers for cues in one parsed article; build once per article.

    Args:
        doc: The shared spaCy parse of `text`.
        text: The article text.
        entities: Entity findings from the entities analyzer (may be empty).
        quoted: The ranges inside quotation marks (non-overlapping).
        body_start: Where the body starts in `text`: a pronoun in the body never refers
            to someone named only in the headline (the body introduces its people anew).
    """

    def __init__(
        self,
        doc: Doc,
        text: str,
        entities: Sequence[EntityFinding],
        quoted: QuotedRanges,
        body_start: int = 0,
        cols: Columns | None = None,
    ) -> None:
        self.doc, self.text = doc, text
        self._body_start = body_start
        # Token attributes come from the shared columns (`Context.columns` in a pipeline):
        # ``doc[i]`` and ``for t in sent`` build a new Token each time, and every token of
        # the article is visited.
        self._cols = cols if cols is not None else columns(doc)
        self._quoted = quoted
        self._token_starts = self._cols.idx  # shared: never modified
        self._token_quoted = self._quoted_tokens()
        #: Token -> its "appos" children in order, as ``token.children`` would list them.
        self._appositions: dict[int, list[int]] = {}
        for i, dep in enumerate(self._cols.dep):
            head = self._cols.head[i]
            if dep == "appos" and head != i:
                self._appositions.setdefault(head, []).append(i)
        self._names = index_names(doc, entities)
        self._name_starts = [n[0] for n in self._names]
        #: Characters inside any name: most tokens are in none, and skip `name_at` then.
        self._named = bytearray(len(text) + 1)
        for start, end, _ in self._names:
            self._named[start:end] = b"\x01" * (end - start)
        self._gender = vote_genders(self._names, self._cols, self._token_quoted, len(text))
        self._resolved: dict[int, Referent | None] = {}
        self._sentences: list[list[tuple[Token, Referent, bool]]] = []
        self._sentence_starts: list[int] = []
        #: The last token `_build_sentences` has reached: a pronoun after it is read as in
        #: sentence 0, as when sentences were numbered token by token.
        self._built_through = -1
        self._build_sentences()

    # --- lookups --------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        """Whether character `pos` lies inside quotation marks."""
        return self._quoted.covers(pos)

    def _quoted_tokens(self) -> list[bool]:
        """Per token, `in_quote` of its offset, found range by range rather than per token.

        `in_quote` asks the last range starting at or before a position, so range `k` owns
        the tokens from its start up to the next range's start, and covers those before
        its end.
        """
        starts, ranges = self._token_starts, self._quoted.ranges
        flags = [False] * len(starts)
        for k, (start, end) in enumerate(ranges):
            stop = min(end, ranges[k + 1][0]) if k + 1 < len(ranges) else end
            lo, hi = bisect_left(starts, start), bisect_left(starts, stop)
            flags[lo:hi] = [True] * max(hi - lo, 0)
        return flags

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens starting in [start, end) that are outside quotation marks."""
        lo = bisect_right(self._token_starts, start - 1)
        hi = bisect_right(self._token_starts, end - 1)
        tokens, quoted = self._cols.tokens, self._token_quoted
        return [tokens[i] for i in range(lo, hi) if not quoted[i]]

    def token_at(self, pos: int) -> Token | None:
        """The token covering character `pos`, if any."""
        k = token_index_at(self._token_starts, pos)
        return self._cols.tokens[k] if k is not None else None

    def name_at(self, token: Token) -> Referent | None:
        """The named entity covering `token`, if any."""
        return self._name_at(token.idx)

    def _name_at(self, pos: int) -> Referent | None:
        if pos >= len(self._named) or not self._named[pos]:
            return None
        k = bisect_right(self._name_starts, pos) - 1
        for j in range(k, max(k - 4, -1), -1):  # mentions barely overlap; look a few back
            start, end, ref = self._names[j]
            if start <= pos < end:
                return with_gender(ref, self._gender)
        return None

    # --- sentences and pronouns -----------------------------------------------------------

    def _build_sentences(self) -> None:
        """Record each sentence's speakers-to-be in order, resolving pronouns as we go."""
        cols, named_chars, quoted = self._cols, self._named, self._token_quoted
        # Only subjects and tokens inside a name can enter a record: find them in one pass.
        candidates = [
            i
            for i, dep in enumerate(cols.dep)
            if not quoted[i] and (dep in _SUBJECT_DEPS or named_chars[cols.idx[i]])
        ]
        for sent in self.doc.sents:
            record: list[tuple[Token, Referent, bool]] = []
            self._sentences.append(record)
            self._sentence_starts.append(sent.start)
            seen: set[tuple[int, int]] = set()
            lo, hi = bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)
            for i in candidates[lo:hi]:
                self._built_through = i
                if cols.dep[i] in _SUBJECT_DEPS:
                    ref = self.referent(cols.tokens[i])
                    if ref is not None:
                        record.append((cols.tokens[i], ref, True))
                        seen.add(ref.span)
                    continue
                named = self._name_at(cols.idx[i])
                if named is not None and named.span not in seen:
                    seen.add(named.span)
                    record.append((cols.tokens[i], named, False))
        self._built_through = len(cols.idx)

    def referent(self, subject: Token) -> Referent | None:
        """Who a subject token stands for: a name, a resolved pronoun or a description."""
        cols, i = self._cols, subject.i
        low = cols.lower[i]
        if low in ("he", "she", "it", "they"):
            if i not in self._resolved:
                self._resolved[i] = self._antecedent(subject)
            return self._resolved[i]
        if low in _RELATIVE:
            if cols.dep[cols.head[i]] != "relcl":
                return None  # "a report that said ...", parsed without its noun
            noun = cols.head[cols.head[i]]  # the noun the relative clause describes
            return self.referent(cols.tokens[noun]) if noun != i else None
        if low in _NOT_SPEAKERS:
            return None
        named = self._name_at(cols.idx[i])
        if named is not None:
            return named
        for child in self._appositions.get(i, ()):
            named = self._name_at(cols.idx[child])
            if named is not None:
                return named
        return self._description(subject)

    def _description(self, head: Token) -> Referent | None:
        start = head.left_edge.i
        end = head.i + 1
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "with", "in"):
                end = self._phrase_end(child)
                break
            if child.dep_ in ("compound", "flat"):
                end = child.i + 1
        cols = self._cols
        if any(self._token_quoted[start:end]) or not any(cols.is_alpha[start:end]):
            return None
        # "user kestrel_9": the human noun may be a compound before a name-like head.
        human = cols.lower[head.i] in HUMAN_NOUNS or any(
            cols.lower[k] in HUMAN_NOUNS and cols.dep[k] == "compound" for k in range(start, head.i)
        )
        kind = "desc" if human else "thing"
        span = (cols.idx[start], cols.end_char(end - 1))
        ref = with_gender(
            Referent(self.text[span[0] : span[1]], None, kind, None, span), self._gender
        )
        if kind == "desc" and cols.tag[head.i] in ("NNS", "NNPS"):
            # "Some men", "residents": plural, so neither "he" nor "she" can be them.
            ref = Referent(ref.name, None, kind, "plural", span)
        return ref

    def _phrase_end(self, prep: Token) -> int:
        """End of a "for X" phrase naming whom a speaker speaks for, before any clause
        that describes X ("a spokesperson for Northline, which runs 12 services, said")."""
        cols = self._cols
        stop = prep.right_edge.i + 1
        for k in range(prep.i + 1, stop):
            if cols.text[k] in _CLAUSE_BREAKS or cols.dep[k] in ("relcl", "acl", "appos"):
                return k
        return stop

    def _antecedent(self, pronoun: Token) -> Referent | None:
        low = pronoun.lower_
        wanted = {"he": "m", "she": "f"}.get(low)
        index = 0
        if pronoun.i <= self._built_through:
            index = max(bisect_right(self._sentence_starts, pronoun.i) - 1, 0)
        # Mentions before `floor` (the headline, for a pronoun in the body) are out of reach.
        floor = self._body_start if pronoun.idx >= self._body_start else 0
        same = (
            [r for t, r, _ in self._sentences[index] if t.i < pronoun.i and t.idx >= floor]
            if index < len(self._sentences)
            else []
        )
        groups: list[list[Referent]] = [list(reversed(same))]
        for back in range(index - 1, max(index - 5, -1), -1):
            entries = [e for e in self._sentences[back] if e[0].idx >= floor]
            subjects = sorted((e for e in entries if e[2]), key=lambda e: self._depth(e[0].i))
            others = [e for e in reversed(entries) if not e[2]]
            groups.append([r for _, r, _ in subjects] + [r for _, r, _ in others])
        if wanted is None:  # it, they
            return next((r for g in groups for r in g if r.kind in ("org", "thing")), None)
        # he/she: a person or human description anywhere in the window comes before an
        # organisation whose gender was voted from pronouns. The small model tags many
        # surnames ORG, hence that fallback; but "According to RT, he called..." must not
        # make the outlet RT the "he" when Putin was named a sentence earlier.
        for group in groups:
            for ref in group:
                if ref.kind in ("person", "desc") and ref.gender in (None, wanted):
                    return ref
        return next((r for g in groups for r in g if r.kind == "org" and r.gender == wanted), None)

    def _depth(self, i: int) -> int:
        """How many arcs token `i` is below the root of its sentence (at most 50)."""
        heads = self._cols.head
        depth = 0
        while heads[i] != i and depth < 50:
            i, depth = heads[i], depth + 1
        return depth

    # --- cues -----------------------------------------------------------------------------

    def attribute(self, cue: Token) -> Attribution:
        """The speaker of a speech cue, via its subject (or "according to"'s object)."""
        cue_span = (cue.idx, cue.idx + len(cue.text))
        if cue.lower_ == "according":
            to = cue.doc[cue.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            subject = objs[0] if objs else None
            cue_text, cue_span = "according to", (cue.idx, to.idx + len(to.text))
        else:
            subject, cue_text = _subject_of(cue, self._token_quoted), cue.text
            if subject is None:
                adjacent = self._adjacent_name(cue)
                if adjacent is not None:
                    conf = (
                        confidence.ADJACENT_PERSON
                        if adjacent.kind == "person"
                        else confidence.ADJACENT_OTHER
                    )
                    return Attribution(adjacent, adjacent.span, cue_text, cue_span, conf, "named")
        if subject is None or (subject.lower_ == "it" and subject.dep_ == "nsubjpass"):
            # "it is claimed", "it's being reported": an empty "it" names nobody.
            return Attribution(None, None, cue_text, cue_span, confidence.NO_SPEAKER, "none")
        ref = self.referent(subject)
        if ref is None or (ref.kind == "thing" and subject.lower_ not in ("it", "they")):
            if ref is not None and ref.kind == "thing":
                return Attribution(
                    ref, ref.span, cue_text, cue_span, confidence.THING, "description"
                )
            return Attribution(None, None, cue_text, cue_span, confidence.NO_SPEAKER, "none")
        span = (subject.idx, subject.idx + len(subject.text))
        if subject.lower_ in ("he", "she", "it", "they"):
            return Attribution(ref, span, cue_text, cue_span, confidence.PRONOUN, "pronoun")
        how = "named" if ref.entity or ref.kind in ("person", "org") else "description"
        sure = confidence.NAMED if how == "named" else confidence.DESCRIPTION
        return Attribution(ref, ref.span, cue_text, cue_span, sure, how)

    def _adjacent_name(self, cue: Token) -> Referent | None:
        """A name (or he/she) right after or right before a cue the parser left subjectless."""
        doc = cue.doc
        for step in (1, -1):
            run: list[Token] = []
            i = cue.i + step
            if step == 1:
                i = _past_descriptor(doc, i)  # "added local trader Bilyaminu Aliyu"
            while 0 <= i < len(doc) and len(run) < 5 and not self.in_quote(doc[i].idx):
                tok = doc[i]
                if step == -1 and not run and tok.lower_ in ("he", "she"):
                    return self.referent(tok)
                if not (tok.is_title and tok.is_alpha) or tok.pos_ in _NOT_NAMES:
                    break  # "After stating that ...": a capital, but no one's name
                run.append(tok)
                i += step
            run.sort(key=lambda t: t.i)
            while run and run[0].lower_.rstrip(".") in HONORIFICS:
                run.pop(0)
            if not run:
                continue
            named = self.name_at(run[-1])
            if named is not None:
                return named
            last = run[-1].text
            fuller = [r for _, _, r in self._names if r.kind == "person" and r.name.endswith(last)]
            name = max((r.name for r in fuller), key=len, default=" ".join(t.text for t in run))
            span = (run[0].idx, run[-1].idx + len(last))
            return with_gender(Referent(name, None, "person", None, span), self._gender)
        return None

    def person_between(self, start: int, end: int) -> Referent | None:
        """The last named person (else organization) in [start, end), outside quotes.

        A possessor or a modifier is not a speaker: in "a page set up by Tallis's family
        said:" the page speaks, not Tallis; in "a Twitter account said:" not Twitter.
        """
        text, cols = self.text, self._cols
        found = [
            r
            for t in self.tokens_between(start, end)
            if (r := self.name_at(t)) is not None
            and text[r.span[1] : r.span[1] + 2] not in ("'s", "’s")
            and not (cols.dep[t.i] == "compound" and cols.idx[t.i] + len(t.text) == r.span[1])
        ]
        people = [r for r in found if r.kind == "person"] or found
        return people[-1] if people else None


# Parts of speech a capitalised word next to a cue has when it is not a name: a sentence's
# first word ("After stating that ...", "While saying ...", "This shows ...").
_NOT_NAMES = frozenset({"ADP", "SCONJ", "CCONJ", "DET", "PRON", "ADV", "AUX", "VERB", "PART"})


#: Lower-case words of a description a name may follow right after a cue: "added local
#: trader Bilyaminu Aliyu", "said shopkeeper Amina Bello" (the parser leaves such cues
#: without a subject now and then).
_DESCRIPTOR_WORDS = 3


def _past_descriptor(doc: Doc, i: int) -> int:
    """Where a name starts after up to `_DESCRIPTOR_WORDS` lower-case nouns and adjectives
    at `i`, if one does; else `i`."""
    j = i
    while (
        j < len(doc)
        and j - i < _DESCRIPTOR_WORDS
        and doc[j].is_lower
        and doc[j].is_alpha
        and doc[j].pos_ in {"NOUN", "ADJ"}
    ):
        j += 1
    return j if j > i and j < len(doc) and doc[j].is_title else i


def _subject_of(cue: Token, quoted: Sequence[bool]) -> Token | None:
    """The cue's subject; for "and said" its coordinated verb's; for "quoted X as saying" X.

    A subject inside quotation marks is the parser's mistake ('"Rolling with my crew,"
    he tweeted' can make "Rolling" the subject); `quoted` flags those tokens.
    """
    current = cue
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS and not quoted[child.i]:
                return child
        head = current.head
        if current.dep_ in ("conj", "xcomp") and head != current:
            current = head
            continue
        if current.dep_ in ("pcomp", "advcl") and head.lower_ == "as" and head.head != head:
            verb = head.head
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if objs:
                return objs[0]
        if current.dep_ == "pcomp" and head.lower_ == "as":
            current = head.head
            continue
        break
    return None
