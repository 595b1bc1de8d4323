"""Clickbait headlines: a shipped logistic model over vocabulary and headline form.

The model (trained by ``train/clickbait.py``; card in ``models/clickbait.md``) adds two
blocks: TF-IDF word and character n-grams, and the publisher-independent devices of
`newsprobe.analyzers.headline.form` (forward reference, second person, numbered list,
withheld information...). Inference here is plain numpy: no scikit-learn at run time.

    >>> analyzer = ClickbaitAnalyzer()
    >>> [f.note for f in analyzer.analyze(Context(article=make_article(
    ...     "Body.", headline="You won't believe what this senator said")))]
    ["The headline reads as clickbait (p=0.99): second-person address, ..."]

Every headline gets its score as a ``clickbait_probability`` signal, so a report can show
the score of a headline that passes too; a headline at or above the threshold also gets a
`ClickbaitFinding` spanning the whole headline, whose `features` name the devices that
fired (strongest first), so a reader sees *why*, not only a score.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.headline import confidence as CONFIDENCE
from newsprobe.analyzers.headline.form import FORM_FEATURES, Device, find_devices, ngrams
from newsprobe.analyzers.shared.lexicon_files import load_words
from newsprobe.errors import ModelNotFoundError
from newsprobe.findings import ClickbaitFinding, FindingBase, SignalFinding, Span
from newsprobe.models import load_arrays, load_json

__all__ = ["ClickbaitAnalyzer", "ClickbaitModel", "Scored"]

#: Real headlines are under ~200 characters; beyond this the rest is ingest debris and is
#: not scored (it would only cost time: n-grams grow with length).
MAX_HEADLINE_CHARS = 400
#: Vocabulary terms quoted in `features` when no form device fired, so that a flagged
#: headline always says what in its wording drove the score.
_WORDING_TERMS = 2
#: Function words say nothing a reader can act on; never quoted as "bait wording".
_STOP = load_words("headline/unquoted_terms")


@dataclass(frozen=True, slots=True)
class Scored:
    """A headline's clickbait probability and the evidence behind it."""

    probability: float
    devices: tuple[Device, ...]  # devices that fired, strongest model weight first
    wording: tuple[str, ...]  # the vocabulary terms that pushed hardest towards bait


class ClickbaitModel:
    """The shipped model: vocabulary + form weights, scored with numpy only.

    Args:
        meta: ``clickbait.json`` (vocabulary terms, intercept, threshold, form feature
            names and weights).
        arrays: ``clickbait.npz`` (``idf`` and ``coef`` of the vocabulary block, in the
            order of ``meta["terms"]``).

    Raises:
        ModelNotFoundError: the files do not match this code's form features.
    """

    def __init__(self, meta: dict[str, object], arrays: dict[str, np.ndarray]) -> None:
        if list(meta["form_features"]) != list(FORM_FEATURES):  # type: ignore[call-overload]
            raise ModelNotFoundError(
                "clickbait model was trained with different form features; "
                "rebuild it with train/clickbait.py"
            )
        self.version = str(meta["version"])
        self.threshold = float(meta["threshold"])  # type: ignore[arg-type]
        self.intercept = float(meta["intercept"])  # type: ignore[arg-type]
        #: Seed of the stratified 80/20 split the model was trained on (80 %) and
        #: evaluated on (20 %); the benchmark and tests rebuild the held-out part with it.
        self.split_seed = int(meta["split_seed"])  # type: ignore[call-overload]
        self.form_coef = dict(
            zip(FORM_FEATURES, map(float, meta["form_coef"]), strict=True)  # type: ignore[call-overload]
        )
        self.terms = [str(term) for term in meta["terms"]]  # type: ignore[attr-defined]
        self.index = {term: i for i, term in enumerate(self.terms)}
        self.idf = arrays["idf"].astype(np.float64)
        self.coef = arrays["coef"].astype(np.float64)

    @classmethod
    def shipped(cls) -> ClickbaitModel:
        """The model inside the package, built once per process and shared by the analyzer
        and `newsprobe.models.clickbait`."""
        return _shipped()

    def score(self, headline: str) -> Scored:
        """Probability that `headline` is clickbait, with the devices and wording behind it."""
        headline = headline[:MAX_HEADLINE_CHARS]
        counts = Counter(i for t in ngrams(headline) if (i := self.index.get(t)) is not None)
        logit = self.intercept
        wording: tuple[str, ...] = ()
        if counts:
            cols = np.fromiter(sorted(counts), dtype=np.int64)
            tf = 1.0 + np.log(np.asarray([counts[c] for c in cols], dtype=np.float64))
            weights = tf * self.idf[cols]
            weights /= np.sqrt(np.dot(weights, weights))
            contrib = weights * self.coef[cols]
            logit += float(contrib.sum())
            wording = self._wording(cols, contrib)
        # Every device that fired is evidence a reader can check, even one the model gives
        # no weight (question, all caps, exclamation: rare or absent in the training bait).
        devices = find_devices(headline)
        logit += sum(self.form_coef[f] for f in {d.feature for d in devices})
        devices.sort(key=lambda d: (-self.form_coef[d.feature], FORM_FEATURES.index(d.feature)))
        return Scored(_sigmoid(logit), tuple(devices), wording)

    def _wording(self, cols: np.ndarray, contrib: np.ndarray) -> tuple[str, ...]:
        terms = self.terms
        ranked = sorted(zip(contrib.tolist(), cols.tolist(), strict=True), key=lambda x: -x[0])
        words = [
            terms[c][2:]
            for w, c in ranked
            if w > 0 and terms[c].startswith("w:") and not set(terms[c][2:].split()) <= _STOP
        ]
        return tuple(words[:_WORDING_TERMS])


