"""Score cross-checking on a part of the composed corpus (`tests/gold/corpus/<part>/`).

Runs what `newsprobe corpus add` and `newsprobe corpus crosscheck` run, in memory: every
article is analysed, profiled and assigned to a story incrementally in file order (the
candidates are what the store would hand over: articles within the time window, or
sharing a name key or an LSH band); then every article is cross-checked against its
predicted story. The scores:

- stories: pairwise precision, recall and F1 (a pair of articles is positive when both
  are in one story);
- figures: verdict accuracy over the gold figure values (a value counts as right when an
  aligned figure holds a value at the gold surface with the gold verdict; a value not
  aligned at all counts as wrong), and how many were aligned at all;
- quotes: fidelity accuracy over the gold versions (only-here quotes included);
- claims: verdict accuracy over the gold claims (a claim the claims analyzer did not find
  counts as wrong);
- provenance: edge precision and recall (an edge matches on its source article, kind, and
  target article, or target outlet when the outlet has no article);
- speculation: the share of gold answers (speculation, answering article) found.

    python -m newsprobe.evaluation.corpus --part dev            # in memory
    python -m newsprobe.evaluation.corpus --part dev --store    # through a corpus store

The held-out part (`--part heldout`) was written after the code; its figures are the
honest ones, and it is never read while tuning.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from newsprobe.corpus.crosscheck import crosscheck, story_provenance
from newsprobe.corpus.names import fold
from newsprobe.corpus.profile import ArticleProfile, build_profiles
from newsprobe.corpus.stories import JOIN_SCORE, Candidate, assign_story, time_window
from newsprobe.coverage import CrossCheck, ProvenanceEdge
from newsprobe.document import Analysis, Article
from newsprobe.findings import Span

__all__ = ["CorpusScores", "load_part", "main", "score_part", "story_pairs"]

_DEFAULT_ROOT = Path(__file__).resolve().parents[3] / "tests" / "gold" / "corpus"


@dataclass
class CorpusScores:
    """Every score of one part, with the counts behind it."""

    part: str
    articles: int = 0
    stories: dict[str, float] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)
    quotes: dict[str, float] = field(default_factory=dict)
    claims: dict[str, float] = field(default_factory=dict)
    provenance: dict[str, float] = field(default_factory=dict)
    speculation: dict[str, float] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Part:
    """A part of the composed corpus: its articles (by gold id) and its gold."""

    name: str
    articles: dict[str, Article]
    gold: dict[str, Any]


def load_part(part: str, *, root: Path | None = None) -> Part:
    """Read `<root>/<part>/articles.jsonl` and `gold.json` (the JSONL reader `corpus add` uses)."""
    from newsprobe import read
    from newsprobe.errors import IngestError

    folder = (root or _DEFAULT_ROOT) / part
    articles: dict[str, Article] = {}
    for item in read(folder / "articles.jsonl"):
        if isinstance(item, IngestError):
            raise item
        articles[str(item.meta["record_id"])] = item
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    return Part(part, articles, gold)


def _analyses(articles: Mapping[str, Article], cache: Path | None) -> dict[str, Analysis]:
    """Analyses of every article, read from `cache` when the same text was analysed."""
    from newsprobe import Pipeline, __version__

    stored: dict[str, str] = {}
    cache_file = cache / f"analyses-{__version__}.jsonl" if cache else None
    if cache_file and cache_file.exists():
        for line in cache_file.read_text(encoding="utf-8").splitlines():
            analysis = Analysis.from_json(line)
            stored[analysis.article.text + str(analysis.article.url)] = line
    found: dict[str, Analysis] = {}
    todo: list[str] = []
    for key, article in articles.items():
        known = stored.get(article.text + str(article.url))
        if known is None:
            todo.append(key)
        else:
            found[key] = Analysis.from_json(known)
    if todo:
        pipeline = Pipeline(on_error="record")
        for key, analysis in zip(
            todo, pipeline.analyze_many(articles[k] for k in todo), strict=True
        ):
            found[key] = analysis
        if cache_file:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            with cache_file.open("a", encoding="utf-8") as out:
                for key in todo:
                    out.write(found[key].to_json(indent=None) + "\n")
    return found


def _candidates(
    profile: ArticleProfile, placed: Sequence[tuple[ArticleProfile, str]]
) -> list[Candidate]:
    """What the store hands over: articles in the time window, or sharing a key or band."""
    start, end = time_window(profile)
    keys, bands = set(profile.keys), set(profile.bands)
    chosen = []
    for other, story in placed:
        shares = bool(keys & set(other.keys) or bands & set(other.bands))
        in_window = (
            start is not None
            and end is not None
            and other.published is not None
            and start <= other.published <= end
        )
        if in_window or shares:
            chosen.append(Candidate(profile=other, story=story))
    return chosen


def assign_all(
    profiles: Sequence[ArticleProfile], *, join_score: float = JOIN_SCORE
) -> dict[str, str]:
    """Article id -> story id, assigning each profile in turn (as `corpus add` does)."""
    placed: list[tuple[ArticleProfile, str]] = []
    story_of: dict[str, str] = {}
    for profile in profiles:
        decision = assign_story(profile, _candidates(profile, placed), join_score=join_score)
        story = decision.story or f"story-{len({s for _, s in placed}) + 1}"
        story_of[profile.article] = story
        placed.append((profile, story))
    return story_of


def story_pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every unordered pair of articles that share a group."""
    return {frozenset(p) for group in groups for p in combinations(sorted(group), 2)}


