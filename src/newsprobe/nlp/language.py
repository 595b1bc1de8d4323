"""Language identification for articles whose source does not say.

lingua is built for the news languages of `newsprobe.languages` (loading all 75 costs
seconds and memory; that set loads in well under a second and still names the language of
two-word headlines). Text in a language outside the set comes back as the closest one or None.
"""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from newsprobe.languages import LANGUAGES

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["detect_language"]

# The detector reads at most this much: more text does not change the answer on articles.
_SAMPLE_CHARS = 2000
# Below this confidence the text is too short or too mixed to name a language.
_MIN_CONFIDENCE = 0.5

# English prose is about 40 % function words; German, French, Spanish, Dutch or Italian
# prose scores under 10 % on this list (it holds no words those languages share with
# English except "in"). Above 25 % over 40+ words the answer is English without loading
# lingua, which saves a third of a second at start-up for the common case.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a that is was for on with as by at from it he she they his her their "
    "this be have has had were are been not but or an which who would said will its after".split()
)
_MIN_WORDS = 40
_MIN_ENGLISH_SHARE = 0.25
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def _plainly_english(sample: str) -> bool:
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return False
    share = sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)
    return share >= _MIN_ENGLISH_SHARE


_lock = threading.Lock()
_detector: LanguageDetector | None = None


def _get_detector() -> LanguageDetector:
    global _detector
    with _lock:
        if _detector is None:
            from lingua import Language, LanguageDetectorBuilder

            languages = [getattr(Language, language.lingua) for language in LANGUAGES]
            # Low-accuracy mode (trigrams only) loads in ~0.2 s instead of ~6 s for this set;
            # on article-length text it names the same language.
            _detector = (
                LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
            )
        return _detector


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told.

    >>> detect_language("Die Regierung hat am Montag neue Zahlen vorgelegt.")
    'de'
    """
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 3:
        return None
    if _plainly_english(sample):
        return "en"
    detector = _get_detector()
    values = detector.compute_language_confidence_values(sample)
    if not values or values[0].value < _MIN_CONFIDENCE:
        return None
    code = values[0].language.iso_code_639_1.name.lower()
    return "no" if code == "nb" else code
