"""Stance of a text towards a claim: agree, disagree, discuss or unrelated.

The model is trained on the Fake News Challenge stage 1 data (FNC-1: headline/body pairs
from the Emergent dataset) by ``train/stance.py`` and ships as plain data
(``models/stance.json``: vocabulary, idf and feature names; ``models/stance.npz``: the
gradient-boosted trees). It runs on numpy alone, in about a millisecond per pair.

The same call serves two uses:

- a headline against its own body (does the article support what its headline says?);
- a claim from one outlet against another outlet's article (does the other coverage
  confirm it, deny it, only report it, or talk about something else?).

    >>> from newsprobe.analyzers.headline.stance import stance
    >>> probs = stance("Mayor resigns after audit", "The mayor denied reports that she ...")
    >>> max(probs, key=probs.get)  # doctest: +SKIP
    'disagree'

What the four labels mean (FNC-1's definitions):

- ``agree``: the text says the claim is true;
- ``disagree``: the text says the claim is false (denials, debunks, "hoax");
- ``discuss``: the text is about the claim but does not take a side (reports it,
  attributes it, hedges it);
- ``unrelated``: the text is about something else.

Limits: the model sees words, not meaning. It reads ``claim_text`` as a short headline
(one sentence) and ``body_text`` as a news article of a few paragraphs; very short bodies
and long claims are outside what it was trained on. It does not check facts: "agree" means
the body asserts the claim, not that the claim is true. English only.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.models import load_arrays, load_json

__all__ = [
    "MODEL_VERSION",
    "STANCES",
    "decide",
    "sentence_similarities",
    "split_sentences",
    "stance",
    "stance_many",
    "warm_up",
]

#: The labels, in the order of the model's outputs.
STANCES: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")

#: Version of the shipped model file this module reads (checked when it loads).
MODEL_VERSION = "1"

_MEMO_SIZE = 4096  # sentence vectors kept; cleared when full
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")

_STOPWORDS = load_words("headline/stance_stopwords")

# Cue lists (stemmed by `_stem` before use). Refuting cues follow the FNC-1 baseline list,
# extended with common debunking vocabulary; hedges are the words reporters use to pass a
# claim on without vouching for it; affirming cues mark a claim treated as settled.
_REFUTE = load_words("headline/stance_refuting")
_NEGATION = load_words("headline/stance_negations")
_HEDGE = load_words("headline/stance_hedges")
_AFFIRM = load_words("headline/stance_affirming")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A light suffix stripper: enough to match "denies"/"denied"/"deny" and plurals."""
    if word.endswith("n't"):
        return "n't"
    word = word.removesuffix("'s")
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("ly", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Lower-cased stems of every word, stop words included (cues need them).

    Cached: the headline check reads each body sentence twice, once for the stance
    features and once for the sentence similarities.
    """
    return tuple(_stem(w) for w in _WORD.findall(text.lower().replace("’", "'")))


def _has_content(text: str) -> bool:
    """Whether `_content(_tokens(text))` is not empty, stopping at the first content word
    (a body can be long, and it is tokenized sentence by sentence later anyway)."""
    words = _WORD.finditer(text.lower().replace("’", "'"))
    return any((stem := _stem(m.group())) not in _STOPWORDS_S and len(stem) > 1 for m in words)


def _content(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if t not in _STOPWORDS_S and len(t) > 1]


_REFUTE_S = frozenset(_stem(w) for w in _REFUTE)
_NEGATION_S = frozenset(_stem(w) for w in _NEGATION)
_HEDGE_S = frozenset(_stem(w) for w in _HEDGE)
_AFFIRM_S = frozenset(_stem(w) for w in _AFFIRM)
_STOPWORDS_S = _STOPWORDS | frozenset(_stem(w) for w in _STOPWORDS)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets ``(start, end)`` in `text`, by punctuation and line breaks.

    A regex splitter, not spaCy: the stance model must give the same features at training
    and at run time without a parse. Whitespace around sentences is excluded.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            left = start + (len(piece) - len(piece.lstrip()))
            spans.append((left, left + len(stripped)))
        if match:
            start = match.end()
    return spans


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """Idf of stems seen in the training bodies; unseen stems get `unseen_idf`."""

    idf: dict[str, float]
    unseen_idf: float
    # tokens -> vector: the headline check asks for each body sentence's vector twice
    _memo: dict[tuple[str, ...], dict[str, float]] = field(default_factory=dict, repr=False)

    def vector(self, tokens: Sequence[str]) -> dict[str, float]:
        """Sublinear tf times idf, L2-normalised, as a sparse dict (do not modify it)."""
        key = tuple(tokens)
        if (known := self._memo.get(key)) is not None:
            return known
        counts = Counter(_content(tokens))
        vec = {t: (1.0 + math.log(c)) * self.idf.get(t, self.unseen_idf) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        found = {t: v / norm for t, v in vec.items()} if norm else {}
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _ngrams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def _squeezed(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _chargrams(text: str, n: int = 4) -> set[str]:
    squeezed = _squeezed(text)
    return {squeezed[i : i + n] for i in range(len(squeezed) - n + 1)}


def _share(part: int | float, whole: int | float) -> float:
    return float(part) / whole if whole else 0.0


def _cues(tokens: Sequence[str]) -> tuple[float, float, float, float]:
    """Counts of refuting, negating, hedging and affirming cues in `tokens`."""
    ref = neg = hed = aff = 0
    for t in tokens:
        ref += t in _REFUTE_S
        neg += t in _NEGATION_S
        hed += t in _HEDGE_S
        aff += t in _AFFIRM_S
    return float(ref), float(neg), float(hed), float(aff)


#: Feature names, in the order `_features` returns them (stored in the model file too).
FEATURES: tuple[str, ...] = (
    "cos_body", "cos_lead", "cos_sent_max", "cos_sent_top3", "overlap", "overlap_idf",
    "overlap_lead", "bigram_overlap", "trigram_overlap", "char4_overlap", "rare_overlap",
    "best_sent_position", "related_sent_share", "log_body_len", "head_len",
    "head_refute", "head_negation", "head_hedge", "head_affirm", "head_question",
    "body_refute", "body_negation", "body_hedge", "body_affirm",
    "rel_refute", "rel_negation", "rel_hedge", "rel_affirm",
    "lead_refute", "lead_hedge", "polarity_head", "polarity_rel", "number_overlap",
)  # fmt: skip

_RELATED_COS = 0.15  # a body sentence "talks about the claim" above this cosine; the
# FNC-1 train bodies put most agree/disagree cues in sentences between 0.1 and 0.3.


def _features(vocab: _Vocabulary, claim: str, body: str) -> list[float]:
    """The feature vector of one claim/body pair (see FEATURES)."""
    h_tok = _tokens(claim)
    h_con = _content(h_tok)
    sentences = [body[s:e] for s, e in split_sentences(body)] or [""]
    s_toks = [_tokens(s) for s in sentences]
    b_tok = [t for toks in s_toks for t in toks]
    b_con = _content(b_tok)
    lead_tok = [t for toks in s_toks[:2] for t in toks]
    h_vec = vocab.vector(h_tok)
    s_cos = [_cosine(h_vec, vocab.vector(toks)) for toks in s_toks]
    ranked = sorted(range(len(s_cos)), key=lambda i: -s_cos[i])
    related = [t for i in ranked[:3] if s_cos[i] >= _RELATED_COS for t in s_toks[i]]
    h_set, b_set, lead_set = set(h_con), set(b_con), set(_content(lead_tok))
    # fsum: a plain sum over a set depends on the hash seed's iteration order, and a
    # share of 1 - 1e-16 instead of 1.0 can cross a tree threshold.
    idf_total = math.fsum(vocab.idf.get(t, vocab.unseen_idf) for t in h_set)
    idf_shared = math.fsum(vocab.idf.get(t, vocab.unseen_idf) for t in h_set & b_set)
    rare = {t for t in h_set if vocab.idf.get(t, vocab.unseen_idf) >= 4.0}
    h_bi, h_tri = _ngrams(h_con, 2), _ngrams(h_con, 3)
    h_char = _chargrams(claim)
    b_squeezed = _squeezed(body)
    h_nums = {t for t in h_con if t.isdigit()}
    n_body = max(len(b_tok), 1)
    h_cues, b_cues = _cues(h_tok), _cues(b_tok)
    r_cues, l_cues = _cues(related), _cues(lead_tok)
    return [
        _cosine(h_vec, vocab.vector(b_tok)),
        _cosine(h_vec, vocab.vector(lead_tok)),
        s_cos[ranked[0]],
        sum(s_cos[i] for i in ranked[:3]) / min(3, len(ranked)),
        _share(len(h_set & b_set), len(h_set)),
        _share(idf_shared, idf_total),
        _share(len(h_set & lead_set), len(h_set)),
        _share(len(h_bi & _ngrams(b_con, 2)), len(h_bi)),
        _share(len(h_tri & _ngrams(b_con, 3)), len(h_tri)),
        _share(sum(g in b_squeezed for g in h_char), len(h_char)),
        _share(len(rare & b_set), len(rare)),
        _share(ranked[0], len(sentences)),
        _share(sum(c >= _RELATED_COS for c in s_cos), len(sentences)),
        math.log1p(len(b_tok)),
        float(len(h_con)),
        *h_cues,
        float("?" in claim),
        *(1000.0 * c / n_body for c in b_cues),
        *r_cues,
        l_cues[0],
        l_cues[2],
        h_cues[1] % 2,
        r_cues[1] % 2,
        _share(len(h_nums & b_set), len(h_nums)) if h_nums else -1.0,
    ]


class _Forest:
    """Gradient-boosted trees (exported from scikit-learn) evaluated with numpy.

    All trees are walked at once: each step moves every (row, tree) cursor one level down,
    so a batch costs `depth` vectorised steps rather than a Python loop over trees.
    """

    def __init__(self, arrays: dict[str, np.ndarray], baseline: Sequence[float]) -> None:
        self.feature = arrays["feature"].astype(np.intp)
        self.threshold = arrays["threshold"].astype(np.float64)
        self.left = arrays["left"].astype(np.intp)
        self.right = arrays["right"].astype(np.intp)
        self.leaf = arrays["is_leaf"].astype(bool)
        self.value = arrays["value"].astype(np.float64)
        self.roots = arrays["roots"].astype(np.intp)
        self.tree_class = arrays["tree_class"].astype(np.intp)
        self.depth = int(arrays["depth"])
        self.baseline = np.asarray(baseline, dtype=np.float64)

    def raw(self, x: np.ndarray) -> np.ndarray:
        rows, trees = x.shape[0], self.roots.size
        node = np.tile(self.roots, rows)  # one cursor per (row, tree), row-major
        row = np.repeat(np.arange(rows), trees)
        # Only cursors that have not reached a leaf move: most trees end within a few
        # levels, and the deepest one would otherwise set the cost of every step.
        active = np.flatnonzero(~self.leaf[node])
        for _ in range(self.depth):
            if not active.size:
                break
            here = node[active]
            go_left = x[row[active], self.feature[here]] <= self.threshold[here]
            there = np.where(go_left, self.left[here], self.right[here])
            node[active] = there
            active = active[~self.leaf[there]]
        out = np.tile(self.baseline, (rows, 1))
        np.add.at(out.T, self.tree_class, self.value[node.reshape(rows, trees)].T)
        return out


class _Model:
    def __init__(self) -> None:
        meta: dict[str, Any] = load_json("stance")
        if str(meta.get("version")) != MODEL_VERSION or tuple(meta["features"]) != FEATURES:
            raise RuntimeError("models/stance.json does not match this code; rebuild it")
        self.vocab = _Vocabulary(idf=meta["idf"], unseen_idf=float(meta["unseen_idf"]))
        self.labels: tuple[str, ...] = tuple(meta["labels"])
        self.disagree_threshold = float(meta.get("disagree_threshold", 0.5))
        self.forest = _Forest(load_arrays("stance"), meta["baseline"])

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[str, float]]:
        x = np.array([_features(self.vocab, c, b) for c, b in pairs], dtype=np.float64)
        raw = self.forest.raw(x.reshape(len(pairs), len(FEATURES)))
        raw -= raw.max(axis=1, keepdims=True)
        probs = np.exp(raw)
        probs /= probs.sum(axis=1, keepdims=True)
        order = [self.labels.index(s) for s in STANCES]
        return [{s: float(p[i]) for s, i in zip(STANCES, order, strict=True)} for p in probs]


_lock = threading.Lock()
_model: _Model | None = None


def _loaded() -> _Model:
    global _model
    with _lock:
        if _model is None:
            _model = _Model()
        return _model


def warm_up() -> None:
    """Load the model now rather than on the first call (idempotent, thread-safe).

    Raises:
        ModelNotFoundError: the model files are missing from the package.
    """
    _loaded()


def _unrelated() -> dict[str, float]:
    return {s: float(s == "unrelated") for s in STANCES}


def stance(claim_text: str, body_text: str) -> dict[str, float]:
    """Probabilities that `body_text` agrees with, disagrees with, discusses, or is
    unrelated to `claim_text`.

    Args:
        claim_text: the claim, as one short sentence (a headline, or a claim lifted from
            another article).
        body_text: the text to compare it with: an article body, a few paragraphs.

    Returns:
        ``{"agree": p, "disagree": p, "discuss": p, "unrelated": p}``, summing to 1.
        When either text has no words, ``unrelated`` is 1.0: nothing relates them.
        Deterministic; the model loads once per process (thread-safe).
    """
    return stance_many([(claim_text, body_text)])[0]


def stance_many(pairs: Iterable[tuple[str, str]]) -> list[dict[str, float]]:
    """`stance` for many ``(claim_text, body_text)`` pairs at once, in input order.

    Faster than calling `stance` in a loop: the trees are evaluated for the whole batch.
    """
    pairs = list(pairs)
    results: list[dict[str, float]] = [_unrelated() for _ in pairs]
    scored = [
        i for i, (c, b) in enumerate(pairs) if _has_content(c or "") and _has_content(b or "")
    ]
    if scored:
        model = _loaded()
        for i, probs in zip(scored, model.predict([pairs[i] for i in scored]), strict=True):
            results[i] = probs
    return results


def decide(probs: dict[str, float]) -> str:
    """The label to act on: "disagree" once its probability passes the shipped threshold,
    else the most probable label.

    The model rarely makes "disagree" its top label even for real denials (it is 1.7 % of
    the training pairs); the threshold, chosen by macro-F1 on validation bodies in
    ``train/stance.py``, recovers some of them at a small cost in precision.
    """
    if probs.get("unrelated", 0.0) >= 1.0:
        return "unrelated"
    if probs["disagree"] >= _loaded().disagree_threshold:
        return "disagree"
    return max(STANCES, key=lambda s: (probs[s], s))


def sentence_similarities(claim_text: str, sentences: Sequence[str]) -> list[float]:
    """Tf-idf cosine of `claim_text` with each sentence (0-1), with the model's idf.

    Useful to point at the sentences of a body that bear on a claim.
    """
    vocab = _loaded().vocab
    claim = vocab.vector(_tokens(claim_text))
    return [_cosine(claim, vocab.vector(_tokens(s))) for s in sentences]
