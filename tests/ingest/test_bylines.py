"""Byline, outlet and date lines at the top of a plain-text article."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsprobe.ingest import load
from newsprobe.ingest.bylines import Header, read_header


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (
            "By Priya Anand | Eastbrook Courier | 14 March 2026",
            Header(["Priya Anand"], "Eastbrook Courier", "14 March 2026"),
        ),
        (
            "By Owen Castellanos, transport correspondent\n30 November 2026",
            Header(["Owen Castellanos"], None, "30 November 2026"),
        ),
        (
            "By Ana Ruiz in Geneva\nPublished: Saturday 14 March 2026 09.30 GMT",
            Header(["Ana Ruiz"], None, "Saturday 14 March 2026 09.30 GMT"),
        ),
        ("By Ana de la Cruz - Harbour Wire", Header(["Ana de la Cruz"], "Harbour Wire")),
        ("By Lena Brandt and Omar bin Said", Header(["Lena Brandt", "Omar bin Said"])),
        ("Updated 2026-03-15 08:00", Header(published="2026-03-15 08:00")),
        # A byline that names no one still gives the outlet and date after it.
        (
            "By staff | Northern Wire | 14 March 2026",
            Header([], "Northern Wire", "14 March 2026"),
        ),
        ("By our correspondent\n2 May 2026", Header([], None, "2 May 2026")),
        # An outlet after a comma, when its name holds an outlet's word; another name
        # after a comma is a second author.
        (
            "By Petra Lind, Harbourline News\nPublished 2026-11-20 07:10",
            Header(["Petra Lind"], "Harbourline News", "2026-11-20 07:10"),
        ),
        ("By staff, Northgate Daily", Header([], "Northgate Daily")),
        ("By Ana Ruiz, Tomas Brenner", Header(["Ana Ruiz", "Tomas Brenner"])),
        # An outlet and a date set apart by a bar, without "By", in any language.
        ("Le Matin du Nord | 14 mars 2026", Header([], "Le Matin du Nord", "14 mars 2026")),
        ("14. März 2026 · Nordkurier Abend", Header([], "Nordkurier Abend", "14. März 2026")),
        # "By" in French, German, Spanish and Italian.
        (
            "Par Claire Morel | Le Courrier du Nord | 2 décembre 2026",
            Header(["Claire Morel"], "Le Courrier du Nord", "2 décembre 2026"),
        ),
        ("Von Anna Weber | Nordkurier", Header(["Anna Weber"], "Nordkurier")),
        ("Por Ana Ruiz | El Diario del Norte", Header(["Ana Ruiz"], "El Diario del Norte")),
        ("Di Marco Rossi | Il Corriere del Nord", Header(["Marco Rossi"], "Il Corriere del Nord")),
    ],
)
def test_header_lines_are_lifted_into_fields(top: str, expected: Header) -> None:
    header, body = read_header(top + "\n\nThe dam held overnight, engineers said.")
    assert header == expected
    assert body == "The dam held overnight, engineers said."


@pytest.mark.parametrize(
    "first",
    [
        "By Tuesday, the river had risen two metres.",
        "By the time police arrived, the crowd had gone.",
        "By 14 March the reservoir was half empty, the authority said.",
        "March 2026 was the wettest month on record, forecasters said.",
        "By Ana Ruiz | a report that nobody in the town had read before the flood",
        "KESSPORT - A crane fell at the port | 14 March 2026",
        "By staff accounts, the crane had been inspected in May.",
        "By Friday, Harbour Radio had stopped broadcasting.",
        "Par ailleurs, la mairie a fermé le port.",
        "Von der Leyen flew to Kessport on Monday.",
        "Von Montag an gilt der neue Fahrplan.",
        "Di fronte al porto, la gru è crollata.",
    ],
)
def test_prose_that_opens_like_a_header_stays_in_the_body(first: str) -> None:
    text = first + "\n\nEngineers lowered the water level."
    assert read_header(text) == (Header(), text)


def test_a_header_alone_is_not_lifted_from_an_empty_body() -> None:
    assert read_header("By Priya Anand") == (Header(), "By Priya Anand")


def test_a_text_file_gets_its_outlet_and_date_from_the_byline(tmp_path: Path) -> None:
    path = tmp_path / "dam.txt"
    path.write_text(
        "Crack found in Velmar dam wall\n\n"
        "By Priya Anand | Eastbrook Courier | 14 March 2026\n\n"
        "Engineers were called to the Velmar reservoir on Thursday, the water authority said."
    )
    article = load(path)
    assert article.authors == ["Priya Anand"]
    assert article.outlet == "Eastbrook Courier"
    assert article.published == datetime(2026, 3, 14, tzinfo=UTC)
    assert article.body_text.startswith("Engineers were called")


def test_fields_given_with_the_record_win_over_the_byline(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        '{"title": "Crack found in Velmar dam wall", "source": "Ashby Evening Post", '
        '"text": "By Priya Anand | Eastbrook Courier | 14 March 2026\\n\\nEngineers were '
        'called to the Velmar reservoir on Thursday."}\n'
    )
    article = load(path)
    assert article.outlet == "Ashby Evening Post"
