"""Trigger words in senses that report no event, and slots read from the wrong words.

Each case reproduces, in sentences composed for the test, a pattern met in real news copy
where the events analyzer reported an event that did not happen or filled a slot wrongly:
opinions read as agreements, figurative meetings, heart attacks, launched airstrikes,
wanted or cancelled events, verbal attacks, time offsets read as durations.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis
from newsprobe.findings import EntityFinding, EventFinding
from tests.conftest import make_article

# Monday 2015-03-09, 09:00 in Kestrava's invented time zone.
MONDAY = datetime(2015, 3, 9, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["entities", "quantities", "events"])


def _events(pipeline: Pipeline, body: str) -> list[EventFinding]:
    analysis = pipeline.analyze(make_article(body, published=MONDAY))
    return [f for f in analysis.findings if isinstance(f, EventFinding)]


def _types(pipeline: Pipeline, body: str) -> set[str]:
    return {e.event_type for e in _events(pipeline, body)}


def _names(analysis: Analysis) -> dict[str, str]:
    return {f.id: f.canonical for f in analysis.findings if isinstance(f, EntityFinding)}


@pytest.mark.parametrize(
    "body",
    [
        # Opinions, not agreements.
        "Independent analysts agreed that the footage of the mayor had been edited.",
        "Most residents of Tarsk agree with the council on the new parking rules.",
        # Figurative and religious meetings.
        "Brother Tavian Oress says he met God in heaven while his heart had stopped.",
        "The council's housing plan was met with fierce criticism from residents.",
        "The Varn bakery could barely meet the demand for bread during the strike.",
        # Launched, but no product, facility or service.
        "Prosecutors in Halvik launched an investigation into the stadium contract.",
        # Wanted, refused, planned, offered for, called for, cancelled: not done.
        "Mayor Rosa Ilves wants to meet the union leaders before the budget vote.",
        "Transport Minister Karolina Weiss refused to resign over the delays.",
        "Plans to open a second terminal at Esterhaven airport have been public since May.",
        "Police offered a reward for information leading to the arrest of Dario Venn.",
        "Opposition parties in Meridia called for an early election.",
        "The summit between Ostmark and Valdria was cancelled on Friday.",
        # An office described, no vote reported.
        "The judge said Ashby had betrayed the people he was elected to serve.",
        # Words, not violence.
        "Senator Ilse Varga attacked Governor Pol Ansel over the budget on Tuesday.",
        # Figurative disasters.
        "The Quillon ferry operator faced a storm of criticism over the cancelled sailings.",
        "Health Minister Oskar Brandt came under fire from unions on Thursday.",
        "The Lindmere council received a flood of complaints about the new bins.",
        # Filming, not shooting.
        "The crew of the Varn police drama shot the final scene in the harbour last week.",
    ],
)
def test_words_in_other_senses_report_no_event(pipeline: Pipeline, body: str) -> None:
    assert _types(pipeline, body) <= {"statement"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The two unions agreed to end the strike at the Tarsk docks on Friday.", "agreement"),
        ("Ostmark and Valdria agreed a ceasefire on Sunday after a week of talks.", "agreement"),
        ("Nimbra launched its new tablet at a ceremony in Quillon on Tuesday.", "launch"),
        ("A man attacked Governor Pol Ansel with a knife in Tarsk, injuring him.", "attack"),
        ("A car bomb explosion killed six soldiers at a checkpoint outside Tarsk.", "attack"),
        ("An explosion at the Korvath chemical plant injured four workers on Sunday.", "disaster"),
        ("The Valdrian air force launched two airstrikes on depots near Tarsk.", "attack"),
        ("Rosa Ilves made a phone call to Tomas Kade after the meeting in Brenn.", "meeting"),
        ("His call with Tomas Kade after the summit in Varn was brief.", "meeting"),
        ("The plan after the election in Meridia was to form a coalition.", "election"),
    ],
)
def test_the_event_senses_stay(pipeline: Pipeline, body: str, expected: str) -> None:
    types = _types(pipeline, body)
    assert expected in types
    assert "launch" not in types or expected == "launch"


def test_a_heart_attack_is_an_illness_but_the_death_stays(pipeline: Pipeline) -> None:
    types = _types(
        pipeline, "Corvel Dinu, 63, was taken to hospital after a heart attack on Tuesday and died."
    )
    assert "attack" not in types
    assert "death" in types


def test_what_was_announced_is_no_party_to_the_statement(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze(
        make_article(
            "The price of the Nimbra Halo is expected to be announced at an event in "
            "Quillon in March.\n\nThe merger of Corvane and Brightwell Energy was announced "
            "by chief executive Lars Winther on Friday.",
            published=MONDAY,
        )
    )
    names = _names(analysis)
    statements = [
        e for e in analysis.findings if isinstance(e, EventFinding) and e.event_type == "statement"
    ]
    parties = {names.get(p, p) for e in statements for p in e.participants}
    assert "Lars Winther" in parties
    assert not parties & {"Nimbra Halo", "Nimbra", "Corvane", "Brightwell Energy"}


def test_a_time_offset_is_not_a_duration(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "The shooting in Varn came just a day after police killed a gunman in Tarsk.",
    )
    assert events
    assert all(e.duration is None for e in events)


def test_a_duration_on_the_event_stays(pipeline: Pipeline) -> None:
    events = _events(
        pipeline, "Chancellor Petra Lindahl met Jonas Reuter for two hours in Halvik on Sunday."
    )
    assert [e.duration is not None for e in events] == [True]


def test_an_event_still_to_come_says_so(pipeline: Pipeline) -> None:
    events = _events(
        pipeline,
        "Foreign ministers Pavel Drosk and Ilinca Moraru will meet in Serevo on Friday.",
    )
    assert [e.event_type for e in events] == ["meeting"]
    assert events[0].note.startswith("Expected meeting")
    assert events[0].time == "2015-03-13"
    done = _events(pipeline, "Pavel Drosk and Ilinca Moraru met in Serevo on Friday.")
    assert done[0].note.startswith("Meeting")


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        (
            "Guard hailed as hero",
            "This is Norwegian Sergeant-at-Arms Thomas Brenner who shot a gunman.",
        ),
        ("Cartoonists Respond After Terrorist Attack In Paris", "A cartoon appeared online."),
    ],
)
def test_a_nationality_before_a_name_and_the_trigger_itself_are_no_parties(
    pipeline: Pipeline, headline: str, body: str
) -> None:
    analysis = pipeline.analyze(make_article(body, headline=headline, published=MONDAY))
    names = _names(analysis)
    attacks = [
        e for e in analysis.findings if isinstance(e, EventFinding) and e.event_type == "attack"
    ]
    assert attacks
    parties = {names.get(p, p) for e in attacks for p in e.participants}
    assert not {p for p in parties if "Norwegian" in p or "Attack" in p}


def test_a_time_after_since_or_until_bounds_the_event_without_dating_it(
    pipeline: Pipeline,
) -> None:
    body = (
        "Mayor Ines Kraal and Governor Piet Hollis met for two hours in Dunmore, the first "
        "meeting between the two since 2019."
    )
    (event,) = [e for e in _events(pipeline, body) if e.event_type == "meeting"]
    assert event.time is None


def test_a_place_hung_on_the_duration_is_still_the_place_of_the_meeting(
    pipeline: Pipeline,
) -> None:
    body = (
        "President Ana Ruiz and Prime Minister Tomas Brenn met for 45 minutes in the old "
        "customs house in Port Alder."
    )
    analysis = pipeline.analyze(make_article(body, published=MONDAY))
    (event,) = [
        e for e in analysis.findings if isinstance(e, EventFinding) and e.event_type == "meeting"
    ]
    assert event.place is not None and _names(analysis)[event.place] == "Port Alder"


@pytest.mark.parametrize(
    ("sentence", "lasting"),
    [
        ("Ana Ruiz and Tomas Brenn met for 45 minutes on Sunday.", "lasting 45 minutes"),
        ("Ana Ruiz and Tomas Brenn met for roughly an hour on Sunday.", "lasting about 60 minutes"),
    ],
)
def test_the_note_says_about_only_for_an_approximate_duration(
    pipeline: Pipeline, sentence: str, lasting: str
) -> None:
    (event,) = _events(pipeline, sentence)
    assert lasting in event.note


def test_an_attack_and_its_deaths_say_the_toll_and_share_the_place(pipeline: Pipeline) -> None:
    body = (
        "A bomb attack in the port city of Dalvik killed 14 people and left more than 40 "
        "wounded on Saturday, police said."
    )
    events = {e.event_type: e for e in _events(pipeline, body)}
    assert "14 dead and more than 40 injured" in events["attack"].note
    assert events["death_toll"].place == events["attack"].place is not None
