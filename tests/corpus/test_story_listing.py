"""`corpus stories` in a terminal: one story per few lines, however long its title or
however many outlets covered it (the full list is `corpus story ID`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from rich.console import Console

from newsprobe.coverage import Story
from newsprobe.report.corpus import render_stories


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
