"""Another event's figures, lined up with that event's own stored coverage.

A story about a blast in Ostrand recalls the lorry crash in Velmora three days before.
When the corpus holds the Velmora story, its articles are the witnesses of the crash's
toll: an Ostrand article that says "injured eight" is measured against everyone who reported
the crash, and the aligned figure names the Velmora story.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import cache

import pytest
from rich.console import Console

import newsprobe
from newsprobe.corpus import Corpus
from newsprobe.corpus.checking import crosscheck_new, crosscheck_stored
from newsprobe.corpus.crosscheck import crosscheck
from newsprobe.corpus.story_indexer import StoryIndexer
from newsprobe.coverage import AlignedFigure, CrossCheck
from newsprobe.document import Analysis, Article
from newsprobe.report.corpus import render_crosscheck

MONDAY = datetime(2026, 3, 9, 10, tzinfo=UTC)

CRASH = {
    "Velmora Courier": (
        "Lorry kills five at Velmora bus shelter",
        "A lorry ploughed into a bus shelter in Velmora on Monday morning, killing five "
        "people and injuring 11, police said. The driver was arrested at the scene.",
    ),
    "Eastmark Radio": (
        "Five dead as lorry hits Velmora bus stop",
        "Five people were killed and 11 injured when a lorry hit a crowded bus shelter in "
        "Velmora on Monday, police said. Witnesses said the lorry did not brake.",
    ),
}

BLAST = {
    "Harbourline News": (
        "Gas blast destroys Ostrand bakery",
        "A gas explosion destroyed a bakery in Ostrand on Thursday, killing two workers, the "
        "fire service said. Ninety homes nearby were evacuated.\n\nThe blast came three days "
        "after a lorry killed five people and injured 11 in Velmora.",
    ),
    "Coastline Wire": (
        "Bakery explosion in Ostrand kills two",
        "Two workers died when gas exploded at a bakery in Ostrand on Thursday, the fire "
        "service said. About 90 homes were evacuated.\n\nOn Monday, a lorry killed five "
        "people and injured eight at a bus shelter in Velmora.",
    ),
    "Northgate Ledger": (
        "Ostrand bakery blast: two dead",
        "An explosion at a bakery in Ostrand killed two workers on Thursday. Firefighters "
        "said 90 homes were evacuated while engineers checked the gas mains.",
    ),
}


def _analyses(articles: dict[str, tuple[str, str]], start: datetime) -> list[Analysis]:
    return [
        newsprobe.analyze(
            Article.create(
                headline=headline,
                body=body,
                outlet=outlet,
                published=start + timedelta(hours=hour),
                url=f"https://{outlet.lower().replace(' ', '-')}.example/{start:%Y%m%d}/{hour}",
                language="en",
            )
        )
        for hour, (outlet, (headline, body)) in enumerate(articles.items())
    ]


@cache
def _crash() -> tuple[Analysis, ...]:
    return tuple(_analyses(CRASH, MONDAY))


@cache
def _blast() -> tuple[Analysis, ...]:
    return tuple(_analyses(BLAST, MONDAY + timedelta(days=3)))


def _recalled(check: CrossCheck, dimension: str = "casualties") -> list[AlignedFigure]:
    return [f for f in check.figures if f.dimension == dimension and f.event != "main"]


def _injured(figures: Sequence[AlignedFigure]) -> AlignedFigure:
    (injured,) = [f for f in figures if any(v.text in ("11", "eight") for v in f.values)]
    return injured


def test_a_recalled_events_figures_line_up_with_that_events_own_story() -> None:
    blast, crash = list(_blast()), list(_crash())
    check = crosscheck(blast[1], blast, others={"velmora": crash})
    injured = _injured(_recalled(check))
    assert injured.event_story == "velmora"
    crash_ids = {a.article.id for a in crash}
    assert crash_ids <= {v.article for v in injured.values}, "the crash's own reports count"
    assert injured.consensus is not None and injured.consensus.value == 11
    assert injured.target_verdict == "contradiction"  # "injured eight" against everyone's 11
    # The story's own toll stays its own: the blast's two dead, not the crash's five.
    main_dead = [f for f in check.figures if f.dimension == "casualties" and f.event == "main"]
    assert all(v.article not in crash_ids for f in main_dead for v in f.values)


def test_a_story_that_came_later_or_only_passes_through_the_place_is_not_the_event() -> None:
    blast, crash = list(_blast()), list(_crash())
    later = _analyses(CRASH, MONDAY + timedelta(days=10))
    check = crosscheck(blast[1], blast, others={"later": later})
    assert all(f.event_story is None for f in check.figures)
    # The story's own articles still line up what they recall among themselves.
    injured = _injured(_recalled(check))
    assert {v.text for v in injured.values} == {"11", "eight"}
    passing = _analyses(
        {
            "Velmora Courier": (
                "Council approves new bus lanes",
                "The regional council approved new bus lanes for Eastmark on Monday. "
                "Councillors said 40 stops would be rebuilt, including two in Velmora.",
            )
        },
        MONDAY,
    )
    check = crosscheck(blast[1], blast, others={"bus lanes": passing, "velmora": crash})
    assert {f.event_story for f in _recalled(check)} == {"velmora"}


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "new"])
def test_the_store_finds_the_recalled_events_story(db: str, stored: bool) -> None:
    blast, crash = list(_blast()), list(_crash())
    with Corpus(db) as corpus:
        added = list(corpus.add_iter([*crash, *blast[:1], *blast[2:]], indexer=StoryIndexer()))
        story_of = {o.article_id: corpus.article(o.article_id).story_id for o in added}
        crash_story = {story_of[a.article.id] for a in crash}
        assert len(crash_story) == 1 and crash_story != {story_of[blast[0].article.id]}
        if stored:
            corpus.add_iter([blast[1]], indexer=StoryIndexer()).__next__()
            check = crosscheck_stored(corpus, blast[1].article.id)
        else:
            check = crosscheck_new(corpus, blast[1])
    injured = _injured(_recalled(check))
    assert injured.event_story in crash_story
    assert injured.target_verdict == "contradiction"


def test_the_report_names_the_other_events_story() -> None:
    blast, crash = list(_blast()), list(_crash())
    check = crosscheck(blast[1], blast, others={7: crash})
    out = io.StringIO()
    render_crosscheck(check, Console(file=out, width=140))
    assert "(story 7) is lined up too" in out.getvalue()
    assert "Velmora Courier" in out.getvalue()


def test_one_recalled_event_is_one_figure_however_each_article_dates_it() -> None:
    # One article dates the earlier blast by its month (its clause does not name the
    # place), another recalls it "months after", a third in French: one aligned figure.
    from newsprobe.corpus.alignment import align_figures
    from newsprobe.corpus.profile import event_day
    from newsprobe.corpus.view import ArticleView

    texts = {
        "Velmora Courier": (
            "Two miners were killed when a tunnel collapsed at the Dornak mine near Halvik "
            "on Tuesday. In March a gas explosion at the Brask pit, 30 kilometres to the "
            "east, killed nine miners."
        ),
        "Eastmark Radio": (
            "Two miners died in a tunnel collapse at the Dornak mine near Halvik on Tuesday. "
            "It comes just months after a blast at the Brask pit killed ten miners."
        ),
        "Harbourline News": (
            "A tunnel collapse at the Dornak mine near Halvik killed two miners on Tuesday. "
            "The disaster comes eight months after a gas explosion at the Brask pit killed "
            "nine miners."
        ),
    }
    start = datetime(2026, 11, 24, 10, tzinfo=UTC)
    views = [
        ArticleView(a)
        for a in _analyses(
            {outlet: ("Mine collapse at Dornak", body) for outlet, body in texts.items()}, start
        )
    ]
    days = {v.id: event_day(v.analysis) for v in views}
    figures = align_figures(views, voices={v.id: v.voice_name for v in views}, event_days=days)
    recalled = [f for f in figures if f.event != "main" and f.dimension == "casualties"]
    assert [sorted(v.text for v in f.values) for f in recalled] == [["nine", "nine", "ten"]]
    (blast,) = recalled
    assert blast.consensus is not None and blast.consensus.value == 9
    main = [f for f in figures if f.event == "main" and f.dimension == "casualties"]
    assert all(v.text.lower() == "two" for f in main for v in f.values)


def test_a_recalled_toll_months_on_is_settled_not_a_newer_count() -> None:
    blast = _analyses(
        {
            "Velmora Courier": (
                "Nine killed in Brask pit blast",
                "Nine miners were killed in a gas explosion at the Brask pit on Wednesday, "
                "the operator said.",
            ),
            "Eastmark Radio": (
                "Brask pit explosion kills nine",
                "A gas explosion at the Brask pit killed nine miners on Wednesday night.",
            ),
        },
        datetime(2026, 3, 12, 9, tzinfo=UTC),
    )
    collapse = _analyses(
        {
            "Harbourline News": (
                "Two dead in Dornak mine collapse",
                "Two miners were killed when a tunnel collapsed at the Dornak mine on Tuesday. "
                "The disaster comes eight months after a gas explosion at the Brask pit "
                "killed nine miners.",
            ),
            "Daily Clamour": (
                "DEATH PIT: two dead at Dornak",
                "Two men died in the horror collapse at the Dornak mine on Tuesday. It comes "
                "just months after a blast at the Brask pit killed ten miners.",
            ),
        },
        datetime(2026, 11, 24, 9, tzinfo=UTC),
    )
    check = crosscheck(collapse[1], collapse, others={"brask": blast})
    (toll,) = _recalled(check)
    assert toll.event_story == "brask"
    assert toll.consensus is not None and toll.consensus.value == 9
    assert toll.target_verdict == "minor_discrepancy"  # ten, against nine