def _prf(found: set[Any], gold: set[Any]) -> dict[str, float]:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "predicted": len(found),
        "gold": len(gold),
    }


def score_stories(story_of: Mapping[str, str], gold: Mapping[str, Any]) -> dict[str, float]:
    """Pairwise P/R/F1 of predicted stories (ids: gold article ids)."""
    predicted: dict[str, list[str]] = defaultdict(list)
    for article, story in story_of.items():
        predicted[story].append(article)
    found = story_pairs(predicted.values())
    expected = story_pairs(s["articles"] for s in gold["stories"])
    scores = _prf(found, expected)
    scores["stories_predicted"] = len(predicted)
    scores["stories_gold"] = len(gold["stories"])
    return scores


def _span_of(article: Article, surface: str) -> Span | None:
    start = article.text.find(surface)
    return None if start < 0 else Span(start=start, end=start + len(surface))


def _accuracy(right: int, total: int, found: int) -> dict[str, float]:
    return {
        "accuracy": round(right / total, 4) if total else 1.0,
        "right": right,
        "total": total,
        "found": found,
    }


def _score_figures(
    part: Part, checks: Mapping[str, CrossCheck], ids: Mapping[str, str]
) -> dict[str, float]:
    right = found = total = consensus_right = 0
    for figure in part.gold["figures"]:
        for value in figure["values"]:
            total += 1
            key = value["article"]
            span = _span_of(part.articles[key], value["surface"])
            check = checks.get(ids[key])
            if span is None or check is None:
                continue
            hit = next(
                (
                    (f, v)
                    for f in check.figures
                    for v in f.values
                    if v.article == ids[key] and v.span.overlaps(span)
                ),
                None,
            )
            if hit is None:
                continue
            found += 1
            aligned, mine = hit
            right += mine.verdict == value["verdict"]
            if aligned.consensus and abs(aligned.consensus.value - figure["consensus"]) <= max(
                0.01 * abs(figure["consensus"]), 1e-9
            ):
                consensus_right += 1
    scores = _accuracy(right, total, found)
    scores["consensus_right"] = consensus_right
    return scores


def _score_quotes(
    part: Part, checks: Mapping[str, CrossCheck], ids: Mapping[str, str]
) -> dict[str, float]:
    right = found = total = 0
    for quote in part.gold["quotes"]:
        for version in quote["versions"]:
            total += 1
            key = version["article"]
            span = _span_of(part.articles[key], version["surface"])
            check = checks.get(ids[key])
            if span is None or check is None:
                continue
            mine = next((q for q in check.quotes if q.span.overlaps(span)), None)
            if mine is None:
                continue
            found += 1
            right += mine.fidelity == version["fidelity"]
    return _accuracy(right, total, found)


def _score_claims(
    part: Part, checks: Mapping[str, CrossCheck], ids: Mapping[str, str]
) -> dict[str, float]:
    right = found = total = 0
    by_right = by_total = 0
    for claim in part.gold["claims"]:
        total += 1
        key = claim["article"]
        span = _span_of(part.articles[key], claim["surface"])
        check = checks.get(ids[key])
        if span is None or check is None:
            continue
        mine = next((c for c in check.claims if c.span.overlaps(span)), None)
        if mine is None:
            continue
        found += 1
        right += mine.verdict == claim["verdict"]
        expected = {b if isinstance(b, str) else b["article"] for b in claim.get("by", [])}
        evidence = mine.disputed_by if claim["verdict"] == "disputed" else mine.corroborated_by
        named = {e.article for e in evidence}
        by_total += len(expected)
        by_right += len({ids[b] for b in expected if b in ids} & named)
    scores = _accuracy(right, total, found)
    scores["by_recall"] = round(by_right / by_total, 4) if by_total else 1.0
    return scores


