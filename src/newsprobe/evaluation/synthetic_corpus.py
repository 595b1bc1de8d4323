"""Composed news articles for the store's tests and benchmark, built from templates.

Every outlet, person, place and event here is invented. `compose(n)` gives `n` distinct,
deterministic articles (an event, an outlet, a date and figures each); `synthetic_analysis`
gives each its entity and quantity findings straight from the template slots, without
parsing, so that a benchmark can store 100,000 analyses in minutes.

    >>> items = compose(3, seed=1)
    >>> analysis = synthetic_analysis(items[0])
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsprobe.document import Analysis, Article
from newsprobe.findings import EntityFinding, QuantityFinding, Span

__all__ = ["Composed", "compose", "synthetic_analysis", "write_jsonl"]

OUTLETS = (
    "Coastline Wire", "The Kestrava Ledger", "Northgate Courier", "Varnia Today",
    "The Harbour Bulletin", "Ostrel Evening Post", "Midvale Chronicle", "Riverside Dispatch",
)  # fmt: skip
PEOPLE = (
    "Ana Ruiz", "Tomas Brenner", "Lidia Okafor", "Piet Vandersloot", "Mara Quell",
    "Jonas Ekwueme", "Sofia Tallgren", "Ruben Aastrand", "Irene Koval", "Dev Malhotra",
)  # fmt: skip
PLACES = (
    "Kestrava", "Varn", "Ostrel", "Northgate", "Midvale", "Port Ellery", "Salden",
    "Brackwater", "Lindqvist Bay", "Thornmere",
)  # fmt: skip
# A large cast for benchmark corpora (`cast="large"`): 900 people and 120 places, so that a
# name is shared by hundreds of articles in 100,000, as in real coverage, not by a tenth.
_FIRST = (
    "Ada Bruno Celia Dario Elin Farid Greta Hugo Ines Jalen Kira Lucas Mira Nils Olga "
    "Pavel Rosa Sami Talia Umar Vera Wim Yara Zoltan Amara Bram Cleo Dmitri Esme Felix"
).split()
_LAST = (
    "Aldana Berglund Castellan Drummond Esterhazy Falkner Greaves Halloran Ibsen Jarvik "
    "Kowalczyk Lindahl Marchetti Novak Oyelaran Petrakis Quintero Rasmussen Szabo Tamura "
    "Ulbrich Varga Whitlock Xanthos Yilmaz Zeller Ambrose Bakshi Corrigan Delacroix"
).split()
_PLACE_STEMS = "Ash Bel Cor Dun Elm Fen Glen Hol Kil Lark Mor Nor Ost Pen Rav".split()
_PLACE_ENDS = "ford haven mouth stead wick bury dale field".split()
LARGE_PEOPLE = tuple(f"{first} {last}" for first in _FIRST for last in _LAST)
LARGE_PLACES = tuple(stem + end for stem in _PLACE_STEMS for end in _PLACE_ENDS)
ORGS = (
    "the Harbour Workers' Union", "the Varnia Rail Board", "Corvane Energy",
    "the Ostrel Water Authority", "the Kestrava City Council", "Meridia Freight",
)  # fmt: skip

# Each event: a headline and body paragraphs with slots. {p1}/{p2} people, {place},
# {org}, {n1}..{n3} numbers, {day} a weekday. Paragraphs are joined in order.
EVENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Ferry crews walk out in {place} over night shifts",
        (
            "Ferry crews in {place} walked out on {day}, {org} said, after talks with "
            "operators broke down over night-shift pay.",
            "{p1}, who speaks for the crews, said {n1} sailings had been cancelled and "
            "that talks had lasted {n2} minutes before the operators left the room.",
            "\u201cWe asked for a fair rota and got a closed door,\u201d {p1} told reporters "
            "at the quay. Operators said the strike would cost about {n3} thousand fares.",
        ),
    ),
    (
        "Leaders meet in {place} for border talks",
        (
            "{p1} and {p2} met in {place} on {day} for talks on reopening the border "
            "crossing, officials said.",
            "The meeting lasted {n2} minutes, according to a statement from {org}. "
            "Neither leader took questions afterwards.",
            "\u201cThe door is open,\u201d {p1} said. Officials said {n1} trucks a day "
            "could cross again within {n3} weeks if the deal holds.",
        ),
    ),
    (
        "Floods close roads around {place}",
        (
            "Heavy rain flooded roads around {place} on {day}, and {org} said {n1} homes "
            "had been evacuated.",
            "{p1}, a spokesperson, said water levels rose by {n2} centimetres in an hour. "
            "Schools in the area stayed shut.",
            "Forecasters expect a further {n3} millimetres of rain before the weekend, "
            "{p2} of the regional weather office said.",
        ),
    ),
    (
        "{org} posts quarterly results",
        (
            "{org} reported revenue of {n1} million dollars for the quarter on {day}, "
            "up {n2} percent on a year earlier.",
            "Chief executive {p1} said the company would open a new depot in {place} "
            "and hire {n3} people.",
            "Analysts including {p2} said the figures were in line with expectations.",
        ),
    ),
    (
        "Bridge in {place} reopens after repairs",
        (
            "The bridge over the river in {place} reopened on {day} after {n1} weeks of "
            "repairs, {org} said.",
            "{p1}, who led the works, said {n2} steel cables had been replaced and that "
            "traffic would be limited to {n3} tonnes for now.",
            "\u201cIt is safe, and it will stay safe,\u201d {p1} said at the opening.",
        ),
    ),
)
# Background sentences a longer article adds after the event (`background=`), so that a
# benchmark corpus has the length and vocabulary of real coverage, not only the templates.
BACKGROUND = (
    "Residents of {place} said the week had been the busiest in years.",
    "{org} has faced criticism over its handling of earlier disputes.",
    "Local shops reported fewer customers than usual for the season.",
    "The regional assembly is due to debate a new transport budget next month.",
    "A survey last spring found that most commuters travel more than an hour a day.",
    "Opposition members called for an independent review of the decision.",
    "The harbour authority published its annual figures in the autumn.",
    "Weather forecasters warned of strong winds along the coast.",
    "Several councillors declined to comment when contacted on the day.",
    "The agreement signed two years ago expires at the end of the year.",
    "Economists at the university in {place} expect growth to slow.",
    "Union representatives are expected to meet again later in the week.",
    "Tourism accounts for a large share of employment in the district.",
    "The ministry said it would publish a detailed report within weeks.",
    "Critics say the plan does too little for families outside the city.",
    "Emergency services said they had been prepared for the disruption.",
    "Rail operators added extra services on the main lines through {place}.",
    "Community groups organised meetings to hear residents' concerns.",
    "The last comparable dispute in the region lasted almost a month.",
    "Officials stressed that talks would continue behind closed doors.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SLOT_KIND = {"p1": "PERSON", "p2": "PERSON", "place": "GPE", "org": "ORG"}


@dataclass(frozen=True)
class Composed:
    """A composed article and where its names and numbers are in its text."""

    article: Article
    event: int
    names: list[tuple[str, str, Span]] = field(default_factory=list)  # (name, label, span)
    numbers: list[tuple[int, Span]] = field(default_factory=list)


def _fill(template: str, values: dict[str, str], offset: int) -> tuple[str, list[tuple[str, Span]]]:
    """The filled template and (slot, span) of every slot, offsets shifted by `offset`."""
    out: list[str] = []
    slots: list[tuple[str, Span]] = []
    length = offset
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        out.append(literal)
        length += len(literal)
        if name is not None:
            value = values[name]
            slots.append((name, Span(start=length, end=length + len(value))))
            out.append(value)
            length += len(value)
    return "".join(out), slots


def compose(
    n: int,
    *,
    seed: int = 0,
    start: datetime | None = None,
    first: int = 0,
    background: int = 0,
    cast: str = "small",
) -> list[Composed]:
    """`n` distinct articles: events × outlets × dates × figures, deterministic per seed.

    `first` numbers the articles from there on (URLs and dates follow), so that several
    calls give articles that are all distinct. `background` adds that many paragraphs of
    three background sentences each (about 45 words a paragraph). `cast` "large" draws
    people and places from `LARGE_PEOPLE` and `LARGE_PLACES`.
    """
    return list(
        iter_composed(n, seed=seed, start=start, first=first, background=background, cast=cast)
    )


def iter_composed(
    n: int,
    *,
    seed: int = 0,
    start: datetime | None = None,
    first: int = 0,
    background: int = 0,
    cast: str = "small",
    story_size: int = 1,
) -> Iterator[Composed]:
    """`compose`, one at a time (for corpora too large to hold).

    With `story_size` above one, each run of that many consecutive articles reports one
    event (the same people, place and figures), each from another outlet, three hours
    apart, with its own background paragraphs: a story of `story_size` articles.
    """
    origin = start or datetime(2026, 1, 5, 8, tzinfo=UTC)
    for index in range(first, first + n):
        rng = random.Random(f"{seed}-{index}")  # each article its own draws: any slice agrees
        event = index % len(EVENTS)
        draws = rng
        if story_size > 1:
            event = (index // story_size) % len(EVENTS)
            draws = random.Random(f"{seed}-story-{index // story_size}")
        headline_template, paragraphs = EVENTS[event]
        people, places = (LARGE_PEOPLE, LARGE_PLACES) if cast == "large" else (PEOPLE, PLACES)
        p1, p2 = draws.sample(people, 2)
        values = {
            "p1": p1,
            "p2": p2,
            "place": draws.choice(places),
            "org": draws.choice(ORGS),
            "day": draws.choice(WEEKDAYS),
            "n1": str(draws.randint(2, 900)),
            "n2": str(draws.randint(10, 95)),
            "n3": str(draws.randint(2, 60)),
        }
        outlet = OUTLETS[(index // len(EVENTS)) % len(OUTLETS)]
        if story_size > 1:
            outlet = OUTLETS[index % story_size % len(OUTLETS)]
        published = origin + timedelta(hours=3 * index, minutes=index % 60)
        headline, head_slots = _fill(headline_template, values, 0)
        if headline[0].islower():
            headline = headline[0].upper() + headline[1:]
        body_parts: list[str] = []
        slots = list(head_slots)
        cursor = len(headline) + 2
        extra = [" ".join(rng.sample(BACKGROUND, 3)) for _ in range(background)]
        for paragraph in (*paragraphs, *extra):
            filled, found = _fill(paragraph, values, cursor)
            body_parts.append(filled)
            slots += found
            cursor += len(filled) + 2
        article = Article.create(
            headline=headline,
            body="\n\n".join(body_parts),
            url=f"https://{outlet.lower().replace(' ', '-')}.example/news/{seed}-{index:07d}",
            outlet=outlet,
            published=published,
            language="en",
        )
        text = article.text
        names = [
            (values[s], _SLOT_KIND[s], span)
            for s, span in slots
            if s in _SLOT_KIND and text[span.start : span.end] == values[s]
        ]
        numbers = [
            (int(values[s]), span)
            for s, span in slots
            if s.startswith("n") and text[span.start : span.end] == values[s]
        ]
        yield Composed(article=article, event=event, names=names, numbers=numbers)


def synthetic_analysis(item: Composed) -> Analysis:
    """Entity and quantity findings from the template slots, as the analyzers would give."""
    findings: list[EntityFinding | QuantityFinding] = []
    merged: dict[str, list[Span]] = {}
    labels: dict[str, str] = {}
    for name, label, span in item.names:
        merged.setdefault(name, []).append(span)
        labels[name] = label
    text = item.article.text
    for number, (name, spans) in enumerate(merged.items(), start=1):
        findings.append(
            EntityFinding(
                id=f"entity-{number}",
                span=spans[0],
                text=text[spans[0].start : spans[0].end],
                analyzer="entities@synthetic",
                confidence=0.9,
                note=f"{labels[name]} mentioned {len(spans)} time(s).",
                canonical=name,
                label=labels[name],
                mentions=spans,
                aliases=[name.split()[-1]] if labels[name] == "PERSON" else [],
            )
        )
    for number, (value, span) in enumerate(item.numbers, start=1):
        findings.append(
            QuantityFinding(
                id=f"quantity-{number}",
                span=span,
                text=text[span.start : span.end],
                analyzer="quantities@synthetic",
                confidence=0.9,
                note=f"{value} (count).",
                value=float(value),
                unit=None,
                dimension="count",
            )
        )
    return Analysis(article=item.article, findings=list(findings))


def write_jsonl(path: Path, items: Sequence[Composed]) -> Path:
    """The articles as JSONL records `corpus add` reads (url, outlet, published, ...)."""
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            article = item.article
            record = {
                "url": article.url,
                "outlet": article.outlet,
                "published": article.published.isoformat() if article.published else None,
                "language": article.language,
                "headline": article.headline_text,
                "text": article.body_text,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
