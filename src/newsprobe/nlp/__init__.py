"""The language layer under every analyzer: spaCy's model, the one shared parse, languages.

- `parse`: resolves the English model, loads it once per process and parses articles in
  batches, enabling only the components some analyzer needs.
- `attribute_cache`: the model's attribute ruler and lemmatizer run once per kind of token
  (identical output, faster), installed into the model by `parse`.
- `language`: which language an article is in, when its source does not say.

    >>> from newsprobe.nlp import parse_many
    >>> [doc] = parse_many(["Ferry crews walked out on Monday."])
"""

from newsprobe.nlp.parse import (
    BATCH_SIZE,
    CHUNK_CHARS,
    MODEL_NAME,
    PIPES_FOR,
    chunks,
    load_english,
    parse_many,
    pipes_for,
)

__all__ = [
    "BATCH_SIZE",
    "CHUNK_CHARS",
    "MODEL_NAME",
    "PIPES_FOR",
    "chunks",
    "load_english",
    "parse_many",
    "pipes_for",
]
