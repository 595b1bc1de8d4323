"""Score attribution against PolNeAR (Newell, Margolin & Ruths, LREC 2018): real news.

PolNeAR marks every attribution in 2016 US political news as three spans, the source
("Dana Whitfield, chief market strategist at Harrow Capital"), the cue ("said") and the
content (what is attributed). The scoring is the corpus's own reporting rule
(``../shared/data/README.md``): a predicted span matches a gold one when their token Dice
overlap is at least 0.5. Reported here:

- source P/R/F1: distinct predicted source spans against distinct gold source spans,
  matched one to one;
- content-token P/R/F1: the tokens inside any predicted content span against the tokens
  inside any gold content span, per article;
- relation P/R/F1: a predicted (source, content) pair against a gold attribution that has
  both, matched one to one when both parts match;
- recall of sources of speech verbs: the share of gold attributions cued by a verb of
  saying ("said", "told", "according to") whose source some predicted source matches.

Tokens are runs of word characters (with inner apostrophes and hyphens): punctuation and
quotation marks do not count, so '“keep the details under wraps.”' and 'keep the
details under wraps' are the same content. An article annotated by several annotators
is scored against one of them, the first by annotator id, so no article weighs more than
another.

newsprobe's findings become predictions in `predictions`: every attribution finding
(source span, cue span, and content span, else the sentence it attributes) and every
quote finding with a speaker that no attribution covers (speaker span, cue span, the
quoted words); the sentences of one quotation sourced by one cue are one prediction.

    python -m newsprobe.evaluation.polnear --split dev --limit 20

Tune on ``train``; ``dev`` is for reporting (a test split of the same size is held
elsewhere).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprobe.analyzers.shared.speech_verbs import CUE_FORMS, verbs_for
from newsprobe.document import Analysis, Article
from newsprobe.findings import AttributionFinding, QuoteFinding, Span

if TYPE_CHECKING:
    from newsprobe.analyzers.pipeline import Pipeline

__all__ = [
    "ANALYZERS",
    "MATCH_DICE",
    "GoldAttribution",
    "PolnearArticle",
    "Predicted",
    "Scores",
    "article_for",
    "default_root",
    "dice",
    "evaluate",
    "format_figures",
    "load_split",
    "main",
    "parse_ann",
    "predictions",
    "score_article",
]

#: The corpus's reporting rule: spans match at token Dice of at least this.
MATCH_DICE = 0.5
#: The analyzers whose findings are scored (attribution reads entities and quotes).
ANALYZERS = ("entities", "quotes", "attribution")

_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")
_SAYING = verbs_for("saying")
_SPEECH_FORMS = frozenset(f for f, base in CUE_FORMS.items() if base in _SAYING) | {"according"}

Ranges = tuple[tuple[int, int], ...]


def default_root() -> Path:
    """``../shared/data/polnear`` beside the repository (it may be absent)."""
    return Path(__file__).resolve().parents[4] / "shared" / "data" / "polnear"


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: character ranges of its parts (a part may be discontiguous;
    an attribution without a source has an empty `source`)."""

    source: Ranges
    cue: Ranges
    content: Ranges


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """One article: its text as the corpus gives it and one annotator's attributions."""

    name: str
    text: str
    annotator: str
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted attribution in character ranges of the corpus text (None: absent)."""

    source: Ranges | None
    cue: Ranges | None
    content: Ranges | None


def _ranges(field_text: str) -> Ranges:
    """ "12 20;25 30" -> ((12, 20), (25, 30))."""
    out = []
    for part in field_text.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def parse_ann(text: str) -> list[GoldAttribution]:
    """The attributions of one brat standoff file (``Discard``/``Discuss`` marks and notes
    are not attributions; a malformed line is skipped, as brat itself does)."""
    spans: dict[str, tuple[str, Ranges]] = {}
    relations: list[dict[str, str]] = []
    for line in text.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, where = fields[1].partition(" ")
            try:
                spans[fields[0]] = (label, _ranges(where))
            except ValueError:
                continue
        elif fields[0].startswith("E"):
            roles = dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg)
            relations.append(roles)
    found = []
    for roles in relations:
        if not any(k.startswith("Attribution") for k in roles):
            continue

        def part(role: str, roles: dict[str, str] = roles) -> Ranges:
            ref = roles.get(role)
            return spans[ref][1] if ref in spans else ()

        found.append(GoldAttribution(part("Source"), part("Cue"), part("Content")))
    return found


def load_split(
    split: str, *, root: Path | None = None, limit: int | None = None
) -> list[PolnearArticle]:
    """The articles of `split` ("train" or "dev"), sorted by name; `limit` takes an evenly
    spaced sample of that many (every publisher keeps its share).

    Raises:
        FileNotFoundError: the split's folder is missing (the message names it).
    """
    folder = (root or default_root()) / split
    if not (folder / "text").is_dir():
        raise FileNotFoundError(f"no PolNeAR {split} split at {folder}")
    annotations: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, path)  # the first annotator by id
    names = sorted(annotations)
    if limit is not None and 0 < limit < len(names):
        step = len(names) / limit
        names = [names[int(k * step)] for k in range(limit)]
    articles = []
    for name in names:
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        ann = annotations[name]
        articles.append(
            PolnearArticle(
                name=name,
                text=text_path.read_text(encoding="utf-8"),
                annotator=ann.stem.rsplit("_", 1)[1],
                attributions=tuple(parse_ann(ann.read_text(encoding="utf-8"))),
            )
        )
    return articles


# --- tokens and matching ------------------------------------------------------------------


class _Tokens:
    """The word tokens of one text, to turn character ranges into sets of token indices."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, ranges: Ranges | None) -> frozenset[int]:
        """Indices of the tokens that overlap any of `ranges`."""
        if not ranges:
            return frozenset()
        from bisect import bisect_left, bisect_right

        found: set[int] = set()
        for start, end in ranges:
            lo = bisect_right(self.ends, start)
            hi = bisect_left(self.starts, end)
            found.update(range(lo, hi))
        return frozenset(found)


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Token Dice overlap 2|a∩b| / (|a| + |b|); 0 for two empty sets."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _match(
    gold: Sequence[tuple[frozenset[int], ...]], predicted: Sequence[tuple[frozenset[int], ...]]
) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index) where every part matches at
    `MATCH_DICE`, taken greedily from the best summed overlap down."""
    pairs = []
    for g, parts in enumerate(gold):
        for p, guess in enumerate(predicted):
            scores = [dice(a, b) for a, b in zip(parts, guess, strict=True)]
            if min(scores) >= MATCH_DICE:
                pairs.append((sum(scores), g, p))
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matched.append((g, p))
    return matched


@dataclass
class _Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    """Counts over many articles; `figures()` gives the report."""

    articles: int = 0
    source: _Count = field(default_factory=_Count)
    content: _Count = field(default_factory=_Count)
    relation: _Count = field(default_factory=_Count)
    speech_sources: int = 0
    speech_found: int = 0

    def figures(self) -> dict[str, object]:
        """Every figure, as plain numbers (JSON-safe)."""
        recall = self.speech_found / self.speech_sources if self.speech_sources else 0.0
        return {
            "articles": self.articles,
            "source": self.source.prf(),
            "content_tokens": self.content.prf(),
            "relation": self.relation.prf(),
            "speech_verb_source_recall": recall,
            "speech_verb_sources": self.speech_sources,
        }


def _is_speech_cue(text: str, cue: Ranges) -> bool:
    words = (m.group().lower() for start, end in cue for m in _TOKEN.finditer(text[start:end]))
    return any(w in _SPEECH_FORMS for w in words)


def score_article(
    text: str, gold: Iterable[GoldAttribution], predicted: Iterable[Predicted], scores: Scores
) -> None:
    """Add one article's counts to `scores`."""
    tokens = _Tokens(text)
    gold = list(gold)
    predicted = list(predicted)
    scores.articles += 1
    # Sources: distinct token sets on either side (two cues of one source are one source).
    gold_sources = list(dict.fromkeys(t for g in gold if (t := tokens.of(g.source))))
    guess_sources = list(dict.fromkeys(t for p in predicted if (t := tokens.of(p.source))))
    matched = _match([(s,) for s in gold_sources], [(s,) for s in guess_sources])
    scores.source.add(len(matched), len(guess_sources), len(gold_sources))
    # Content: the union of tokens on either side.
    gold_content = frozenset().union(*(tokens.of(g.content) for g in gold))
    guess_content = frozenset().union(*(tokens.of(p.content) for p in predicted))
    scores.content.add(len(gold_content & guess_content), len(guess_content), len(gold_content))
    # Relations: source and content both present and both matched.
    gold_pairs = list(
        dict.fromkeys(
            (s, c) for g in gold if (s := tokens.of(g.source)) and (c := tokens.of(g.content))
        )
    )
    guess_pairs = list(
        dict.fromkeys(
            (s, c) for p in predicted if (s := tokens.of(p.source)) and (c := tokens.of(p.content))
        )
    )
    scores.relation.add(len(_match(gold_pairs, guess_pairs)), len(guess_pairs), len(gold_pairs))
    # Speech verbs: was the source of each "X said" found?
    for g in gold:
        source = tokens.of(g.source)
        if source and _is_speech_cue(text, g.cue):
            scores.speech_sources += 1
            scores.speech_found += any(dice(source, s) >= MATCH_DICE for s in guess_sources)


