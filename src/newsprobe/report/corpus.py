"""Terminal reports of the corpus: stories, one story, a cross-check, provenance edges.

One table per aligned figure (each outlet's value as written, the verdict against the
consensus, the consensus and its support), then the claims with who corroborates or
disputes them, the quotes with their fidelity and word changes, the speculation other
outlets answer, and the provenance edges. Reports read the `newsprobe.coverage` models
only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol
from urllib.parse import urlsplit

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprobe.coverage import (
    AlignedFigure,
    ArticleRef,
    ClaimCheck,
    CrossCheck,
    FigureValue,
    FigureVerdict,
    ProvenanceEdge,
    QuoteCheck,
    SpeculationCheck,
    Story,
)
from newsprobe.report.labels import amount_label, published_label
from newsprobe.units import readable

__all__ = ["render_crosscheck", "render_provenance", "render_stories", "render_story"]

_VERDICT_STYLES = {
    "consistent": "green",
    "minor_discrepancy": "yellow",
    "minority": "magenta",
    "contradiction": "bold red",
    "corroborated": "green",
    "disputed": "bold red",
    "only_here": "dim",
    "identical": "green",
    "truncated": "yellow",
    "altered": "bold red",
}
_SHORT = 110  # characters of a sentence shown in a table cell
_TITLE = 90  # characters of a story's title in the listing (two lines of an 80-column one)
_OUTLETS = 4  # outlets named per story in the listing


def _verdict(verdict: str | None) -> Text:
    if verdict is None:
        return Text("—", style="dim")
    return Text(verdict.replace("_", " "), style=_VERDICT_STYLES.get(verdict, ""))


def _short(text: str, limit: int = _SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(ref: ArticleRef) -> str:
    return published_label(ref.published) if ref.published else "undated"


def _amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit == "people":
        return amount_label(value)
    amount, word = readable(value, unit)
    return amount_label(amount) + (f" {word}" if word else "")


def render_stories(stories: Sequence[Story], console: Console) -> None:
    """The story listing: id, title, dates, outlets, article count."""
    count = f"{len(stories)} " + ("story" if len(stories) == 1 else "stories")
    table = Table(title=count, title_justify="left", expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    table.add_column("from", no_wrap=True)
    table.add_column("to", no_wrap=True)
    table.add_column("outlets", ratio=1, overflow="fold")
    table.add_column("articles", justify="right", no_wrap=True)
    for story in stories:
        table.add_row(
            str(story.id),
            _short(story.title, _TITLE),
            story.first_published.date().isoformat() if story.first_published else "undated",
            story.last_published.date().isoformat() if story.last_published else "",
            _outlets(story.outlets),
            str(story.article_count),
        )
    console.print(table)


def _outlets(outlets: Sequence[str]) -> str:
    """The first `_OUTLETS` outlets and how many more: the full list is in `story ID`."""
    if not outlets:
        return "(none named)"
    shown = ", ".join(outlets[:_OUTLETS])
    more = len(outlets) - _OUTLETS
    return f"{shown} +{more} more" if more > 0 else shown


def render_story(story: Story, console: Console) -> None:
    """One story with its articles, earliest first."""
    console.print(Text(f"Story {story.id}: {story.title}", style="bold"))
    table = Table(show_edge=False, show_lines=True, expand=True)
    table.add_column("published / id", no_wrap=True)
    table.add_column("outlet", max_width=24, overflow="fold")
    table.add_column("lang", no_wrap=True)
    table.add_column("article", ratio=1, overflow="fold")
    for ref in story.articles:
        article = Text(ref.headline or "(no headline)", style="bold")
        if ref.url:
            article.append("\n" + ref.url, style="dim")
        table.add_row(
            Text(_when(ref)) + Text("\n" + ref.id, style="dim"),
            ref.outlet or urlsplit(ref.url or "").netloc or "—",
            ref.language or "?",
            article,
        )
    console.print(table)


def _site(value: FigureValue) -> str:
    """An outlet-less article's own voice is its site ("osknews.example"); else its id."""
    own = not value.note and "." in value.voice and " " not in value.voice
    return value.voice if own else value.article


