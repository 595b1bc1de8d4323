"""Attribution on patterns read in real copy (FNC-1 bodies 1100-1124), with invented names.

Outlets cited without a clause of reported speech, outlets named by a common noun beside
their name, cue words that attribute nothing, and source phrases that ran on.
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding, SourcingFinding
from tests.conftest import make_article


def _found(text: str) -> list[AttributionFinding]:
    analysis = Pipeline(["attribution"]).analyze(make_article(text, headline="Harbour news"))
    return [f for f in analysis.findings if isinstance(f, AttributionFinding)]


def _sources(text: str) -> list[tuple[str | None, str]]:
    return [(f.source, f.source_type) for f in _found(text)]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Per The Daily Lantern, the mayor of Orvik resigned on Friday.", "The Daily Lantern"),
        ("The mayor of Orvik resigned on Friday, via Coastline Wire.", "Coastline Wire"),
        ("The Harbour Courier first reported the resignation on Friday.", "Harbour Courier"),
        ("The mayor resigned, as the Harbour Courier first reported.", "Harbour Courier"),
        ("The story was first reported by the Harbour Courier.", "Harbour Courier"),
        ("Brenna Osk said in an interview with Coastline Wire that she would run.", "Coastline"),
        ("A ferry worker wrote to the Valemont Times to say the hull was cracked.", "Valemont"),
        ("Halvard Rune told the FT in March that the bank would expand.", "FT"),
        ("Here is what the NYT said about the strike on Tuesday.", "NYT"),
        ("The pier collapsed at dawn, the Orvik Citizen reported.", "Orvik Citizen"),
        ("According to Beacon online, the pier collapsed at dawn.", "Beacon online"),
        (
            "Al-Qamar, a pro-government Veltran newspaper, reported that the port had closed.",
            "Al-Qamar",
        ),
        (
            "According to Dutch website Fietsnet, the new bicycle will cost 900 euros.",
            "Fietsnet",
        ),
        ("Kestrel's Zorn news site reported at the time that the deal had collapsed.", "Zorn"),
    ],
)
def test_outlets_cited_without_a_clause_or_by_description(sentence: str, outlet: str) -> None:
    found = _sources(sentence)
    assert any(kind == "outlet" and outlet in (name or "") for name, kind in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orvik Phone reveal back in September was big on excitement.",
        "The truce announced on October 17 followed a month of talks.",
        "That would explain how the ferry sank so fast.",
        "That is what many locals call the beast of the Teren marshes.",
        "Prices rose 4 per cent, via a new tariff on fuel.",
        "Photos of the flood were shared via Twitter by residents.",
        "A review of the harbour's finances reported a loss of 2 million kroner.",
    ],
)
def test_words_that_attribute_nothing(sentence: str) -> None:
    assert _found(sentence) == [], _sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ('"It held," said long-time friend Anneke Dorn in Vassberg.', "Anneke Dorn"),
        (
            "Ferry managers in Orvik in the province of Lund say the season starts in May.",
            "Ferry managers in Orvik",
        ),
        (
            "Tove Brand, a blogger with 40,000 followers on Twitter, notes that the pier is shut.",
            "Tove Brand",
        ),
        (
            "The ceasefire talks lasted a month, said Hallam Voss, an aide to President Ilse Varn.",
            "Hallam Voss",
        ),
    ],
)
def test_source_names_end_where_the_name_does(sentence: str, source: str) -> None:
    text = make_article(sentence, headline="Harbour news").text
    spans = [text[f.name_span.start : f.name_span.end] for f in _found(sentence) if f.name_span]
    assert source in spans, spans


def test_an_outlet_as_first_source_makes_a_retelling() -> None:
    body = (
        "A video of a large animal in the Teren marshes has spread online. Key details are "
        "missing. The footage is grainy but striking. According to Beacon online, hikers "
        "filmed it near Orvik last week. The hikers said they saw tracks in the mud. Local "
        "rangers have not seen the animal. Several villages lie near the marsh. The marsh "
        "covers forty square kilometres. Its paths close in winter. Visitors are asked to "
        "stay on the boardwalks."
    )
    analysis = Pipeline(["attribution", "sourcing"]).analyze(make_article(body, headline="X"))
    (sourcing,) = analysis.of_kind("sourcing")
    assert isinstance(sourcing, SourcingFinding)
    assert sourcing.verdict == "retelling", sourcing.note


def test_a_paper_and_its_website_are_one_outlet() -> None:
    body = (
        "A ferry ran aground off Orvik on Monday, the Harbour Star reported. The crew were "
        "rescued by a fishing boat, the Valemont Mirror reports. The Harbour Star online, "
        "which first reported the story, claims its reporters saw the hull. The port "
        "reopened on Tuesday. Divers checked the channel for fuel."
    )
    analysis = Pipeline(["attribution", "sourcing"]).analyze(make_article(body, headline="X"))
    (sourcing,) = analysis.of_kind("sourcing")
    assert isinstance(sourcing, SourcingFinding)
    assert len(sourcing.outlets) == 2, sourcing.outlets


def test_a_news_agency_is_an_outlet() -> None:
    found = _sources("The canal flooded, according to Veltran News Agency KESTA.")
    assert any(kind == "outlet" and "KESTA" in (name or "") for name, kind in found), found