# --- newsprobe's side -----------------------------------------------------------------------


def _one(span: Span | None) -> Ranges | None:
    return None if span is None else ((span.start, span.end),)


def predictions(analysis: Analysis) -> list[Predicted]:
    """newsprobe's attributions, in offsets of `analysis.article.text`.

    An attribution finding is one sentence; PolNeAR's attribution is one cue. So findings
    sharing a source span and a cue (the sentences of a quotation) become one prediction
    whose content is all of theirs; a quote finding adds a prediction only where no
    attribution finding covers it (the attribution analyzer reads the quotes already).
    """
    grouped: dict[tuple[Ranges | None, Ranges | None], list[tuple[int, int]]] = {}
    covered: list[Span] = []
    sources: list[Span | None] = []
    for finding in analysis.findings:
        if isinstance(finding, AttributionFinding):
            content = finding.content_span or finding.span
            key = (_one(finding.source_span), _one(finding.cue_span))
            grouped.setdefault(key, []).append((content.start, content.end))
            covered.append(finding.span)
            sources.append(finding.source_span)
    for finding in analysis.findings:
        if not isinstance(finding, QuoteFinding) or finding.speaker_span is None:
            continue
        if any(finding.span.overlaps(span) for span in covered) or any(
            source is not None and source.contains(finding.speaker_span) for source in sources
        ):
            continue
        key = (_one(finding.speaker_span), _one(finding.cue_span))
        grouped.setdefault(key, []).extend((p.start, p.end) for p in finding.parts)
    return [
        Predicted(source, cue, tuple(sorted(set(content))))
        for (source, cue), content in grouped.items()
    ]


