"""Names as keys that match across outlets and languages.

"Mirela Sandor", "Mirela Şandor" and "MIRELA SANDOR" are one person; "Varn" is "Varn" in
French and in German. Names travel between languages almost unchanged, so a name key is
the name folded (accents stripped, lower case, "ß" as "ss") and cut into its tokens:
"n:sandor", "n:mirela". Tokens shorter than three letters and name particles ("de",
"van", "the") are no keys. People are also keyed by surname alone, so "Sandor" in one
outlet meets "Mirela Sandor" in another.

In articles the English analyzers step aside on, names are read from capitalization:
runs of capitalized words that are not sentence openers, function words or titles of the
language's table ("Le", "Präsident", "Selon").

    >>> fold("Mirela Şandor")
    'mirela sandor'
    >>> name_keys("The Valemont Times")
    ['n:valemont', 'n:times']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from newsprobe.corpus.i18n.lexicon import LANGUAGES, fold_apostrophes, lexicon

__all__ = ["capitalized_names", "fold", "name_keys", "surname_key"]

# Particles and words that are parts of names but say nothing about who is meant.
_PARTICLES = frozenset(
    "the of and de del della der den des di da do du la le les los las van von zu al el "
    "von der mr mrs ms dr st saint sankt san santa".split()
)
_MIN_KEY = 3  # shorter tokens ("Li" aside) are initials, particles or noise
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_WORD_OR_NUMBER = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# A capitalized word, possibly hyphenated or with an apostrophe ("O'Neill", "Saint-Denis").
_CAPITALIZED = re.compile(r"[^\W\d_a-zß-ÿ][^\W\d_]*(?:[-'][^\W\d_]+)*")
# Punctuation after which a capitalized word opens a sentence (or a quotation).
_OPENING_MARKS = frozenset('.!?:;«»"“”„')
# Abbreviated titles whose full stop does not end a sentence: "M. Veles", "Dr. Ruiz".
_TITLE_ABBREVIATION = re.compile(r"(?:^|\s)(?:M|Mme|Mlle|Dr|Sr|Sra|Hr|Fr|Prof|St|Mr|Mrs|Ms)\.$")


@lru_cache(maxsize=1 << 15)
def fold(text: str, *, digits: bool = False) -> str:
    """Lower case without accents, apostrophes and hyphens as spaces: the matching form.

    Numbers are left out unless `digits` ("France 24" is not "France 2").
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _WORD_OR_NUMBER if digits else _WORD
    return " ".join(words.findall(fold_apostrophes(plain).casefold().replace("-", " ")))


def name_keys(name: str) -> list[str]:
    """The keys of one name: "n:<token>" for each meaningful token, in order."""
    keys: list[str] = []
    for token in fold(name).replace("'", " ").split():
        if len(token) >= _MIN_KEY and token not in _PARTICLES:
            key = f"n:{token}"
            if key not in keys:
                keys.append(key)
    return keys


def surname_key(name: str) -> str | None:
    """ "p:<surname>" for a person's name: its last meaningful token."""
    keys = name_keys(name)
    return f"p:{keys[-1][2:]}" if keys else None


def capitalized_names(text: str, language: str | None) -> list[tuple[str, tuple[int, int]]]:
    """Runs of capitalized words that read as names, with their spans, in text order.

    A sentence's first word counts only when it is followed by another capitalized word
    ("Anton Veles a déclaré") or is capitalized elsewhere in the text mid-sentence.
    Words of the language's `not_names` list never start or join a name.
    """
    stop = _stop_words(language)
    words = [(m.group(), m.start(), m.end()) for m in _CAPITALIZED.finditer(text)]
    mid_sentence = {w for w, s, _ in words if not _opens_sentence(text, s)}
    names: list[tuple[str, tuple[int, int]]] = []
    run: list[tuple[str, int, int]] = []

    def flush() -> None:
        if run:
            names.append((text[run[0][1] : run[-1][2]], (run[0][1], run[-1][2])))
            run.clear()

    for word, start, end in words:
        if word in stop or len(word) < 2:
            flush()  # a title or a function word
            continue
        if word.isupper():
            flush()  # an acronym ("UEFA") or a dateline's place ("VARN"): a name of its own
            names.append((word, (start, end)))
            continue
        joined = bool(run) and text[run[-1][2] : start].strip() in ("", "-")
        if not joined:
            flush()
        if _opens_sentence(text, start) and word not in mid_sentence and not joined:
            # A sentence opener: keep it only when a capitalized word follows at once.
            after = text[end : end + 2]
            if not (after[:1] == " " and after[1:2].isupper()):
                continue
        run.append((word, start, end))
    flush()
    return names


@lru_cache(maxsize=8)
def _stop_words(language: str | None) -> frozenset[str]:
    """Capitalized words that are no names: the table's, plus months and weekdays."""
    lex = lexicon(language if language in LANGUAGES else "en")
    calendar = {w.capitalize() for w in (*lex.months, *lex.weekdays)}
    return lex.not_names | calendar | {"I", "A"}


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` is the first of a sentence, line or quotation."""
    before = text[max(0, start - 12) : start].rstrip(" \t\u00a0")
    if not before or before.endswith("\n") or (start < 12 and not before.strip()):
        return True
    return before[-1] in _OPENING_MARKS and not _TITLE_ABBREVIATION.search(before)
