"""Overlapping and nested highlights, emoji and characters outside the BMP.

Browsers count UTF-16 units, Python counts code points; the report slices the text on the
server, so a highlight after "👩‍👩‍👧" or "𝕏" must still cover exactly its words. Each test
rebuilds the article from the rendered page and each highlight from the elements that
carry its finding id.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsprobe.document import Analysis, Article
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    FindingBase,
    HedgeFinding,
    QuoteFinding,
    SensationalFinding,
)
from newsprobe.report.highlight import mark, paragraphs, segments
from newsprobe.report.html import render_html
from tests.report.conftest import at, build
from tests.report.page import Element, highlighted_text, parse

HEADLINE = "Mayor 😤 SLAMS 𝕏 critics over 🇺🇦 aid"
BODY = (
    'Mayor Ines Carvalho 👩‍👩‍👧 said the aid was "a disgrace that may never end" and '
    'that 𝕏 posts were "shocking". Officials said the plan could change.\n\n'
    '"It is a 🚢 disaster," Carvalho said, "and we may lose the ferry." The council '
    "will vote on Tuesday."
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    article = Article.create(headline=HEADLINE, body=BODY, language="en")
    quote_1 = at(article, "a disgrace that may never end")
    claim = at(article, 'the aid was "a disgrace that may never end" and that 𝕏 posts')
    findings: list[tuple[type[FindingBase], str, dict[str, Any]]] = [
        (
            SensationalFinding,
            "sensational-1",
            {"span": at(article, "SLAMS"), "category": "all_caps"},
        ),
        (
            SensationalFinding,
            "sensational-2",
            {"span": at(article, "disgrace"), "category": "loaded_term", "quoted": True},
        ),
        (
            SensationalFinding,
            "sensational-3",
            {"span": at(article, "shocking"), "category": "loaded_term", "quoted": True},
        ),
        (
            QuoteFinding,
            "quote-1",
            {
                "span": quote_1,
                "parts": [quote_1],
                "speaker": "Ines Carvalho",
                "speaker_span": at(article, "Ines Carvalho"),
            },
        ),
        (
            QuoteFinding,
            "quote-2",
            {
                "span": at(
                    article, '"It is a 🚢 disaster," Carvalho said, "and we may lose the ferry."'
                ),
                "parts": [
                    at(article, "It is a 🚢 disaster,"),
                    at(article, "and we may lose the ferry."),
                ],
                "speaker": "Ines Carvalho",
                "speaker_span": at(article, "Carvalho", 1),
            },
        ),
        (
            HedgeFinding,
            "hedge-1",
            {"span": at(article, "may"), "hedge_type": "modal", "speaker": "Ines Carvalho"},
        ),
        (HedgeFinding, "hedge-2", {"span": at(article, "could"), "hedge_type": "modal"}),
        (HedgeFinding, "hedge-3", {"span": at(article, "may", 1), "hedge_type": "modal"}),
        # A claim that starts before a quote and ends after it, crossing its boundary.
        (ClaimFinding, "claim-1", {"span": claim, "checkworthiness": 0.91}),
        # Two findings of different kinds on exactly the same words.
        (
            AttributionFinding,
            "attribution-1",
            {
                "span": at(article, "Officials said the plan could change."),
                "source": "Officials",
                "source_span": at(article, "Officials"),
                "source_type": "anonymous",
            },
        ),
        (
            ClaimFinding,
            "claim-2",
            {"span": at(article, "Officials said the plan could change."), "checkworthiness": 0.55},
        ),
        # A claim spanning two paragraphs.
        (
            ClaimFinding,
            "claim-3",
            {"span": at(article, 'change.\n\n"It is a 🚢'), "checkworthiness": 0.7},
        ),
    ]
    return build(article, findings)


@pytest.fixture(scope="module")
def page(analysis: Analysis) -> Element:
    return parse(render_html(analysis))


def test_segments_cover_the_text_exactly_once() -> None:
    text = "ab😤cd𝕏ef"
    marks = [mark(1, 6, "claim-high", "c"), mark(2, 4, "quote", "q"), mark(3, 8, "hedge", "h")]
    found = segments(text, 0, len(text), marks)
    assert "".join(s.text for s in found) == text
    assert [(s.start, s.end) for s in found] == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 6), (6, 8)]
    inner = next(s for s in found if s.start == 3)
    assert [m.finding for m in inner.marks] == ["c", "q", "h"]  # claim outside quote outside hedge
    assert sum(1 for s in found for a in s.opens if a.startswith("m-q-")) == 1


def test_paragraphs_skip_blank_lines() -> None:
    text = "Head\n\nOne.\n\nTwo."
    assert [text[a:b] for a, b in paragraphs(text, 6, len(text))] == ["One.", "Two."]


def test_rendered_text_is_the_article_text(analysis: Analysis, page: Element) -> None:
    text_blocks = [
        b
        for b in page.find_all("h3") + page.find_all("p")
        if b.parent and "np-text" in b.parent.classes
    ]
    rendered = "\n\n".join(b.text() for b in text_blocks)
    assert rendered == analysis.article.text


@pytest.mark.parametrize(
    ("finding", "kind"),
    [
        ("sensational-1", "loaded"),
        ("sensational-2", "loaded-quoted"),
        ("quote-1", "quote"),
        ("quote-1", "speaker"),
        ("quote-2", "quote"),
        ("hedge-1", "hedge"),
        ("hedge-3", "hedge"),
        ("claim-1", "claim-high"),
        ("claim-2", "claim-low"),
        ("attribution-1", "source-unnamed"),
        ("claim-3", "claim-mid"),
    ],
)
def test_each_highlight_covers_exactly_its_words(
    analysis: Analysis, page: Element, finding: str, kind: str
) -> None:
    found = next(f for f in analysis.findings if f.id == finding)
    if kind == "speaker":
        spans = [found.speaker_span]  # type: ignore[attr-defined]
    elif kind.startswith("source"):
        spans = [found.source_span]  # type: ignore[attr-defined]
    elif kind == "quote":
        spans = found.parts  # type: ignore[attr-defined]
    else:
        spans = [found.span]
    expected = [
        piece
        for span in spans
        for piece in analysis.article.text[span.start : span.end].split("\n")
        if piece
    ]
    assert "".join(highlighted_text(page, finding, kind)) == "".join(expected)


def test_every_highlight_opens_once_and_ids_are_unique(page: Element) -> None:
    ids = [e.attrs["id"] for e in page.iter() if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    focusable = [e for e in page.find_all(cls="m") if e.attrs.get("tabindex") == "0"]
    # One keyboard stop per highlight: a claim cut into many segments is one stop.
    claim_stops = [e for e in focusable if e.attrs["data-f"] == "claim-1"]
    assert len(claim_stops) == 1
    assert all(e.attrs.get("title") for e in page.find_all(cls="m"))


def test_claims_carry_their_score_as_a_label_not_only_a_colour(page: Element) -> None:
    stop = next(e for e in page.find_all(cls="m") if e.attrs.get("id") == "m-claim-1-claim-high")
    tags = stop.find_all(cls="tag")
    assert [t.text(skip_class="none") for t in tags] == ["0.91"]