def _edge_key(edge: Mapping[str, Any]) -> tuple[str, str, str]:
    to = edge["to"] or "outlet:" + fold(edge["to_outlet"] or "").removeprefix("the ")
    return (edge["from"], edge["kind"], to)


def _score_provenance(
    part: Part, edges: Sequence[ProvenanceEdge], keys: Mapping[str, str]
) -> dict[str, float]:
    predicted = {
        _edge_key(
            {
                "from": keys[e.source],
                "kind": e.kind,
                "to": keys.get(e.to or ""),
                "to_outlet": e.to_outlet,
            }
        )
        for e in edges
        if e.source in keys
    }
    gold = {_edge_key(e) for e in part.gold["provenance"]}
    return _prf(predicted, gold)


def _score_speculation(
    part: Part, checks: Mapping[str, CrossCheck], ids: Mapping[str, str]
) -> dict[str, float]:
    """Answers found: precision over the answers given to gold speculation, recall over
    the gold answers."""
    wanted = found = given = 0
    for item in part.gold["speculation"]:
        key = item["article"]
        span = _span_of(part.articles[key], item["surface"])
        check = checks.get(ids[key])
        answers: set[str] = set()
        if span is not None and check is not None:
            for mine in check.speculation:
                if mine.span.overlaps(span):
                    answers |= {a.article for a in mine.answers}
        expected = {ids[a] for a in item["answered_by"] if a in ids}
        wanted += len(expected)
        given += len(answers)
        found += len(expected & answers)
    return {
        "precision": round(found / given, 4) if given else 1.0,
        "recall": round(found / wanted, 4) if wanted else 1.0,
        "given": given,
        "gold": wanted,
    }


def _score_checks(
    scores: CorpusScores,
    part: Part,
    checks: Mapping[str, CrossCheck],
    edges: Sequence[ProvenanceEdge],
    ids: Mapping[str, str],
) -> CorpusScores:
    """Fill the cross-checking scores; `ids` maps gold keys to the checked article ids.

    Two gold keys may share an article id (a duplicate stored once): the id then stands
    for the first of them, the one that was stored.
    """
    keys: dict[str, str] = {}
    for key, article_id in ids.items():
        keys.setdefault(article_id, key)
    scores.figures = _score_figures(part, checks, ids)
    scores.quotes = _score_quotes(part, checks, ids)
    scores.claims = _score_claims(part, checks, ids)
    scores.provenance = _score_provenance(part, edges, keys)
    scores.speculation = _score_speculation(part, checks, ids)
    return scores


def score_part(
    part: Part, *, cache: Path | None = None, store: str | Path | None = None
) -> CorpusScores:
    """Run and score story assignment and cross-checking on one part.

    Args:
        part: the part, as `load_part` reads it.
        cache: a folder to keep analyses in between runs (same text: same analysis).
        store: a corpus database (SQLite path or PostgreSQL URL; it should be empty):
            the articles are then added to it as `corpus add` adds them and cross-checked
            as `corpus crosscheck ID` and `corpus provenance STORY` do, so the figures
            measure what users run. Without it, everything runs in memory.
    """
    if store is not None:
        return _score_stored(part, store, cache)
    scores = CorpusScores(part=part.name, articles=len(part.articles))
    clock = time.perf_counter()
    analyses = _analyses(part.articles, cache)
    scores.seconds["analysis"] = round(time.perf_counter() - clock, 2)
    ids = {key: analysis.article.id for key, analysis in analyses.items()}
    keys = {v: k for k, v in ids.items()}
    order = list(part.articles)
    clock = time.perf_counter()
    profiles = build_profiles([analyses[k] for k in order])
    scores.seconds["profiles"] = round(time.perf_counter() - clock, 2)
    clock = time.perf_counter()
    story_of = assign_all(profiles)
    scores.seconds["stories"] = round(time.perf_counter() - clock, 3)
    scores.stories = score_stories({keys[a]: s for a, s in story_of.items()}, part.gold)
    members: dict[str, list[Analysis]] = defaultdict(list)
    for key in order:
        members[story_of[ids[key]]].append(analyses[key])
    by_id = {p.article: p for p in profiles}
    checks: dict[str, CrossCheck] = {}
    edges: list[ProvenanceEdge] = []
    clock = time.perf_counter()
    for story, group in members.items():
        for analysis in group:
            others = {other: rest for other, rest in members.items() if other != story}
            checks[analysis.article.id] = crosscheck(analysis, group, profiles=by_id, others=others)
        edges += story_provenance(group, story=story).edges
    scores.seconds["crosscheck"] = round(time.perf_counter() - clock, 2)
    return _score_checks(scores, part, checks, edges, ids)


