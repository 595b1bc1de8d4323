"""Check the composed cross-checking corpus against the format in README.md.

Plain Python (standard library only), so it runs before the package is installed and a test
can import it. It checks what a scorer relies on: articles parse and carry the fields and
types the format names, ids and URLs are unique, dates are ISO 8601 with a time zone, every
gold reference points to an article of the same part, every surface is an exact substring of
its article, every article is in exactly one story, and labels come from the allowed sets.

    $ python tests/gold/corpus/validate.py              # both parts, with a summary
    $ python tests/gold/corpus/validate.py tests/gold/corpus/dev

    >>> problems = validate_part(Path("tests/gold/corpus/dev"))
    >>> problems
    []
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "BOUNDS",
    "DIMENSIONS",
    "FIDELITIES",
    "LANGUAGES",
    "PARTS",
    "PROVENANCE_KINDS",
    "VERDICTS_CLAIM",
    "VERDICTS_FIGURE",
    "load_articles",
    "load_gold",
    "summarize",
    "validate_part",
]

CORPUS_DIR = Path(__file__).resolve().parent
#: Part folder -> the prefix every article id of that part carries.
PARTS = {"dev": "d-", "heldout": "h-", "probe1": "p-", "probe2": "q-"}
LANGUAGES = frozenset({"en", "fr", "de", "it", "es"})
VERDICTS_FIGURE = frozenset({"consistent", "minor_discrepancy", "minority", "contradiction"})
BOUNDS = frozenset({"exact", "approximate", "lower", "upper"})
DIMENSIONS = frozenset({"duration", "count", "money", "percent", "distance", "mass", "speed",
                        "volume", "area", "length", "temperature", "rate"})  # fmt: skip
FIDELITIES = frozenset({"identical", "altered", "truncated", "only_here"})
VERDICTS_CLAIM = frozenset({"corroborated", "disputed", "only_here"})
PROVENANCE_KINDS = frozenset({"cites", "wire", "copies", "shares_passage"})
ARTICLE_FIELDS = ("id", "url", "outlet", "published", "language", "headline", "text")
GOLD_SECTIONS = ("stories", "figures", "quotes", "claims", "speculation", "provenance")
# The issue asks for short articles; bodies (byline excluded) stay within these bounds.
MIN_WORDS, MAX_WORDS = 120, 350
# Mirrors newsprobe.ingest.text: an English byline line right after the headline is moved
# to `authors`, so a surface found only there would have no span in the ingested body.
_BYLINE = re.compile(r"^by\s+[^\n]{2,120}$", re.IGNORECASE)
_MAX_BYLINE_WORDS = 12
# Mirrors newsprobe.normalize: text stored normalized keeps every span where a reader
# typed it (no tabs, runs of spaces, stray blank lines, invisible or control characters).
_SPACES = re.compile(r"[^\S\n]+")
_INVISIBLE = re.compile("[\ufeff\u200b\u00ad\u2060\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _normalized_body(text: str) -> str:
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _normalized_line(text: str) -> str:
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text.replace("\n", " ")))
    return _SPACES.sub(" ", text).strip()


def _body(text: str) -> str:
    """The text as the JSONL reader keeps it: a leading English byline line removed."""
    first, _, rest = text.partition("\n")
    if _BYLINE.match(first.strip()) and rest.strip() and len(first.split()) <= _MAX_BYLINE_WORDS:
        return rest.strip()
    return text


def load_articles(part_dir: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The part's articles in file order, and one problem line per line that does not parse."""
    articles: list[dict[str, Any]] = []
    problems: list[str] = []
    path = part_dir / "articles.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read ({exc})"]
    for number, line in enumerate(lines, 1):
        if not line.strip():
            problems.append(f"{path.name}:{number}: blank line")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{number}: not JSON ({exc})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path.name}:{number}: not a JSON object")
            continue
        articles.append(record)
    return articles, problems


