"""A learned cue reader for the long tail of attribution verbs ("mocked", "touted", "hailed").

The rules of `cues` and the verbs of saying cover the common cues; news attributes views
with many more verbs ("Sanders countered with", "Trump mocked", "the group championed").
This is a logistic regression over a handful of parse features of a verb and its
subject, trained on PolNeAR train by ``train/attribution_cues.py`` and shipped as plain
JSON weights (``models/attribution_cues.json``, model card beside it). It is asked only
about verbs whose lemma the model learned as a cue (`CueModel.lemmas`), with a subject,
that no rule has already read; its cues get the cue type ``other`` unless the lexicon
names one. Since v5 it also gives a second reading to verbs of saying and of the cue
lexicon that the rules turned away (`CueModel.ruled_lemmas`; "did not rule out a run",
"called the deal a disgrace"), where `attribution.second_subject` allows.

    >>> model = CueModel.shipped()
    >>> model.probability(features(verb, subject)) >= model.threshold
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING, Any

from newsprobe.analyzers.attribution import cues
from newsprobe.analyzers.attribution.source_kinds import classify_source, source_phrase
from newsprobe.analyzers.shared.speech_verbs import REPORTING_VERBS
from newsprobe.models import load_json

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CueModel", "features"]

_CHILD_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "advcl", "neg", "aux", "auxpass", "attr", "acomp", "prt"}
)

# Complements whose word is a feature of its own, alone and with the verb's lemma.
_WORD_DEPS = frozenset({"dobj", "attr", "acomp"})


def features(token: Token, subject: Token, *, kind: bool = True) -> list[str]:
    """The features of `token` as a cue with `subject` as its source (shared with training).

    `kind=False` leaves out the source kind of a noun subject, the one costly feature
    (`CueModel.accepts` asks for it only when it could change the answer).
    """
    lemma = token.lemma_.lower()
    out = [
        f"lemma={lemma}",
        f"dep={token.dep_}",
        f"tag={token.tag_}",
        f"subj_pos={subject.pos_}",
        f"subj_ent={subject.ent_type_ or 'none'}",
    ]
    if subject.pos_ == "PRON":
        out.append(f"subj_pron={subject.lower_}")
    elif kind:
        out.append(f"subj_kind={classify_source(source_phrase(subject))[0]}")
    if subject.pos_ == "NOUN":
        # Who holds the view, as a word: "voters", "polling", "critics" against "the
        # deal", "rates" (v8; in the analyzer, PolNeAR train 5-fold CV, source F1
        # .7644 -> .7658 with precision up; a lemma-by-kind pair instead lowered the
        # threshold to 0.30 and precision with it).
        out.append(f"subj_word={subject.lemma_.lower()}")
    reported = _reported_by(token)
    if reported is not None:
        out.append(f"nested={reported}")
    for child in token.children:
        dep = child.dep_
        if dep not in _CHILD_DEPS:
            continue
        out.append(f"child={dep}")
        if dep in _WORD_DEPS:
            # What completes the verb, as a word: "was *critical* of", "an early *backer*
            # of", "made the *case*", "took *aim* at" (v4; see the model card).
            word = child.lemma_.lower()
            out.append(f"{dep}_word={word}")
            out.append(f"lemma_{dep}_word={lemma}_{word}")
            if dep == "acomp":
                out.extend(_adjective_takes(child, word))
            elif dep == "dobj":
                # "voiced support *for*", "raised questions *about*" (v8).
                out.extend(f"dobj_takes={g.lower_}" for g in child.children if g.dep_ == "prep")
        if dep in {"ccomp", "xcomp", "dobj"}:
            out.append(f"lemma_{dep}={lemma}")
            if dep == "xcomp":
                # The verb a "to" clause completes with: "tried to *block*", "is quick to
                # *praise*" (v8).
                out.append(f"xcomp_word={child.lemma_.lower()}")
            if dep == "dobj":
                # What is acted on: "endorsed *Clinton*" (a person) is a stance more
                # often than "raised *money*" is (v3; 5-fold CV at 0.45: P .690 -> .693,
                # R .393 -> .398, with `pobj_ent`: .695, .400).
                out.append(f"obj_ent={child.ent_type_ or child.pos_}")
        elif dep in {"prep", "prt"}:
            out.append(f"{dep}={child.lower_}")
            out.append(f"lemma_{dep}={lemma}_{child.lower_}")
            # "voted for *Sanders*", "campaigned against *the deal*".
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                out.append(f"pobj_ent={pobj.ent_type_ or pobj.pos_}")
        elif dep == "aux":
            out.append(f"aux={child.lower_}")
    return out


#: What an adjective may take that says what a view is about: "skeptical *of* the plan",
#: "confident *that* it will pass", "reluctant *to* endorse".
_ADJECTIVE_ARGUMENTS = frozenset({"prep", "ccomp", "xcomp"})


def _adjective_takes(adjective: Token, word: str) -> list[str]:
    """'is skeptical *of*', 'is confident *that*' (v8): what the adjective completing the
    verb takes, alone and with the adjective, for the attitudes PolNeAR marks ("X is
    wary of", "are uncertain whether") against states ("was big", "is ready")."""
    out = []
    for child in adjective.children:
        if child.dep_ not in _ADJECTIVE_ARGUMENTS:
            continue
        argument = f"prep:{child.lower_}" if child.dep_ == "prep" else child.dep_
        out.append(f"acomp_takes={argument}")
        out.append(f"acomp_word_takes={word}_{argument}")
    return out


#: How a verb may sit inside another's reported clause: the clause itself ("said *she
#: wants*", "plans *to back*") or a clause hanging on it.
_REPORTED = frozenset({"ccomp", "xcomp"})
_WITHIN = frozenset({"conj", "advcl", "ccomp", "xcomp"})
#: The verbs whose clause is reported: verbs of saying, the cue lexicon's (as `cues`
#: types them) and "hear", a cue of evidence where a court hears (`cue_rules.court_heard`).
_REPORTING_HEADS = REPORTING_VERBS | {"hear"}
_HEAD_KINDS = {"hear": "evidence"}


def _reported_by(token: Token) -> str | None:
    """'ccomp:speech' when `token` lies in the clause a cue word reports ("Kerr said the
    union *mocked* the plan", "the court heard that Ashby *approved* payments"), with
    the kind of cue that reports it (v7): PolNeAR rarely marks what lies inside another
    attribution."""
    current = token
    for _ in range(6):
        head = current.head
        dep = current.dep_
        if head.i == current.i or dep not in _WITHIN:
            return None
        lemma = head.lemma_.lower()
        if dep in _REPORTED and (lemma in _REPORTING_HEADS or lemma in cues.CUE_TYPES):
            return f"{dep}:{_HEAD_KINDS.get(lemma) or cues.cue_type(lemma)}"
        current = head
    return None


class CueModel:
    """Weights of the learned cue reader (see the module docstring)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.weights: dict[str, float] = {k: float(v) for k, v in data["weights"].items()}
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])
        self.lemmas: frozenset[str] = frozenset(data["lemmas"])
        # The rules' cue words it is asked about when the rules turn a verb away (v5:
        # `cue_rules.second_reading`), at the same threshold.
        self.ruled_lemmas: frozenset[str] = frozenset(data.get("ruled_lemmas", ()))
        # The logit the threshold stands for, and the most any source kind can add: a
        # verb that cannot reach the threshold even with it is rejected without it.
        p = min(max(self.threshold, 1e-9), 1 - 1e-9)
        self.logit = math.log(p / (1 - p))
        self.kind_bound = max(
            [0.0, *(w for f, w in self.weights.items() if f.startswith("subj_kind="))]
        )

    @staticmethod
    @cache
    def shipped() -> CueModel:
        """The model shipped with newsprobe, loaded once."""
        return CueModel(load_json("attribution_cues"))

    def probability(self, found: list[str]) -> float:
        """The probability that a verb with these features is an attribution cue."""
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in found)
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, token: Token, subject: Token) -> bool:
        """Whether `token`, with `subject`, reads as a cue at the shipped threshold."""
        lemma = token.lemma_.lower()
        if lemma not in self.lemmas and lemma not in self.ruled_lemmas:
            return False
        if subject.pos_ != "PRON":
            found = features(token, subject, kind=False)
            z = self.bias + sum(self.weights.get(f, 0.0) for f in found)
            if z + self.kind_bound < self.logit:
                return False  # the same answer as with the source kind, sooner
        return self.probability(features(token, subject)) >= self.threshold
