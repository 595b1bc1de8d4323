"""`corpus stories`, `story`, `crosscheck` and `provenance`, end to end through the CLI.

Three stories of the composed corpus's development part (`tests/gold/corpus/dev`) are
added with `newsprobe corpus add`, once per test session: the 2026 Varn summit, its
distractor (the same two leaders at Castelmar in 2024) and the palace fire a week later.
They hold wire copies, a duplicate under two URLs, an undated article, one without an
outlet, and articles in French, German and Italian. One summit article (the tabloid with
the contradicting figures and the altered quote) is kept out, to be cross-checked as a new
article. The expectations come from the gold file.
"""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprobe.cli import app
from newsprobe.corpus import Corpus
from newsprobe.evaluation.corpus import story_pairs
from tests.paths import REPO

DEV = REPO / "tests" / "gold" / "corpus" / "dev"
STORIES = ("varn-summit-2026", "castelmar-summit-2024", "lakeside-palace-fire")
HELD = "d-summit-10"  # The Daily Blaze: "45 minutes", "1.5 billion marks", an altered quote

# Adding the stories parses about twenty articles (some 20 s): slow, but run by CI.
pytestmark = pytest.mark.slow

runner = CliRunner()


def _gold() -> dict[str, Any]:
    return dict(json.loads((DEV / "gold.json").read_text(encoding="utf-8")))


def _records() -> dict[str, dict[str, Any]]:
    wanted = {a for s in _gold()["stories"] if s["id"] in STORIES for a in s["articles"]}
    records = {}
    for line in (DEV / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in wanted:
            records[record["id"]] = record
    return records


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run(*args: str) -> Any:
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="session")
def added(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A corpus holding the three stories but `HELD`; the held article's file."""
    if not (DEV / "articles.jsonl").is_file():
        pytest.skip("the composed corpus's dev part is not in this checkout")
    folder = tmp_path_factory.mktemp("crosscheck")
    records = _records()
    source = _write(folder / "stories.jsonl", [r for k, r in records.items() if k != HELD])
    held = _write(folder / "held.jsonl", [records[HELD]])
    db = str(folder / "corpus.db")
    result = run("corpus", "add", source, "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    yield db, held


def _url_ids(db: str) -> dict[str, str]:
    """Gold article id -> stored article id (a duplicate maps to the stored original)."""
    found = {}
    with Corpus(db) as corpus:
        for key, record in _records().items():
            if key != HELD:
                found[key] = corpus.article(record["url"]).id
    return found


def _json(result: Any) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stories_match_the_gold_grouping(added: tuple[str, Path]) -> None:
    db, _ = added
    listed = _json(run("corpus", "stories", "--db", db, "--format", "json"))
    assert len(listed) == 3
    ids = _url_ids(db)
    with Corpus(db) as corpus:
        story_of = {key: corpus.article(stored).story_id for key, stored in ids.items()}
    groups: dict[int | None, list[str]] = {}
    for key, story in story_of.items():
        groups.setdefault(story, []).append(key)
    gold = [
        [a for a in s["articles"] if a != HELD] for s in _gold()["stories"] if s["id"] in STORIES
    ]
    assert story_pairs(groups.values()) == story_pairs(gold)
    by_id = {s["id"]: s for s in listed}
    summit = by_id[story_of["d-summit-01"]]
    assert summit["article_count"] == len(set(ids[k] for k in gold[0]))
    assert summit["first_published"].startswith("2026-11-10")
    assert "Coastline Wire" in summit["outlets"]


def test_stories_filters_by_date(added: tuple[str, Path]) -> None:
    db, _ = added
    listed = _json(
        run("corpus", "stories", "--db", db, "--since", "2026-01-01", "--format", "json")
    )
    assert len(listed) == 2  # the 2024 Castelmar talks are left out
    text = run("corpus", "stories", "--db", db, "--until", "2024-12-31")
    assert text.exit_code == 0
    assert "Castelmar" in text.stdout and "Lakeside" not in text.stdout


def test_story_lists_its_articles(added: tuple[str, Path]) -> None:
    db, _ = added
    ids = _url_ids(db)
    with Corpus(db) as corpus:
        story_id = corpus.article(ids["d-summit-12"]).story_id
    story = _json(run("corpus", "story", str(story_id), "--db", db, "--format", "json"))
    articles = {a["id"]: a for a in story["articles"]}
    german = articles[ids["d-summit-12"]]  # undated, in German
    assert german["language"] == "de" and german["published"] is None
    assert articles[ids["d-summit-13"]]["outlet"] is None
    assert set(articles[ids["d-summit-01"]]) >= {"id", "url", "outlet", "published", "language"}
    text = run("corpus", "story", str(story_id), "--db", db)
    assert text.exit_code == 0
    assert "1 undated" in text.stdout and "without an outlet" in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("story", "999"), "there is no story 999"),
        (("story", "pipeline"), "is not a story id"),
        (("provenance", "999"), "there is no story 999"),
        (("crosscheck", "0123456789abcdef"), "no stored article has the id or URL"),
    ],
)
def test_unknown_ids_are_one_line_and_exit_1(
    added: tuple[str, Path], args: tuple[str, ...], message: str
) -> None:
    db, _ = added
    result = run("corpus", *args, "--db", db)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]


