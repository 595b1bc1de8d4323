"""The terminal report: what the article is made of, each finding quoted in context.

Sections follow how an editor reads a piece: the headline's signals, where the story comes
from, who is quoted, what is speculation, what can be checked, then the people, places and
numbers. Each finding shows its text highlighted inside its sentence and one plain note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprobe.assessment import Assessment
from newsprobe.document import Analysis, Article
from newsprobe.findings import (
    AttributionFinding,
    ClaimFinding,
    EntityFinding,
    FindingBase,
    HedgeFinding,
    QuantityFinding,
    QuoteFinding,
    SignalFinding,
    SourcingFinding,
    Span,
)
from newsprobe.report.labels import amount_label, published_label
from newsprobe.units import display_unit

__all__ = ["marked", "render_text", "snippet"]

# How many characters of context a snippet shows on either side of the highlighted span.
_CONTEXT = 60
# Without a terminal (a file, a pipe) styles vanish, so highlights are marked «like this».
_PLAIN: ContextVar[bool] = ContextVar("plain", default=False)


def _emphasis(out: Text, text: str, style: str) -> None:
    out.append(f"«{text}»" if _PLAIN.get() else text, style=style)


# Spans longer than this (sentences, paragraphs) are shown shortened, without context.
_LONG = 160
# Sections in reading order: title, kinds shown in it.
_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Headline", ("clickbait", "clickbait_score", "headline_body")),
    ("Where the story comes from", ("sourcing", "attribution")),
    ("Quotes", ("quote",)),
    ("Speculation and hedging", ("hedge",)),
    ("Checkable claims (most check-worthy first)", ("claim",)),
    ("Events", ("event",)),
    ("Wording and framing", ("sensational", "scare_quote", "engagement_bait", "signal")),
    ("Numbers", ("quantity",)),
    ("People, organizations and places", ("entity",)),
)


def snippet(article: Article, span: Span, *, context: int = _CONTEXT) -> Text:
    """The span highlighted inside up to `context` characters on either side, on one line."""
    text = article.text
    start, end = max(0, span.start - context), min(len(text), span.end + context)
    # Context stays inside the span's paragraph (the headline is a paragraph of its own).
    start = max(start, text.rfind("\n", 0, span.start) + 1)
    newline = text.find("\n", span.end)
    end = min(end, newline if newline != -1 else len(text))
    # Snap the context to word boundaries so snippets do not start mid-word.
    if start > 0 and " " in text[start : span.start]:
        start = text.index(" ", start, span.start) + 1
    if end < len(text) and " " in text[span.end : end]:
        end = text.rindex(" ", span.end, end)
    out = Text("…" if start > 0 else "", style="dim")
    out.append(text[start : span.start].replace("\n", " "))
    _emphasis(out, text[span.start : span.end].replace("\n", " "), "bold yellow")
    out.append(text[span.end : end].replace("\n", " "))
    if end < len(text):
        out.append("…", style="dim")
    return out


def _entities(article: Article, found: Sequence[FindingBase]) -> RenderableType:
    table = Table(show_edge=False, pad_edge=False, expand=False)
    for column in ("name", "type", "mentions", "also called", "role"):
        table.add_column(column)
    entities = sorted(
        (f for f in found if isinstance(f, EntityFinding)), key=lambda e: -len(e.mentions)
    )
    for e in entities:
        table.add_row(
            e.canonical, e.label, str(len(e.mentions)), ", ".join(e.aliases), e.role or ""
        )
    return table


def _readable(q: QuantityFinding) -> tuple[str, str, str]:
    """(value, unit, bounds) in the unit a reader would use: durations are normalized to
    minutes in the data, but nine years reads as 9 years, not 4.7 million minutes."""
    known = [v for v in (q.value, q.lower, q.upper) if v is not None]
    scale, unit = display_unit(q.unit, max(known, key=abs, default=0.0))
    value = "" if q.value is None else amount_label(q.value / scale)
    if q.approximate and value:
        value = f"~{value}"
    bounds = " ".join(
        part
        for part in (
            f">= {amount_label(q.lower / scale)}" if q.lower is not None else "",
            f"<= {amount_label(q.upper / scale)}" if q.upper is not None else "",
        )
        if part
    )
    return value, unit, bounds


def _quantities(article: Article, found: Sequence[FindingBase]) -> RenderableType:
    table = Table(show_edge=False, pad_edge=False)
    for column in ("as written", "value", "unit", "measures", "about", "bounds"):
        table.add_column(column)
    for q in found:
        if isinstance(q, QuantityFinding):
            value, unit, bounds = _readable(q)
            table.add_row(q.text, value, unit, q.dimension, q.about or "", bounds)
    return table


def marked(
    article: Article, span: Span, marks: Sequence[tuple[Span | None, str]], *, limit: int = _LONG
) -> Text:
    """The text of `span` on one line, `marks` styled inside it, shortened around the
    first mark when it is longer than `limit` characters."""
    text = article.text
    start, end = span.start, span.end
    inside = [(m, style) for m, style in marks if m is not None and span.contains(m)]
    if end - start > limit:
        focus = inside[0][0].start if inside else start
        start = max(start, min(focus - limit // 3, end - limit))
        end = min(end, start + limit)
    out = Text("…" if start > span.start else "", style="dim")
    cursor = start
    for mark, style in sorted(inside, key=lambda item: item[0].start):
        if mark.start < cursor or mark.end > end:
            continue
        out.append(text[cursor : mark.start].replace("\n", " "))
        _emphasis(out, text[mark.start : mark.end].replace("\n", " "), style)
        cursor = mark.end
    out.append(text[cursor:end].replace("\n", " "))
    if end < span.end:
        out.append("…", style="dim")
    return out


def _line(article: Article, finding: FindingBase) -> Text:
    """One finding as a line: what it is, then its evidence."""
    line = Text("• ")
    if isinstance(finding, SourcingFinding):
        line.append(finding.verdict.replace("_", " "), style="bold magenta")
        if finding.outlets:
            line.append(": " + ", ".join(finding.outlets))
        return line
    if isinstance(finding, SignalFinding):
        line.append(finding.name.replace("_", " "), style="bold magenta")
        return line.append(f": {finding.value:g}")
    if isinstance(finding, AttributionFinding):
        line.append(f"[{finding.source_type}] ", style="magenta")
        line.append(finding.source or "unnamed", style="bold cyan")
        line.append(f" ({finding.cue})  " if finding.cue else "  ", style="dim")
        marks = [(finding.source_span, "cyan"), (finding.cue_span, "bold")]
        return line.append(marked(article, finding.span, marks))
    if isinstance(finding, QuoteFinding):
        line.append(finding.speaker or "unknown speaker", style="bold cyan")
        line.append(f" ({finding.cue})" if finding.cue else "", style="dim")
        return line.append(": ").append(marked(article, finding.span, [(finding.span, "yellow")]))
    if isinstance(finding, ClaimFinding):
        line.append(f"{finding.checkworthiness:.2f} ", style="bold magenta")
        return line.append(marked(article, finding.span, []))
    if isinstance(finding, HedgeFinding) and finding.scope is not None:
        return line.append(marked(article, finding.scope, [(finding.span, "bold yellow")]))
    if len(finding.span) > _LONG:
        return line.append(marked(article, finding.span, []))
    return line.append(snippet(article, finding.span))


def _listing(article: Article, found: Sequence[FindingBase]) -> RenderableType:
    rows: list[RenderableType] = []
    for finding in found:
        rows.append(_line(article, finding))
        if finding.note:
            rows.append(Text(f"  {finding.note}", style="italic"))
    return Group(*rows)


def _sort_key(kind: str) -> Callable[[FindingBase], tuple[float, int]]:
    if kind == "claim":
        return lambda f: (-getattr(f, "checkworthiness", 0.0), f.span.start)
    return lambda f: (0.0, f.span.start)


def _section(article: Article, title: str, found: list[FindingBase]) -> RenderableType:
    kinds = {f.kind for f in found}
    if kinds == {"entity"}:
        body = _entities(article, found)
    elif kinds == {"quantity"}:
        body = _quantities(article, found)
    else:
        body = _listing(article, found)
    return Panel(body, title=f"{title} ({len(found)})", title_align="left", expand=True)


# Outcomes as a symbol, a word and a style: never told by colour alone.
_OUTCOMES = {
    "pass": ("✔ pass", "green"),
    "warn": ("⚠ warn", "yellow"),
    "fail": ("✖ fail", "bold red"),
    "not_applicable": ("– n/a", "dim"),
}


def _assessment_panel(assessment: Assessment) -> RenderableType:
    """The criteria first: outcome, criterion, figure, what was found and what to check."""
    table = Table(show_edge=False, pad_edge=False, expand=True)
    table.add_column("outcome", no_wrap=True)
    table.add_column("criterion", ratio=1)
    table.add_column("figure", ratio=1)
    table.add_column("what was found", ratio=3)
    table.add_column("weight", justify="right", no_wrap=True)
    for criterion in assessment.criteria:
        label, style = _OUTCOMES[criterion.outcome]
        found = Text(criterion.explanation)
        if criterion.check:
            found.append(f"\nCheck: {criterion.check}", style="italic")
        table.add_row(
            Text(label, style=style),
            criterion.name,
            criterion.figure.display if criterion.figure else "",
            found,
            f"{criterion.weight:g}",
        )
    rating = assessment.rating
    score = f"{rating.score}/100" if rating.score is not None else "no score"
    parts: list[RenderableType] = [
        Text(assessment.summary),
        table,
        Text(f"Rating: {rating.arithmetic}. Bands: {rating.bands}.", style="dim"),
    ]
    corpus = assessment.corpus
    used = "none (the article alone)"
    if corpus is not None:
        outlets = ", ".join(corpus.outlets)
        used = f"story {corpus.story or 'unnamed'}, {corpus.articles} articles ({outlets})"
    models = ", ".join(f"{k} {v}" for k, v in sorted(assessment.models.items())) or "none"
    parts.append(Text(f"Models: {models}. Corpus: {used}.", style="dim"))
    return Panel(
        Group(*parts),
        title=f"Assessment: {score}, {rating.word}",
        title_align="left",
        expand=True,
    )


def render_text(analysis: Analysis, console: Console) -> None:
    """Print the report of one analysis to `console`."""
    token = _PLAIN.set(not console.is_terminal)
    try:
        _render(analysis, console)
    finally:
        _PLAIN.reset(token)


def _render(analysis: Analysis, console: Console) -> None:
    article = analysis.article
    console.print(Text(article.headline_text or "(no headline)", style="bold"))
    facts = [
        article.outlet,
        published_label(article.published) if article.published else None,
        ", ".join(article.authors) or None,
        article.language and f"language: {article.language}",
        article.url,
    ]
    console.print(Text(" · ".join(f for f in facts if f), style="dim"))
    if analysis.assessment is not None:
        console.print(_assessment_panel(analysis.assessment))
    by_kind: dict[str, list[FindingBase]] = {}
    for finding in analysis.findings:
        # The clickbait score belongs with the headline, not with the wording signals.
        headline_score = (
            isinstance(finding, SignalFinding) and finding.name == "clickbait_probability"
        )
        by_kind.setdefault("clickbait_score" if headline_score else finding.kind, []).append(
            finding
        )
    known = {kind for _, kinds in _SECTIONS for kind in kinds}
    sections = [*_SECTIONS, *((k, (k,)) for k in sorted(by_kind) if k not in known)]
    for title, kinds in sections:
        for kind in kinds:
            by_kind.get(kind, []).sort(key=_sort_key(kind))
        found = [f for kind in kinds for f in by_kind.get(kind, [])]
        if found:
            console.print(_section(article, title, found))
    if not analysis.findings:
        console.print(Text("No findings.", style="dim"))
    # One line per message: "skipped: the article is in German..." names all it skipped.
    grouped: dict[str, list[str]] = {}
    for notice in analysis.notices:
        grouped.setdefault(notice.message, []).append(notice.analyzer.partition("@")[0])
    for message, names in grouped.items():
        console.print(Text(f"note: {message}: {', '.join(names)}", style="yellow"))
    for error in analysis.errors:
        console.print(
            Text(f"error: {error.analyzer} failed ({error.error}: {error.message})", style="red")
        )
