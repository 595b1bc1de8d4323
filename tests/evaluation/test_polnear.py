"""The PolNeAR scorer on composed brat files: parsing, Dice matching, each figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.evaluation.polnear import (
    GoldAttribution,
    Predicted,
    Scores,
    default_root,
    dice,
    load_split,
    parse_ann,
    score_article,
)

TEXT = (
    "Dana Whitfield, chief market strategist at Harrow Capital, said the rally would fade. "
    "Polls show the mayor ahead."
)
# Offsets into TEXT, written out so the test reads like a brat file.
ANN = (
    "T1\tSource 0 57\tDana Whitfield, chief market strategist at Harrow Capital\n"
    "T2\tCue 59 63\tsaid\n"
    "T3\tContent 64 84\tthe rally would fade\n"
    "T4\tAttribution 59 63\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 86 91\tPolls\n"
    "T6\tCue 92 96\tshow\n"
    "T7\tContent 97 107;108 113\tthe mayor ahead\n"
    "T8\tAttribution 92 96\tshow\n"
    "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    "T9\tCue 0 4\tDana\n"
    "E3\tAttribution-no-source:T9 Cue:T9\n"
    "#1\tAnnotatorNotes T1\ta note\n"
    "a stray continuation line\n"
)


def test_brat_relations_become_attributions_with_discontiguous_parts() -> None:
    found = parse_ann(ANN)
    assert found[0] == GoldAttribution(((0, 57),), ((59, 63),), ((64, 84),))
    assert found[1].content == ((97, 107), (108, 113))
    assert found[2].source == () and found[2].content == ()
    assert TEXT[0:57].endswith("Harrow Capital") and TEXT[92:96] == "show"


def test_dice() -> None:
    assert dice(frozenset({1, 2}), frozenset({2, 3})) == 0.5
    assert dice(frozenset(), frozenset()) == 0.0


def _scores(predicted: list[Predicted]) -> Scores:
    scores = Scores()
    score_article(TEXT, parse_ann(ANN), predicted, scores)
    return scores


def test_a_name_alone_misses_a_long_description_and_the_whole_phrase_matches() -> None:
    name_only = _scores([Predicted(((0, 14),), ((59, 63),), ((64, 84),))])
    assert name_only.source.tp == 0 and name_only.relation.tp == 0
    whole = _scores([Predicted(((0, 57),), ((59, 63),), ((64, 85),))])
    figures = whole.figures()
    assert whole.source.tp == 1 and whole.source.fn == 1 and whole.relation.tp == 1
    assert figures["speech_verb_source_recall"] == 1.0
    content = figures["content_tokens"]
    assert isinstance(content, dict) and content["precision"] == 1.0


def test_content_tokens_ignore_punctuation_and_quotation_marks() -> None:
    scores = _scores([Predicted(None, None, ((63, 85),))])  # " the rally would fade."
    assert scores.content.tp == 4 and scores.content.fp == 0
    assert scores.relation.tp == 0 and scores.source.fp == 0


def test_a_sample_is_evenly_spaced_and_the_first_annotator_is_kept(tmp_path: Path) -> None:
    for n in range(5):
        (tmp_path / "dev" / "text").mkdir(parents=True, exist_ok=True)
        (tmp_path / "dev" / "attributions").mkdir(exist_ok=True)
        (tmp_path / "dev" / "text" / f"a{n}.txt").write_text(TEXT, encoding="utf-8")
        for annotator in ("bb", "aa"):
            path = tmp_path / "dev" / "attributions" / f"a{n}_{annotator}.ann"
            path.write_text(ANN if annotator == "aa" else "", encoding="utf-8")
    articles = load_split("dev", root=tmp_path, limit=2)
    assert [a.name for a in articles] == ["a0", "a2"]
    assert articles[0].annotator == "aa" and len(articles[0].attributions) == 3
    with pytest.raises(FileNotFoundError, match="no PolNeAR train split"):
        load_split("train", root=tmp_path)


def test_the_real_dev_split_loads_when_present() -> None:
    if not (default_root() / "dev").is_dir():
        pytest.skip("../shared/data/polnear not found")
    articles = load_split("dev", limit=3)
    assert len(articles) == 3 and all(a.attributions for a in articles)


def test_offsets_of_normalized_text_map_back_to_the_corpus_text() -> None:
    from newsprobe.evaluation.polnear import _OffsetMap, article_for

    original = "A head line \nThe  mayor\u00a0said\r\n\r\n\r\nthe na\u0308ive plan\u00ad s fails."
    item = type("Item", (), {"text": original})()
    normalized = article_for(item).text  # type: ignore[arg-type]
    assert normalized != original
    back = _OffsetMap(normalized, original)
    for word in ("mayor", "said", "plan", "fails", "head"):
        at = normalized.index(word)
        # An end may take a dropped character along: the scorer counts word tokens only.
        assert original[back(at) : back(at + len(word))].rstrip("\u00ad ") == word
    at = normalized.index("n\u00e4ive")
    assert original[back(at) : back(at + 5)] == "na\u0308ive"