def load_gold(part_dir: Path) -> dict[str, Any]:
    """The part's gold.json (raises OSError or ValueError when it is unreadable)."""
    data = json.loads((part_dir / "gold.json").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("gold.json is not a JSON object")
    return data


def _check_article(record: Mapping[str, Any], prefix: str) -> list[str]:
    where = f"article {record.get('id')!r}"
    problems = [f"{where}: missing field {f!r}" for f in ARTICLE_FIELDS if f not in record]
    if problems:
        return problems
    for field in ("id", "url", "language", "headline", "text"):
        if not isinstance(record[field], str) or not record[field].strip():
            problems.append(f"{where}: {field} must be a non-empty string")
    for field in ("outlet", "published"):
        value = record[field]
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(f"{where}: {field} must be a non-empty string or null")
    if problems:
        return problems
    if not record["id"].startswith(prefix):
        problems.append(f"{where}: id must start with {prefix!r} in this part")
    url = urlsplit(record["url"])
    host = url.hostname or ""
    if url.scheme not in ("http", "https") or not (host == "example" or host.endswith(".example")):
        problems.append(f"{where}: url must be http(s) on an .example domain")
    if record["published"] is not None:
        try:
            when = datetime.fromisoformat(record["published"])
        except ValueError:
            problems.append(f"{where}: published is not ISO 8601: {record['published']!r}")
        else:
            if when.tzinfo is None or when.utcoffset() is None:
                problems.append(f"{where}: published has no time zone")
    if record["language"] not in LANGUAGES:
        problems.append(f"{where}: language {record['language']!r} not in {sorted(LANGUAGES)}")
    if record["text"] != _normalized_body(record["text"]):
        problems.append(f"{where}: text is not normalized (spaces, blank lines, controls)")
    if record["headline"] != _normalized_line(record["headline"]):
        problems.append(f"{where}: headline is not normalized")
    words = len(_body(record["text"]).split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"{where}: body has {words} words, outside {MIN_WORDS}-{MAX_WORDS}")
    extra = set(record) - set(ARTICLE_FIELDS)
    if extra:
        problems.append(f"{where}: unknown fields {sorted(extra)}")
    return problems


class _GoldChecker:
    """Checks one part's gold.json against its articles; collects problem lines."""

    def __init__(self, articles: Mapping[str, Mapping[str, Any]]) -> None:
        self.articles = articles
        self.problems: list[str] = []
        self.story_of: dict[str, str] = {}
        self.story_ids: set[str] = set()

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def article(self, where: str, value: Any) -> bool:
        if not isinstance(value, str) or value not in self.articles:
            self.fail(where, f"unknown article {value!r}")
            return False
        return True

    def in_story(self, where: str, article: Any, story: Any) -> bool:
        if not self.article(where, article):
            return False
        if self.story_of.get(article) != story:
            self.fail(where, f"article {article!r} is not in story {story!r}")
            return False
        return True

    def surface(self, where: str, article: Any, surface: Any) -> None:
        if not isinstance(surface, str) or not surface.strip():
            self.fail(where, "surface must be a non-empty string")
            return
        if not isinstance(article, str) or article not in self.articles:
            return
        record = self.articles[article]
        if surface in record["headline"] or surface in _body(record["text"]):
            return
        if surface in record["text"]:
            self.fail(where, f"surface {surface!r} is only in the byline of {article}")
        else:
            self.fail(where, f"surface {surface!r} not found in {article}")

    def label(self, where: str, value: Any, allowed: Iterable[str], name: str) -> None:
        if value not in allowed:
            self.fail(where, f"{name} {value!r} not in {sorted(allowed)}")

    def story(self, where: str, value: Any) -> bool:
        if value not in self.story_ids:
            self.fail(where, f"unknown story {value!r}")
            return False
        return True

    def unique_ids(self, section: str, entries: list[Any]) -> None:
        ids = Counter(e.get("id") for e in entries if isinstance(e, dict))
        for value, count in ids.items():
            if count > 1:
                self.fail(section, f"id {value!r} used {count} times")

    def check(self, gold: Mapping[str, Any]) -> None:
        for section in GOLD_SECTIONS:
            if not isinstance(gold.get(section), list):
                self.fail("gold.json", f"{section!r} must be a list")
                return
            for index, entry in enumerate(gold[section]):
                if not isinstance(entry, dict):
                    self.fail(f"{section}[{index}]", "must be an object")
                    return
        unknown = set(gold) - set(GOLD_SECTIONS)
        if unknown:
            self.fail("gold.json", f"unknown sections {sorted(unknown)}")
        self.stories(gold["stories"])
        self.figures(gold["figures"])
        self.quotes(gold["quotes"])
        self.claims(gold["claims"])
        self.speculation(gold["speculation"])
        self.provenance(gold["provenance"])

    def stories(self, stories: list[dict[str, Any]]) -> None:
        self.unique_ids("stories", stories)
        self.story_ids = {s["id"] for s in stories if isinstance(s.get("id"), str)}
        for story in stories:
            where = f"story {story.get('id')!r}"
            if not isinstance(story.get("title"), str) or not story["title"].strip():
                self.fail(where, "title must be a non-empty string")
            members = story.get("articles")
            if not isinstance(members, list) or not members:
                self.fail(where, "articles must be a non-empty list")
                continue
            for article in members:
                if not self.article(where, article):
                    continue
                if article in self.story_of:
                    self.fail(where, f"{article} is also in story {self.story_of[article]!r}")
                self.story_of[article] = story["id"]
            other = story.get("distractor_of", "missing")
            if other == "missing":
                self.fail(where, "distractor_of is missing (null when none)")
            elif other is not None and (other not in self.story_ids or other == story["id"]):
                self.fail(where, f"distractor_of {other!r} is not another story")
        for article in self.articles:
            if article not in self.story_of:
                self.fail("stories", f"article {article} is in no story")

    def figures(self, figures: list[dict[str, Any]]) -> None:
        self.unique_ids("figures", figures)
        for figure in figures:
            where = f"figure {figure.get('id')!r}"
            self.story(where, figure.get("story"))
            for field in ("about", "unit"):
                if not isinstance(figure.get(field), str) or not figure[field].strip():
                    self.fail(where, f"{field} must be a non-empty string")
            self.label(where, figure.get("dimension"), DIMENSIONS, "dimension")
            if not _is_number(figure.get("consensus")):
                self.fail(where, "consensus must be a number")
            values = figure.get("values")
            if not isinstance(values, list) or len(values) < 2:
                self.fail(where, "values must list at least two articles' values")
                continue
            for value in values:
                # A figure of an earlier event may be mentioned in another story's article,
                # so values need an article of this part, not of the figure's story.
                if not isinstance(value, dict) or not self.article(where, value.get("article")):
                    continue
                self.surface(where, value["article"], value.get("surface"))
                if not _is_number(value.get("value")):
                    self.fail(where, f"value of {value['article']} must be a number")
                self.label(where, value.get("bound"), BOUNDS, "bound")
                self.label(where, value.get("verdict"), VERDICTS_FIGURE, "verdict")

    def quotes(self, quotes: list[dict[str, Any]]) -> None:
        self.unique_ids("quotes", quotes)
        for quote in quotes:
            where = f"quote {quote.get('id')!r}"
            story = quote.get("story")
            self.story(where, story)
            if not isinstance(quote.get("speaker"), str) or not quote["speaker"].strip():
                self.fail(where, "speaker must be a non-empty string")
            reference = quote.get("reference")
            versions = quote.get("versions")
            if not isinstance(versions, list) or not versions:
                self.fail(where, "versions must be a non-empty list")
                continue
            fidelities = [v.get("fidelity") for v in versions if isinstance(v, dict)]
            if reference is None:
                if fidelities != ["only_here"]:
                    self.fail(where, "a quote without reference has one only_here version")
            else:
                if not isinstance(reference, dict):
                    self.fail(where, "reference must be an object or null")
                    continue
                if "only_here" in fidelities:
                    self.fail(where, "only_here versions have a null reference")
                if self.in_story(where, reference.get("article"), story):
                    self.surface(where, reference["article"], reference.get("surface"))
            for version in versions:
                if not isinstance(version, dict):
                    continue
                self.label(where, version.get("fidelity"), FIDELITIES, "fidelity")
                if self.in_story(where, version.get("article"), story):
                    self.surface(where, version["article"], version.get("surface"))

    def claims(self, claims: list[dict[str, Any]]) -> None:
        for index, claim in enumerate(claims):
            where = f"claims[{index}] ({claim.get('article')})"
            story = claim.get("story")
            if self.story(where, story) and self.in_story(where, claim.get("article"), story):
                self.surface(where, claim["article"], claim.get("surface"))
            verdict = claim.get("verdict")
            self.label(where, verdict, VERDICTS_CLAIM, "verdict")
            by = claim.get("by")
            if verdict == "only_here":
                if by:
                    self.fail(where, "an only_here claim has no 'by'")
            elif verdict == "corroborated":
                if not isinstance(by, list) or not by or not all(isinstance(a, str) for a in by):
                    self.fail(where, "'by' must be a non-empty list of article ids")
                    continue
                for article in by:
                    self.in_story(where, article, story)
            elif verdict == "disputed":
                if not isinstance(by, list) or not by:
                    self.fail(where, "'by' must be a non-empty list of {article, span}")
                    continue
                for item in by:
                    if not isinstance(item, dict):
                        self.fail(where, "'by' of a disputed claim lists {article, span}")
                    elif self.in_story(where, item.get("article"), story):
                        self.surface(where, item["article"], item.get("span"))

    def speculation(self, entries: list[dict[str, Any]]) -> None:
        for index, entry in enumerate(entries):
            where = f"speculation[{index}] ({entry.get('article')})"
            story = entry.get("story")
            if self.story(where, story) and self.in_story(where, entry.get("article"), story):
                self.surface(where, entry["article"], entry.get("surface"))
            answered = entry.get("answered_by")
            if not isinstance(answered, list):
                self.fail(where, "answered_by must be a list (empty when nobody answers)")
                continue
            for article in answered:
                self.in_story(where, article, story)

    def provenance(self, edges: list[dict[str, Any]]) -> None:
        seen: Counter[tuple[Any, ...]] = Counter()
        for index, edge in enumerate(edges):
            where = f"provenance[{index}] ({edge.get('from')} -> {edge.get('to_outlet')})"
            story = edge.get("story")
            self.label(where, edge.get("kind"), PROVENANCE_KINDS, "kind")
            seen[(edge.get("from"), edge.get("to_outlet"), edge.get("to"), edge.get("kind"))] += 1
            if not isinstance(edge.get("to_outlet"), str) or not edge["to_outlet"].strip():
                self.fail(where, "to_outlet must be a non-empty string")
            if not self.story(where, story) or not self.in_story(where, edge.get("from"), story):
                continue
            self.surface(where, edge["from"], edge.get("evidence"))
            target = edge.get("to")
            if target is not None and self.in_story(where, target, story):
                if target == edge["from"]:
                    self.fail(where, "an edge from an article to itself")
                if self.articles[target]["outlet"] != edge.get("to_outlet"):
                    self.fail(where, f"to_outlet differs from the outlet of {target}")
            elif target is None and edge.get("kind") in ("copies", "shares_passage"):
                self.fail(where, "copies and shares_passage edges name the article in 'to'")
        for key, count in seen.items():
            if count > 1:
                self.fail("provenance", f"edge {key} listed {count} times")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def validate_part(part_dir: Path) -> list[str]:
    """Every problem found in one part (empty when the part is valid)."""
    prefix = PARTS.get(part_dir.name)
    if prefix is None:
        return [f"{part_dir}: not a corpus part (expected one of {sorted(PARTS)})"]
    records, problems = load_articles(part_dir)
    articles: dict[str, dict[str, Any]] = {}
    urls: Counter[str] = Counter()
    for record in records:
        found = _check_article(record, prefix)
        problems.extend(found)
        if found and any("missing field" in p or "must be" in p for p in found):
            continue
        if record["id"] in articles:
            problems.append(f"article {record['id']!r}: id used twice")
        articles[record["id"]] = record
        urls[record["url"]] += 1
    problems.extend(f"url {url} used {n} times" for url, n in urls.items() if n > 1)
    try:
        gold = load_gold(part_dir)
    except (OSError, ValueError) as exc:
        return [*problems, f"{part_dir / 'gold.json'}: {exc}"]
    checker = _GoldChecker(articles)
    checker.check(gold)
    return problems + checker.problems


def summarize(part_dir: Path) -> dict[str, Any]:
    """Counts of one (valid) part: articles, stories, labels per section."""
    records, _ = load_articles(part_dir)
    gold = load_gold(part_dir)
    values = [v for f in gold["figures"] for v in f["values"]]
    return {
        "articles": len(records),
        "stories": len(gold["stories"]),
        "languages": dict(Counter(r["language"] for r in records).most_common()),
        "outlets": len({r["outlet"] for r in records if r["outlet"]}),
        "undated": sum(r["published"] is None for r in records),
        "without_outlet": sum(r["outlet"] is None for r in records),
        "figures": len(gold["figures"]),
        "figure_values": dict(Counter(v["verdict"] for v in values).most_common()),
        "quotes": len(gold["quotes"]),
        "quote_versions": dict(
            Counter(v["fidelity"] for q in gold["quotes"] for v in q["versions"]).most_common()
        ),
        "claims": dict(Counter(c["verdict"] for c in gold["claims"]).most_common()),
        "speculation": len(gold["speculation"]),
        "speculation_answered": sum(bool(s["answered_by"]) for s in gold["speculation"]),
        "provenance": dict(Counter(e["kind"] for e in gold["provenance"]).most_common()),
    }


def main(argv: list[str]) -> int:
    """Validate the parts named on the command line (default: both); 1 if any problem."""
    # A bare part name ("probe1") means that part of this corpus.
    parts = [CORPUS_DIR / a if a in PARTS else Path(a) for a in argv]
    parts = parts or [CORPUS_DIR / name for name in PARTS]
    status = 0
    for part in parts:
        problems = validate_part(part)
        for problem in problems:
            print(f"{part.name}: {problem}")
        if problems:
            status = 1
            print(f"{part.name}: {len(problems)} problem(s)")
        else:
            print(f"{part.name}: ok {json.dumps(summarize(part), ensure_ascii=False)}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
