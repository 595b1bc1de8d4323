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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from newsprobe.analyzers.shared.dateline import dateline_end
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.analyzers.shared.speech_verbs import verbs_for
from newsprobe.analyzers.shared.tokens import Columns, columns
from newsprobe.models import load_arrays, load_json

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "FEATURE_NAMES",
    "CheckworthinessModel",
    "char_ngrams",
    "dateline_end",
    "entity_ranges",
    "headline_tense",
    "main_verb",
    "news_features",
    "news_voice",
    "normalize_for_ngrams",
    "object_range",
    "subject_range",
    "word_ngrams",
]

MODEL_NAME = "checkworthiness"
_WORD_CACHE_SIZE = 200_000  # distinct words kept; a few tens of MB at most

_WORD = re.compile(r"\w\w+|\d")
_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")

# Entity types that name something a fact-checker could look up.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})
_NUMERIC = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
_ATTRIBUTION_LEMMAS = verbs_for("claim_source")
_HEDGE_WORDS = load_words("claims/hedge_words")
_OPINION_WORDS = load_words("claims/opinion_words")
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
        if word:
            grams.extend(_word_char_ngrams(word))
    return grams


def _word_char_ngrams(word: str) -> list[str]:
    padded = f" {word} "
    grams: list[str] = []
    for n in (3, 4, 5):
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return grams


