"""A small composed coverage set for the corpus tests: invented outlets, people and events.

Two stories, each with a distractor, written for these tests:

- "ferry": President Ilse Marrow of Dunland and Prime Minister Petar Voss of Halvia meet
  in Port Aster on Tuesday 14 April 2026 and agree to reopen a ferry route. A wire report
  (a1), a near-copy of it (a2), an independent report that says "about an hour" and
  alters a quote (a3), a tabloid that says "barely 20 minutes", truncates the quote,
  cites the wire and asks about fishing quotas (a4), French (a5) and German (a6)
  reports, and an undated retelling with no outlet (a8). Distractor: the same two leaders
  in Merrin two years earlier (a7).
- "depot": a fire at Kellin's bus depot on Sunday 19 April 2026 injures twelve. A local
  paper that also recalls an earlier, deadly fire (b1), a wire report (b2), Spanish (b3)
  and Italian (b5) reports. Distractor: the depot reopens a week later (b4).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from newsprobe.document import Analysis, Article

__all__ = ["ARTICLES", "STORIES", "analyses", "article", "articles", "key_of", "story"]

_FERRY_WIRE = (
    "PORT ASTER, Dunland (Northgate Wire) — President Ilse Marrow of Dunland and Prime "
    "Minister Petar Voss of Halvia met for 45 minutes on Tuesday at the harbour master's "
    "office in Port Aster, their first meeting since the ferry route between the two "
    "countries was suspended in January.\n\n"
    "The two leaders agreed to reopen the ferry route between Port Aster and Halvia's port "
    "of Drenmouth by the end of May, according to a joint statement.\n\n"
    '"We have opened a door that was closed for too long," Marrow told reporters after the '
    'meeting. "The ferries will sail again before summer."\n\n'
    'Voss said the talks had been "frank and constructive" but warned that customs checks '
    'would stay in place. "Nobody should expect the old rules to come back overnight," he '
    "said."
)

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "a1",
        "outlet": "Northgate Wire",
        "published": "2026-04-14T16:00:00+00:00",
        "language": "en",
        "headline": "Marrow and Voss agree to reopen Aster ferry route after 45-minute meeting",
        "text": _FERRY_WIRE
        + "\n\nThe suspension has cost Halvian fishing firms an estimated 12 million crowns, "
        "according to the Halvian chamber of commerce.",
    },
    {
        "id": "a2",
        "outlet": "The Daily Lantern",
        "published": "2026-04-14T18:30:00+00:00",
        "language": "en",
        "headline": "Ferry route to reopen after Marrow-Voss talks",
        "text": _FERRY_WIRE.replace("Halvia's port of Drenmouth", "Drenmouth"),
    },
    {
        "id": "a3",
        "outlet": "Coastal Herald",
        "published": "2026-04-15T07:00:00+00:00",
        "language": "en",
        "headline": "Leaders of Dunland and Halvia end ferry dispute in Port Aster",
        "text": (
            "President Ilse Marrow and Prime Minister Petar Voss spent about an hour together "
            "in Port Aster on Tuesday and left with a deal to restart the ferry crossings to "
            "Drenmouth.\n\n"
            "Officials from both governments said the route would reopen by the end of May. "
            "The two leaders also discussed fishing quotas in the strait, a Dunland official "
            "said, and agreed to set up a joint working group.\n\n"
            '"We have opened a door that was shut for too long," Marrow said at the '
            "quayside.\n\n"
            'Voss described the meeting as "frank and constructive". He did not say when '
            "customs checks would be eased.\n\n"
            'Harbour workers in Port Aster welcomed the news. "We have waited four months '
            'for this," said Jonas Brell, a crane operator.'
        ),
    },
    {
        "id": "a4",
        "outlet": "Evening Star",
        "published": "2026-04-15T09:00:00+00:00",
        "language": "en",
        "headline": "FERRY FARCE? Marrow and Voss rush through 20-minute 'summit'",
        "text": (
            "It was billed as a historic summit. In the end, Ilse Marrow and Petar Voss met "
            "for barely 20 minutes in Port Aster on Tuesday.\n\n"
            "According to Northgate Wire, the two leaders agreed to reopen the ferry route to "
            "Drenmouth by the end of May. But can anyone believe them?\n\n"
            '"We have opened a door," Marrow declared after the meeting.\n\n'
            "Could the leaders have discussed fishing quotas as well? Neither side would "
            "say.\n\n"
            "So was it a breakthrough or a photo opportunity? Tell us what you think in the "
            "comments."
        ),
    },
    {
        "id": "a5",
        "outlet": "Le Courrier du Nord",
        "published": "2026-04-15T08:00:00+02:00",
        "language": "fr",
        "headline": "Marrow et Voss s'accordent sur la reprise des ferries à Port Aster",
        "text": (
            "La présidente du Dunland, Ilse Marrow, et le Premier ministre halvien, Petar "
            "Voss, se sont rencontrés mardi à Port Aster pendant trois quarts d'heure.\n\n"
            "Les deux dirigeants ont convenu de rouvrir la liaison maritime entre Port Aster "
            "et Drenmouth d'ici à la fin du mois de mai, selon un communiqué commun.\n\n"
            "« Nous avons ouvert une porte restée fermée trop longtemps », a déclaré "
            "Mme Marrow."
        ),
    },
    {
        "id": "a6",
        "outlet": "Morgenblatt",
        "published": "2026-04-15T06:00:00+02:00",
        "language": "de",
        "headline": "Fährverbindung zwischen Dunland und Halvia soll wieder öffnen",
        "text": (
            "Die Präsidentin von Dunland, Ilse Marrow, und der halvische Regierungschef Petar "
            "Voss haben sich am Dienstag in Port Aster rund 45 Minuten lang getroffen.\n\n"
            "Beide einigten sich darauf, die Fährverbindung zwischen Port Aster und Drenmouth "
            "bis Ende Mai wieder aufzunehmen, hieß es in einer gemeinsamen Erklärung."
        ),
    },
    {
        "id": "a7",
        "outlet": "Coastal Herald",
        "published": "2024-05-02T10:00:00+00:00",
        "language": "en",
        "headline": "Marrow and Voss meet in Merrin, fail to agree on fishing quotas",
        "text": (
            "President Ilse Marrow of Dunland and Prime Minister Petar Voss of Halvia met for "
            "two hours in the Halvian capital, Merrin, on Wednesday, but left without an "
            "agreement on fishing quotas.\n\n"
            '"We are still far apart," Voss told reporters. Marrow said the talks would '
            "continue in the autumn."
        ),
    },
    {
        "id": "a8",
        "outlet": None,
        "published": None,
        "language": "en",
        "headline": "Aster ferry to sail again",
        "text": (
            "The ferry between Port Aster and Drenmouth will sail again by the end of May "
            "after President Ilse Marrow and Prime Minister Petar Voss agreed to reopen the "
            "route, Northgate Wire reports. The two leaders met for 45 minutes."
        ),
    },
    {
        "id": "b1",
        "outlet": "Kellin Post",
        "published": "2026-04-19T20:00:00+00:00",
        "language": "en",
        "headline": "Twelve injured in fire at Kellin bus depot",
        "text": (
            "Twelve people were injured when a fire swept through the main bus depot in "
            "Kellin on Sunday morning, the city's fire service said.\n\n"
            "More than 30 firefighters fought the blaze for four hours. Three of the injured "
            "were taken to hospital with serious burns, fire chief Marta Olsen said.\n\n"
            '"The fire spread through the workshop in minutes," Olsen said. "Without the '
            'night staff raising the alarm, this would have been much worse."\n\n'
            "It was the second fire at the depot in two years. In 2024 a blaze in the same "
            "workshop killed two mechanics."
        ),
    },
    {
        "id": "b2",
        "outlet": "Northgate Wire",
        "published": "2026-04-19T21:00:00+00:00",
        "language": "en",
        "headline": "Fire at Kellin bus depot injures 12",
        "text": (
            "KELLIN (Northgate Wire) — A fire at the main bus depot in Kellin injured 12 "
            "people on Sunday, according to the city's fire service.\n\n"
            "Some 40 firefighters fought the blaze for about four hours, fire chief Marta "
            'Olsen told Northgate Wire. "The fire spread through the workshop in minutes," '
            "she said.\n\n"
            "Bus services in the city will run on a reduced timetable on Monday, the "
            "transport company said."
        ),
    },
    {
        "id": "b3",
        "outlet": "Radio Meridia",
        "published": "2026-04-20T08:00:00+02:00",
        "language": "es",
        "headline": "Un incendio en la cochera de autobuses de Kellin deja doce heridos",
        "text": (
            "Un incendio en la principal cochera de autobuses de Kellin dejó el domingo doce "
            "heridos, según los bomberos de la ciudad.\n\n"
            "Más de 30 bomberos lucharon durante unas cuatro horas contra las llamas, dijo la "
            "jefa de bomberos Marta Olsen."
        ),
    },
    {
        "id": "b4",
        "outlet": "Kellin Post",
        "published": "2026-04-26T18:00:00+00:00",
        "language": "en",
        "headline": "Kellin bus depot reopens after repairs",
        "text": (
            "The main bus depot in Kellin reopened on Sunday, a week after a fire damaged its "
            "workshop.\n\n"
            "Full bus services resumed across the city, the transport company said. Fire "
            "chief Marta Olsen attended the reopening."
        ),
    },
    {
        "id": "b5",
        "outlet": "Il Faro",
        "published": "2026-04-20T09:00:00+02:00",
        "language": "it",
        "headline": "Incendio nel deposito degli autobus di Kellin: dodici feriti",
        "text": (
            "Dodici persone sono rimaste ferite domenica in un incendio scoppiato nel "
            "deposito principale degli autobus di Kellin, secondo i vigili del fuoco.\n\n"
            "Oltre 30 vigili del fuoco hanno lottato per circa quattro ore contro le fiamme, "
            "ha detto la comandante Marta Olsen."
        ),
    },
]

#: The stories a careful reader sees, by article id.
STORIES: dict[str, set[str]] = {
    "ferry": {"a1", "a2", "a3", "a4", "a5", "a6", "a8"},
    "ferry-2024": {"a7"},
    "depot": {"b1", "b2", "b3", "b5"},
    "depot-reopens": {"b4"},
}


def article(key: str) -> Article:
    """One composed article, built as the JSONL reader would build it."""
    record = next(r for r in ARTICLES if r["id"] == key)
    published = record["published"]
    return Article.create(
        headline=record["headline"],
        body=record["text"],
        url=f"https://{key}.news.example/story",
        outlet=record["outlet"],
        published=datetime.fromisoformat(published) if published else None,
        language=record["language"],
        meta={"key": key},
    )


def articles() -> list[Article]:
    """Every composed article, in the order above."""
    return [article(r["id"]) for r in ARTICLES]


@cache
def _analysed() -> tuple[Analysis, ...]:
    import newsprobe

    return tuple(newsprobe.Pipeline().analyze_many(articles()))


def analyses(*keys: str) -> list[Analysis]:
    """The composed articles analysed (once per test session), in the order asked."""
    by_key = {str(a.article.meta["key"]): a for a in _analysed()}
    return [by_key[k] for k in keys] if keys else list(_analysed())


def story(name: str) -> list[Analysis]:
    """The analyses of one of `STORIES`, in `ARTICLES` order."""
    members = STORIES[name]
    return [a for a in analyses() if a.article.meta["key"] in members]


def key_of(article_id: str) -> str:
    """The composed key ("a1") of an article id."""
    return next(str(a.article.meta["key"]) for a in _analysed() if a.article.id == article_id)
