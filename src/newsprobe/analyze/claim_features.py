"""What the check-worthiness model sees in a sentence, and the slots of a claim.

Shared by training and run time; the claims analyzer (`claims.py`) uses the slot helpers
at the end (main verb, subject, object, resolved date).

The model (``models/checkworthiness``) is a logistic regression over three blocks: word
1-2-gram TF-IDF, character 3-5-gram TF-IDF (inside word boundaries), and a small set of
news-text features read from the spaCy parse (numbers, entities, dates, attribution cues,
tense, person, hedges, modals, opinion words...). `train/checkworthiness.py` builds it with
scikit-learn using the n-gram functions and `news_features` defined here, so the numpy
scorer below sees exactly what the trainer saw.

    >>> model = CheckworthinessModel.load()
    >>> model.probability("Unemployment fell to 4.1% in March.", features)  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.analyze.spans import entities_in
from newsprobe.models import load_arrays, load_json

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "FEATURE_NAMES",
    "CheckworthinessModel",
    "char_ngrams",
    "dateline_end",
    "main_verb",
    "news_features",
    "normalize_for_ngrams",
    "object_range",
    "subject_range",
    "word_ngrams",
]

MODEL_NAME = "checkworthiness"

_WORD = re.compile(r"\w\w+|\d")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")

# Entity types that name something a fact-checker could look up.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_NUMERIC = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_ATTRIBUTION_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "state", "confirm", "add", "note", "estimate",
     "disclose", "acknowledge", "testify", "publish", "show", "find"}
)  # fmt: skip
_HEDGE_WORDS = frozenset(
    {"may", "might", "could", "perhaps", "possibly", "probably", "likely", "unlikely",
     "apparently", "reportedly", "allegedly", "seemingly", "presumably", "supposedly",
     "arguably", "appear", "seem", "suggest", "speculate", "rumor", "rumour", "maybe"}
)  # fmt: skip
_OPINION_WORDS = frozenset(
    {"should", "ought", "best", "worst", "terrible", "horrible", "awful", "great",
     "wonderful", "fantastic", "amazing", "incredible", "disgrace", "disgraceful",
     "shameful", "outrageous", "ridiculous", "absurd", "stupid", "brilliant", "excellent",
     "beautiful", "unfair", "wrong", "disaster", "disastrous", "pathetic", "tremendous",
     "sad", "shame", "love", "hate", "deserve", "believe", "hope", "wish", "feel"}
)  # fmt: skip
_I_THINK = re.compile(
    r"\b(?:i|we)\s+(?:do\s+)?(?:think|believe|feel|hope|guess|suppose)\b"
    r"|\bin\s+my\s+(?:view|opinion)\b|\bit\s+seems\s+to\s+me\b",
    re.IGNORECASE,
)
_QUOTE_MARKS = frozenset('"“”«»')

#: Names of `news_features` columns, in order (the model JSON repeats them as a check).
FEATURE_NAMES: tuple[str, ...] = (
    "has_number", "has_money_percent", "named_entities", "has_person_org", "has_place",
    "has_date", "attribution_cue", "according_to", "past_tense", "first_person_singular",
    "first_person_plural", "second_person", "question", "hedge", "modal", "future_will",
    "opinion_word", "i_think", "superlative", "comparative", "quote_mark", "imperative",
    "length",
)  # fmt: skip


def normalize_for_ngrams(text: str) -> str:
    """Lower-case, digits folded to 0 ("9 million" and "7 million" share n-grams)."""
    return _DIGIT.sub("0", _SPACES.sub(" ", text.lower())).strip()


def word_ngrams(text: str) -> list[str]:
    """Word unigrams and bigrams of the normalized text (the TF-IDF word analyzer)."""
    words = _WORD.findall(normalize_for_ngrams(text))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def char_ngrams(text: str) -> list[str]:
    """Character 3-5-grams inside space-padded words (like scikit-learn's ``char_wb``)."""
    grams: list[str] = []
    for word in normalize_for_ngrams(text).split(" "):
        if not word:
            continue
        padded = f" {word} "
        for n in (3, 4, 5):
            if len(padded) <= n:
                grams.append(padded)
                break
            grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def news_features(sent: SpacySpan) -> list[float]:
    """The `FEATURE_NAMES` values of one sentence, read from its spaCy tokens and entities.

    Works on any parse layers present: with no tagger or NER the matching features are 0.
    """
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return [0.0] * len(FEATURE_NAMES)
    lower = [t.lower_ for t in tokens]
    lemmas = [(t.lemma_ or t.lower_).lower() for t in tokens]
    tags = [t.tag_ for t in tokens]
    ent_labels = [e.label_ for e in entities_in(sent)]
    text = sent.text
    words = set(lower) | set(lemmas)
    has_number = any(t.like_num and any(c.isdigit() for c in t.text) for t in tokens) or any(
        label in _NUMERIC for label in ent_labels
    )
    named = sum(1 for label in ent_labels if label in _NAMED)
    first = tokens[0]
    imperative = first.tag_ == "VB" and not any(t.dep_ in ("nsubj", "nsubjpass") for t in tokens)
    values = [
        has_number,
        any(label in ("MONEY", "PERCENT") for label in ent_labels),
        min(named, 4) / 4.0,
        any(label in ("PERSON", "ORG") for label in ent_labels),
        any(label in ("GPE", "LOC") for label in ent_labels),
        any(label in ("DATE", "TIME") for label in ent_labels),
        bool(words & _ATTRIBUTION_LEMMAS) or "according to" in text.lower(),
        "according to" in text.lower(),
        any(tag in ("VBD", "VBN") for tag in tags),
        bool({"i", "me", "my", "mine", "myself"} & set(lower)),
        bool({"we", "us", "our", "ours", "ourselves"} & set(lower)),
        bool({"you", "your", "yours", "yourself", "yourselves"} & set(lower)),
        text.rstrip().endswith("?"),
        bool(set(lower) & _HEDGE_WORDS or set(lemmas) & _HEDGE_WORDS),
        any(tag == "MD" for tag in tags),
        "will" in lower or "'ll" in lower,
        bool(words & _OPINION_WORDS),
        _I_THINK.search(text) is not None,
        any(tag in ("JJS", "RBS") for tag in tags),
        any(tag in ("JJR", "RBR") for tag in tags),
        any(ch in _QUOTE_MARKS for ch in text),
        imperative,
        min(math.log1p(len(tokens)) / math.log(64.0), 1.5),
    ]
    return [float(v) for v in values]


def _tfidf_score(grams: Sequence[str], weights: dict[str, tuple[float, float]]) -> float:
    """Dot product of the sublinear, L2-normalized TF-IDF of one text with the model's
    coefficients (scikit-learn's TF-IDF); `weights` maps a gram to (idf, coefficient)."""
    counts = Counter(g for g in grams if g in weights)
    if not counts:
        return 0.0
    score = norm = 0.0
    for gram, count in counts.items():
        idf, coef = weights[gram]
        value = (1.0 + math.log(count)) * idf
        norm += value * value
        score += value * coef
    return score / math.sqrt(norm)


@dataclass(frozen=True, slots=True)
class CheckworthinessModel:
    """The shipped check-worthiness logistic regression, scored with numpy only.

    `probability` is calibrated so that 0.5 is the decision threshold chosen by
    cross-validation in training (the model JSON's ``threshold`` is folded into the bias).
    """

    version: str
    # gram -> (idf, coefficient), as plain floats: scoring runs once per sentence, and
    # indexing numpy arrays one element at a time was most of its cost.
    word_weights: dict[str, tuple[float, float]]
    char_weights: dict[str, tuple[float, float]]
    feature_coef: np.ndarray
    bias: float

    @classmethod
    def load(cls) -> CheckworthinessModel:
        """The shipped model (files read once per process)."""
        meta = load_json(MODEL_NAME)
        arrays = load_arrays(MODEL_NAME)
        if tuple(meta["features"]) != FEATURE_NAMES:
            raise ValueError("checkworthiness model features do not match this code; retrain")
        threshold = float(meta["threshold"])

        def weights(vocabulary: list[str], kind: str) -> dict[str, tuple[float, float]]:
            idf, coef = arrays[f"{kind}_idf"].tolist(), arrays[f"{kind}_coef"].tolist()
            return {gram: (idf[i], coef[i]) for i, gram in enumerate(vocabulary)}

        return cls(
            version=str(meta["version"]),
            word_weights=weights(meta["word_vocabulary"], "word"),
            char_weights=weights(meta["char_vocabulary"], "char"),
            feature_coef=arrays["feature_coef"],
            bias=float(meta["intercept"]) - math.log(threshold / (1.0 - threshold)),
        )

    def logit(self, text: str, features: Sequence[float]) -> float:
        """Log-odds of check-worthiness, shifted so that 0 is the decision threshold."""
        score = self.bias + float(np.dot(self.feature_coef, np.asarray(features, dtype=float)))
        score += _tfidf_score(word_ngrams(text), self.word_weights)
        return score + _tfidf_score(char_ngrams(text), self.char_weights)

    def probability(self, text: str, features: Sequence[float]) -> float:
        """Check-worthiness in [0, 1]; 0.5 is the calibrated decision threshold."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(text, features)))))


# --- slots: what a claim says, for lining it up across outlets -------------------------

_SPEECH_VERBS = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "claim", "confirm", "note",
     "insist", "warn", "argue", "write", "explain", "estimate", "believe", "think"}
)  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp", "xcomp", "dative")
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^-–—()]{1,40})?(?:\s*\([^)]{1,60}\))?\s+[-–—]+\s+")


def main_verb(sent: SpacySpan) -> Token:
    """The root, or the reported clause when the root is a speech verb ("X said Y did Z")."""
    root = sent.root
    if root.lemma_.lower() in _SPEECH_VERBS:
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def subject_range(main: Token, sent: SpacySpan) -> tuple[int, int] | None:
    for head in (main, sent.root):
        for child in head.children:
            if child.dep_ in _SUBJECT_DEPS:
                tokens = list(child.subtree)
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def object_range(main: Token) -> tuple[int, int] | None:
    """Character range of what the main verb acts on: its object or attribute, else its
    first prepositional phrase ("rose to 4.1%")."""
    children = list(main.children)
    for dep in (*_OBJECT_DEPS, "prep", "agent"):
        for child in children:
            if child.dep_ == dep:
                tokens = list(child.subtree)
                return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return None


def dateline_end(text: str) -> int:
    """Length of a leading dateline ("VARN, Kestrava (Coastline Wire) - "), else 0."""
    found = _DATELINE.match(text)
    return found.end() if found else 0


