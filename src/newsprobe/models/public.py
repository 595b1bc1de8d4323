"""The three shipped models on their own, batched: for researchers and other tools.

    >>> from newsprobe import models
    >>> models.clickbait(["You won't believe what this cat did", "Rates held at 4%"])
    >>> models.checkworthiness(["Unemployment fell to 4.1% in March.", "Thank you all."])
    >>> models.stance([("Mayor resigns", "The mayor said on Monday she would stay on.")])

Each returns one typed result per input, in input order, with a probability and the label
the shipped threshold gives. These are the models alone, as trained: the analyzers blend
in what other analyzers found (the claims score of `newsprobe.rank`, for instance, adds
named sources, hedges and quantities), so their figures can differ from these.

The scorers live with the analyzers that use them and read the same model files through
`newsprobe.models.load_json` / `load_arrays` (loaded once per process, shared by both);
they are imported on first call, so ``import newsprobe.models`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newsprobe.analyzers.claims.features import CheckworthinessModel
    from newsprobe.analyzers.headline.clickbait import ClickbaitModel

__all__ = [
    "CheckworthinessScore",
    "ClickbaitScore",
    "StanceScore",
    "checkworthiness",
    "clickbait",
    "stance",
]

StanceLabel = Literal["agree", "disagree", "discuss", "unrelated"]
_BATCH = 256  # sentences per spaCy batch: the parser's own default order of magnitude


@dataclass(frozen=True, slots=True)
class ClickbaitScore:
    """A headline's clickbait probability, its label and the devices that fired."""

    headline: str
    probability: float
    label: Literal["clickbait", "not_clickbait"]
    devices: tuple[str, ...] = ()  # form features found ("forward_reference", "list"...)


@dataclass(frozen=True, slots=True)
class CheckworthinessScore:
    """A sentence's check-worthiness probability (0.5 is the trained threshold) and label."""

    sentence: str
    probability: float
    label: Literal["checkworthy", "not_checkworthy"]


@dataclass(frozen=True, slots=True)
class StanceScore:
    """What a body says of a claim: the label to act on and all four probabilities."""

    claim: str
    body: str
    label: StanceLabel
    probabilities: dict[str, float] = field(default_factory=dict)


def _texts(values: Iterable[str], what: str, call: str) -> list[str]:
    """The inputs as a list of strings; a lone string is a mistake worth a clear message."""
    if isinstance(values, str):
        raise TypeError(f"{call}() takes a list of {what}s, not one string: {call}([{what}])")
    texts = list(values)
    for n, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{call}(): {what} {n} is a {type(text).__name__}, not a string")
    return texts


def _clickbait_model() -> ClickbaitModel:
    from newsprobe.analyzers.headline.clickbait import ClickbaitModel

    return ClickbaitModel.shipped()  # the analyzer's own instance (built once)


def _checkworthiness_model() -> CheckworthinessModel:
    from newsprobe.analyzers.claims.features import CheckworthinessModel

    return CheckworthinessModel.load()  # the claims analyzer's own instance (built once)


def clickbait(headlines: Iterable[str]) -> list[ClickbaitScore]:
    """Clickbait probability and label of each headline (model: ``clickbait.md``).

    Raises:
        TypeError: `headlines` is one string, or holds something that is not one.
        ModelNotFoundError: the model files are missing from the package.
    """
    texts = _texts(headlines, "headline", "clickbait")
    model = _clickbait_model()
    results = []
    for text in texts:
        scored = model.score(text)
        label: Literal["clickbait", "not_clickbait"] = (
            "clickbait" if scored.probability >= model.threshold else "not_clickbait"
        )
        devices = tuple(dict.fromkeys(d.feature for d in scored.devices))
        results.append(ClickbaitScore(text, scored.probability, label, devices))
    return results


def checkworthiness(sentences: Iterable[str]) -> list[CheckworthinessScore]:
    """Check-worthiness probability and label of each sentence (``checkworthiness.md``).

    Each sentence is parsed with the spaCy model the analyzers use (for its news features)
    and scored in one batch.

    Raises:
        TypeError: `sentences` is one string, or holds something that is not one.
        ModelNotFoundError: the model or the spaCy English model is missing.
    """
    import numpy as np

    from newsprobe.analyzers.claims.features import news_features
    from newsprobe.nlp.parse import load_english

    texts = _texts(sentences, "sentence", "checkworthiness")
    if not texts:
        return []
    features = [news_features(doc[:]) for doc in load_english().pipe(texts, batch_size=_BATCH)]
    logits = _checkworthiness_model().logits(texts, features)
    probabilities = 1.0 / (1.0 + np.exp(-np.clip(logits, -50.0, 50.0)))
    return [
        CheckworthinessScore(text, float(p), "checkworthy" if p >= 0.5 else "not_checkworthy")
        for text, p in zip(texts, probabilities.tolist(), strict=True)
    ]


def stance(pairs: Iterable[Sequence[str]]) -> list[StanceScore]:
    """Stance of each ``(claim, body)`` pair: agree, disagree, discuss or unrelated
    (``stance.md``); the label is `decide`'s (a tuned threshold for "disagree").

    Raises:
        TypeError: a pair is not two strings.
        ModelNotFoundError: the model files are missing from the package.
    """
    from newsprobe.analyzers.headline.stance import decide, stance_many

    checked: list[tuple[str, str]] = []
    for n, pair in enumerate(pairs):
        if isinstance(pair, str) or len(pair) != 2 or not all(isinstance(t, str) for t in pair):
            raise TypeError(f"stance(): pair {n} must be (claim, body), two strings")
        checked.append((pair[0], pair[1]))
    return [
        StanceScore(claim, body, decide(probs), dict(probs))  # type: ignore[arg-type]
        for (claim, body), probs in zip(checked, stance_many(checked), strict=True)
    ]
