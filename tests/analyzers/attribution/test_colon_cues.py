"""`colon_cues`: a label and a colon at the start of a line (composed text)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution.colon_cues import colon_cues
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article


def _labels(text: str) -> list[str]:
    return [c.label for c in colon_cues(text, None)]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Mara Kerr: The Levy Will Pass by Spring", "Mara Kerr"),  # a headline
        ("HOLLAND: We never saw the memo.", "HOLLAND"),  # a transcript turn
        ("Rep. Ilse Varn (D-Ore.): The port needs dredging.", "Rep. Ilse Varn (D-Ore.)"),
        ("Harbour Courier Fact-Check: The Fares Did Rise", "Harbour Courier Fact-Check"),
        ("Unions' new warning: strikes could spread", "Unions' new warning"),
    ],
)
def test_each_kind_of_label_is_read(line: str, label: str) -> None:
    assert _labels(line) == [label]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Photo: Jane Roe/Harbour Agency", "not_furniture"),
        ("Update: the vote was moved to Friday.", "not_furniture"),
        ("Related: Five things to know about the levy", "not_furniture"),
        ("The plan in short: nothing changes.", "name_like"),
        ("In the end the council met again and the mayor said this: no.", "short_label"),
        ("At 10:30 the ferry left.", "(no label)"),
        ("Editor’s note: The levy story was corrected on Monday.", "not_furniture"),
        ("Q: When did you learn of it?", "not_furniture"),
        ("Contributing: Ilse Varn", "MIN_CONTENT_WORDS"),
        ("Kerr: 547", "MIN_CONTENT_WORDS"),
    ],
)
def test_what_is_no_source(line: str, rule: str) -> None:
    assert _labels(line) == [], rule


def test_the_content_is_the_rest_of_the_line() -> None:
    text = "Mara Kerr: The Levy Will Pass\n\nThe council met on Monday."
    (cue,) = colon_cues(text, None)
    assert text[cue.source[0] : cue.source[1]] == "Mara Kerr"
    assert text[cue.colon[0] : cue.colon[1]] == ":"
    assert text[cue.content[0] : cue.content[1]] == "The Levy Will Pass"


def test_a_dateline_is_no_source() -> None:
    (finding,) = [
        f
        for f in Pipeline(["attribution"])
        .analyze(
            make_article(
                "Mara Kerr: The Levy Will Pass\n\nParis: The council of Port Ailey met on "
                "Monday and voted the levy through."
            )
        )
        .findings
        if isinstance(f, AttributionFinding)
    ]
    assert finding.source == "Mara Kerr"
    assert finding.cue == ":"
    assert finding.content_span is not None


def test_a_transcript_turn_is_an_attribution_of_its_speaker() -> None:
    text = (
        "The council heard the harbour master on Monday.\n\n"
        "VELKO: The dredging has to start before the autumn storms, or the pier goes."
    )
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(make_article(text))
    found = [f for f in analysis.findings if isinstance(f, AttributionFinding) and f.cue == ":"]
    assert len(found) == 1
    body = analysis.article.text
    (finding,) = found
    assert finding.source_span is not None and finding.content_span is not None
    assert body[finding.source_span.start : finding.source_span.end] == "VELKO"
    assert body[finding.content_span.start : finding.content_span.end].startswith("The dredging")