def entity_ranges(cols: Columns, start: int, end: int) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of each entity in tokens [start, end), cut to them.

    The same entities as `spans.entities_in`, read off the columns without building a
    spaCy Span for each (that was a third of `news_features`' time).
    """
    iob, label = cols.ent_iob, cols.ent_type
    found: list[tuple[int, int, str]] = []
    first: int | None = None
    for i in range(start, end):
        if first is not None and iob[i] != "I":
            found.append((first, i, label[first]))
            first = None
        if iob[i] == "B" or (iob[i] == "I" and first is None):
            first = i
    if first is not None:
        found.append((first, end, label[first]))
    return found


def news_features(sent: SpacySpan, cols: Columns | None = None) -> list[float]:
    """The `FEATURE_NAMES` values of one sentence, read from its spaCy tokens and entities
    (through `cols`, the document's columns: the analyzer passes `ctx.columns`; callers
    outside the pipeline leave it out).

    Works on any parse layers present: with no tagger or NER the matching features are 0.
    """
    cols = cols if cols is not None else columns(sent.doc)
    positions = [i for i in range(sent.start, sent.end) if not cols.is_space[i]]
    if not positions:
        return [0.0] * len(FEATURE_NAMES)
    lower = [cols.lower[i] for i in positions]
    lemmas = [(cols.lemma[i] or cols.lower[i]).lower() for i in positions]
    tags = {cols.tag[i] for i in positions}
    lower_set = set(lower)
    ent_labels = [label for _, _, label in entity_ranges(cols, sent.start, sent.end)]
    text = cols.span_text(sent)
    words = lower_set | set(lemmas)
    has_number = (
        _DIGIT.search(text) is not None
        and any(_DIGIT.search(cols.text[i]) and cols.tokens[i].like_num for i in positions)
    ) or any(label in _NUMERIC for label in ent_labels)
    named = sum(1 for label in ent_labels if label in _NAMED)
    imperative = cols.tag[positions[0]] == "VB" and not any(
        cols.dep[i] in ("nsubj", "nsubjpass") for i in positions
    )
    values = [
        has_number,
        any(label in ("MONEY", "PERCENT") for label in ent_labels),
        min(named, 4) / 4.0,
        any(label in ("PERSON", "ORG") for label in ent_labels),
        any(label in ("GPE", "LOC") for label in ent_labels),
        any(label in ("DATE", "TIME") for label in ent_labels),
        bool(words & _ATTRIBUTION_LEMMAS) or "according to" in text.lower(),
        "according to" in text.lower(),
        bool(tags & {"VBD", "VBN"}),
        bool({"i", "me", "my", "mine", "myself"} & lower_set),
        bool({"we", "us", "our", "ours", "ourselves"} & lower_set),
        bool({"you", "your", "yours", "yourself", "yourselves"} & lower_set),
        text.rstrip().endswith("?"),
        bool(lower_set & _HEDGE_WORDS or set(lemmas) & _HEDGE_WORDS),
        "MD" in tags,
        "will" in lower_set or "'ll" in lower_set,
        bool(words & _OPINION_WORDS),
        _I_THINK.search(text) is not None,
        bool(tags & {"JJS", "RBS"}),
        bool(tags & {"JJR", "RBR"}),
        not _QUOTE_MARKS.isdisjoint(text),
        imperative,
        min(math.log1p(len(positions)) / math.log(64.0), 1.5),
    ]
    return [float(v) for v in values]


def news_voice(
    sent: SpacySpan, features: list[float], *, quoted: bool, cols: Columns | None = None
) -> list[float]:
    """Undo a debate habit of the model in the reporter's own voice.

    In debates "will" and modals mostly mark a speaker's promises ("I will cut taxes"), so
    the model learned to score them down; in a reporter's sentence with no first person
    they mark scheduled, checkable facts ("The court will rule on Friday"). Only future
    modals are neutralized: "should" and "can" stay opinion-like, and possibility modals
    are handled as hedges in `_blend`.
    """
    value = dict(zip(FEATURE_NAMES, features, strict=True))
    cols = cols if cols is not None else columns(sent.doc)
    modals = {cols.lower[i] for i in range(sent.start, sent.end) if cols.tag[i] == "MD"}
    if quoted or value["first_person_singular"] or value["first_person_plural"]:
        return features
    if not modals <= {"will", "would", "'ll", "wo", "shall"}:
        return features
    features = list(features)
    for name in ("future_will", "modal"):
        features[FEATURE_NAMES.index(name)] = 0.0
    return features


def headline_tense(
    sent: SpacySpan, features: list[float], cols: Columns | None = None
) -> list[float]:
    """Headlines tell past events in the present ("Council approves..."): count as past."""
    cols = cols if cols is not None else columns(sent.doc)
    tags = cols.tag[sent.start : sent.end]
    question = cols.span_text(sent).rstrip().endswith("?")
    if ("VBZ" in tags or "VBP" in tags) and not question:
        features = list(features)
        features[FEATURE_NAMES.index("past_tense")] = 1.0
    return features


@dataclass(frozen=True, slots=True)
class _TfidfBlock:
    """One TF-IDF block of the model: gram -> column, and each column's idf and weight."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray

    def columns(self, grams: Sequence[str]) -> np.ndarray:
        """The columns of the grams this block knows, repeats kept, unknown ones dropped."""
        found = [column for column in map(self.vocabulary.get, grams) if column is not None]
        return np.array(found, dtype=np.int64)

    def scores(self, rows: Sequence[np.ndarray]) -> np.ndarray:
        """Dot product of each row's sublinear, L2-normalized TF-IDF with the weights.

        `rows` holds the known gram columns of each text, repeats included. All texts are
        scored at once, so an article costs a few numpy calls instead of a Python loop over
        every gram of every sentence (the loop was most of the claims analyzer's time).
        """
        n = len(rows)
        if n == 0:
            return np.zeros(0)
        size = len(self.vocabulary) or 1
        texts = np.repeat(np.arange(n, dtype=np.int64), [len(r) for r in rows])
        keys, counts = np.unique(texts * size + np.concatenate(rows), return_counts=True)
        which, column = np.divmod(keys, size)
        value = (1.0 + np.log(counts)) * self.idf[column]
        score = np.bincount(which, weights=value * self.coef[column], minlength=n)
        norm = np.sqrt(np.bincount(which, weights=value * value, minlength=n))
        return np.divide(score, norm, out=np.zeros(n), where=norm > 0)


@dataclass(frozen=True, slots=True)
class CheckworthinessModel:
    """The shipped check-worthiness logistic regression, scored with numpy only.

    `probability` is calibrated so that 0.5 is the decision threshold chosen by
    cross-validation in training (the model JSON's ``threshold`` is folded into the bias).
    """

    version: str
    words: _TfidfBlock
    chars: _TfidfBlock
    feature_coef: np.ndarray
    bias: float
    # word -> columns of its known character n-grams (see `_char_columns`)
    _word_cache: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> CheckworthinessModel:
        """The shipped model, built once per process and shared by the claims analyzer,
        `newsprobe.rank` and `newsprobe.models.checkworthiness`."""
        return _shipped()

    @classmethod
    def _build(cls) -> CheckworthinessModel:
        meta = load_json(MODEL_NAME)
        arrays = load_arrays(MODEL_NAME)
        if tuple(meta["features"]) != FEATURE_NAMES:
            raise ValueError("checkworthiness model features do not match this code; retrain")
        threshold = float(meta["threshold"])

        def block(kind: str) -> _TfidfBlock:
            vocabulary = {gram: i for i, gram in enumerate(meta[f"{kind}_vocabulary"])}
            idf = np.asarray(arrays[f"{kind}_idf"], dtype=np.float64)
            coef = np.asarray(arrays[f"{kind}_coef"], dtype=np.float64)
            return _TfidfBlock(vocabulary, idf, coef)

        return cls(
            version=str(meta["version"]),
            words=block("word"),
            chars=block("char"),
            feature_coef=np.asarray(arrays["feature_coef"], dtype=np.float64),
            bias=float(meta["intercept"]) - math.log(threshold / (1.0 - threshold)),
        )

    def logits(self, texts: Sequence[str], features: Sequence[Sequence[float]]) -> np.ndarray:
        """Log-odds of check-worthiness of each text, shifted so that 0 is the threshold.

        Args:
            texts: The sentences (or quoted parts) to score.
            features: Their `news_features`, one row per text.
        """
        if not texts:
            return np.zeros(0)
        x = np.asarray(features, dtype=np.float64).reshape(len(texts), len(FEATURE_NAMES))
        word_rows = [self.words.columns(word_ngrams(t)) for t in texts]
        char_rows = [self._char_columns(t) for t in texts]
        tfidf = self.words.scores(word_rows) + self.chars.scores(char_rows)
        logits: np.ndarray = x @ self.feature_coef + self.bias + tfidf
        return logits

    def logit(self, text: str, features: Sequence[float]) -> float:
        """`logits` of one text."""
        return float(self.logits([text], [features])[0])

    def probability(self, text: str, features: Sequence[float]) -> float:
        """Check-worthiness in [0, 1]; 0.5 is the calibrated decision threshold."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(text, features)))))

    def _char_columns(self, text: str) -> np.ndarray:
        """Columns of the `char_ngrams` of `text` the model knows, read per word from a cache.

        Character n-grams never cross a word, so a sentence's grams are its words' grams;
        news repeats words, and building every word's 3-5-grams afresh was most of the cost.
        """
        cache = self._word_cache
        parts: list[np.ndarray] = []
        for word in normalize_for_ngrams(text).split(" "):
            if not word:
                continue
            known = cache.get(word)
            if known is None:
                known = self.chars.columns(_word_char_ngrams(word))
                if len(cache) < _WORD_CACHE_SIZE:
                    cache[word] = known
            parts.append(known)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


@cache
def _shipped() -> CheckworthinessModel:
    return CheckworthinessModel._build()


# --- slots: what a claim says, for lining it up across outlets -------------------------

_SPEECH_VERBS = verbs_for("claim_speech")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp", "xcomp", "dative")


def main_verb(sent: SpacySpan, root: Token | None = None) -> Token:
    """The root, or the reported clause when the root is a speech verb ("X said Y did Z").

    `root` is ``sent.root`` when the caller already has it (spaCy walks the span for it).
    """
    root = sent.root if root is None else root
    if root.lemma_.lower() in _SPEECH_VERBS:
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def subtree_range(token: Token) -> tuple[int, int]:
    """Character range from the first to the last token of ``token.subtree``.

    Walks only the first-left and last-right branches (``subtree`` yields left children's
    subtrees, the token, then right children's subtrees), so it costs the tree's depth,
    not its size; building the whole subtree was most of `object_range`'s time. Not
    ``left_edge``/``right_edge``: on non-projective parses (27 of 58,000 tokens on the
    benchmark articles) they differ from the subtree's ends.
    """
    first = token
    while (left := next(iter(first.lefts), None)) is not None:
        first = left
    last = token
    while (right := _last_right(last)) is not None:
        last = right
    return first.idx, last.idx + len(last.text)


def _last_right(token: Token) -> Token | None:
    right = None
    for right in token.rights:  # noqa: B007 - the last one is wanted
        pass
    return right


def subject_range(main: Token, sent: SpacySpan) -> tuple[int, int] | None:
    for head in (main, sent.root):
        for child in head.children:
            if child.dep_ in _SUBJECT_DEPS:
                return subtree_range(child)
    return None


def object_range(main: Token) -> tuple[int, int] | None:
    """Character range of what the main verb acts on: its object or attribute, else its
    first prepositional phrase ("rose to 4.1%")."""
    children = list(main.children)
    for dep in (*_OBJECT_DEPS, "prep", "agent"):
        for child in children:
            if child.dep_ == dep:
                return subtree_range(child)
    return None
