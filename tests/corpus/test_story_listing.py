"""`corpus stories` in a terminal: one story per few lines, however long its title or
however many outlets covered it (the full list is `corpus story ID`)."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.coverage import Story
from newsprobe.report.corpus import render_stories

runner = CliRunner()


def test_a_long_title_and_many_outlets_are_shortened() -> None:
    outlets = [f"Harbour Outlet {n}" for n in range(1, 10)]
    title = (
        "Ferry operators and the port authority agreed on Tuesday to restore the night "
        "crossings to Tarrow Island after a six-week dispute over crew rest hours"
    )
    story = Story(
        id=7,
        title=title,
        first_published=datetime(2026, 3, 3, tzinfo=UTC),
        last_published=datetime(2026, 3, 5, tzinfo=UTC),
        outlets=outlets,
        article_count=12,
    )
    out = io.StringIO()
    render_stories([story], Console(file=out, width=100))
    shown = out.getvalue()
    assert "+5" in shown and "Harbour Outlet 9" not in shown and "1 story" in shown
    assert "…" in shown and "rest hours" not in shown
    assert "2026-03-03" in shown and "12" in shown


def test_a_story_of_headline_less_text_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    # Dumps and archives often hold body text only; a hash says nothing to a reader.
    body = (
        "Night ferries between Tarrow and Osk stopped on Monday after crews walked out over "
        "rest hours, the Harbour Union said. The port authority called the strike unlawful."
    )
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"url": "https://tarrowtimes.example/a", "text": body}) + "\n")
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["corpus", "add", str(dump), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["corpus", "stories", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    (story,) = json.loads(listed.output)
    assert story["title"].startswith("Night ferries between Tarrow and Osk stopped on Monday")
    assert story["title"].endswith("…") and "unlawful" not in story["title"]
    shown = runner.invoke(app, ["corpus", "stories", "--db", db]).output
    assert "Night ferries" in shown and "(none named)" in shown


def test_a_title_is_the_headline_else_the_first_sentence_else_the_id() -> None:
    from newsprobe.corpus.stories import story_title
    from newsprobe.document import Article

    with_headline = Article.create(headline="Ferry crews walk out", body="Crews walked out.")
    assert story_title(with_headline) == "Ferry crews walk out"
    short = Article.create(headline="", body="Crews walked out. The port was shut.")
    assert story_title(short) == "Crews walked out."
    assert (
        story_title(Article.create(headline="", body="   "))
        == Article.create(headline="", body="   ").id
    )
