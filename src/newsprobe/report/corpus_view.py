"""The cross-check part of the HTML report, as plain values for the template.

It reads the cross-check through `newsprobe.assess.evidence` (the corpus's own result
object, passed as it is) and the provenance graph as the SVG the corpus lays out
(``newsprobe.report.provenance_graph.to_svg`` on the corpus branch). The SVG is embedded as
a ``data:`` image: an image cannot run script whatever its markup holds, and the page's
Content-Security-Policy allows ``data:`` images and nothing else.
"""

from __future__ import annotations

import base64
from typing import Any

from newsprobe.assess.evidence import CrossCheckEvidence, consensus_text, coverage_of, outlet_of

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


def _readable(verdict: str | None) -> str:
    return (verdict or "no consensus").replace("_", " ")


def _name(crosscheck: CrossCheckEvidence, article: str | None, outlet: str | None) -> str:
    return outlet or outlet_of(crosscheck, article) or "(an article with no outlet)"


def corpus_view(
    crosscheck: CrossCheckEvidence | None, provenance_svg: str | None
) -> dict[str, Any]:
    """What the template shows of a cross-check (all of it escaped by the template)."""
    view: dict[str, Any] = {
        "title": None,
        "summary": "The provenance graph of the story.",
        "notices": [],
        "figures": [],
        "claims": [],
        "quotes": [],
        "edges": [],
        "graph": svg_data_uri(provenance_svg) if provenance_svg else None,
    }
    if crosscheck is None:
        return view
    target = crosscheck.target.id
    articles, outlets = coverage_of(crosscheck)
    named = f" ({', '.join(outlets)})." if outlets else "."
    if crosscheck.story is not None:
        view["title"] = crosscheck.story.title
        view["summary"] = f"Compared with the {articles} articles of its story{named}"
    else:
        view["summary"] = f"Compared with {articles - 1} other articles of its story{named}"
    view["notices"] = list(crosscheck.notices)
    view["figures"] = [
        {
            "about": figure.description,
            "consensus": consensus_text(figure),
            "rows": [
                {
                    "outlet": _name(crosscheck, value.article, value.outlet),
                    "surface": value.text,
                    "verdict": _readable(value.verdict),
                    "icon": VERDICT_ICONS.get(value.verdict or "", ""),
                    "this_article": value.article == target,
                }
                for value in figure.values
            ],
        }
        for figure in crosscheck.figures
    ]
    view["claims"] = [
        {
            "text": claim.text,
            "verdict": _readable(claim.verdict),
            "icon": VERDICT_ICONS.get(claim.verdict, ""),
            "by": ", ".join(
                dict.fromkeys(
                    _name(crosscheck, e.article, e.outlet)
                    for e in (*claim.corroborated_by, *claim.disputed_by)
                )
            ),
        }
        for claim in crosscheck.claims
    ]
    view["quotes"] = [
        {
            "speaker": quote.speaker,
            "here": quote.text,
            "there": quote.reference.text if quote.reference else None,
            "outlet": (
                _name(crosscheck, quote.reference.article, quote.reference.outlet)
                if quote.reference
                else None
            ),
            "fidelity": _readable(quote.fidelity),
            "icon": VERDICT_ICONS.get(quote.fidelity, ""),
        }
        for quote in crosscheck.quotes
    ]
    view["edges"] = [
        {
            "source": _name(crosscheck, edge.source, None),
            "target": edge.to_outlet or _name(crosscheck, edge.to, None),
            "kind": _readable(edge.kind),
            "evidence": edge.evidence_text,
        }
        for edge in crosscheck.provenance
    ]
    return view