def _labels(check: CrossCheck) -> dict[str, str]:
    """Article id -> how the report names it: its outlet, else its site (its URL's host,
    or its own voice in a figure table when the story's articles are not listed)."""
    found = {v.article: _site(v) for f in check.figures for v in f.values if not v.outlet}
    refs = [check.target, *(check.story.articles if check.story else [])]
    found |= {r.id: r.outlet or urlsplit(r.url or "").netloc or r.id for r in refs}
    return found


class _Named(Protocol):
    article: str
    outlet: str | None


def _name(item: _Named, labels: Mapping[str, str]) -> str:
    return item.outlet or labels.get(item.article, item.article)


def _figure_table(
    figure: AlignedFigure, target: str, labels: Mapping[str, str] | None = None
) -> RenderableType:
    table = Table(show_edge=False, pad_edge=False, expand=True)
    for column in ("outlet", "as written", "value", "verdict", "voice"):
        table.add_column(column, overflow="fold")
    # An article that gives the figure twice (headline and body) is one row: the JSON
    # keeps every mention with its span, the reader needs each outlet's value once.
    names = labels or {}
    outlets = {v.article: v.outlet or names.get(v.article) or _site(v) for v in figure.values}
    rows: dict[tuple[str, str, FigureVerdict | None, str], list[str]] = {}
    for value in figure.values:
        shown = _amount(value.value, figure.unit)
        if value.bound == "lower":
            shown = f"> {_amount(value.lower, figure.unit)}"
        elif value.bound == "upper":
            shown = f"< {_amount(value.upper, figure.unit)}"
        elif value.bound == "approximate":
            shown = f"~ {shown}"
        elif value.bound == "range" and value.lower is not None and value.upper is not None:
            # "dozens": 24 to 119
            shown = f"{_amount(value.lower, figure.unit)}–{_amount(value.upper, figure.unit)}"
        voice = value.voice
        if voice in (outlets[value.article], value.article, f"article {value.article}"):
            voice = "own"  # the outlet speaks for itself: the column names wires and citations
        voice += f"; {value.note}" if value.note else ""
        key = (value.article, shown, value.verdict, voice)
        rows.setdefault(key, []).append(value.text)
    for (article, shown, given, voice), texts in rows.items():
        written = dict.fromkeys(texts)  # as written, each wording once, in order
        here = article == target
        table.add_row(
            Text(
                outlets[article] + (" (this article)" if here else ""), style="bold" if here else ""
            ),
            " · ".join(written) + (f" ({len(texts)}×)" if len(written) < len(texts) else ""),
            shown,
            _verdict(given),
            voice,
        )
    consensus = figure.consensus
    caption = (
        f"latest count: {_amount(consensus.value, figure.unit)}; it grew from report to "
        "report, so an earlier, lower count is no discrepancy"
        if consensus and consensus.basis == "latest"
        else f"consensus: {'~' if consensus.approximate else ''}"
        f"{_amount(consensus.value, figure.unit)}, {consensus.support} of {consensus.voices} "
        f"independent voices ({', '.join(consensus.outlets)})"
        if consensus
        else "no consensus value: the outlets give only bounds (up to, more than)"
        if all(v.bound in ("lower", "upper") for v in figure.values)
        else "no consensus value: the figures agree, but most outlets give only a bound"
        if all(v.verdict == "consistent" for v in figure.values)
        else "no consensus: the outlets disagree with no majority"
    )
    verdict = Text("this article: ").append(_verdict(figure.target_verdict))
    if figure.event_story is not None:
        caption += f"; the other event's own coverage (story {figure.event_story}) is lined up too"
    return Panel(
        Group(table, Text(caption, style="italic"), verdict),
        title=figure.description,
        title_align="left",
    )


def _claim_line(claim: ClaimCheck, labels: Mapping[str, str]) -> RenderableType:
    rows: list[RenderableType] = [
        Text("• ").append(_verdict(claim.verdict)).append(f"  {_short(claim.text)}")
    ]
    for label, items in (
        ("disputed by", claim.disputed_by),
        ("corroborated by", claim.corroborated_by),
    ):
        for e in items[:4]:
            independent = "" if e.independent else " (not independent)"
            # A claim of several figures can be disputed and corroborated by one sentence
            # ("6.2-magnitude" against 6.1, "about 320" injured with "more than 300"):
            # the figure that decided says which part.
            figure = e.reason.removeprefix("figure: ") if e.reason.startswith("figure: ") else ""
            on = f" on “{figure}”" if figure else ""
            rows.append(
                Text(f"    {label} {_name(e, labels)}{independent}{on}: ", style="dim").append(
                    _short(e.text, 90), style="italic"
                )
            )
    return Group(*rows)