def article_for(item: PolnearArticle) -> Article:
    """The newsprobe article of a corpus text: its first line is the headline."""
    head, sep, body = item.text.partition("\n")
    if not sep or not head.strip():
        return Article.create(headline=None, body=item.text, language="en")
    return Article.create(headline=head, body=body, language="en")


class _OffsetMap:
    """From offsets of the normalized `Article.text` back to offsets of the corpus text.

    The normalizer only drops characters (spaces beyond the first, blank lines, invisible
    and control characters), turns some into others (any space into " ", "\\r\\n" into
    "\\n") and composes accents (NFC); most texts come out unchanged. For the others one
    walk over both strings pairs each normalized character with the original one it came
    from: linear in the length, where a general diff (difflib) took 30 s on one 15,000
    character article.
    """

    def __init__(self, normalized: str, original: str) -> None:
        self.same = normalized == original
        self.at: list[int] = []
        if self.same:
            return
        import unicodedata

        at = self.at
        j, n = 0, len(original)
        for char in normalized:
            # Skip what the normalizer dropped: spaces, controls, invisible characters (a
            # space stands for the first of the spaces it replaced).
            space = char.isspace()
            while (
                j < n
                and original[j] != char
                and not (space and original[j].isspace())
                and (original[j].isspace() or unicodedata.category(original[j]) in {"Cc", "Cf"})
            ):
                j += 1
            at.append(min(j, n))
            if j < n and (not space or original[j].isspace()):
                # The same character, or one rewritten (composed with the accents after
                # it); a space the normalizer added (after the headline) stands for none.
                rewritten = original[j] != char
                j += 1
                while rewritten and j < n and unicodedata.combining(original[j]):
                    j += 1
        at.append(n)

    def __call__(self, offset: int) -> int:
        if self.same:
            return offset
        return self.at[min(max(offset, 0), len(self.at) - 1)]

    def ranges(self, ranges: Ranges | None) -> Ranges | None:
        if ranges is None or self.same:
            return ranges
        return tuple((self(s), self(e)) for s, e in ranges)


def evaluate(
    pipeline: Pipeline, articles: Sequence[PolnearArticle], scores: Scores | None = None
) -> Scores:
    """Analyse every article with `pipeline` and score its attributions."""
    scores = scores if scores is not None else Scores()
    built = [article_for(a) for a in articles]
    for item, analysis in zip(articles, pipeline.analyze_many(built), strict=True):
        back = _OffsetMap(analysis.article.text, item.text)
        guessed = [
            Predicted(back.ranges(p.source), back.ranges(p.cue), back.ranges(p.content))
            for p in predictions(analysis)
        ]
        score_article(item.text, item.attributions, guessed, scores)
    return scores


def format_figures(figures: dict[str, object]) -> str:
    """The figures as a few lines of text."""
    lines = []
    for key, label in (
        ("source", "source"),
        ("content_tokens", "content tokens"),
        ("relation", "relation"),
    ):
        s = figures[key]
        assert isinstance(s, dict)
        lines.append(
            f"{label:15s} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            f"  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
        )
    lines.append(
        f"speech-verb source recall {figures['speech_verb_source_recall']:.3f}"
        f" of {figures['speech_verb_sources']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score newsprobe's attributions on a PolNeAR split and print the figures."""
    parser = argparse.ArgumentParser(description="Score attribution on PolNeAR.")
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--limit", type=int, default=None, help="score a sample of N articles")
    parser.add_argument("--root", type=Path, default=None, help="the polnear/ folder")
    args = parser.parse_args(argv)
    from newsprobe.analyzers.pipeline import Pipeline

    try:
        articles = load_split(args.split, root=args.root, limit=args.limit)
    except FileNotFoundError as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    started = time.perf_counter()
    scores = evaluate(Pipeline(list(ANALYZERS)), articles)
    elapsed = time.perf_counter() - started
    print(f"PolNeAR {args.split}: {scores.articles} articles ({elapsed:.0f} s)")
    print(format_figures(scores.figures()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