@cache
def _shipped() -> ClickbaitModel:
    return ClickbaitModel(load_json("clickbait"), load_arrays("clickbait"))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


class ClickbaitAnalyzer(Analyzer):
    """Clickbait headlines: teasers, withheld information, second person, lists."""

    name = "clickbait"
    # 2: every headline also gets a ``clickbait_probability`` signal.
    version = "2"
    requires = frozenset()
    provides = frozenset({"clickbait", "signal"})
    languages = frozenset({"en"})

    def __init__(self, *, threshold: float | None = None) -> None:
        """Args:
        threshold: flag headlines at this probability or above; default: the shipped
            model's (0.5, see the model card for its held-out precision and recall).
        """
        self._threshold = threshold
        self._model: ClickbaitModel | None = None

    def warm_up(self) -> None:
        if self._model is None:
            self._model = ClickbaitModel.shipped()

    def model_versions(self) -> dict[str, str]:
        self.warm_up()
        assert self._model is not None
        return {"clickbait": self._model.version}

    def analyze(self, ctx: Context) -> Iterator[FindingBase]:
        span = ctx.article.headline
        headline = ctx.article.slice(span)
        if not headline.strip():
            return
        self.warm_up()
        assert self._model is not None
        scored = self._model.score(headline)
        threshold = self._model.threshold if self._threshold is None else self._threshold
        probability = round(scored.probability, 4)
        yield SignalFinding(
            span=Span(start=span.start, end=span.end),
            confidence=CONFIDENCE.SIGNAL,
            note=f"Clickbait score of the headline: {probability:.2f} "
            f"(flagged from {threshold:.2f}).",
            name="clickbait_probability",
            value=probability,
            details={"threshold": threshold},
        )
        if scored.probability < threshold:
            return
        features = [d.description for d in scored.devices]
        if not features:
            features = [f"bait wording: '{w}'" for w in scored.wording]
        yield ClickbaitFinding(
            span=Span(start=span.start, end=span.end),
            confidence=probability,
            probability=probability,
            features=features,
            note=_note(scored, features),
        )


def _note(scored: Scored, features: list[str]) -> str:
    head = f"The headline reads as clickbait (p={scored.probability:.2f})"
    if scored.devices:
        evidence = ", ".join(f.replace(": ", " ", 1) for f in features)
        return f"{head}: {evidence}."
    if scored.wording:
        quoted = ", ".join(f"'{w}'" for w in scored.wording)
        return f"{head}: its wording ({quoted}) is typical of bait headlines."
    return f"{head}: its overall wording resembles bait headlines."