def _quote_line(quote: QuoteCheck, labels: Mapping[str, str]) -> RenderableType:
    rows: list[RenderableType] = [
        Text("• ")
        .append(_verdict(quote.fidelity))
        .append(f"  {quote.speaker}: ", style="cyan")
        .append(f"“{_short(quote.text, 90)}”")
    ]
    for change in quote.changes:
        rows.append(
            Text("    ")
            .append(change.reference or "∅", style="red strike")
            .append(" → ")
            .append(change.version or "∅", style="green")
        )
    if quote.reference is not None:
        rows.append(
            Text(
                f"    reference ({_name(quote.reference, labels)}): "
                f"“{_short(quote.reference.text, 90)}”",
                style="dim",
            )
        )
    for version in quote.versions:
        rows.append(
            Text(f"    {_name(version, labels)}: ", style="dim").append(_verdict(version.fidelity))
        )
    return Group(*rows)


def _speculation_line(item: SpeculationCheck, labels: Mapping[str, str]) -> RenderableType:
    rows: list[RenderableType] = [
        Text("• ").append(item.form, style="magenta").append(f"  {_short(item.text)}")
    ]
    for answer in item.answers:
        source = f" (sourced to {answer.source})" if answer.source else " (the outlet's own)"
        rows.append(
            Text(f"    {_name(answer, labels)}{source}: ", style="dim").append(
                _short(answer.text, 90), style="italic"
            )
        )
    return Group(*rows)


def _edges_table(edges: Sequence[ProvenanceEdge], names: dict[str, str]) -> Table:
    table = Table(show_edge=False, pad_edge=False, expand=True)
    for column in ("from", "kind", "to", "evidence"):
        table.add_column(column, overflow="fold")
    for edge in edges:
        to = names.get(edge.to or "", edge.to_outlet or "?") if edge.to else edge.to_outlet
        if edge.to is None:
            to = f"{edge.to_outlet} (not stored)"
        kind = edge.kind if edge.directed else f"{edge.kind} (order unknown)"
        table.add_row(
            names.get(edge.source, edge.source), kind, to or "?", _short(edge.evidence_text, 80)
        )
    return table


def render_crosscheck(check: CrossCheck, console: Console) -> None:
    """The full cross-check of one article."""
    target = check.target
    console.print(Text(target.headline or "(no headline)", style="bold"))
    site = target.outlet or urlsplit(target.url or "").netloc
    facts = [site, _when(target), target.language and f"language: {target.language}"]
    if check.story is not None:
        facts.append(f"story {check.story.id}: {check.story.article_count} articles")
    if check.stored is not None:
        facts.append("stored" if check.stored else "not stored")
    console.print(Text(" · ".join(f for f in facts if f), style="dim"))
    labels = _labels(check)
    for figure in check.figures:
        console.print(_figure_table(figure, target.id, labels))
    sections: list[tuple[str, list[RenderableType]]] = [
        ("Claims", [_claim_line(c, labels) for c in check.claims]),
        ("Quotes", [_quote_line(q, labels) for q in check.quotes]),
        (
            "Speculation other outlets answer",
            [_speculation_line(s, labels) for s in check.speculation],
        ),
    ]
    for title, rows in sections:
        if rows:
            console.print(Panel(Group(*rows), title=f"{title} ({len(rows)})", title_align="left"))
    if check.provenance:
        console.print(
            Panel(_edges_table(check.provenance, labels), title="Provenance", title_align="left")
        )
    if not (check.figures or check.claims or check.quotes or check.speculation):
        console.print(Text("Nothing to compare.", style="dim"))
    for notice in check.notices:
        console.print(Text(f"note: {notice}", style="yellow"))


def render_provenance(
    edges: Sequence[ProvenanceEdge], console: Console, *, names: dict[str, str] | None = None
) -> None:
    """A story's provenance edges as a table."""
    if not edges:
        console.print(
            Text("No provenance edges: no article cites, credits or copies another.", style="dim")
        )
        return
    console.print(_edges_table(edges, names or {}))
