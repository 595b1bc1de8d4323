"""Provenance edges (citations, wire credits, copies, shared passages) and their drawings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from newsprobe.corpus.credits import credits_in, looks_like_outlet
from newsprobe.corpus.crosscheck import story_provenance
from newsprobe.corpus.provenance import voices
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import ProvenanceEdge
from newsprobe.report.provenance_graph import layout, to_dot, to_svg
from tests.corpus.coverage_set import key_of, story


def _edges() -> set[tuple[str, str, str | None, str | None]]:
    graph = story_provenance(story("ferry"), story="ferry")
    return {
        (key_of(e.source), e.kind, key_of(e.to) if e.to else None, e.to_outlet) for e in graph.edges
    }


def test_ferry_story_edges() -> None:
    assert _edges() == {
        ("a2", "wire", "a1", "Northgate Wire"),  # the dateline credit "(Northgate Wire)"
        ("a2", "copies", "a1", "Northgate Wire"),  # and a near-copy of its report
        ("a4", "cites", "a1", "Northgate Wire"),  # "According to Northgate Wire"
        ("a8", "cites", "a1", "Northgate Wire"),  # "..., Northgate Wire reports"
    }


def test_evidence_spans_point_into_the_citing_article() -> None:
    graph = story_provenance(story("ferry"))
    texts = {a.article.id: a.article.text for a in story("ferry")}
    for edge in graph.edges:
        assert texts[edge.source][edge.evidence.start : edge.evidence.end] == edge.evidence_text
    cite = next(e for e in graph.edges if key_of(e.source) == "a4")
    assert cite.evidence_text == "According to Northgate Wire"


def test_a_cited_outlet_without_articles_is_a_node() -> None:
    graph = story_provenance(story("ferry")[2:4])  # a3 and a4: the wire report is not stored
    outlets = [n for n in graph.nodes if n.article is None]
    assert [n.label for n in outlets] == ["Northgate Wire"]
    (edge,) = graph.edges
    assert edge.to is None and edge.to_outlet == "Northgate Wire" and edge.kind == "cites"


def test_wire_copies_speak_with_one_voice() -> None:
    views = [ArticleView(a) for a in story("ferry")]
    graph = story_provenance(story("ferry"))
    found = {key_of(k): v for k, v in voices(views, graph.edges).items()}
    assert found["a1"] == found["a2"] == "Northgate Wire"
    assert len(set(found.values())) == 6


def test_credits_in_other_languages() -> None:
    known = {"courrier du nord"}
    found = [
        (c.outlet, c.kind)
        for c in credits_in(
            "Selon l'agence Coastline Wire, les talks ont duré une heure.", known=known
        )
    ]
    assert found == [("Coastline Wire", "cites")]
    assert [c.outlet for c in credits_in("(avec AFP)", known=set())] == ["AFP"]
    assert [c.kind for c in credits_in("mit Material von Reuters.", known=set())] == ["wire"]
    assert [c.outlet for c in credits_in("selon la présidence", known=set())] == []
    assert looks_like_outlet("Il Faro") and not looks_like_outlet("Ordanian presidency")


def test_dot_and_svg_need_no_binary() -> None:
    graph = story_provenance(story("ferry"), story="ferry")
    dot = to_dot(graph)
    assert dot.startswith('digraph "provenance ferry"') and "->" in dot
    svg = to_svg(graph)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag.endswith("svg")
    assert svg.count("<line") >= len(graph.edges)
    coords = layout(graph)
    source = next(e for e in graph.edges if e.kind == "copies")
    assert coords[source.source][0] > coords[source.to or ""][0]  # copies sit right of sources


def test_edges_serialize_with_from_and_to() -> None:
    edge = story_provenance(story("ferry")).edges[0]
    data = edge.model_dump(mode="json")
    assert {"from", "to", "kind", "evidence"} <= set(data)
    assert ProvenanceEdge.model_validate(data) == edge


def test_outlets_whose_names_differ_by_a_number_are_two_voices() -> None:
    from datetime import UTC, datetime

    import newsprobe
    from newsprobe.corpus.view import outlet_key
    from newsprobe.document import Article

    assert outlet_key("The Channel 4 News") == "channel 4 news"
    views = [
        ArticleView(
            newsprobe.analyze(
                Article.create(
                    headline="Ferry strike ends",
                    body=f"The ferry strike in Port Aster ended on Monday, {outlet} reports.",
                    outlet=outlet,
                    published=datetime(2026, 3, 14, 9, tzinfo=UTC),
                )
            )
        )
        for outlet in ("Channel 4", "Channel 5")
    ]
    assert len(set(voices(views, []).values())) == 2


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("In an interview with Channel 9, the mayor said islanders were furious.", "Channel 9"),
        (
            "Speaking to the Kestrel Herald, the mayor said islanders were furious.",
            "Kestrel Herald",
        ),
        ("The mayor was quoted by the Kestrel Herald as saying that.", "Kestrel Herald"),
        ("The mayor told Radio Tarrow that islanders were furious.", "Radio Tarrow"),
        (
            "Islanders are furious, the mayor wrote in an op-ed for the Kestrel Herald.",
            "Kestrel Herald",
        ),
        ("The mayor said so in remarks broadcast by Channel 9.", "Channel 9"),
        ("The Kestrel Herald was the first to report the suspension.", "Kestrel Herald"),
        ("The suspension was confirmed to the Kestrel Herald by the operator.", "Kestrel Herald"),
        ("Documents seen by the Kestrel Herald show the cracks were known.", "Kestrel Herald"),
    ],
)
def test_an_outlet_a_source_spoke_to_or_whose_material_is_cited(sentence: str, outlet: str) -> None:
    (credit,) = credits_in(sentence, known=set())
    assert credit.kind == "cites"
    assert credit.outlet.lower().removeprefix("the ") == outlet.lower()


def test_an_outlet_name_ends_with_its_sentence_and_its_line() -> None:
    text = '"Ports end up as marinas," she told the Post.\n\nThe North Quay terminal opens in 2028.'
    assert [c.outlet for c in credits_in(text, known=set())] == ["the Post"]
    assert [c.outlet for c in credits_in("He told Tom Reyes it was over.", known=set())] == []


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "Associated Press writer Ana Vell in Tarrow contributed to this report.",
            "Associated Press",
        ),
        ("Reuters contributed to this report.", "Reuters"),
        ("This story was produced by Northgate Wire.", "Northgate Wire"),
        ("Written by Tom Reyes for Northgate Wire.", "Northgate Wire"),
        ("Information from the Kestrel Herald was used in this report.", "Kestrel Herald"),
        ("The ferry resumed on Monday.\n\n— AFP", "AFP"),
    ],
)
def test_wire_credits(text: str, outlet: str) -> None:
    (credit,) = credits_in(text, known=set())
    assert credit.kind == "wire" and credit.outlet.removeprefix("the ") == outlet


def test_a_credit_closing_a_paragraph_is_a_caption_not_a_wire() -> None:
    text = "Rescuers search the hull. (AFP)\n\nThe ferry resumed on Monday. — AFP\n\nMore later."
    assert list(credits_in(text, known=set())) == []


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("CBC News", "CBC News reported that the gunman was dead.", "CBC News"),
        # A caption run into the next paragraph: the name ends at its line.
        (
            "Picture from the Twitter account of Harbour TV\nPrime Minister Ana Ruiz",
            "",
            None,
        ),
        ("RT @harbourdesk", "RT @harbourdesk: shots heard near the library", None),
        ("Palace Press Secretary Ilo Varn", "Palace Press Secretary Ilo Varn said", None),
        ("TV", "Local TV reported more shots.", None),
        # The outlet a person speaks for, an outlet after its kind, and no one's outlet.
        ("Harbour Press writer Ana Vell", "", "Harbour Press"),
        ("Harbour TV's Ilo Varn", "", "Harbour TV"),
        ("Kestravan newspaper El Faro", "", "El Faro"),
        ("a KBC viewer", "", None),
        # A person whose surname is an outlet word: who follows a person, not an outlet.
        ("Jordan Press", "The walkout goes ahead, said Jordan Press, who speaks for it.", None),
        ("Jordan Press", "Jordan Press, a spokesman for the union, said so.", None),
        ("Harbour Press", "The Harbour Press, a daily paper, reported it first.", "Harbour Press"),
        # "Mail" cut from the whole name: read whole again from the words before it.
        (
            "Mail",
            "Shots rang out, The Tarrow Globe and Mail reported.",
            "The Tarrow Globe and Mail",
        ),
    ],
)
def test_what_a_cited_outlet_is_named(name: str, text: str, named: str | None) -> None:
    from newsprobe.corpus.cited_names import cited_name

    at = text.find(name.split()[0]) if text else 0
    assert cited_name(name, text, at) == named


def test_one_outlet_spelled_many_ways_is_one_node() -> None:
    from newsprobe.corpus.cited_names import display_names, node_key

    spellings = [
        "the Harbour Press",
        "The Harbour Press",
        "Harbour Press",
        "the Harbour Press news agency",
        "The Harbour Press Thursday",
        "Kestrava's Harbour Press",
    ]
    assert len({node_key(s) for s in spellings}) == 1
    assert set(display_names(spellings).values()) == {"Harbour Press"}
    assert node_key("the AP") == node_key("The Associated Press")
    assert node_key("Channel 4") != node_key("Channel 5")
    assert node_key("Daily Mail") != node_key("Mail on Sunday")


def test_a_story_citing_one_outlet_in_three_spellings_draws_one_node() -> None:
    import newsprobe
    from newsprobe.document import Article

    bodies = {
        "Tarrow Times": "Shots were fired at the memorial, CBC News reported.",
        "Osk Daily": "Shots were fired at the memorial on Wednesday, according to the CBC.",
        "Valley Courier": "Police closed the memorial after shots were fired, CBC reported.",
    }
    analyses = [
        newsprobe.analyze(Article.create(headline="Shots at memorial", body=b, outlet=o))
        for o, b in bodies.items()
    ]
    graph = story_provenance(analyses)
    cited = [n.label for n in graph.nodes if n.article is None]
    assert cited == ["CBC"] or cited == ["CBC News"]
    assert len([e for e in graph.edges if e.kind == "cites"]) == 3


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Drei Beamte wurden verletzt, berichtete die Nachrichtenagentur NPA.", "NPA"),
        ("Drei Beamte wurden verletzt, wie die Nachrichtenagentur NPA unter Berufung auf "
         "das Innenministerium meldete.", "NPA"),
        ("Dix-sept morts, a rapporté mardi la radio publique TRN.", "TRN"),
        ("Secondo l'emittente pubblica TRN, il traghetto era sovraccarico.", "TRN"),
        ("Tres policías resultaron heridos, según la agencia NPA.", "NPA"),
        ("The ferry was overloaded, according to state broadcaster TRN.", "TRN"),
        ("The Northgate agency reported that two guards died.", "The Northgate"),
    ],
)  # fmt: skip
def test_an_outlet_named_with_its_kind_is_cited(text: str, outlet: str) -> None:
    assert [c.outlet for c in credits_in(text, known=set())] == [outlet]


def test_initials_a_kind_and_a_dropped_daily_name_the_stored_outlet() -> None:
    import newsprobe
    from newsprobe.corpus.cited_names import same_outlet
    from newsprobe.document import Article

    assert same_outlet("NPA", "Northgate Press Agency")
    assert same_outlet("The Northgate", "Northgate Press Agency")
    assert same_outlet("the Essendor Ledger", "Essendor Daily Ledger")
    assert not same_outlet("Harbour Times", "Harbour Post")
    wire = Article.create(
        headline="Ferry sinks off Tessaly",
        body="TESSALY, Talrenia (NPA) - A ferry sank off Tessaly on Monday, police said.",
        outlet="Northgate Press Agency",
    )
    paper = Article.create(
        headline="Fähre vor Tessaly gesunken",
        body="Eine Fähre ist am Montag vor Tessaly gesunken, berichtete die "
        "Nachrichtenagentur NPA.",
        outlet="Morgenblatt",
        language="de",
    )
    broadcaster = Article.create(
        headline="Ferry sinks",
        body="A ferry sank off Tessaly on Monday, state broadcaster TRN reported.",
        outlet="TRN News",
    )
    analyses = [newsprobe.analyze(a) for a in (wire, paper, broadcaster)]
    edges = story_provenance(analyses).edges
    ids = {a.article.outlet: a.article.id for a in analyses}
    found = {(e.source, e.kind, e.to) for e in edges}
    # The wire's own dateline cites nobody; the German paper cites the stored wire story;
    # the broadcaster naming itself is its own reporting.
    assert found == {(ids["Morgenblatt"], "cites", ids["Northgate Press Agency"])}
