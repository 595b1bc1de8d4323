"""Who retells whom in a story: explicit citations and credits, copies and shared passages.

Edges point from the article that takes to what it takes from:

- ``cites``: the article names another outlet as its source ("according to Northgate
  Wire", "The Valemont Times reports", "selon le Courrier du Nord"), from the
  `attribution` findings in English and from `credits` in every language;
- ``wire``: the article runs an outlet's copy, as its dateline credit ("KELLIN (Northgate
  Wire) -") or a wire credit line ("Additional reporting by ...") says;
- ``copies``: the article is a near-copy of an earlier one (shingle Jaccard at least
  `COPY_JACCARD`), which it is taken to copy, or shares a passage with the wire story it
  credits (an edited reprint);
- ``shares_passage``: the two share a run of at least `PASSAGE_WORDS` words (more inside
  quotation marks: two outlets quoting the same speaker share nothing by that).

A cited outlet is a node even when none of its articles is stored; when one is in the
story, the edge also names that article (the one published last before the citing one).
Implicit edges are directed by publication time; when either date is missing the edge is
marked ``directed=False``.

    >>> graph = provenance([ArticleView(a) for a in analyses])  # doctest: +SKIP
    >>> [(e.source, e.kind, e.to_outlet) for e in graph.edges]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newsprobe.analyzers.attribution.source_kinds import looks_like_outlet
from newsprobe.analyzers.shared.dateline import dateline_outlet
from newsprobe.corpus.cited_names import (
    cited_name,
    display_names,
    initials,
    node_key,
    same_outlet,
)
from newsprobe.corpus.credits import credits_in
from newsprobe.corpus.shingles import (
    SHINGLE_WORDS,
    Passage,
    Word,
    shared_passages,
    shingles,
    words,
)
from newsprobe.corpus.view import ArticleView, outlet_key
from newsprobe.coverage import ProvenanceEdge, ProvenanceGraph, ProvenanceNode
from newsprobe.findings import Span

__all__ = ["COPY_JACCARD", "PASSAGE_WORDS", "provenance", "voices"]

#: Shingle Jaccard from which one article is a near-copy of another. Wire copies with a
#: changed headline and a few edited words per paragraph score 0.6-0.95 on our composed
#: copies; independent reports of the same event under 0.1, sharing only names and
#: stock phrases.
COPY_JACCARD = 0.5
#: Words in a row that make a shared passage. On the development part, reports of one
#: press conference share 12-word stock clauses ("set up a joint commission to prepare
#: the restart of gas flows") that annotators did not count; 14 words is past them.
PASSAGE_WORDS = 14
#: Inside quotation marks a passage must be longer: two outlets quoting one speaker share
#: the quote (a 14-word sentence), while a copied statement runs on (26 words).
QUOTED_PASSAGE_WORDS = 20


def _order(
    a: ArticleView, b: ArticleView, credits: frozenset[tuple[str, str]] = frozenset()
) -> tuple[ArticleView, ArticleView, bool]:
    """(later, earlier, directed): who takes from whom. An article that credits the other
    ("Reporting by ... for Northwind Press") takes from it; else publication time says."""
    if (a.id, b.id) in credits:
        return a, b, True
    if (b.id, a.id) in credits:
        return b, a, True
    pa, pb = a.article.published, b.article.published
    if pa is None or pb is None:
        # No date says who came first: the undated one is listed as taking.
        return (a, b, False) if pa is None else (b, a, False)
    return (a, b, True) if (pa, a.id) > (pb, b.id) else (b, a, True)


def _passage(
    later: ArticleView, words: Sequence[Word], earlier_words: Sequence[Word]
) -> Passage | None:
    """The longest shared passage long enough to count (longer inside quotes)."""
    for passage in shared_passages(words, earlier_words, min_words=PASSAGE_WORDS):
        span = Span(start=passage.first[0], end=passage.first[1])
        quoted = later.inside_quote(span) or any(part.overlaps(span) for part in later.quoted)
        if not quoted or passage.words >= QUOTED_PASSAGE_WORDS:
            return passage
    return None


def _explicit(view: ArticleView, known: dict[str, list[ArticleView]]) -> list[ProvenanceEdge]:
    """Citations and credits of other outlets in one article."""
    found: list[tuple[str, str, int, int]] = []
    for attribution in view.attributions:
        if attribution.source_type != "outlet" or not attribution.source:
            continue
        spans = [s for s in (attribution.cue_span, attribution.source_span) if s is not None]
        start, end = min(s.start for s in spans), max(s.end for s in spans)
        if end - start > 80:  # cue and source far apart: the source's span alone
            assert attribution.source_span is not None
            start, end = attribution.source_span.start, attribution.source_span.end
        at = attribution.source_span.start if attribution.source_span else start
        name = cited_name(attribution.source, view.article.text, at)
        if name is not None:
            found.append((name, "cites", start, end))
    body = view.article.body
    credited = dateline_outlet(view.article.text[body.start : body.end])
    if credited is not None and _credits_outlet(credited[0]):
        name, start, end = credited
        found.append((name, "wire", body.start + start, body.start + end))
    names = set(known) | {short for k in known if (short := initials(k))}
    for credit in credits_in(view.article.text, known=names):
        if (name := cited_name(credit.outlet, view.article.text, credit.start)) is not None:
            found.append((name, credit.kind, credit.start, credit.end))
    edges: list[ProvenanceEdge] = []
    seen: list[tuple[str, str, int, int]] = []
    for name, kind, start, end in found:
        key = outlet_key(name)
        mine = same_outlet(name, view.voice_name)
        if not key or mine or name == name.lower():
            continue  # its own name, or a common noun ("the papers say")
        to = _cited_article(view, known.get(_known_key(key, known), []))
        # The same citation found twice (by the analyzer and the credit reader, or as
        # "the Herald" and "the Meridian Herald" at one span), or an outlet cited again
        # ("Brightsea said in a statement to the Herald"; "the Herald reported"): one
        # edge of each kind, at its first evidence.
        target = to.id if to else node_key(key)
        if any(
            t in (key, target) and (k == kind or (s < end and start < e)) for t, k, s, e in seen
        ):
            continue
        seen.append((target, kind, start, end))
        edges.append(
            ProvenanceEdge(
                source=view.id,
                to=to.id if to else None,
                to_outlet=to.article.outlet if to else name,
                kind=kind,
                evidence=Span(start=start, end=end),
                evidence_text=view.article.text[start:end],
            )
        )
    return edges


def _known_key(key: str, known: dict[str, list[ArticleView]]) -> str:
    if key in known:
        return key
    return next((k for k in known if same_outlet(k, key)), key)


def _cited_article(view: ArticleView, candidates: list[ArticleView]) -> ArticleView | None:
    """The cited outlet's article: the last one published before `view`, else the first."""
    others = [c for c in candidates if c.id != view.id]
    if not others:
        return None
    published = view.article.published
    dated = [c for c in others if c.article.published is not None]
    if published is not None:
        before = [c for c in dated if _published(c) <= published]
        if before:
            return max(before, key=_published)
    return min(dated, key=_published) if dated else others[0]