def _score_stored(part: Part, store: str | Path, cache: Path | None) -> CorpusScores:
    """`score_part` through the store: `Corpus.add` with the `StoryIndexer`, then the
    store-backed cross-check and provenance of every stored article and story.

    The same article under two URLs is stored once (the second is a duplicate): both gold
    keys then point at the one stored article, its story and its cross-check.
    """
    from newsprobe.corpus.checking import crosscheck_stored, story_graph
    from newsprobe.corpus.corpus import Corpus
    from newsprobe.corpus.story_indexer import StoryIndexer

    scores = CorpusScores(part=part.name, articles=len(part.articles))
    clock = time.perf_counter()
    analyses = _analyses(part.articles, cache)
    scores.seconds["analysis"] = round(time.perf_counter() - clock, 2)
    order = list(part.articles)
    with Corpus(store) as corpus:
        clock = time.perf_counter()
        outcomes = list(corpus.add_iter([analyses[k] for k in order], indexer=StoryIndexer()))
        scores.seconds["add"] = round(time.perf_counter() - clock, 2)
        ids: dict[str, str] = {}
        for key, outcome in zip(order, outcomes, strict=True):
            if outcome.article_id is None:
                scores.errors.append(f"{key}: {outcome.failure}")
            else:
                ids[key] = outcome.article_id
        stored = {i: corpus.article(i) for i in set(ids.values())}
        story_of = {key: str(stored[i].story_id) for key, i in ids.items()}
        scores.stories = score_stories(story_of, part.gold)
        clock = time.perf_counter()
        checks = {i: crosscheck_stored(corpus, i) for i in stored}
        scores.seconds["crosscheck"] = round(time.perf_counter() - clock, 2)
        edges: list[ProvenanceEdge] = []
        for story in sorted({a.story_id for a in stored.values() if a.story_id is not None}):
            edges += story_graph(corpus, story).edges
    return _score_checks(scores, part, checks, edges, ids)


def _print(scores: CorpusScores) -> None:
    s = scores
    print(f"composed corpus, part {s.part}: {s.articles} articles")
    print(
        f"  stories      pairwise P {s.stories['precision']:.3f} R {s.stories['recall']:.3f} "
        f"F1 {s.stories['f1']:.3f} ({s.stories['stories_predicted']:.0f} predicted, "
        f"{s.stories['stories_gold']:.0f} gold)"
    )
    for name in ("figures", "quotes", "claims"):
        d = getattr(s, name)
        print(
            f"  {name:<12} verdict accuracy {d['accuracy']:.3f} ({d['right']:.0f}/"
            f"{d['total']:.0f}; {d['found']:.0f} found)"
        )
    p = s.provenance
    print(f"  provenance   edges P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}")
    q = s.speculation
    print(f"  speculation  answers P {q['precision']:.3f} R {q['recall']:.3f}")
    print(f"  time         {s.seconds}")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score one part and print the figures (``--json`` for JSON)."""
    parser = argparse.ArgumentParser(prog="python -m newsprobe.evaluation.corpus")
    parser.add_argument("--part", default="dev", help="dev or heldout")
    parser.add_argument("--root", type=Path, default=None, help="the corpus folder")
    parser.add_argument("--cache", type=Path, default=None, help="cache analyses here")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--store",
        nargs="?",
        const="",
        default=None,
        help="run through a corpus store (as `corpus add` and `corpus crosscheck` do): "
        "a new SQLite file or PostgreSQL URL, or nothing for a temporary SQLite file",
    )
    args = parser.parse_args(argv)
    folder = (args.root or _DEFAULT_ROOT) / args.part
    if not (folder / "articles.jsonl").is_file():
        print(f"no composed corpus part at {folder}", file=sys.stderr)
        return 1
    part = load_part(args.part, root=args.root)
    if args.store is None:
        scores = score_part(part, cache=args.cache)
    elif args.store:
        scores = score_part(part, cache=args.cache, store=args.store)
    else:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "corpus.db"
            scores = score_part(part, cache=args.cache, store=db)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        _print(scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
