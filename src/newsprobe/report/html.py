"""The HTML report: one self-contained file, no external requests, works offline.

    >>> page = render_html(analysis)                       # one article, a whole page
    >>> write_html(analyses, out)                          # many, streamed into one page

The assessment comes first (rating, arithmetic, criteria with what to check), then the
article with its findings highlighted (`newsprobe.report.highlight`), a legend, details on
hover (``title``) and on click or keyboard focus (a small inline script copies the
details already in the page into a side panel), the list of findings, and, with a
cross-check, the other coverage: aligned figures, claims, quotes and who retells whom.

Safety: Jinja2 autoescapes every value, so article text (``<script>``, ``onerror=``,
``javascript:`` links) renders as text. A Content-Security-Policy meta tag allows no
source at all except the page's own style and script, by their SHA-256 hashes, and
``data:`` images (the provenance graph, embedded as an image so SVG markup can run
nothing). Several articles share one page, each in its own ``<article>``, ids prefixed.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import IO, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from newsprobe._version import __version__
from newsprobe.assess.evidence import CrossCheckEvidence
from newsprobe.assessment import Assessment, Criterion
from newsprobe.document import Analysis
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    EngagementBaitFinding,
    FindingBase,
    HedgeFinding,
    QuoteFinding,
    ScareQuoteFinding,
    SensationalFinding,
)
from newsprobe.report.corpus_view import corpus_view
from newsprobe.report.highlight import Mark, kinds_present, marks_of, paragraphs, segments
from newsprobe.report.labels import published_label

__all__ = ["OUTCOME_LABELS", "content_security_policy", "render_html", "write_html"]

#: How each outcome reads: an icon and a word, so it is never told by colour alone.
OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "pass": ("✔", "pass"),
    "warn": ("⚠", "warn"),
    "fail": ("✖", "fail"),
    "not_applicable": ("–", "n/a"),
}
# Findings listed under the article, by group, in reading order.
_GROUPS: tuple[tuple[str, tuple[type[FindingBase], ...]], ...] = (
    ("Checkable claims, most check-worthy first", (ClaimFinding,)),
    ("Quotes and speakers", (QuoteFinding,)),
    ("Sources", (AttributionFinding,)),
    ("Speculation and hedging", (HedgeFinding,)),
    ("Loaded wording", (SensationalFinding, ScareQuoteFinding)),
    ("Questions and calls to the reader", (EngagementBaitFinding,)),
)
_EXCERPT = 160  # characters of a finding's text shown in the findings list
_EVIDENCE = 6  # excerpts shown per criterion


@dataclass(frozen=True, slots=True)
class _Assets:
    css: str
    js: str
    csp: str


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """The page's policy: nothing but its own style and script (by hash) and data: images."""
    return (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@cache
def _assets() -> _Assets:
    folder = resources.files("newsprobe.report").joinpath("templates")
    css = folder.joinpath("report.css").read_text("utf-8")
    js = folder.joinpath("report.js").read_text("utf-8")
    return _Assets(css=css, js=js, csp=content_security_policy(css, js))


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsprobe.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _excerpt(text: str, limit: int = _EXCERPT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _quoted(text: str) -> str:
    """In quotation marks, unless the text already opens with one (a quote finding)."""
    return text if text[:1] in "\"“‘'«" else f"“{text}”"


def _extra(finding: FindingBase) -> list[str]:
    """The fields of a finding a reader wants beside its note."""
    if isinstance(finding, ClaimFinding):
        return [f"check-worthiness {finding.checkworthiness:.2f}"]
    if isinstance(finding, QuoteFinding):
        return [f"speaker: {finding.speaker or 'unknown'}"] + (
            [f"cue: {finding.cue}"] if finding.cue else []
        )
    if isinstance(finding, AttributionFinding):
        return [f"source: {finding.source or 'none'}", f"type: {finding.source_type}"]
    if isinstance(finding, HedgeFinding):
        return [finding.hedge_type] + ([f"speaker: {finding.speaker}"] if finding.speaker else [])
    if isinstance(finding, SensationalFinding):
        return [finding.category.replace("_", " ")] + (["quoted"] if finding.quoted else [])
    if isinstance(finding, EngagementBaitFinding):
        return [finding.form.replace("_", " ")]
    return []


def _groups(analysis: Analysis, anchors: dict[str, str]) -> list[dict[str, Any]]:
    groups = []
    for title, classes in _GROUPS:
        found = [f for f in analysis.findings if isinstance(f, classes)]
        if isinstance(next(iter(found), None), ClaimFinding):
            found.sort(key=lambda f: -getattr(f, "checkworthiness", 0.0))
        if not found:
            continue
        items = [
            {
                "id": f.id,
                "label": f.kind.replace("_", " "),
                "excerpt": _quoted(_excerpt(f.text)),
                "note": f.note,
                "extra": _extra(f),
                "href": anchors.get(f.id),
            }
            for f in found
        ]
        groups.append({"title": title, "entries": items})
    return groups


def _criteria(assessment: Assessment, analysis: Analysis, anchors: dict[str, str]) -> list[Any]:
    rows = []
    text = analysis.article.text
    for criterion in assessment.criteria:
        icon, word = OUTCOME_LABELS[criterion.outcome]
        evidence = []
        # A span links to the highlight that starts and ends where it does, if any.
        for span in criterion.spans[:_EVIDENCE]:
            evidence.append(
                {
                    "text": "“" + _excerpt(text[span.start : span.end], 90) + "”",
                    "href": anchors.get(f"{span.start}:{span.end}"),
                }
            )
        rows.append(
            {
                "c": criterion,
                "icon": icon,
                "word": word,
                "weight": f"{criterion.weight:g}",
                "evidence": _useful(criterion, evidence),
            }
        )
    return rows


def _useful(criterion: Criterion, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence worth listing: a passing criterion's spans repeat what the text shows."""
    return [] if criterion.outcome == "pass" else evidence


def _anchors(marks: list[Mark], rendered: set[str]) -> dict[str, str]:
    """Where to link: finding id, and "start:end" of a span, -> the anchor of the first
    highlight of that finding, or with that span, that made it onto the page."""
    found: dict[str, str] = {}
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.anchor in rendered:
            found.setdefault(mark.finding, mark.anchor)
            found.setdefault(f"{mark.start}:{mark.end}", mark.anchor)
    return found


def _meta(analysis: Analysis) -> str:
    article = analysis.article
    parts = [
        article.outlet,
        published_label(article.published) if article.published else None,
        ", ".join(article.authors) or None,
        article.url,
    ]
    return " · ".join(p for p in parts if p) or "No outlet, date or address given."


def _article_context(
    analysis: Analysis,
    *,
    number: int,
    prefix: str,
    crosscheck: CrossCheckEvidence | None,
    provenance_svg: str | None,
) -> dict[str, Any]:
    article = analysis.article
    text = article.text
    marks = marks_of(analysis)
    headline = (
        segments(text, article.headline.start, article.headline.end, marks)
        if len(article.headline)
        else []
    )
    body = [
        segments(text, s, e, marks)
        for s, e in paragraphs(text, article.body.start, article.body.end)
    ]
    rendered = {a for seg in [*headline, *(s for p in body for s in p)] for a in seg.opens}
    anchors = _anchors(marks, rendered)
    assessment = analysis.assessment
    corpus = corpus_view(crosscheck, provenance_svg) if crosscheck or provenance_svg else None
    used = assessment.corpus if assessment is not None else None
    return {
        "p": prefix,
        "number": number,
        "title": article.headline_text or f"Article {number} (no headline)",
        "language": article.language or "und",
        "meta": _meta(analysis),
        "headline": headline,
        "paragraphs": body,
        "legend": kinds_present(marks),
        "assessment": assessment,
        "criteria": _criteria(assessment, analysis, anchors) if assessment else [],
        "groups": _groups(analysis, anchors),
        "corpus": corpus,
        "corpus_used": (
            f"story {used.story or 'unnamed'} ({used.articles} articles: {', '.join(used.outlets)})"
            if used is not None
            else "none (the article alone)"
        ),
        "models": sorted(analysis.models.items()),
        "analyzers": analysis.analyzers,
        "notices": [f"{n.analyzer}: {n.message}" for n in analysis.notices],
        "errors": [f"{e.analyzer} failed ({e.error}: {e.message})" for e in analysis.errors],
    }


def _head(title: str, language: str) -> str:
    assets = _assets()
    return (
        _environment()
        .get_template("head.html.j2")
        .render(
            title=title,
            language=language,
            version=__version__,
            csp=assets.csp,
            css=Markup(assets.css),  # the package's own file, hashed in the CSP
        )
    )


def _foot(contents: list[dict[str, Any]]) -> str:
    js = Markup(_assets().js)  # the package's own file, hashed in the CSP
    return _environment().get_template("foot.html.j2").render(contents=contents, js=js)


def _article(context: dict[str, Any]) -> str:
    return _environment().get_template("article.html.j2").render(a=context)


def _title(analysis: Analysis) -> str:
    headline = analysis.article.headline_text or "Article without a headline"
    return f"{_excerpt(headline, 120)} · newsprobe report"


def render_html(
    analysis: Analysis,
    *,
    crosscheck: CrossCheckEvidence | None = None,
    provenance_svg: str | None = None,
) -> str:
    """The report of one article as a complete HTML page.

    Args:
        analysis: the analysis, with its assessment (re-assessed against the cross-check,
            when there is one, by `newsprobe.assess.assess(analysis, crosscheck)`).
        crosscheck: the article against other coverage: adds the aligned figures, the
            claims and quotes compared, and the provenance edges.
        provenance_svg: the story's provenance graph as SVG (laid out by the corpus),
            embedded as a ``data:`` image.
    """
    context = _article_context(
        analysis, number=1, prefix="", crosscheck=crosscheck, provenance_svg=provenance_svg
    )
    language = analysis.article.language or "en"
    return _head(_title(analysis), language) + _article(context) + _foot([])


def write_html(analyses: Iterable[Analysis], out: IO[str]) -> list[Analysis]:
    """Write many articles as one page, each in its own section, streamed as they come.

    Returns the analyses written (for the caller's error accounting).
    """
    written: list[Analysis] = []
    contents: list[dict[str, Any]] = []
    started = False
    for number, analysis in enumerate(analyses, start=1):
        if not started:
            out.write(_head("newsprobe report", "en"))
            started = True
        prefix = f"a{number}-"
        context = _article_context(
            analysis, number=number, prefix=prefix, crosscheck=None, provenance_svg=None
        )
        out.write(_article(context))
        out.flush()
        rating = analysis.assessment.rating if analysis.assessment else None
        contents.append(
            {
                "anchor": f"{prefix}article",
                "headline": _excerpt(analysis.article.headline_text or "(no headline)", 120),
                "word": rating.word if rating else "no assessment",
                "score": rating.score if rating else None,
            }
        )
        written.append(analysis)
    if not started:
        out.write(_head("newsprobe report", "en"))
    out.write(_foot(contents))
    return written
