"""The one lexicon of verbs of saying, and the lists each analyzer draws from it."""

from __future__ import annotations

import re

import pytest

from newsprobe.analyzers.shared.lexicon_files import lexicon_lines, load_table
from newsprobe.analyzers.shared.speech_verbs import CUE_FORMS, REPORTING_VERBS, verbs_for
from newsprobe.nlp.parse import load_english

_TABLE = "shared/speech_verbs"


def _documented_uses() -> set[str]:
    """The uses the file's header explains (lines like ``#   saying   a verb of ...``)."""
    return {
        match.group(1)
        for entry, comment in lexicon_lines(_TABLE)
        if not entry and (match := re.match(r"([a-z_]+)\s{2,}\S", comment))
    }


def test_every_use_in_the_table_is_explained_in_its_header() -> None:
    used = {tag.partition("=")[0] for _, tags, *_ in load_table(_TABLE) for tag in tags.split()}
    assert used
    assert used <= _documented_uses()


def test_each_row_names_a_lemma_and_at_least_one_use() -> None:
    lemmas = [row[0] for row in load_table(_TABLE)]
    assert len(lemmas) == len(set(lemmas)), "a verb is listed twice"
    for row in load_table(_TABLE):
        assert re.fullmatch(r"[a-z]+", row[0]), row
        assert len(row) >= 2 and row[1].split(), row


def test_quote_cues_and_reporting_verbs_share_the_verbs_of_saying() -> None:
    assert CUE_FORMS["said"] == CUE_FORMS["says"] == "say"
    assert CUE_FORMS["whispered"] == "whisper"  # framing: quotes only
    assert "whisper" not in REPORTING_VERBS
    assert "reveal" in REPORTING_VERBS  # attributing: attribution only
    assert "revealed" not in CUE_FORMS


def test_irregular_forms_replace_the_rule_made_ones() -> None:
    assert CUE_FORMS["told"] == "tell" and CUE_FORMS["written"] == "write"
    assert "sayed" not in CUE_FORMS and "telled" not in CUE_FORMS
    assert "putting" not in CUE_FORMS  # "putting" is never a cue: only "put it" is
    assert CUE_FORMS["according"] == "according to"


def test_each_analyzer_gets_its_own_subset() -> None:
    assert {"speak", "talk", "tell"} <= verbs_for("takes_recipient")
    assert "speak" not in REPORTING_VERBS
    assert verbs_for("in_statement") == verbs_for("event_speech") | {"announce"}
    # names_person lists forms compared with a lemma: only say and tell as lemmas.
    assert {"say", "said", "tell", "added"} <= verbs_for("names_person")
    assert "add" not in verbs_for("names_person")


def test_an_unknown_use_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="takes_recipient"):
        verbs_for("no_such_use")


@pytest.mark.parametrize(
    ("sentence", "word", "is_cue"),
    [
        ("Mara Ostrova said the bridge would reopen.", "said", True),
        ("The claim was denied by the ministry.", "claim", False),
        ("The mayor claims the budget is balanced.", "claims", True),
        ("According to the Harbour Gazette, the ferry sank.", "According", True),
    ],
)
def test_speech_cues_are_verbs_not_their_nouns(sentence: str, word: str, is_cue: bool) -> None:
    from newsprobe.analyzers.shared.speech_verbs import is_speech_cue

    doc = load_english()(sentence)
    token = next(t for t in doc if t.text == word)
    assert is_speech_cue(token) is is_cue
