"""The one table of languages: what identification detects is what the pipeline names."""

from __future__ import annotations

import lingua

from newsprobe.languages import LANGUAGES, language_name


def test_codes_names_and_lingua_members_are_each_unique() -> None:
    for column in zip(*LANGUAGES, strict=True):
        assert len(set(column)) == len(LANGUAGES)


def test_every_language_is_one_lingua_knows_under_the_same_code() -> None:
    for language in LANGUAGES:
        member = getattr(lingua.Language, language.lingua)
        code = member.iso_code_639_1.name.lower()
        assert code == ("nb" if language.code == "no" else language.code)


def test_names_for_known_and_unknown_codes() -> None:
    assert language_name("de") == "German"
    assert language_name("no") == "Norwegian"
    assert language_name("xx") == "xx"
