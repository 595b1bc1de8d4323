"""One composed chemical leak told by four outlets in three languages: how long the
emergency operation took, how many were evacuated and how many went to hospital line up
across English, French and German, whatever each outlet calls them."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

import newsprobe
from newsprobe.corpus.crosscheck import crosscheck
from newsprobe.coverage import AlignedFigure, CrossCheck
from newsprobe.document import Article
from newsprobe.report.corpus import render_crosscheck

_DAY = datetime(2026, 6, 9, 18, tzinfo=UTC)
HERALD = Article.create(
    headline="Chemical leak forces evacuation of 300 Dellmoor residents",
    body=(
        "About 300 residents were evacuated from their homes in Dellmoor on Tuesday after a "
        "tanker leaked ammonia on the ring road, police said. The standoff with the "
        "leaking tanker lasted nearly three hours before specialist crews sealed the valve. "
        "Four people were treated in hospital for breathing problems. The haulier faces a "
        "fine of up to €2.4 million, according to the environment agency."
    ),
    outlet="Dellmoor Herald",
    published=_DAY,
    language="en",
)
COURIER = Article.create(
    headline="Ammonia tanker leak: hundreds evacuated in Dellmoor",
    body=(
        "Some 280 people had to leave their homes in Dellmoor on Tuesday when a tanker "
        "carrying ammonia sprang a leak on the ring road. Emergency crews needed two and a "
        "half hours to stop the leak. Six people were taken to hospital with breathing "
        "difficulties, the fire service said. The environment agency said the haulier "
        "could be fined as much as 2.4 million euros."
    ),
    outlet="Valley Courier",
    published=_DAY,
    language="en",
)
COURRIER = Article.create(
    headline="Dellmoor : 300 évacués après une fuite d'ammoniac",
    body=(
        "Environ 300 habitants de Dellmoor ont été évacués mardi après une fuite d'ammoniac "
        "sur un camion-citerne, a indiqué la police. Quatre personnes ont été hospitalisées. "
        "L'intervention a duré près de trois heures."
    ),
    outlet="Le Courrier Alpin",
    published=_DAY,
    language="fr",
)
BOTE = Article.create(
    headline="Giftalarm in Dellmoor: rund 300 Anwohner evakuiert",
    body=(
        "Rund 300 Anwohner mussten am Dienstag in Dellmoor ihre Häuser verlassen, nachdem ein "
        "Tanklaster Ammoniak verloren hatte. Vier Menschen kamen ins Krankenhaus. Der Einsatz "
        "dauerte knapp drei Stunden."
    ),
    outlet="Alpenbote",
    published=_DAY,
    language="de",
)


@pytest.fixture(scope="module")
def check() -> CrossCheck:
    analyses = list(newsprobe.Pipeline().analyze_many([HERALD, COURRIER, BOTE, COURIER]))
    return crosscheck(analyses[-1], analyses)


def _figure(check: CrossCheck, figure_id: str) -> AlignedFigure:
    return next(f for f in check.figures if f.id == figure_id)


def test_the_operation_lasted_about_three_hours_in_every_language(check: CrossCheck) -> None:
    operation = _figure(check, "duration/operation")
    assert {v.outlet for v in operation.values} == {
        "Dellmoor Herald",
        "Le Courrier Alpin",
        "Alpenbote",
        "Valley Courier",
    }
    assert operation.consensus is not None and operation.consensus.value == 180
    # Two and a half hours against "nearly three hours" from three outlets.
    assert operation.target_verdict == "minor_discrepancy"


def test_what_happened_to_the_people_counted_decides_the_figure(check: CrossCheck) -> None:
    evacuated = _figure(check, "count/displaced")
    given = {(v.outlet, v.value) for v in evacuated.values}
    assert ("Valley Courier", 280) in given  # "had to leave their homes"
    assert ("Dellmoor Herald", 300) in given  # "residents were evacuated"
    assert ("Le Courrier Alpin", 300) in given  # "habitants ... ont été évacués"
    assert evacuated.target_verdict == "consistent"
    injured = _figure(check, "casualties/injured")
    assert {v.outlet for v in injured.values if v.value == 4} == {
        "Dellmoor Herald",
        "Le Courrier Alpin",
        "Alpenbote",  # "kamen ins Krankenhaus"
    }
    assert injured.target_verdict == "contradiction"


def test_bounds_alone_are_no_disagreement(check: CrossCheck) -> None:
    out = io.StringIO()
    render_crosscheck(check, Console(file=out, width=140, color_system=None))
    assert "the outlets give only bounds" in out.getvalue()


def test_bounds_and_one_exact_figure_that_agree_are_no_disagreement() -> None:
    # "gusts of up to 140 km/h" from three outlets, "90mph winds" (145 km/h) and "up to
    # 90 mph" from a fourth: every figure is consistent, none is a majority value.
    day = datetime(2026, 11, 28, 9, tzinfo=UTC)
    articles = [
        Article.create(
            headline=headline,
            body=body,
            outlet=outlet,
            published=day,
            language=language,
        )
        for outlet, language, headline, body in (
            ("Harbourline News", "en", "Storm Orla batters Kestravan coast",
             "Storm Orla swept across the Kestravan coast overnight with gusts of up to 140 "
             "km/h, toppling trees and flooding streets in Serevo."),
            ("Coastline Wire", "en", "Storm lashes Kestravan coast",
             "A storm with winds of up to 140 kilometres per hour swept across the "
             "Kestravan coast on Saturday, toppling trees in Serevo."),
            ("Il Faro", "it", "Tempesta Orla sulla costa di Kestrava",
             "La tempesta Orla si è abbattuta sulla costa di Kestrava e su Serevo con "
             "raffiche fino a 140 chilometri orari."),
            ("Northgate Daily", "en", "Storm Orla: 90mph winds hit coast",
             "Storm Orla hit the Kestravan coast and Serevo with winds of up to 90 mph, "
             "toppling trees."),
        )
    ]  # fmt: skip
    analyses = list(newsprobe.Pipeline().analyze_many(articles))
    check = crosscheck(analyses[-1], analyses)
    (speed,) = [f for f in check.figures if f.dimension == "speed"]
    assert {v.verdict for v in speed.values} == {"consistent"}
    out = io.StringIO()
    render_crosscheck(check, Console(file=out, width=140, color_system=None))
    assert "disagree" not in out.getvalue()
    assert "the figures agree" in out.getvalue()
