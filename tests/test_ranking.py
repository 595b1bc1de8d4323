"""`newsprobe.rank` and `newsprobe rank`: every sentence scored, most check-worthy first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsprobe
from newsprobe.analyzers.claims.claims import ClaimsAnalyzer
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import ClaimFinding
from tests.conftest import make_article

TEXT = (
    "The Port of Tessel will raise its mooring fees by 12 percent from March 1, the harbour "
    "board said on Tuesday. Nice weather today. What do you think? The board expects the "
    "rise to bring in 2.4 million euros a year. Some fishermen may leave."
)
runner = CliRunner()


def test_every_sentence_is_ranked_and_only_claims_are_checkworthy() -> None:
    ranked = newsprobe.rank(make_article(TEXT, headline="Harbour fees to rise 12 percent"))
    assert [r.rank for r in ranked] == list(range(1, 7))
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    by_text = {r.text: r for r in ranked}
    assert by_text["What do you think?"].score < 0.3
    assert not by_text["Nice weather today."].checkworthy
    assert by_text["The board expects the rise to bring in 2.4 million euros a year."].checkworthy
    assert all(ranked[0].score >= r.score for r in ranked)


def test_ranking_agrees_with_the_claims_an_analysis_reports() -> None:
    article = make_article(TEXT)
    analysis = Pipeline(
        ["entities", "quantities", "hedging", "quotes", "attribution", "claims"]
    ).analyze(article)
    claims = {(f.span.start, f.span.end) for f in analysis.findings if isinstance(f, ClaimFinding)}
    ranked = newsprobe.rank(article)
    assert {(r.span.start, r.span.end) for r in ranked if r.checkworthy} == claims
    for r in ranked:
        assert article.text[r.span.start : r.span.end] == r.text


def test_top_keeps_the_first_n_and_rejects_a_negative_n() -> None:
    article = make_article(TEXT)
    assert [r.text for r in newsprobe.rank(article, top=2)] == [
        r.text for r in newsprobe.rank(article)[:2]
    ]
    with pytest.raises(ValueError, match="top must be 0 or more"):
        newsprobe.rank(article, top=-1)


def test_an_ordinary_analysis_still_reports_only_checkworthy_sentences() -> None:
    assert ClaimsAnalyzer().every_sentence is False
    full = ClaimsAnalyzer(every_sentence=True)
    assert full.threshold == 0.0


def test_rank_command_text_and_json(tmp_path: Path) -> None:
    path = tmp_path / "fees.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    from newsprobe.cli import app

    result = runner.invoke(app, ["rank", str(path), "--top", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["rank"] for row in rows] == [1, 2, 3]
    assert rows[0]["score"] >= rows[1]["score"] >= rows[2]["score"]
    assert {"start", "end", "text", "checkworthy", "note"} <= set(rows[0])
    result = runner.invoke(app, ["rank", str(path)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 5
    assert result.stdout.splitlines()[0].lstrip().startswith("1 ")


def test_rank_command_reports_a_missing_file_in_one_line(tmp_path: Path) -> None:
    from newsprobe.cli import app

    result = runner.invoke(app, ["rank", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 1
    assert "newsprobe: error:" in result.output
    assert "Traceback" not in result.output
