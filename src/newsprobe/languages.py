"""The news languages newsprobe names: ISO code, English name, lingua's name, in one table.

Language identification (`newsprobe.nlp.language`) builds its detector for exactly these
languages, and the pipeline names them to a reader ("the hedging analyzer reads English;
this article is in German"): one table, so the two cannot drift apart. The set is the
languages of the news we expect to be given; lingua loads a detector for 27 languages in
well under a second, where all 75 of its languages cost seconds and memory.

    >>> language_name("de"), language_name("xx")
    ('German', 'xx')
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["LANGUAGES", "Language", "language_name"]


class Language(NamedTuple):
    """One language: how ISO 639-1, English and lingua name it."""

    code: str
    name: str
    lingua: str  # the member of `lingua.Language`; Norwegian is its Bokmål, code "nb"


#: Every language newsprobe identifies, in the order of their English names.
LANGUAGES: tuple[Language, ...] = (
    Language("ar", "Arabic", "ARABIC"),
    Language("zh", "Chinese", "CHINESE"),
    Language("cs", "Czech", "CZECH"),
    Language("da", "Danish", "DANISH"),
    Language("nl", "Dutch", "DUTCH"),
    Language("en", "English", "ENGLISH"),
    Language("fi", "Finnish", "FINNISH"),
    Language("fr", "French", "FRENCH"),
    Language("de", "German", "GERMAN"),
    Language("el", "Greek", "GREEK"),
    Language("he", "Hebrew", "HEBREW"),
    Language("hi", "Hindi", "HINDI"),
    Language("hu", "Hungarian", "HUNGARIAN"),
    Language("id", "Indonesian", "INDONESIAN"),
    Language("it", "Italian", "ITALIAN"),
    Language("ja", "Japanese", "JAPANESE"),
    Language("ko", "Korean", "KOREAN"),
    Language("no", "Norwegian", "BOKMAL"),
    Language("fa", "Persian", "PERSIAN"),
    Language("pl", "Polish", "POLISH"),
    Language("pt", "Portuguese", "PORTUGUESE"),
    Language("ro", "Romanian", "ROMANIAN"),
    Language("ru", "Russian", "RUSSIAN"),
    Language("es", "Spanish", "SPANISH"),
    Language("sv", "Swedish", "SWEDISH"),
    Language("tr", "Turkish", "TURKISH"),
    Language("uk", "Ukrainian", "UKRAINIAN"),
)

_NAMES = {language.code: language.name for language in LANGUAGES}


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code; an unknown code comes back as it is."""
    return _NAMES.get(code, code)
