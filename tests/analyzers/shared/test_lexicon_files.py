"""Lexicon files: found by family and name, read as written, each with its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.analyzers.shared.lexicon_files import (
    lexicon_lines,
    load_mapping,
    load_table,
    load_words,
    tagged,
)
from tests.paths import REPO

ANALYZERS = REPO / "src" / "newsprobe" / "analyzers"
SHIPPED = sorted(ANALYZERS.glob("*/lexicons/*.txt"))


def _name(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.stem}"


def test_there_are_lexicons_to_check() -> None:
    assert len(SHIPPED) >= 10


@pytest.mark.parametrize("path", SHIPPED, ids=_name)
def test_every_lexicon_opens_with_a_header_saying_what_it_is(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines[:2] if line.startswith("#")]
    assert header, f"{path.name} must open with '#' lines saying what it is and where from"
    assert any(entry for entry, _ in lexicon_lines(_name(path))), f"{path.name} is empty"


@pytest.mark.parametrize("path", SHIPPED, ids=_name)
def test_no_entry_is_listed_twice(path: Path) -> None:
    entries = [entry for entry, _ in lexicon_lines(_name(path)) if entry]
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, f"{path.name} lists {duplicates} more than once"


def test_tables_split_columns_and_keep_short_rows() -> None:
    rows = load_table("shared/speech_verbs")
    say = next(row for row in rows if row[0] == "say")
    assert "saying" in say[1].split() and "said" in say[2].split()
    assert any(len(row) == 2 for row in rows)  # no irregular forms: the column is left off


def test_comments_are_not_entries() -> None:
    assert not any("#" in word for word in load_words("shared/speech_verbs"))


def test_an_unknown_lexicon_lists_the_family_s_lexicons() -> None:
    with pytest.raises(FileNotFoundError, match="shared/speech_verbs"):
        load_words("shared/no_such_list")
    with pytest.raises(FileNotFoundError, match="names are 'family/name'"):
        load_words("no_family")


def test_words_are_taken_exactly_as_written() -> None:
    assert "would-be" in load_words("events/unreal_modifiers")  # the hyphen is kept
    assert "o’clock" in load_words("quantities/clock_words")  # so is the curly apostrophe
    assert "September" in load_words("quantities/months")  # and the capital
    assert "september" not in load_words("quantities/months")


def test_mappings_keep_file_order_and_are_the_caller_s_own() -> None:
    verbs = load_mapping("events/trigger_verbs")
    assert next(iter(verbs.items())) == ("meet", "meeting")
    verbs["meet"] = "changed"
    assert load_mapping("events/trigger_verbs")["meet"] == "meeting"


def test_a_row_of_a_mapping_needs_two_columns() -> None:
    with pytest.raises(ValueError, match="needs two columns"):
        load_mapping("entities/alias_groups")  # rows of three and more columns


def test_tagged_entries_are_selected_by_use() -> None:
    headline = tagged("shared/acronyms", "headline")
    body = tagged("shared/acronyms", "body")
    assert "AUKUS" in headline and "AUKUS" not in body
    assert "NATO" in headline and "NATO" in body
    assert tagged("shared/acronyms", "headline", "body") == headline | body
    with pytest.raises(KeyError, match="its uses"):
        tagged("shared/acronyms", "footer")
