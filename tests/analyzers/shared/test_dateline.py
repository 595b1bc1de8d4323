"""The one dateline grammar shared by claims, events and sensational wording.

Composed wire openings (invented places and outlets): where the dateline ends, which place
it names, and which capitals at a line's start are house style rather than shouting.
"""

from __future__ import annotations

import pytest

from newsprobe.analyzers.shared.dateline import dateline_end, dateline_openings, dateline_place

STORY = "Port officials said the ferry would sail again on Friday."


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("VARN, Kestrava (Coastline Wire) - ", "VARN"),
        ("HALVIK, Ostmark (Northern Wire) — ", "HALVIK"),
        ("HALVIK (Northern Wire) – ", "HALVIK"),
        ("HALVIK, Ostmark – ", "HALVIK"),
        ("HALVIK – ", "HALVIK"),
        ("HALVIK—", "HALVIK"),  # em dash set solid, as some papers do
        ("PORT SELBY, Ostm. --", "PORT SELBY"),
        ("PORT SELBY -- ", "PORT SELBY"),
        ("ST. ANSELM'S, Kestrava, March 3 (Coastline Wire) - ", "ST. ANSELM'S"),
        ("MARROW-ON-SEA , Kestrava, 3-4 March (Wire) - ", "MARROW-ON-SEA"),
        ("O’DARRAGH BAY (Gull News Service) — ", "O’DARRAGH BAY"),
        ("VARN, Kestrava -\n", "VARN"),  # the dash ends the line, the story starts below
        ("SÃO VELHO, Ostmark (Southern Wire) – ", "SÃO VELHO"),
        ("ΝΕΑ ΠΟΛΗ (Aegean Wire) — ", "ΝΕΑ ΠΟΛΗ"),
        ("НОВОГРАД, Ostmark — ", "НОВОГРАД"),
    ],
)
def test_a_composed_dateline_is_read_to_its_dash(dateline: str, place: str) -> None:
    text = dateline + STORY
    assert dateline_end(text) == len(dateline)
    assert text[dateline_end(text) :] == STORY
    assert dateline_place(text) == place


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "HUGE crowds gathered in Varn - police said the square was full.",
        "NEVER again, the minister said - and the hall fell silent.",
        "URGENT: the port of Halvik is closed.",
        "AMZN -1.98% after the results, traders said.",  # a share price, not a dash
        "US-led talks in Varn resumed on Monday.",  # a hyphen inside a word
        "Varn, Kestrava (Coastline Wire) - " + STORY,  # a place not in capitals
        "VARN, Kestrava (Coastline Wire) " + STORY,  # no dash: no dateline
        "V - " + STORY,  # one letter is no place
        "وارن، كستراڤا — " + STORY,  # Arabic has no capitals
        "瓦恩 — " + STORY,
        "",
        "—",
        "VARN",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0
    assert dateline_place(text) is None


def test_a_dateline_is_only_read_at_the_start() -> None:
    text = STORY + " VARN, Kestrava (Coastline Wire) - More ferries were cancelled."
    assert dateline_end(text) == 0
    assert dateline_end(" VARN - " + STORY) == 0


def test_a_long_qualifier_is_no_dateline() -> None:
    """Past 40 characters after the comma it is a sentence, not "VARN, Kestrava"."""
    qualifier = "a port town on the northern coast of Kestrava famous for ferries"
    assert dateline_end(f"VARN, {qualifier} - {STORY}") == 0


def _opened(text: str) -> list[str]:
    return [text[start:end] for start, end in dateline_openings(text)]


def test_openings_cover_datelines_and_bylines_on_any_line() -> None:
    text = (
        "Ferries return to Varn\n\n"
        "By JANE ODERMARK, Coastline Wire\n"
        "VARN, Kestrava (Coastline Wire) - Ferries sailed again on Friday.\n\n"
        "HALVIK — The northern route stays closed.\n"
        "PORT SELBY\n"
        "Officials said the WHOLE fleet would sail by Monday."
    )
    assert _opened(text) == [
        "By JANE ODERMARK",
        "VARN",
        "HALVIK",
        "PORT SELBY",
    ]


def test_openings_skip_capitals_that_go_on_as_a_sentence() -> None:
    text = "HUGE crowds gathered in Varn.\nThe ferry is SAFE, officials said."
    assert _opened(text) == []


def test_openings_are_looser_than_a_dateline() -> None:
    """A place followed by a comma opens a line as a dateline does, with no dash yet: the
    capitals stay house style ("CORSICA, May 3 (AP)" wrapped before its dash)."""
    text = "VARN, Kestrava, March 3 (Coastline Wire)\nFerries sailed again."
    assert _opened(text) == ["VARN"]
    assert dateline_end(text) == 0


def test_a_long_line_of_capitals_is_an_opening_but_no_dateline() -> None:
    """No dash: not a dateline. The line is capitals to its end: house style (a slug)."""
    text = "VARN KESTRAVA " * 20_000
    assert dateline_end(text) == 0
    assert dateline_place(text) is None
    assert _opened(text) == [text.rstrip()]
