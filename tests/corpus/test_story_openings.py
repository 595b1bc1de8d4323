"""Two reports of one event that open on different angles still meet in one story.

Composed for these tests (invented port, people, outlets): a crane collapses on the
eastern quay of Port Emmerin. One paper opens on the warnings the harbour board ignored,
a freight paper on the shipping lines that reroute; both tell the collapse only in their
second paragraph, and share one name (Emmerin). A third article, about a library the
town council backs on the same day, is another story.
"""

from __future__ import annotations

import pytest

import newsprobe
from newsprobe.corpus import embedding
from newsprobe.corpus.profile import ArticleProfile, build_profiles
from newsprobe.corpus.stories import JOIN_SCORE, Candidate, assign_story, compare_profiles
from newsprobe.document import Article

_COLLAPSE = (
    "rail-mounted gantry crane on the eastern quay buckled under a container on Tuesday "
    "and fell across the deck of a cargo ship"
)

WARNINGS = Article.create(
    headline="Dockers warned for years about the cranes of Port Emmerin",
    body=(
        "Teodor Brask of the Quayside Workers' Union and the inspectors of Port Emmerin "
        "had raised the state of the harbour's oldest cranes with Marit Oyen, who chairs "
        "the harbour board, at four meetings since 2021, according to minutes seen by this "
        "newspaper. Each time the board promised a survey that never came.\n\n"
        "On Tuesday one of those cranes, a rail-mounted gantry on the eastern quay, buckled "
        "while lifting a container and fell across the deck of the cargo ship Morvane. Two "
        "crane operators were taken to hospital with fractures and the quay was closed to "
        "traffic. Firefighters worked for six hours to cut the boom free of the ship.\n\n"
        "Ms Oyen said an investigation into the collapse had begun."
    ),
    url="https://tidewater-courier.example/cranes",
)
REROUTING = Article.create(
    headline="Shipping lines reroute as Emmerin quay stays shut",
    body=(
        "Halvard Line, Corsa Freight and the Ostmark Shipping Company said they would send "
        "their vessels to Dunlow and Veyra for at least a week, and Ines Haldor of the "
        "Forwarders' Guild warned of delays for importers across the region.\n\n"
        f"The eastern quay at Emmerin has been closed since a {_COLLAPSE}. Two crane "
        "operators were hurt, and firefighters needed six hours to cut the boom free of the "
        "ship's deck. The harbour board has opened an investigation into the collapse."
    ),
    url="https://freight-ledger.example/emmerin",
)
TERMINAL = Article.create(
    headline="Port Emmerin council backs a new library",
    body=(
        "The town council of Port Emmerin voted on Tuesday to build a library and reading "
        "garden on the site of the old customs house, after two years of debate over its "
        "cost. Saskia Vell, who leads the council, said building would begin in spring.\n\n"
        "The library will lend books in four languages and hold the town's archive, now "
        "kept in a school basement. The Friends of the Customs House, who had asked for "
        "the building to be kept, said they would not appeal."
    ),
    url="https://tidewater-courier.example/library",
)


@pytest.fixture(scope="module")
def profiles() -> dict[str, ArticleProfile]:
    articles = {"warnings": WARNINGS, "rerouting": REROUTING, "terminal": TERMINAL}
    found = build_profiles([newsprobe.analyze(a) for a in articles.values()])
    return dict(zip(articles, found, strict=True))


def test_the_vector_reads_past_the_opening_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    """The freight paper's first 300 characters (the lead the vector read before) end
    before its collapse does; the vector's text (`embedding.LEAD_CHARS`) holds it."""
    assert _COLLAPSE in embedding.lead_text(REROUTING)
    monkeypatch.setattr(embedding, "LEAD_CHARS", 300)
    assert _COLLAPSE not in embedding.lead_text(REROUTING)


def test_reports_that_open_on_different_angles_join_one_story(
    profiles: dict[str, ArticleProfile],
) -> None:
    """One shared name of eight: the names alone cannot join them; the vectors of the
    first paragraphs and the collapse (cosine about 0.8, 0.5 for the first 300 characters
    alone) do."""
    evidence = compare_profiles(profiles["rerouting"], profiles["warnings"])
    assert evidence.shared_names == ("n:emmerin",)
    assert evidence.cosine > 0.7
    candidates = [Candidate(profile=profiles["warnings"], story="collapse")]
    assert assign_story(profiles["rerouting"], candidates).story == "collapse"


def test_another_event_in_the_same_port_stays_apart(
    profiles: dict[str, ArticleProfile],
) -> None:
    """The library vote shares the port and the day with the collapse, not the event."""
    candidates = [
        Candidate(profile=profiles["warnings"], story="collapse"),
        Candidate(profile=profiles["rerouting"], story="collapse"),
    ]
    decision = assign_story(profiles["terminal"], candidates)
    assert decision.story is None
    assert all(
        compare_profiles(profiles["terminal"], profiles[k]).score < JOIN_SCORE - 0.1
        for k in ("warnings", "rerouting")
    )