def _published(view: ArticleView) -> datetime:
    assert view.article.published is not None
    return view.article.published


def _implicit(
    views: Sequence[ArticleView],
    *,
    passages_of: str | None = None,
    credits: frozenset[tuple[str, str]] = frozenset(),
    wired: frozenset[tuple[str, str]] = frozenset(),
) -> list[ProvenanceEdge]:
    """Copies and shared passages between every pair of the story's articles.

    With `passages_of`, shared passages are looked for only in the pairs that article is
    in (what one cross-check shows); copies are always found between every pair, since
    they decide who speaks with one voice. A passage an article shares with the wire
    story it credits (`wired`: (article, wire article) pairs) is that copy, however
    much the outlet cut or rewrote around it: ``copies``, not ``shares_passage``.
    """
    texts = {v.id: words(v.article.body_text, offset=v.article.body.start) for v in views}
    sets = {v.id: shingles(texts[v.id]) for v in views}
    edges: list[ProvenanceEdge] = []
    copied_by: dict[str, ArticleView] = {}  # article -> the original it copies
    wire_of = dict(wired)  # article -> the wire article it credits
    pairs = [(a, b) for i, a in enumerate(views) for b in views[i + 1 :]]
    for a, b in pairs:
        if a.outlet_key() == b.outlet_key():
            continue  # one outlet's own versions (an AMP page, an update) copy nobody
        later, earlier, directed = _order(a, b, credits)
        shared = len(sets[a.id] & sets[b.id])
        union = len(sets[a.id]) + len(sets[b.id]) - shared
        jaccard = shared / union if union else 0.0
        if jaccard >= COPY_JACCARD:
            current = copied_by.get(later.id)
            if current is None or _order(current, earlier, credits)[0] is current:
                copied_by[later.id] = earlier  # copies the earliest of its near-copies
            continue
        # A passage of n words holds n - 3 shingles of four: fewer shared, none to find.
        if shared < PASSAGE_WORDS - SHINGLE_WORDS + 1:
            continue
        if (wire := wire_of.get(a.id)) is not None and wire == wire_of.get(b.id):
            continue  # two reprints of one wire story share its text, not each other's
        if passages_of is not None and passages_of not in (a.id, b.id):
            continue
        passage = _passage(later, texts[later.id], texts[earlier.id])
        if passage is not None:
            start, end = passage.first
            edges.append(
                ProvenanceEdge(
                    source=later.id,
                    to=earlier.id,
                    to_outlet=earlier.article.outlet,
                    kind="copies" if (later.id, earlier.id) in wired else "shares_passage",
                    evidence=Span(start=start, end=end),
                    evidence_text=later.article.text[start:end],
                    directed=directed,
                    score=round(jaccard, 3),
                )
            )
    by_id = {v.id: v for v in views}
    for copier_id, original in copied_by.items():
        copier = by_id[copier_id]
        _, _, directed = _order(copier, original, credits)
        union = len(sets[copier_id] | sets[original.id])
        jaccard = len(sets[copier_id] & sets[original.id]) / union if union else 0.0
        passages = shared_passages(texts[copier_id], texts[original.id], min_words=4)
        start, end = passages[0].first if passages else (copier.article.body.start,) * 2
        edges.append(
            ProvenanceEdge(
                source=copier_id,
                to=original.id,
                to_outlet=original.article.outlet,
                kind="copies",
                evidence=Span(start=start, end=end),
                evidence_text=copier.article.text[start:end],
                directed=directed,
                score=round(jaccard, 3),
            )
        )
    return edges


