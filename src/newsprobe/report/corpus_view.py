"""The cross-check part of the HTML report, as plain values for the template.

It reads the cross-check through `newsprobe.assess.evidence` (the corpus's own result
object, passed as it is) and the provenance graph as the SVG the corpus lays out. The SVG
is embedded as a ``data:`` image: an image cannot run script whatever its markup holds,
and the page's Content-Security-Policy allows ``data:`` images and nothing else.
"""

from __future__ import annotations

import base64
from typing import Any

from newsprobe.assess.evidence import CrossCheckEvidence
from newsprobe.document import Analysis

__all__ = ["VERDICT_ICONS", "corpus_view", "svg_data_uri"]

#: Every verdict reads as an icon and words, never as a colour alone.
VERDICT_ICONS: dict[str, str] = {
    "consistent": "✔",
    "identical": "✔",
    "corroborated": "✔",
    "minor_discrepancy": "≈",
    "truncated": "✂",
    "minority": "⚠",
    "only_here": "?",
    "altered": "✖",
    "contradiction": "✖",
    "disputed": "✖",
}


def svg_data_uri(svg: str) -> str:
    """The SVG as a ``data:image/svg+xml;base64,...`` address."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def _readable(verdict: str) -> str:
    return verdict.replace("_", " ")


def corpus_view(
    analysis: Analysis, crosscheck: CrossCheckEvidence | None, provenance_svg: str | None
) -> dict[str, Any]:
    """What the template shows of a cross-check (all of it escaped by the template)."""
    text = analysis.article.text
    view: dict[str, Any] = {
        "title": crosscheck.title if crosscheck else None,
        "summary": "",
        "figures": [],
        "claims": [],
        "quotes": [],
        "edges": [],
        "graph": svg_data_uri(provenance_svg) if provenance_svg else None,
    }
    if crosscheck is None:
        view["summary"] = "The provenance graph of the story."
        return view
    outlets = ", ".join(crosscheck.outlets)
    view["summary"] = f"Compared with {crosscheck.article_count} articles of the same story" + (
        f" ({outlets})." if outlets else "."
    )
    view["figures"] = [
        {
            "about": figure.about,
            "consensus": figure.consensus,
            "rows": [
                {
                    "outlet": value.outlet,
                    "surface": value.surface,
                    "verdict": _readable(value.verdict),
                    "icon": VERDICT_ICONS.get(value.verdict, ""),
                    "this_article": value.this_article,
                }
                for value in figure.values
            ],
        }
        for figure in crosscheck.figures
    ]
    view["claims"] = [
        {
            "text": text[claim.span.start : claim.span.end],
            "verdict": _readable(claim.verdict),
            "icon": VERDICT_ICONS.get(claim.verdict, ""),
            "by": ", ".join(claim.by),
        }
        for claim in crosscheck.claims
    ]
    view["quotes"] = [
        {
            "speaker": quote.speaker or "unknown speaker",
            "here": text[quote.span.start : quote.span.end],
            "there": quote.reference,
            "outlet": quote.reference_outlet,
            "fidelity": _readable(quote.fidelity),
            "icon": VERDICT_ICONS.get(quote.fidelity, ""),
        }
        for quote in crosscheck.quotes
    ]
    view["edges"] = [
        {
            "source": edge.source,
            "target": edge.target,
            "kind": _readable(edge.kind),
            "evidence": edge.evidence,
        }
        for edge in crosscheck.provenance
    ]
    return view
