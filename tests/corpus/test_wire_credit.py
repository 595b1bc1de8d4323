"""A wire story, a paper running it with a reporting credit, and a tabloid that cites the
wire for a figure the wire never gave (composed outlets and people)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import newsprobe
from newsprobe.corpus.credits import credits_in
from newsprobe.corpus.crosscheck import crosscheck, story_provenance
from newsprobe.corpus.provenance import voices
from newsprobe.corpus.view import ArticleView
from newsprobe.document import Analysis, Article

_DAY = datetime(2026, 2, 3, tzinfo=UTC)  # both outlets give the day only: no order by time
_STORY = (
    "Negotiators from Ordania and Ostrel ended two days of talks on the Halden pipeline "
    "tariff without an agreement on Tuesday, officials from both sides said. Ordania is "
    "seeking a 40 percent increase in the tariff, an Ostrelian official said."
)
WIRE = Article.create(
    headline="Talks on Halden gas tariff end without deal",
    body=f"CASTELMAR (Northwind Press) - {_STORY}",
    outlet="Northwind Press",
    published=_DAY,
    language="en",
)
PAPER = Article.create(
    headline="No deal in Halden gas tariff talks",
    body=f"{_STORY}\n\n(Reporting by Elin Sand for Northwind Press)",
    outlet="Valley Courier",
    published=_DAY,
    language="en",
)
TABLOID = Article.create(
    headline="Gas talks collapse: Ordania wants 50% more",
    body=(
        "Gas talks between Ordania and Ostrel have collapsed, Northwind Press reports, after "
        "Ordania demanded a 50 percent rise in what Ostrel pays."
    ),
    outlet="The Daily Gull",
    published=datetime(2026, 2, 4, tzinfo=UTC),
    language="en",
)


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    # The paper first: the order given must not decide who copies whom.
    return list(newsprobe.Pipeline().analyze_many([PAPER, WIRE, TABLOID]))


def test_a_reporting_credit_names_the_wire() -> None:
    found = [(c.outlet, c.kind) for c in credits_in(PAPER.text, known=set())]
    assert ("Northwind Press", "wire") in found


def test_the_paper_copies_the_wire_it_credits(analyses: list[Analysis]) -> None:
    graph = story_provenance(analyses)
    copies = [(e.source, e.to) for e in graph.edges if e.kind == "copies"]
    paper, wire, _ = analyses
    assert copies == [(paper.article.id, wire.article.id)]
    spoken = voices([ArticleView(a) for a in analyses], graph.edges)
    assert spoken[paper.article.id] == spoken[wire.article.id] == "Northwind Press"


def test_a_figure_cited_from_an_outlet_that_says_otherwise(analyses: list[Analysis]) -> None:
    check = crosscheck(analyses[-1], analyses)
    (percent,) = [f for f in check.figures if f.dimension == "percent"]
    cited = next(v for v in percent.values if v.text == "50 percent")
    assert cited.voice == "The Daily Gull"
    assert cited.note == "cited from Northwind Press, whose own report says 40 percent"
    assert percent.target_verdict == "contradiction"


def test_a_country_in_a_dateline_s_parenthesis_is_no_wire() -> None:
    # French and Spanish house style: "TESK (Kestrava) -" is Tesk, in Kestrava.
    local = newsprobe.analyze(
        Article.create(
            headline="Déraillement près de Tesk",
            body="TESK (Kestrava) - Quatorze personnes ont été tuées mardi près de Tesk.",
            outlet="L'Écho du Nord",
            published=_DAY,
            language="fr",
        )
    )
    agency = newsprobe.analyze(
        Article.create(
            headline="Train derails near Tesk",
            body="TESK (NPA) - Fourteen people were killed on Tuesday near Tesk.",
            outlet="Harbour Times",
            published=_DAY,
            language="en",
        )
    )
    edges = story_provenance([local, agency], story=1).edges
    assert [(e.source, e.kind, e.to_outlet) for e in edges] == [(agency.article.id, "wire", "NPA")]


_WIRE_STORY = (
    "Rescuers were drilling a supply shaft on Tuesday towards 11 miners trapped after a "
    "tunnel collapsed at the Dornak coal mine near Halvik, the regional emergency service "
    "said. The collapse happened shortly after 2 p.m. some 600 metres below the surface, "
    "where a crew of 40 was working at the coal face."
)
_EDITED = [
    (
        "Halvik Courier",
        "HALVIK (Eastport Wire) - "
        + _WIRE_STORY
        + " The Courier understands that families gathered at the gates through the "
        "night, and that the mine's owners will speak to them in the morning, before the "
        "regional governor arrives from Sennet with the labour minister.",
    ),
    (
        "Valley Post",
        "A local union leader said the eastern tunnels had been a worry for months and that "
        "members had raised it at every safety meeting this year, without an answer. "
        + _WIRE_STORY
        + "\n\nWith reporting by Eastport Wire",
    ),
]


def test_edited_reprints_copy_the_wire_and_not_each_other() -> None:
    articles = [
        Article.create(
            headline="Miners trapped at Dornak",
            body=_WIRE_STORY,
            outlet="Eastport Wire",
            published=datetime(2026, 11, 24, 15, tzinfo=UTC),
            language="en",
        ),
        *(
            Article.create(
                headline="Eleven trapped in Halvik mine",
                body=body,
                outlet=outlet,
                published=datetime(2026, 11, 24, 17 + i, tzinfo=UTC),
                language="en",
            )
            for i, (outlet, body) in enumerate(_EDITED)
        ),
    ]
    wire, *reprints = list(newsprobe.Pipeline().analyze_many(articles))
    edges = story_provenance([wire, *reprints]).edges
    for reprint in reprints:
        kinds = {
            e.kind for e in edges if e.source == reprint.article.id and e.to == wire.article.id
        }
        assert kinds == {"wire", "copies"}, kinds
    ids = {r.article.id for r in reprints}
    assert not [e for e in edges if e.source in ids and e.to in ids]
