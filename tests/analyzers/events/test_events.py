"""The events analyzer: date resolution, frames on composed articles, and the gold gate.

The gate runs entities + quantities + events over the 32 shared gold articles and scores
events against `tests/gold/events.json` (annotated by reading the articles). Figures are
printed with ``pytest tests/analyzers/test_events.py -k gold -s``.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from newsprobe.analyzers.events.events import EVENT_TYPES, EventsAnalyzer
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.shared.timex import resolve
from newsprobe.document import Analysis
from newsprobe.evaluation.events import evaluate
from newsprobe.evaluation.goldset import article_of, find_span, gold_article
from newsprobe.findings import EntityFinding, EventFinding, Span
from tests.conftest import make_article
from tests.gates import gate
from tests.paths import GOLD as GOLD_DIR

GOLD = GOLD_DIR / "events.json"

# Monday 2015-03-09, 09:00 in Kestrava's invented time zone.
MONDAY = datetime(2015, 3, 9, 9, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(["entities", "quantities", "events"])


def _events(analysis: Analysis) -> list[EventFinding]:
    return [f for f in analysis.findings if isinstance(f, EventFinding)]


def _names(analysis: Analysis) -> dict[str, str]:
    return {f.id: f.canonical for f in analysis.findings if isinstance(f, EntityFinding)}


# --- resolving dates against the publication date ----------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Sunday", "2015-03-08"),  # the most recent past Sunday
        ("on Monday", "2015-03-09"),  # the publication weekday is that same day
        ("on Tuesday", "2015-03-03"),
        ("last Monday", "2015-03-02"),
        ("late on Wednesday night", "2015-03-04"),
        ("yesterday", "2015-03-08"),
        ("this morning", "2015-03-09"),
        ("the day before yesterday", "2015-03-07"),
        ("last week", "2015-W10"),
        ("last month", "2015-02"),
        ("since the middle of last month", "2015-02"),
        ("last year", "2014"),
        ("in 2021", "2021"),
        ("on March 3", "2015-03-03"),
        ("in October", "2014-10"),
        ("20 May 2013", "2013-05-20"),
        ("in March 2012", "2012-03"),
    ],
)
def test_resolves_against_publication(expression: str, expected: str) -> None:
    assert resolve(expression, MONDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Friday", "2015-03-13"),
        ("on Monday", "2015-03-16"),  # a future Monday seen on a Monday is next week's
        ("next week", "2015-W12"),
        ("on April 10", "2015-04-10"),
        ("in February", "2016-02"),
    ],
)
def test_future_events_resolve_forward(expression: str, expected: str) -> None:
    assert resolve(expression, MONDAY, future=True) == expected


def test_publication_day_is_read_in_the_articles_own_time_zone() -> None:
    # 23:30 on Sunday in UTC-5 is already Monday in UTC; the paper's Sunday is what counts.
    late = datetime(2015, 3, 8, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert resolve("today", late) == "2015-03-08"


@pytest.mark.parametrize(
    "expression",
    ["three years", "for four days", "next spring", "the 1890s", "2 a.m.", "", "tonne"],
)
def test_durations_and_vague_times_do_not_resolve(expression: str) -> None:
    assert resolve(expression, MONDAY) is None


def test_without_publication_only_absolute_dates_resolve() -> None:
    assert resolve("on Sunday", None) is None
    assert resolve("last month", None) is None
    assert resolve("on March 3", None) is None
    assert resolve("20 May 2013", None) == "2013-05-20"
    assert resolve("in 2021", None) == "2021"


# --- frames on composed articles ---------------------------------------------------------


def test_wire_meeting_frame(pipeline: Pipeline) -> None:
    article = make_article(
        "HALVIK, Ostmark (Northern Wire) - Chancellor Petra Lindahl of Ostmark and Prime "
        "Minister Jonas Reuter of Valdria met on Sunday at the Amber Hall in Halvik to "
        "discuss river shipping.\n\nThe talks lasted about 40 minutes, officials said.",
        headline="Ostmark and Valdria leaders meet in Halvik",
        published=MONDAY,
    )
    analysis = pipeline.analyze(article)
    names = _names(analysis)
    meetings = [e for e in _events(analysis) if e.event_type == "meeting"]
    assert len(meetings) == 1  # headline, lead and "the talks" are one meeting
    meeting = meetings[0]
    assert {names.get(p, p) for p in meeting.participants} == {"Petra Lindahl", "Jonas Reuter"}
    assert meeting.time == "2015-03-08"
    assert meeting.time_span is not None
    assert article.slice(meeting.time_span) == "Sunday"
    assert meeting.place is not None and "Amber Hall" in names.get(meeting.place, meeting.place)
    assert meeting.duration is not None
    duration = next(f for f in analysis.findings if f.id == meeting.duration)
    assert "40 minutes" in duration.text
    assert "Petra Lindahl" in meeting.note and "2015-03-08" in meeting.note


def test_tabloid_pair_leaning_in_is_a_meeting_of_the_two_people(pipeline: Pipeline) -> None:
    article = make_article(
        "Film star Dora Kessel and tycoon Marek Vinter were spotted together again this "
        "week.\n\nKessel, 41, has denied any romance, and Vinter's spokesman called the "
        "rumours silly.\n\nBut on Saturday the pair leaned in over a small table on the "
        "margins of the conference, deep in conversation. Kessel later left alone.",
        headline="Kessel and Vinter: the photos they did not want you to see",
        published=MONDAY,
    )
    analysis = pipeline.analyze(article)
    names = _names(analysis)
    meetings = [e for e in _events(analysis) if e.event_type == "meeting"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert {names.get(p, p) for p in meeting.participants} == {"Dora Kessel", "Marek Vinter"}
    assert meeting.participant_spans
    assert article.slice(meeting.participant_spans[0]) == "the pair"
    assert meeting.place == "conference"
    assert meeting.time == "2015-03-07"
    assert "leaned" in article.slice(meeting.trigger or meeting.span)


def test_quoted_negated_and_hypothetical_events_are_not_reported(pipeline: Pipeline) -> None:
    article = make_article(
        '"We met the minister twice and signed nothing," said union leader Ada Brenn.\n\n'
        "Nobody resigned over the affair. The two sides could sign a deal next month.\n\n"
        "Will the mayor resign?",
        published=MONDAY,
    )
    assert _events(pipeline.analyze(article)) == []


def test_same_meeting_mentioned_twice_is_one_finding_but_another_date_is_another(
    pipeline: Pipeline,
) -> None:
    article = make_article(
        "Mayor Rosa Ilves met union leader Tomas Kade on Friday at the town hall in Brenn.\n\n"
        "The meeting was described as tense.\n\nIlves and Kade had last met in 2012.",
        published=MONDAY,
    )
    meetings = [e for e in _events(pipeline.analyze(article)) if e.event_type == "meeting"]
    assert sorted(m.time or "" for m in meetings) == ["2012", "2015-03-06"]


def test_death_toll_and_disaster(pipeline: Pipeline) -> None:
    article = make_article(
        "At least 12 people were killed when an earthquake struck the mountain town of "
        "Drevo on Saturday, the civil defence agency said.",
        published=MONDAY,
    )
    types = {e.event_type: e for e in _events(pipeline.analyze(article))}
    assert "death_toll" in types and "disaster" in types
    assert types["disaster"].time == "2015-03-07"


def test_a_day_said_on_a_coordinated_verb_dates_the_toll_and_an_earlier_toll_is_another(
    pipeline: Pipeline,
) -> None:
    # US style drops "on"; the small model hangs "Monday" on "wounded", the second of two
    # verbs joined by "and". The earlier attack's toll must not lend the story its day.
    article = make_article(
        "Two border guards were killed and four others wounded Monday when a gunman opened "
        "fire at the Osk checkpoint, officials said. On Saturday, a driver killed one "
        "soldier and injured three near Varn.",
        published=MONDAY,
    )
    tolls = sorted(
        e.time or "" for e in _events(pipeline.analyze(article)) if e.event_type == "death_toll"
    )
    assert tolls == ["2015-03-07", "2015-03-09"]


def test_a_day_said_in_a_when_clause_dates_the_toll(pipeline: Pipeline) -> None:
    # "on Saturday" hangs on "exploded", the verb of the "when" clause: it dates the
    # deaths too. Undated, the toll merged with Thursday's crash further down and took
    # its day.
    article = make_article(
        "Two workers died when gas exploded at a bakery in Osk on Saturday, the fire "
        "service said. On Thursday, a lorry killed five people at a bus shelter in Varn.",
        published=MONDAY,
    )
    tolls = sorted(
        e.time or "" for e in _events(pipeline.analyze(article)) if e.event_type == "death_toll"
    )
    assert tolls == ["2015-03-05", "2015-03-07"]


def test_a_toll_dated_by_a_year_alone_is_an_earlier_event(pipeline: Pipeline) -> None:
    article = make_article(
        "At least nine people were killed after a ferry capsized off Osk on Saturday, the "
        "coast guard said. In 2009 a similar capsizing off Cape Varn killed 12 people.",
        published=MONDAY,
    )
    tolls = [e.time for e in _events(pipeline.analyze(article)) if e.event_type == "death_toll"]
    assert tolls == [None, "2009"]  # the story's toll does not take the old one's year


def test_the_person_in_a_role_phrase_is_the_party_not_the_town(pipeline: Pipeline) -> None:
    article = make_article(
        "The mayor of Port Selby, Agnes Holm, resigned on Wednesday after an audit. "
        "Holm, who was elected in 2009, denied wrongdoing.",
        published=MONDAY,
    )
    analysis = pipeline.analyze(article)
    names = _names(analysis)
    found = {e.event_type: e for e in _events(analysis)}
    assert [names.get(p, p) for p in found["resignation"].participants] == ["Agnes Holm"]
    assert found["resignation"].time == "2015-03-04"
    assert [names.get(p, p) for p in found["election"].participants] == ["Agnes Holm"]
    assert found["election"].time == "2009"


def test_works_without_entities_or_quantities() -> None:
    article = make_article(
        "President Anton Veles met Mirela Sandor on Sunday in Varn.", published=MONDAY
    )
    events = _events(Pipeline(["events"]).analyze(article))
    assert [e.event_type for e in events] == ["meeting"]
    assert set(events[0].participants) == {"Anton Veles", "Mirela Sandor"}  # names as keys
    assert events[0].time == "2015-03-08"
    assert events[0].duration is None


def test_without_publication_date_relative_times_stay_empty(pipeline: Pipeline) -> None:
    article = make_article(
        "The two companies signed the merger agreement on Sunday. They first met in 2019."
    )
    events = _events(pipeline.analyze(article))
    assert {e.event_type: e.time for e in events} == {"agreement": None, "meeting": "2019"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Met",
        "🙂🙂 met 🙂 on Sunday 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 talks",
        "اجتمع الرئيس مع رئيس الوزراء يوم الأحد في العاصمة",
        "<div><p>met</p><script>var talks = 1;</script></div> &nbsp; &lt;summit&gt;",
        "12 34 56 78 2021 2022 1999",
        "The leaders met on Sunday. " * 4000,  # about 110 KB
    ],
)
def test_survives_garbage(pipeline: Pipeline, text: str) -> None:
    article = make_article(text, published=MONDAY)
    first = _events(pipeline.analyze(article))
    again = _events(pipeline.analyze(article))
    assert first == again
    for event in first:
        assert event.event_type in EVENT_TYPES
        for span in event.all_spans():
            assert 0 <= span.start <= span.end <= len(article.text)


def test_declares_what_it_reads() -> None:
    assert {"doc:parse", "doc:ents", "doc:lemmas", "doc:tags"} <= EventsAnalyzer.requires
    assert EventsAnalyzer.uses == {"entity", "quantity"}
    assert EventsAnalyzer.provides == {"event"}


# --- gold gate ---------------------------------------------------------------------------


def test_gold_gate(pipeline: Pipeline) -> None:
    result = evaluate(pipeline)
    print(json.dumps({k: v for k, v in result.items() if k != "judged"}, indent=2))
    # These articles were also read while writing the rules: development figures, not a
    # held-out estimate (the figures measured are in tests/gold/gates.toml).
    gate("events").check(result)


def test_gold_file_covers_enough_articles() -> None:
    gold_all = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    assert len(gold_all) >= 25
    for slug, events in gold_all.items():
        article = article_of(gold_article(slug))
        for event in events:
            assert event["type"] in EVENT_TYPES
            for mention in event["mentions"]:
                assert isinstance(find_span(article, mention), Span)