def test_crosscheck_of_a_stored_article_by_url_reads_the_store(added: tuple[str, Path]) -> None:
    db, _ = added
    url = _records()["d-summit-09"]["url"]  # The Serevo Post: "next month" for "next week"
    check = _json(run("corpus", "crosscheck", url, "--db", db, "--format", "json"))
    assert check["stored"] is True
    assert check["target"]["id"] == _url_ids(db)["d-summit-09"]
    altered = [q for q in check["quotes"] if q["fidelity"] == "altered"]
    assert any(
        {"reference": "week", "version": "month"} | {"op": "replace"} in q["changes"]
        for q in altered
    )


def test_crosscheck_of_a_new_article_gives_the_gold_verdicts_and_stores_nothing(
    added: tuple[str, Path],
) -> None:
    db, held = added
    with Corpus(db) as corpus:
        before = corpus.count()
    check = _json(run("corpus", "crosscheck", held, "--db", db, "--format", "json"))
    with Corpus(db) as corpus:
        assert corpus.count() == before
    assert check["stored"] is False
    assert check["story"]["title"].startswith("Ostrel and Ordania agree")
    gold = {
        v["surface"]: (v["verdict"], f["consensus"])
        for f in _gold()["figures"]
        for v in f["values"]
        if v["article"] == HELD
    }
    mine = {
        v["text"]: (v["verdict"], f["consensus"]["value"] if f["consensus"] else None)
        for f in check["figures"]
        for v in f["values"]
        if v["article"] == check["target"]["id"]
    }
    assert mine["45 minutes"] == gold["45 minutes"] == ("contradiction", 60)
    door = next(q for q in check["quotes"] if "door" in q["text"])
    assert door["fidelity"] == "altered"
    assert any(s["answers"] for s in check["speculation"])
    text = run("corpus", "crosscheck", held, "--db", db)
    assert text.exit_code == 0
    assert "contradiction" in text.stdout and "altered" in text.stdout


