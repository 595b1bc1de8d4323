"""The words that make a name an outlet's ("Harbourline News", "Il Faro"), read once.

The list is `lexicons/outlet_words.txt` (its header says where the words come from). It
lives with ingestion, which reads bylines without loading the analyzers; the corpus's
credits read it from here too, so the two never drift apart.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["OUTLET_WORDS"]


def _read() -> frozenset[str]:
    text = resources.files(__package__).joinpath("lexicons/outlet_words.txt").read_text("utf-8")
    lines = (line.partition("#")[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


#: Lower-case words, accents kept ("periódico" and "periodico" are both listed).
OUTLET_WORDS = _read()