def provenance(
    views: Sequence[ArticleView],
    *,
    story: int | str | None = None,
    around: str | None = None,
) -> ProvenanceGraph:
    """The provenance graph of a story's articles (any order, any languages).

    Args:
        views: the story's articles.
        story: the story's id, for the output.
        around: an article id: look for shared passages only in the pairs it is in (a
            cross-check's view; copies and citations are found for every article).
    """
    known: dict[str, list[ArticleView]] = {}
    for view in views:
        known.setdefault(view.outlet_key(), []).append(view)
    edges = [edge for view in views for edge in _explicit(view, known)]
    credits = frozenset((e.source, e.to) for e in edges if e.to is not None)
    wired = frozenset((e.source, e.to) for e in edges if e.to is not None and e.kind == "wire")
    edges += _implicit(views, passages_of=around, credits=credits, wired=wired)
    # One node per cited outlet, however each article spells it ("CBC", "CBC News").
    shown = display_names(e.to_outlet for e in edges if e.to is None and e.to_outlet)
    edges = [
        e.model_copy(update={"to_outlet": shown[e.to_outlet]})
        if e.to is None and e.to_outlet
        else e
        for e in edges
    ]
    edges.sort(key=lambda e: (e.source, e.kind, e.to or "", e.to_outlet or ""))
    nodes = [
        ProvenanceNode(
            id=v.id,
            label=v.voice_name,
            outlet=v.article.outlet,
            article=v.id,
            published=v.article.published,
        )
        for v in views
    ]
    cited = {e.to_outlet for e in edges if e.to is None and e.to_outlet}
    nodes += [
        ProvenanceNode(id=f"outlet:{name}", label=name, outlet=name)
        for name in sorted(cited, key=outlet_key)
    ]
    return ProvenanceGraph(story=story, nodes=nodes, edges=edges)


def _credits_outlet(name: str) -> bool:
    """Whether a dateline's parenthesis names an outlet ("(Coastline Wire)", "(NPA)",
    "(Reuters)") rather than the country, as French, Spanish and Italian house style
    writes it: "TESK (Kestrava) -" is Tesk, in Kestrava. A single word in title case
    that no outlet list knows is taken for the place."""
    words = name.split()
    return len(words) > 1 or name.isupper() or looks_like_outlet(name)


def voices(views: Sequence[ArticleView], edges: Sequence[ProvenanceEdge]) -> dict[str, str]:
    """Article id -> the independent voice it speaks with.

    One outlet is one voice; a near-copy speaks with its original's voice; an article
    running an outlet's wire copy speaks with that outlet's voice. Consensus counts each
    voice once ("wire copies count once").
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    name_of: dict[str, str] = {}
    for view in views:
        node = f"outlet:{view.outlet_key()}"
        name_of.setdefault(node, view.voice_name)
        union(view.id, node)
    for edge in edges:
        if edge.kind == "copies" and edge.to:
            union(edge.source, edge.to)
        elif edge.kind == "wire" and edge.to_outlet:
            node = f"outlet:{outlet_key(edge.to_outlet)}"
            name_of.setdefault(node, edge.to_outlet)
            union(edge.source, node)
    wired = {f"outlet:{outlet_key(e.to_outlet)}" for e in edges if e.kind == "wire" and e.to_outlet}
    names: dict[str, str] = {}
    for root in {find(v.id) for v in views}:
        members = sorted(
            (v for v in views if find(v.id) == root),
            key=lambda v: (v.article.published is None, _sort_time(v), v.id),
        )
        own = {f"outlet:{m.outlet_key()}" for m in members}
        # Credited: an outlet none of the component's articles is from, or one that
        # another of them credits as its wire (the agency's own story is stored too).
        credited = sorted(
            name_of[n] for n in name_of if find(n) == root and (n not in own or n in wired)
        )
        # A wire credited by the component speaks for it; else its earliest article's outlet.
        names[root] = credited[0] if credited else members[0].voice_name
    return {v.id: names[find(v.id)] for v in views}


def _sort_time(view: ArticleView) -> str:
    published = view.article.published
    return published.isoformat() if published else ""