def test_provenance_has_the_gold_wire_edge_as_json_dot_and_svg(
    added: tuple[str, Path], tmp_path: Path
) -> None:
    db, _ = added
    ids = _url_ids(db)
    with Corpus(db) as corpus:
        story = corpus.article(ids["d-summit-02"]).story_id
    graph = _json(run("corpus", "provenance", str(story), "--db", db, "--format", "json"))
    edges = {(e["from"], e["kind"], e["to"]) for e in graph["edges"]}
    shown = [(e["from"], e["kind"], e["to"], e["evidence"]["start"]) for e in graph["edges"]]
    assert len(shown) == len(set(shown))  # "the Herald" / "the Meridian Herald": one edge
    gold = [e for e in _gold()["provenance"] if e["kind"] == "wire" and e["story"] == STORIES[0]]
    assert gold
    for edge in gold:
        assert (ids[edge["from"]], "wire", ids[edge["to"]]) in edges
    dot = run("corpus", "provenance", str(story), "--db", db, "--format", "dot")
    assert dot.exit_code == 0
    assert dot.stdout.startswith("digraph") and dot.stdout.rstrip().endswith("}")
    assert dot.stdout.count("{") == dot.stdout.count("}")
    out = tmp_path / "graph.svg"
    svg = run("corpus", "provenance", str(story), "--db", db, "--format", "svg", "--out", out)
    assert svg.exit_code == 0 and svg.stdout == ""
    root = ElementTree.parse(out).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = run("corpus", "provenance", str(story), "--db", db)
    assert "wire" in text.stdout and "Coastline Wire" in text.stdout


def test_crosscheck_add_stores_the_article_in_its_story(
    added: tuple[str, Path], tmp_path: Path
) -> None:
    db, held = added
    # A copy of the corpus, so that the other tests keep seeing the held article as new.
    copy = tmp_path / "copy.db"
    with sqlite3.connect(db) as original, sqlite3.connect(copy) as target:
        original.backup(target)
    check = _json(run("corpus", "crosscheck", held, "--db", copy, "--add", "--format", "json"))
    assert check["stored"] is True
    with Corpus(copy) as corpus:
        stored = corpus.article(check["target"]["id"])
        assert stored.story_id == check["story"]["id"]
    again = _json(run("corpus", "crosscheck", held, "--db", copy, "--add", "--format", "json"))
    assert any("nothing was added" in n for n in again["notices"])


def test_the_same_commands_work_on_postgresql(request: pytest.FixtureRequest) -> None:
    """Two stories (ten articles) added to a real PostgreSQL server, listed, cross-checked."""
    if not (DEV / "articles.jsonl").is_file():
        pytest.skip("the composed corpus's dev part is not in this checkout")
    server = request.getfixturevalue("postgres")  # skips, with the reason, without one
    db = server.create_database("crosscheck_cli")
    records = _records()
    gold = [s for s in _gold()["stories"] if s["id"] in STORIES[1:]]
    keys = [a for s in gold for a in s["articles"]]
    folder = request.getfixturevalue("tmp_path")
    source = _write(folder / "two.jsonl", [records[k] for k in keys])
    assert run("corpus", "add", source, "--db", db).exit_code == 0
    listed = _json(run("corpus", "stories", "--db", db, "--format", "json"))
    assert sorted(s["article_count"] for s in listed) == sorted(len(s["articles"]) for s in gold)
    with Corpus(db) as corpus:
        groups: dict[int | None, list[str]] = {}
        for key in keys:
            groups.setdefault(corpus.article(records[key]["url"]).story_id, []).append(key)
    assert story_pairs(groups.values()) == story_pairs(s["articles"] for s in gold)
    fire = next(story for story, members in groups.items() if "d-fire-06" in members)
    check = _json(
        run("corpus", "crosscheck", records["d-fire-06"]["url"], "--db", db, "--format", "json")
    )
    assert check["stored"] is True and check["story"]["id"] == fire
    graph = _json(run("corpus", "provenance", str(fire), "--db", db, "--format", "json"))
    cited = {e["to_outlet"] for e in graph["edges"] if e["kind"] == "cites"}
    assert {"KBC News", "Coastline Wire"} <= cited


@pytest.mark.parametrize("fmt", ["text", "svg"])
def test_provenance_to_a_file_that_cannot_be_written_is_one_line(
    added: tuple[str, Path], tmp_path: Path, fmt: str
) -> None:
    db, _ = added
    out = tmp_path / "missing" / "graph.out"
    result = run("corpus", "provenance", "1", "--db", db, "--format", fmt, "--out", out)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"newsprobe: error: {out}: cannot write: No such file or directory"
    ]
