"""`Corpus.add` stores a few articles per transaction: what that must not change.

A transaction of several articles must decide what one transaction per article decides
(duplicates within it, stories), a kill inside it must lose only its own articles, and
Ctrl-C must commit what was analysed. Each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsprobe.corpus import Corpus
from newsprobe.corpus import corpus as corpus_module
from newsprobe.corpus.story_indexer import StoryIndexer
from newsprobe.document import Analysis, Article
from newsprobe.evaluation.synthetic_corpus import compose, iter_composed, synthetic_analysis
from tests.paths import REPO

# Stores 20 composed analyses eight per transaction and kills itself (SIGKILL: no
# clean-up of any kind) while placing the 12th, inside the second transaction.
_KILLED_MIDWAY = """
import os, signal, sys
from newsprobe.corpus import Corpus
from newsprobe.corpus.story_indexer import StoryIndexer
from newsprobe.evaluation.synthetic_corpus import iter_composed, synthetic_analysis

class Killed(StoryIndexer):
    placed = 0
    def place(self, session, article_id, profile, analysis):
        Killed.placed += 1
        if Killed.placed == 12:
            os.kill(os.getpid(), signal.SIGKILL)
        super().place(session, article_id, profile, analysis)

analyses = [synthetic_analysis(i) for i in iter_composed(20, background=4, story_size=4)]
with Corpus(sys.argv[1]) as corpus:
    corpus.add(analyses, indexer=Killed(), commit_every=8, commit_seconds=None)
"""


def _analyses() -> list[Analysis]:
    return [synthetic_analysis(i) for i in iter_composed(20, background=4, story_size=4)]


def _stories(corpus: Corpus, analyses: list[Analysis]) -> list[frozenset[str]]:
    """The stories as sets of their articles (story ids are row numbers)."""
    members: dict[int | None, set[str]] = {}
    for analysis in analyses:
        article = corpus.article(analysis.article.id)
        members.setdefault(article.story_id, set()).add(article.id)
    assert None not in members, "every article is filed in a story"
    return sorted((frozenset(m) for m in members.values()), key=sorted)


def test_duplicates_within_one_transaction_are_found_as_across_two(db: str) -> None:
    from newsprobe.analyzers.pipeline import Pipeline

    body = "Ferry crews walked out on Monday after talks broke down, the union said."
    first = Article.create(
        headline="Ferry crews walk out", body=body, url="https://coast.example/a",
        outlet="Coastline", language="en",
    )  # fmt: skip
    moved = Article.create(
        headline="Ferry crews walk out", body=body + " Talks resume on Friday.",
        url="HTTPS://www.coast.example/a?utm_source=letter", outlet="Coastline", language="en",
    )  # fmt: skip
    mirror = Article.create(
        headline="Ferry crews walk out", body=body, url="https://m.coast.example/a",
        outlet="COASTLINE", language="en",
    )  # fmt: skip
    with Corpus(db) as corpus:
        outcomes = list(
            corpus.add_iter(
                [first, moved, mirror, first],
                pipeline=Pipeline(["quantities"], on_error="record"),
                indexer=StoryIndexer(),
                commit_every=8,
                commit_seconds=None,
            )
        )
        assert [o.status for o in outcomes] == ["added", "duplicate", "duplicate", "duplicate"]
        reasons = [o.duplicate.reason for o in outcomes[1:] if o.duplicate is not None]
        assert reasons == ["same_url", "same_text", "same_url"]
        assert {o.article_id for o in outcomes} == {first.id}
        assert corpus.count() == 1
        assert corpus.article("https://m.coast.example/a").id == first.id


def test_a_kill_inside_a_transaction_loses_only_it_and_the_rerun_completes(
    db: str, tmp_path: Path
) -> None:
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_MIDWAY, db], cwd=REPO, capture_output=True, text=True
    )
    assert killed.returncode == -9, killed.stderr
    analyses = _analyses()
    with Corpus(db) as corpus:
        assert corpus.count() == 8, "the first transaction is kept, the second lost whole"
        summary = corpus.add(analyses, indexer=StoryIndexer())
        assert summary.added == 12 and len(summary.duplicates) == 8
        assert corpus.count() == 20
        resumed = _stories(corpus, analyses)
    with Corpus(tmp_path / "one_by_one.db") as corpus:
        corpus.add(analyses, indexer=StoryIndexer(), commit_every=1)
        assert resumed == _stories(corpus, analyses)


def test_articles_of_one_transaction_are_filed_as_one_per_transaction_files_them(
    tmp_path: Path,
) -> None:
    analyses = [synthetic_analysis(i) for i in compose(24, background=6)]
    found = []
    for every in (1, 8):
        with Corpus(tmp_path / f"{every}.db") as corpus:
            corpus.add(analyses, indexer=StoryIndexer(), commit_every=every)
            found.append(_stories(corpus, analyses))
    assert found[0] == found[1]


def test_ctrl_c_commits_what_was_analysed_and_every_outcome_is_yielded(db: str) -> None:
    from newsprobe.analyzers.pipeline import Pipeline

    items = compose(10)
    pressed = [False]

    class Pressing(Pipeline):
        def analyze_many(self, articles: Iterable[Article]) -> Iterator[Analysis]:
            for number, analysis in enumerate(super().analyze_many(articles), 1):
                pressed[0] = number >= 3  # Ctrl-C once the third analysis is handed over
                yield analysis

    with Corpus(db) as corpus:
        outcomes = list(
            corpus.add_iter(
                [i.article for i in items],
                pipeline=Pressing(["quantities"], on_error="record"),
                stop=lambda: pressed[0],
            )
        )
        assert [o.status for o in outcomes] == ["added"] * 3
        assert corpus.count() == 3


def test_ctrl_c_stops_a_run_of_duplicates_too(db: str) -> None:
    analyses = [synthetic_analysis(i) for i in compose(6)]
    with Corpus(db) as corpus:
        corpus.add(analyses)
        asked = [0]

        def stop() -> bool:  # Ctrl-C after the second input
            asked[0] += 1
            return asked[0] > 2

        outcomes = list(corpus.add_iter([a.article for a in analyses], stop=stop))
    assert [o.status for o in outcomes] == ["duplicate", "duplicate"]


def test_a_transaction_takes_no_more_articles_once_its_time_is_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analyses = [synthetic_analysis(i) for i in compose(5)]
    write = corpus_module.transactions.write
    calls = [0]

    def counted(engine: Any, work: Callable[..., Any], **options: Any) -> Any:
        calls[0] += 1
        return write(engine, work, **options)

    monkeypatch.setattr(corpus_module.transactions, "write", counted)
    with Corpus(tmp_path / "c.db") as corpus:
        calls[0] = 0  # opening it wrote the schema
        summary = corpus.add(analyses, commit_every=8, commit_seconds=1e-9)
        assert summary.added == 5 and calls[0] == 5, "one article each, none left out"
    with Corpus(tmp_path / "d.db") as corpus:
        calls[0] = 0
        corpus.add(analyses, commit_every=8, commit_seconds=None)
        assert calls[0] == 1


@pytest.mark.parametrize("commit_seconds", [0.0, -1.0])
def test_a_time_limit_must_be_positive(tmp_path: Path, commit_seconds: float) -> None:
    with Corpus(tmp_path / "c.db") as corpus, pytest.raises(ValueError, match="positive"):
        corpus.add([], commit_seconds=commit_seconds)
