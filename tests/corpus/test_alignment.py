"""Aligned figures: verdicts against the consensus, wire copies as one voice, other events."""

from __future__ import annotations

import pytest

from newsprobe.corpus.alignment import Statement, align_figures, compare
from newsprobe.corpus.profile import event_day
from newsprobe.corpus.provenance import provenance, voices
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import AlignedFigure
from tests.corpus.coverage_set import key_of, story


@pytest.mark.parametrize(
    ("statement", "consensus", "verdict"),
    [
        (Statement(45, None, None, False), 45, "consistent"),
        (Statement(None, 30, None, True), 45, "consistent"),  # "over 30 minutes"
        (Statement(30, None, None, True), 45, "minor_discrepancy"),  # "about half an hour"
        (Statement(20, None, None, False), 45, "contradiction"),
        (Statement(45, None, None, False), 60, "contradiction"),
        (Statement(60, None, None, True), 55, "consistent"),  # "about an hour"
        (Statement(40, None, None, False), 42, "minor_discrepancy"),
        (Statement(1.2e9, None, None, False, precision=0.05e9), 1.24e9, "consistent"),
        (Statement(None, None, 80, True), 78, "consistent"),  # "just under 80"
        (Statement(None, 19, None, True), 14, "contradiction"),  # "at least 19" dead
        (Statement(None, 20, None, True), 18, "minor_discrepancy"),
        # Shares in per cent are read in points too: 3.6 points of the vote is no detail,
        # half a point is; a count's 9 % relative gap stays minor.
        (Statement(42, None, None, False, share=True), 38.4, "contradiction"),
        (Statement(4, None, None, False, share=True), 4.5, "minor_discrepancy"),
        (Statement(42, None, None, True, share=True), 38.4, "consistent"),  # "about 42 %"
        (Statement(42, None, None, False), 38.4, "minor_discrepancy"),
    ],
)
def test_verdicts(statement: Statement, consensus: float, verdict: str) -> None:
    assert compare(statement, consensus) == verdict


def _figures(name: str) -> list[AlignedFigure]:
    views = [ArticleView(a) for a in story(name)]
    graph = provenance(views)
    days = {v.id: event_day(v.analysis) for v in views}
    return align_figures(views, voices=voices(views, graph.edges), event_days=days)


def _by_article(figure: AlignedFigure) -> dict[str, str | None]:
    return {key_of(v.article): v.verdict for v in figure.values}


def test_meeting_duration_across_outlets_and_languages() -> None:
    figures = {f.id: f for f in _figures("ferry")}
    meeting = figures["duration/meeting"]
    assert meeting.consensus is not None and meeting.consensus.value == 45
    verdicts = _by_article(meeting)
    assert verdicts == {
        "a1": "consistent",
        "a2": "consistent",
        "a3": "minor_discrepancy",  # "about an hour"
        "a4": "contradiction",  # "barely 20 minutes"
        "a5": "consistent",  # "trois quarts d'heure"
        "a6": "consistent",  # "rund 45 Minuten"
        "a8": "consistent",
    }
    # The wire report and its copy are one voice: five voices say 45, not six.
    assert meeting.consensus.support == 4 and meeting.consensus.voices == 6
    assert {v.voice for v in meeting.values if key_of(v.article) in ("a1", "a2")} == {
        "Northgate Wire"
    }


def test_fire_figures_and_an_earlier_fire_kept_apart() -> None:
    figures = _figures("depot")
    injured = next(f for f in figures if f.id == "casualties/injured")
    assert injured.consensus is not None and injured.consensus.value == 12
    assert set(_by_article(injured)) == {"b1", "b2", "b3", "b5"}
    firefighters = next(f for f in figures if f.id == "count/firefighters")
    assert set(_by_article(firefighters).values()) == {"consistent"}  # "more than 30", "some 40"
    # "In 2024 a blaze in the same workshop killed two mechanics" is no toll of this fire.
    assert not any(f.dimension == "casualties" and f.event == "main" and "dead" in f.id
                   for f in figures)  # fmt: skip
    assert all(v.text != "two years" for f in figures for v in f.values)


def test_two_figures_of_one_kind_are_told_apart_by_their_words() -> None:
    from datetime import UTC, datetime

    import newsprobe
    from newsprobe.document import Article

    when = datetime(2026, 5, 3, 9, tzinfo=UTC)
    texts = {
        "Harbour Gazette": (
            "More than 80 firefighters fought the blaze at the Orlen warehouse on Saturday. "
            "Three firefighters were treated for smoke inhalation."
        ),
        "Valley Courier": (
            "Some 85 firefighters fought the fire at the Orlen warehouse on Saturday, "
            "the fire service said. Four firefighters were treated for smoke inhalation."
        ),
        "Morning Post": "Around 85 firefighters fought the warehouse fire in Orlen on Saturday.",
    }
    views = [
        ArticleView(
            newsprobe.analyze(
                Article.create(
                    headline="Warehouse fire in Orlen",
                    body=body,
                    outlet=outlet,
                    published=when,
                    language="en",
                )
            )
        )
        for outlet, body in texts.items()
    ]
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    counts = sorted((f for f in figures if f.dimension == "count"), key=lambda f: -len(f.values))
    assert len(counts) == 2
    fought, treated = counts
    assert {v.text for v in fought.values} == {"More than 80", "Some 85", "Around 85"}
    assert {v.verdict for v in fought.values} == {"consistent"}
    assert {v.text for v in treated.values} == {"Three", "Four"}
    assert "treated" in treated.description  # as written, not the stem


def _views(
    headline: str,
    texts: dict[str, str],
    *,
    hours: dict[str, int] | None = None,
    languages: dict[str, str] | None = None,
) -> list[ArticleView]:
    """The analysed articles of one story, by outlet, published at 09:00 on one day or
    `hours` after it, in English or in `languages`."""
    from datetime import UTC, datetime, timedelta

    import newsprobe
    from newsprobe.document import Article

    when = datetime(2026, 3, 14, 9, tzinfo=UTC)
    return [
        ArticleView(
            newsprobe.analyze(
                Article.create(
                    headline=headline,
                    body=body,
                    outlet=outlet,
                    published=when + timedelta(hours=(hours or {}).get(outlet, 0)),
                    language=(languages or {}).get(outlet, "en"),
                )
            )
        )
        for outlet, body in texts.items()
    ]


def test_residents_and_people_are_one_count_and_lengths_are_named() -> None:
    views = _views(
        "Velmar dam crack",
        {
            "Eastbrook Courier": (
                "A crack about two metres long appeared in the Velmar dam on Thursday. Around "
                "1,200 residents were told to prepare to leave, the district council said."
            ),
            "Ashby Evening Post": (
                "A two-metre crack appeared in the Velmar dam on Thursday. About 2,000 people "
                "living downstream were told to prepare to leave, the water authority said."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (people,) = [f for f in figures if f.dimension == "count"]
    assert {v.text for v in people.values} == {"Around 1,200", "About 2,000"}
    assert "contradiction" in {v.verdict for v in people.values}
    (length,) = [f for f in figures if f.dimension == "distance"]
    assert length.description.startswith("distance or length")


def test_a_change_in_words_lines_up_with_the_same_change_in_figures() -> None:
    views = _views(
        "Tarnby bus cuts",
        {
            "Tarnby Courier": (
                "Tarnby council will cut its bus routes by a third from April, the transport "
                "committee decided on Monday. Fares will rise by 20 per cent."
            ),
            "Northern Wire": (
                "Tarnby's transport committee voted on Monday to cut the town's bus routes "
                "by 33 per cent from April. Fares will also rise."
            ),
            "Tarnby Evening Post": (
                "Tarnby council's transport committee on Monday approved cutting bus routes "
                "by half from April. Fares will go up 20 per cent, the committee said."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    by_text = {
        frozenset(v.text for v in f.values): {v.text: v.verdict for v in f.values}
        for f in figures
        if f.dimension == "percent"
    }
    cut_figure = next(f for f in figures if "half" in {v.text for v in f.values})
    assert "April" in cut_figure.description  # a word as written
    cut = by_text[frozenset({"a third", "33 per cent", "half"})]
    assert cut == {"a third": "consistent", "33 per cent": "consistent", "half": "contradiction"}
    # Two of five figures are fares: the words of the cut were in most clauses, and were
    # once left out as "what kind of figure it is", which put "half" in a table of its own.
    fares = by_text[frozenset({"20 per cent"})]
    assert set(fares.values()) == {"consistent"}


def test_the_wrong_figure_a_correction_repeats_is_not_the_outlet_s() -> None:
    views = _views(
        "Kessport floods",
        {
            "Harbour Times": (
                "More than 2,000 homes were evacuated in Kessport on Friday, the council "
                "said.\n\nCorrection: An earlier version of this article said 3,000 homes "
                "had been evacuated."
            ),
            "Northern Wire": "About 2,100 homes were evacuated in Kessport on Friday.",
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (homes,) = [f for f in figures if f.dimension == "count"]
    assert {v.text for v in homes.values} == {"More than 2,000", "About 2,100"}
    assert {v.verdict for v in homes.values} == {"consistent"}


def test_two_sources_figures_of_one_crowd_are_two_figures() -> None:
    # The organisers count 85,000, the police 32,000; every outlet that gives both, or
    # either with its source, agrees with the others about that source's figure.
    views = _views(
        "Veloria pension march",
        {
            "Norland Press": (
                "Tens of thousands of people marched through Veloria on Saturday against "
                "the pension reform. Organisers from the Federation of Veloria Workers said "
                "85,000 people took part. Police put the figure at 32,000. Four people were "
                "arrested, police said."
            ),
            "Veloria Herald": (
                "Some 85,000 people marched in Veloria on Saturday against the pension "
                "reform, according to the Federation of Veloria Workers. Police gave a much "
                "lower estimate of 32,000. Four people were arrested."
            ),
            "Capital Bulletin": (
                "About 32,000 people joined a march against pension reform in Veloria on "
                "Saturday, police said. Seven people were arrested near parliament."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    by_source = {
        frozenset(v.text for v in f.values if v.text != "Tens of thousands"): {
            v.verdict for v in f.values
        }
        for f in figures
        if f.dimension == "count"
    }
    assert by_source[frozenset({"85,000", "Some 85,000"})] == {"consistent"}
    assert by_source[frozenset({"32,000", "About 32,000"})] == {"consistent"}
    arrested = by_source[frozenset({"Four", "Seven"})]
    assert arrested == {"consistent", "contradiction"}


_QUAKE = {
    "Harbourline News": (
        "A magnitude 6.1 earthquake struck northern Velmoria before dawn on Friday, killing "
        "at least 12 people, the civil protection agency said. More than 400 people spent "
        "the night in tents."
    ),
    "Morning Courier": (
        "The death toll from Friday's earthquake in northern Velmoria has risen to 27, the "
        "civil protection agency said. The magnitude-6.2 quake struck before dawn. Around "
        "1,500 people had been left homeless."
    ),
    "Northgate Daily": (
        "The number of people killed in Friday's earthquake in northern Velmoria rose to 31 "
        "on Saturday, officials said. Some 2,000 people are homeless. The magnitude 6.1 "
        "tremor was the strongest to hit the region since 1987, when 58 people died."
    ),
}


def test_a_toll_that_grows_from_report_to_report_is_read_at_its_latest() -> None:
    views = _views(
        "Velmoria earthquake", _QUAKE, hours={"Morning Courier": 9, "Northgate Daily": 24}
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (dead,) = [f for f in figures if f.dimension == "casualties" and f.event == "main"]
    assert {v.text for v in dead.values} == {"at least 12", "27", "31"}
    assert dead.consensus is not None
    assert (dead.consensus.value, dead.consensus.basis) == (31, "latest")
    assert {v.verdict for v in dead.values} == {"consistent"}
    assert {v.text for v in dead.values if "earlier count" in v.note} == {"at least 12", "27"}
    # The homeless are a count of their own, growing too; the people in tents are not it.
    (homeless,) = [f for f in figures if f.id == "count/displaced"]
    assert {v.text for v in homeless.values} == {"Around 1,500", "Some 2,000"}
    assert homeless.consensus is not None and homeless.consensus.basis == "latest"
    # The magnitude is one figure of its own, and the 1987 quake's toll is another event's.
    (magnitude,) = [f for f in figures if f.dimension == "magnitude"]
    assert sorted(v.value for v in magnitude.values) == [6.1, 6.1, 6.2]
    assert magnitude.consensus is not None and magnitude.consensus.value == 6.1
    assert all(v.text != "58" for f in figures if f.event == "main" for v in f.values)


def test_a_toll_that_falls_or_is_given_at_once_is_a_disagreement() -> None:
    # The largest count first, a smaller one later: outlets disagree, nothing grew.
    falling = _views(
        "Velmoria earthquake", _QUAKE, hours={"Northgate Daily": 5, "Harbourline News": 30}
    )
    # All three at once: three counts of one moment.
    at_once = _views("Velmoria earthquake", _QUAKE)
    for views in (falling, at_once):
        figures = align_figures(views, voices={v.id: v.voice_name for v in views})
        (dead,) = [f for f in figures if f.dimension == "casualties" and f.event == "main"]
        assert dead.consensus is None or dead.consensus.basis == "majority"
        assert not any("earlier count" in v.note for v in dead.values)
        assert {v.verdict for v in dead.values} != {"consistent"}


def test_a_year_a_figure_is_compared_with_is_not_its_event() -> None:
    views = _views(
        "Velmoria earthquake",
        {
            "Northgate Daily": (
                "The magnitude 6.1 tremor was the strongest to hit the region since 1987, "
                "when 58 people died. At least 31 people were killed."
            ),
            "Harbourline News": (
                "The magnitude 6.1 quake killed 31 people. In 1987 an earthquake in the "
                "same valley killed 58 people."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    events = {(f.dimension, f.event): {v.text for v in f.values} for f in figures}
    assert events[("magnitude", "main")] == {"magnitude 6.1"}
    assert events[("casualties", "1987")] == {"58"}
    assert {"58"}.isdisjoint(events[("casualties", "main")])


def test_each_party_s_seats_line_up_with_the_same_party_s() -> None:
    # Two parties' seat counts in each article: the words around them are alike ("won ...
    # seats"); the names before them say whose they are.
    views = _views(
        "Dunmore council election",
        {
            "Harbourline News": (
                "The Greens of Mira Castell won 24 seats. The Civic Union, which led the "
                "old council, kept only 19 seats."
            ),
            "Morning Courier": (
                "Mayor Piet Aalto's Civic Union won 19 seats. Castell's Greens led the "
                "new council with 26 seats."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    seats = {frozenset(v.text for v in f.values) for f in figures if f.dimension == "count"}
    assert seats == {frozenset({"24", "26"}), frozenset({"19"})}


def test_arrests_said_before_the_count_and_givers_named_after_it() -> None:
    # "Police detained 14 people" counts the arrested as "12 people were arrested" does;
    # "18.000, según la policía" is the police's figure, as "Police put the crowd at".
    views = _views(
        "Varn pension march",
        {
            "Harbourline News": (
                "Police put the crowd at 18,000, while the organisers said 60,000 people "
                "had taken part. Police said 12 people were arrested after shop windows "
                "were smashed."
            ),
            "Coastline Wire": (
                "About 18,000 people marched in Varn on Saturday, police said, while "
                "organisers put the turnout at more than 50,000. Police detained 14 people "
                "after windows were broken along the route."
            ),
            "Diario del Sur": (
                "Unas 18.000 personas, según la policía, y 60.000 personas, según los "
                "organizadores, marcharon el sábado por el centro de Varn. La policía "
                "detuvo a 12 personas tras los destrozos."
            ),
        },
        hours={"Diario del Sur": 1},
        languages={"Diario del Sur": "es"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    by_values = {frozenset(v.text for v in f.values): f for f in figures if f.dimension == "count"}
    arrested = by_values[frozenset({"12", "14", "12 personas"})]
    assert {v.text: v.verdict for v in arrested.values}["14"] == "contradiction"
    police = by_values[frozenset({"18,000", "About 18,000", "Unas 18.000 personas"})]
    assert {v.verdict for v in police.values} == {"consistent"}
    assert frozenset({"60,000", "more than 50,000", "60.000 personas"}) in by_values


def test_passengers_and_crew_are_everyone_on_board_and_hurt_passengers_are_injured() -> None:
    # "182 passengers and six crew" are the 188 people on board other outlets give; "Four
    # passengers were treated for minor injuries" counts the injured, as the German
    # "Vier Passagiere wurden ... leicht verletzt" (the verb last) does.
    views = _views(
        "Aerovarn emergency landing",
        {
            "Harbourline News": (
                "An Aerovarn jet carrying 182 passengers and six crew made an emergency "
                "landing in Orsk on Tuesday. Four passengers were treated for minor injuries "
                "after sliding down the chutes, and 11 people were checked for smoke."
            ),
            "Coastline Wire": (
                "An Aerovarn plane with 188 people on board landed safely in Orsk on Tuesday "
                "after an engine caught fire. Five people were slightly injured."
            ),
            "Morgenblatt": (
                "Eine Maschine der Aerovarn ist am Dienstag in Orsk notgelandet. An Bord "
                "waren 182 Passagiere und sechs Besatzungsmitglieder. Vier Passagiere wurden "
                "bei der Evakuierung leicht verletzt."
            ),
        },
        hours={"Morgenblatt": 3},
        languages={"Morgenblatt": "de"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (aboard,) = [f for f in figures if any(v.text == "188" for v in f.values)]
    assert {v.text: (v.value, v.verdict) for v in aboard.values} == {
        "182 passengers and six crew": (188, "consistent"),
        "188": (188, "consistent"),
        "182 Passagiere und sechs Besatzungsmitglieder": (188, "consistent"),
    }
    (injured,) = [f for f in figures if f.dimension == "casualties"]
    assert sorted(v.text for v in injured.values) == ["Five", "Four", "Vier Passagiere"]


def test_a_figure_of_no_known_kind_said_alike_by_two_outlets_is_aligned() -> None:
    views = _views(
        "Storm Orla",
        {
            "Harbourline News": (
                "Storm Orla swept across the coast overnight. The weather service said 85 mm "
                "of rain fell in Kestrel Bay in 12 hours. The airport in Serevo closed for "
                "six hours."
            ),
            "Coastline Wire": (
                "A storm swept across the Kestravan coast on Saturday. Serevo airport was "
                "closed for six hours."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    durations = [f for f in figures if f.dimension == "duration"]
    assert [sorted(v.text for v in f.values) for f in durations] == [["six hours", "six hours"]]
    assert "airport" in durations[0].description


def test_a_prison_term_lines_up_apart_from_the_one_sought_and_other_periods() -> None:
    views = _views(
        "Lasko sentenced",
        {
            "Harbourline News": (
                "A court in Varn on Monday sentenced Viktor Lasko, the former chief executive "
                "of Keldor, to nine years in prison for paying bribes. Two former officials "
                "who took the bribes were sentenced to six and seven years. Prosecutors had "
                "asked for a 12-year prison term. The trial lasted 14 months."
            ),
            "Northgate Daily": (
                "Viktor Lasko, who ran Keldor for more than a decade, was jailed for nine "
                "years on Monday for bribing ministry officials. Prosecutors had sought a "
                "12-year sentence."
            ),
            "Coastline Wire": (
                "A Varn court sentenced former Keldor chief executive Viktor Lasko to nine "
                "years in jail on Monday for bribing officials."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    by_values = {frozenset(v.text for v in f.values): f for f in figures}
    given = by_values[frozenset({"nine years"})]
    assert "sentence" in given.description
    assert {v.verdict for v in given.values} == {"consistent"}
    assert len(given.values) == 3  # not "seven years", not "more than a decade"
    sought = by_values[frozenset({"12-year"})]
    assert [(v.outlet, v.verdict) for v in sought.values] == [
        ("Harbourline News", "consistent"),
        ("Northgate Daily", "consistent"),
    ]


def test_an_outbreak_s_cases_grow_and_patients_in_hospital_are_its_injured() -> None:
    views = _views(
        "Orsk Legionnaires' outbreak",
        {
            "Coastline Wire": (
                "Three people have died of Legionnaires' disease in Orsk, where 57 cases have "
                "been confirmed, health officials said. Forty-one patients were in hospital. "
                "Nine patients are in intensive care."
            ),
            "Northgate Daily": (
                "A fourth person has died in the Legionnaires' outbreak in Orsk. The health "
                "authority has now confirmed 61 cases. About 40 people remain in hospital, "
                "nine of them in intensive care."
            ),
        },
        hours={"Northgate Daily": 7},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    by_measure = {f.id: f for f in figures}
    cases = by_measure["count/cases"]
    assert cases.consensus is not None and cases.consensus.basis == "latest"
    assert cases.consensus.value == 61
    injured = by_measure["casualties/injured"]
    assert sorted(v.text for v in injured.values) == ["About 40", "Forty-one"]
    assert {v.verdict for v in injured.values} == {"consistent"}


def test_a_round_figure_in_customary_units_is_a_conversion_and_evacuations_are_one() -> None:
    views = _views(
        "Serra wildfire",
        {
            "Harbourline News": (
                "A wildfire has burned through about 4,500 hectares of forest in the Serra "
                "hills, forcing some 2,000 people to leave their homes."
            ),
            "Coastline Wire": (
                "A wildfire in the Serra hills has burned 45 square kilometres of forest and "
                "forced the evacuation of about 2,000 people."
            ),
            "Northgate Daily": (
                "The wildfire in the Serra hills has scorched 11,000 acres. Around 2,000 "
                "residents have been evacuated."
            ),
        },
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (area,) = [f for f in figures if f.dimension == "area"]
    assert {v.text: v.verdict for v in area.values}["11,000 acres"] == "consistent"
    (displaced,) = [f for f in figures if f.id == "count/displaced"]
    assert sorted(v.text for v in displaced.values) == ["Around 2,000", "about 2,000", "some 2,000"]


def test_a_quakes_magnitude_and_rescuers_line_up_across_languages() -> None:
    # The French and German outlets name the scale before the number ("magnitude 6,1",
    # "der Stärke 6,1"); "Helfer" are the rescuers the English outlets count.
    views = _views(
        "Quake in northern Velmora",
        {
            "Harbourline News": (
                "A magnitude 6.1 earthquake struck northern Velmora on Wednesday. The "
                "ministry said 2,000 rescuers had been deployed."
            ),
            "Coastline Wire": (
                "The 6.2-magnitude quake shook northern Velmora on Wednesday. Interior "
                "Minister Lisa Varga said 2,500 rescuers were at work."
            ),
            "Le Courrier": "Un séisme de magnitude 6,1 a frappé mercredi le nord du Velmora.",
            "Morgenblatt": (
                "Ein Erdbeben der Stärke 6,1 hat am Mittwoch den Norden Velmoras erschüttert. "
                "Rund 2.000 Helfer seien im Einsatz."
            ),
        },
        hours={"Le Courrier": 2, "Morgenblatt": 3},
        languages={"Le Courrier": "fr", "Morgenblatt": "de"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (magnitude,) = [f for f in figures if f.dimension == "magnitude"]
    assert {v.text: v.verdict for v in magnitude.values} == {
        "magnitude 6.1": "consistent",
        "6.2-magnitude": "minor_discrepancy",
        "magnitude 6,1": "consistent",
        "Stärke 6,1": "consistent",
    }
    (rescuers,) = [f for f in figures if any(v.text == "2,500" for v in f.values)]
    assert {v.text for v in rescuers.values} == {"2,000", "2,500", "Rund 2.000 Helfer"}
    assert rescuers.consensus is not None and rescuers.consensus.value == 2000


def test_claimed_and_counted_crowds_line_up_by_giver_and_a_strike_over_jobs_is_exact() -> None:
    views = _views(
        "Rail strike in Ostrel",
        {
            "Harbourline News": (
                "Drivers began a 48-hour strike on Tuesday against a plan to cut 1,800 jobs. "
                "Organisers claimed 30,000 at a rally in Castelmar; police counted 12,000."
            ),
            "Coastline Wire": (
                "Police said 12,000 people joined the rally in Castelmar, on the first day "
                "of a strike over 1,800 job cuts."
            ),
            "Diario del Sur": (
                "Unas 12.000 personas, según la policía, se manifestaron en Castelmar contra "
                "la supresión de 1.800 empleos."
            ),
        },
        hours={"Coastline Wire": 1, "Diario del Sur": 2},
        languages={"Diario del Sur": "es"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (police,) = [f for f in figures if any(v.text == "Unas 12.000 personas" for v in f.values)]
    assert sorted(v.text for v in police.values) == ["12,000", "12,000", "Unas 12.000 personas"]
    assert not any(v.text == "30,000" for v in police.values)
    (jobs,) = [f for f in figures if any(v.text == "1.800 empleos" for v in f.values)]
    assert {v.value for v in jobs.values} == {1800}
    assert {v.verdict for v in jobs.values} == {"consistent"}


def test_a_vote_share_named_after_its_figure_is_that_candidates() -> None:
    # "against 42% for Piet Arnoud", "frente al 41,8% de Piet Arnoud": the loser's share is
    # named after it; lined up by value alone, the winner's and loser's shares swapped.
    views = _views(
        "Halden mayoral election",
        {
            "Harbourline News": (
                "Mayor Clara Ruiz won a second term in Halden on Sunday with 54.2% of the "
                "vote, defeating challenger Piet Arnoud, who took 41.8%."
            ),
            "Coastline Wire": (
                "Clara Ruiz was re-elected mayor of Halden on Sunday, taking 54% of the vote "
                "against 42% for Piet Arnoud."
            ),
            "Courier": (
                "Clara Ruiz won Halden's mayoral election on Sunday with 56% of the vote. "
                "Her challenger Piet Arnoud won 40%."
            ),
            "Diario del Sur": (
                "Clara Ruiz fue reelegida el domingo alcaldesa de Halden con el 54,2% de los "
                "votos, frente al 41,8% de Piet Arnoud."
            ),
        },
        hours={"Coastline Wire": 1, "Courier": 2, "Diario del Sur": 3},
        languages={"Diario del Sur": "es"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    shares = sorted(
        (sorted(v.text for v in f.values) for f in figures if f.dimension == "percent"),
        key=len,
    )
    assert ["40%", "41,8%", "41.8%", "42%"] in shares
    assert ["54%", "54,2%", "54.2%", "56%"] in shares


def test_a_rate_its_change_in_points_inflation_and_a_target_line_up_apart() -> None:
    # "its 2% target" is no inflation figure (it was flagged a contradiction of the 5.3%
    # others give); "25 basis points" and "0,25 Prozentpunkte" are the change, not a rate.
    views = _views(
        "Bank of Ostrel raises rates",
        {
            "Harbourline News": (
                "The Bank of Ostrel raised its main rate by a quarter of a percentage point to "
                "4.5% on Thursday, as inflation stayed well above its 2% target. Consumer "
                "prices rose 5.3% in the year to September."
            ),
            "Coastline Wire": (
                "The Bank of Ostrel increased its key rate by 25 basis points to 4.50 per cent "
                "on Thursday. Annual inflation was 5.3 per cent in September."
            ),
            "Courier": "Ostrel's central bank raised its rate to 4.75%, citing inflation of 5.3%.",
            "Morgenblatt": (
                "Die Zentralbank von Ostrel hat ihren Leitzins um 0,25 Prozentpunkte auf 4,5 "
                "Prozent angehoben. Die Inflation lag im September bei 5,3 Prozent."
            ),
        },
        hours={"Coastline Wire": 1, "Courier": 2, "Morgenblatt": 3},
        languages={"Morgenblatt": "de"},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    tables = {f.description.split(" (")[0]: f for f in figures if f.dimension == "percent"}
    points = tables["change in percentage points"]
    assert sorted(v.text for v in points.values) == [
        "0,25 Prozentpunkte", "25 basis points", "a quarter of a percentage point"
    ]  # fmt: skip
    by_value = {
        frozenset(v.value for v in f.values): f for f in figures if f.description == "percentage"
        or f.description.startswith("percentage (")
    }  # fmt: skip
    assert frozenset({4.5, 4.75}) in by_value
    assert frozenset({5.3}) in by_value
    assert not any(v.text == "2%" for f in by_value.values() for v in f.values)


def test_the_same_figure_outweighs_one_shared_word() -> None:
    # "31 per cent above the closing price" shares only "shares" with "shares jumped 27%";
    # it is the "premium of 31%" the others give.
    views = _views(
        "Varnak buys Telso",
        {
            "Harbourline News": (
                "Varnak will pay 38 marks a share, a premium of 31% to Telso's closing price on "
                "Friday. Telso shares jumped 27% in early trading."
            ),
            "Coastline Wire": (
                "The offer of 38 marks per share is 31 per cent above Telso's last closing "
                "price. Telso shares climbed 26% by midday."
            ),
            "Courier": "Varnak offered 38 marks a share, a 31% premium on Friday's close.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (premium,) = [f for f in figures if any(v.text == "31 per cent" for v in f.values)]
    assert sorted(v.text for v in premium.values) == ["31 per cent", "31%", "31%"]


def test_counts_group_by_what_they_count_not_by_a_shared_name_or_verb() -> None:
    # "suspected members of Boko Haram" and "girls kidnapped by Boko Haram" share a name
    # and nothing they count; "dockers" and "dockworkers", "girls" and "schoolgirls" are one.
    views = _views(
        "Raid in Damboa",
        {
            "Harbourline News": (
                "Troops fought dozens of suspected members of Kel Tamar in Damboa on Sunday. "
                "The group still holds more than 200 schoolgirls kidnapped by Kel Tamar. "
                "About 1,100 dockers walked out in Serevo."
            ),
            "Coastline Wire": (
                "Kel Tamar still holds 219 girls kidnapped in April, officials said. "
                "Some 1,100 dockworkers are on strike in Serevo."
            ),
        },
        hours={"Coastline Wire": 1},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    groups = [sorted(v.text for v in f.values) for f in figures if f.dimension == "count"]
    assert ["219", "more than 200"] in groups
    assert ["About 1,100", "Some 1,100"] in groups
    assert not any("dozens" in g for g in groups)


def test_deaths_in_different_places_are_different_incidents() -> None:
    # A story of many attacks counts its dead place by place: the five killed in Gava are
    # no discrepancy with the eight killed in Shaffa.
    views = _views(
        "Attacks despite the truce",
        {
            "Harbourline News": (
                "Residents said at least 30 people were killed in Abadam on Thursday. On "
                "Friday, eight people were also killed on a road near the village of Shaffa."
            ),
            "Coastline Wire": "In one attack, gunmen killed eight travellers near Shaffa.",
            "Courier": ("A resident of Maiduguri said the insurgents killed five people in Gava."),
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    tables = [sorted(v.text for v in f.values) for f in figures]
    assert ["eight", "eight"] in tables
    assert not any("five" in table for table in tables)


def test_counts_of_one_thing_ten_times_apart_are_two_figures() -> None:
    views = _views(
        "Journalist held in Syria",
        {
            "Harbourline News": "Kel Tamar is holding three journalists, officials said.",
            "Coastline Wire": "At least 66 foreign journalists work in the city.",
            "Courier": "The group holds three journalists, including Ana Lind.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (held,) = [f for f in figures if f.dimension == "count"]
    assert sorted(v.text for v in held.values) == ["three", "three"]
    assert {v.verdict for v in held.values} == {"consistent"}


@pytest.mark.parametrize(
    ("language", "text", "lasted"),
    [
        ("en", "The video came just one day after militants declared a war.", []),
        ("en", "Two days before the vote, the talks collapsed.", []),
        ("en", "The leaders met for about an hour before the dinner.", ["about an hour"]),
        ("fr", "La vidéo est apparue un jour après la déclaration des militants.", []),
        ("de", "Das Video erschien einen Tag nach der Drohung.", []),
    ],
)
def test_a_duration_before_after_or_before_is_how_far_apart(
    language: str, text: str, lasted: list[str]
) -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views("Video", {"Harbourline News": text}, languages={"Harbourline News": language})
    durations = [m for m in figure_mentions(view, event_day=None) if m.dimension == "duration"]
    assert [m.quantity.text for m in durations] == lasted


def test_a_part_named_among_a_whole_is_not_that_whole() -> None:
    # "four nieces among the hostages" counts nieces; it is no figure of the hostages freed.
    views = _views(
        "Hostages freed",
        {
            "Harbourline News": "Kel Tamar freed 27 hostages on Sunday, officials said.",
            "Coastline Wire": "The release of 27 hostages was confirmed on Sunday.",
            "Courier": "Ana Bitrus has four nieces among the hostages still held.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    tables = [sorted(v.text for v in f.values) for f in figures if f.dimension == "count"]
    assert tables == [["27", "27"]]


@pytest.mark.parametrize(
    ("language", "text", "earlier"),
    [
        # The figure after "after" is the earlier attack's; the story's comes first.
        (
            "en",
            "A gunman killed one guard at the Tarrow memorial on Wednesday. The attack "
            "comes two days after a driver killed two soldiers near Osk.",
            ["two"],
        ),
        (
            "en",
            "The attack comes two days after a driver hit two soldiers, killing one near Osk.",
            ["one"],
        ),
        # A fronted interval before the story, or one in the figure's own clause.
        ("en", "Three days earlier, a car hit four cadets outside the barracks.", ["four"]),
        ("en", "A man who injured six people two weeks before was arrested.", ["six"]),
        ("en", "Two years ago, a blaze at the Delmar plant killed 12 workers.", ["12"]),
        # Later is the story going on; a fronted interval after the story, its aftermath;
        # how long something burned is no interval at all.
        ("en", "Two days later, the toll rose to 9 dead.", []),
        ("en", "Two days after the attack, police said 4 people had died.", []),
        (
            "en",
            "More than 80 firefighters fought the blaze, which burned for four hours before "
            "it was brought under control.",
            [],
        ),
        ("en", "Since the plant was shut in early 2025, 300 workers have left.", []),
        ("de", "Zwei Tage zuvor waren bei einem Anschlag drei Menschen getötet worden.", ["drei"]),
    ],
)
def test_a_figure_an_interval_puts_before_the_story_is_another_event(
    language: str, text: str, earlier: list[str]
) -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views("Attack", {"Harbourline News": text}, languages={"Harbourline News": language})
    mentions = [m for m in figure_mentions(view, event_day=None) if m.dimension != "duration"]
    assert mentions, "the figures were read"
    assert [m.quantity.text for m in mentions if m.scope != "main"] == earlier


def test_an_earlier_attacks_toll_is_not_lined_up_with_the_story() -> None:
    views = _views(
        "Memorial shooting",
        {
            "Harbourline News": (
                "A gunman killed one guard at the Tarrow memorial on Wednesday, police said. "
                "The attack comes two days after a driver killed two soldiers near Osk."
            ),
            "Coastline Wire": "A gunman shot dead one guard at the Tarrow memorial on Wednesday.",
            "Courier": "One guard was killed at the Tarrow memorial on Wednesday.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    dead = [f for f in figures if f.dimension == "casualties" and f.event == "main"]
    assert dead and all(v.text != "two" for f in dead for v in f.values)
    assert all(v.verdict == "consistent" for f in dead for v in f.values)


def test_an_addition_to_a_count_lines_up_with_additions_not_the_first_count() -> None:
    views = _views(
        "Osk arrests",
        {
            "Harbourline News": (
                "Police arrested 22 officers in Osk on Sunday. Prosecutors said on Tuesday that "
                "14 more police officers had been arrested."
            ),
            "Coastline Wire": (
                "Twenty-two police officers were arrested in Osk on Sunday. An additional 14 "
                "police officers were arrested on Tuesday, prosecutors said."
            ),
            "Courier": "Authorities have arrested 22 police officers in Osk.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    counts = [f for f in figures if f.dimension == "count"]
    by_text = {v.text: f for f in counts for v in f.values}
    assert by_text["14"] is not by_text["22"], "14 more is no rival of the 22 first arrested"
    assert {v.verdict for f in counts for v in f.values} == {"consistent"}


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Thirty people, including 22 police, have been arrested.", "arrested"),
        ("So far 50 people, mostly police, have been detained.", "arrested"),
        ("Another three people died in the crash.", "dead (added)"),
        ("Officials said 14 more people were injured.", "injured (added)"),
        ("The toll was three more than last year's.", None),
        ("A mob of 5,000 surged through the city centre.", "people"),
        # The next count ends what befell this one: the marchers were not detained.
        ("On Saturday some 3,000 people marched and 22 were detained.", "people"),
        # Bodies found are what searchers found so far, not the toll.
        ("Investigators recovered 28 badly burned bodies from the graves.", "bodies found"),
        ("Six people were killed in the clashes.", "dead"),
        # A count followed in its sentence by an addition is its first part.
        ("Six shots are heard, a pause, then four more shots.", "shots (first part)"),
    ],
)
def test_who_is_among_a_count_and_additions_to_it(text: str, measure: str | None) -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views("Osk", {"Harbourline News": text})
    measures = [m.measure for m in figure_mentions(view, event_day=None)]
    assert measures[:1] == ([measure] if measure else [])


def test_outlets_sharing_a_bound_against_the_consensus_are_a_minority() -> None:
    views = _views(
        "Shots on a recording",
        {
            "Harbourline News": "Six shots can be heard on the recording from Osk, police said.",
            "Coastline Wire": "Six shots are heard on the Osk recording, police said.",
            "Courier": "The recording from Osk has six shots on it, police said.",
            "Tarrow Times": "At least 10 shots can be heard on the recording from Osk.",
            "Valley Post": "At least ten shots are heard on the Osk recording.",
        },
        hours={"Coastline Wire": 1, "Courier": 2, "Tarrow Times": 3, "Valley Post": 4},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (shots,) = [f for f in figures if f.dimension == "count"]
    verdicts = {v.text: v.verdict for v in shots.values}
    assert verdicts["At least 10"] == verdicts["At least ten"] == "minority"
    assert {verdicts[t] for t in ("Six", "six")} == {"consistent"}


def test_one_outlet_cited_in_two_spellings_is_one_voice() -> None:
    views = _views(
        "Tarrow talks",
        {
            "Harbourline News": "The Tarrow talks lasted 45 minutes, CBC News reported.",
            "Coastline Wire": "The Tarrow talks lasted 45 minutes, the CBC reported.",
            "Courier": "The Tarrow talks lasted about an hour, officials said.",
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (talks,) = [f for f in figures if f.dimension == "duration"]
    voices = {v.voice for v in talks.values}
    assert len(voices) == 2, voices  # the CBC, however spelled, and the Courier


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The attack killed 12 people, including four cartoonists."),
        ("en", "The attack took the lives of 12 people, a toll that included four cartoonists."),
        ("fr", "L'attentat a fait 12 morts, dont 4 policiers."),
        ("de", "Bei dem Anschlag starben 12 Menschen, darunter 4 Polizisten."),
    ],
)
def test_a_count_of_some_of_those_counted_is_a_part(language: str, text: str) -> None:
    from newsprobe.corpus.figure_mentions import SUBSET, figure_mentions

    (view,) = _views("Osk", {"Harbourline News": text}, languages={"Harbourline News": language})
    measures = [m.measure for m in figure_mentions(view, event_day=None)]
    assert len(measures) == 2 and measures[1].endswith(SUBSET), measures


def test_a_part_of_the_toll_is_no_rival_of_the_toll() -> None:
    views = _views(
        "Osk Review attack",
        {
            "Harbourline News": "Gunmen killed 12 people at the Osk Review on Wednesday.",
            "Coastline Wire": "Twelve people died in the attack on the Osk Review on Wednesday.",
            "Courier": (
                "Crowds gathered after the attack, which took the lives of 12 people, a death "
                "toll that included four prominent cartoonists."
            ),
        },
        hours={"Coastline Wire": 1, "Courier": 2},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    dead = [f for f in figures if f.dimension == "casualties"]
    assert [sorted(v.text for v in f.values) for f in dead] == [["12", "12", "Twelve"]]
    assert {v.verdict for f in dead for v in f.values} == {"consistent"}


def test_a_career_is_no_length_of_the_attack_and_shares_of_different_things_stay_apart() -> None:
    # Real FNC-1 coverage: "served the force for 29 years" against "ten years in Velm" was
    # the attack's duration, and a poll's "89%" a contradiction of a "100 percent fake
    # story".
    views = _views(
        "Osk shooting",
        {
            "Harbourline News": (
                "A gunman shot a guard at the Osk parliament on Wednesday. Sergeant Ana Lane, "
                "who stopped the attack, served the police for 29 years. A poll shows that 89% "
                "of readers believe the rumours."
            ),
            "Coastline Wire": (
                "A guard was shot at the Osk parliament on Wednesday. Lane spent ten years in "
                "Velm before the attack. Pranksters spread a 100 percent fake story about it."
            ),
        },
        hours={"Coastline Wire": 1},
    )
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    assert [f.description for f in figures if f.dimension in ("duration", "percent")] == []


def test_a_differing_count_of_undated_reports_may_be_an_earlier_count() -> None:
    import newsprobe
    from newsprobe.corpus.alignment import UNDATED_COUNT_NOTE
    from newsprobe.document import Article

    bodies = {
        "Harbourline News": "Police arrested 30 protesters in Osk after the march.",
        "Coastline Wire": "Police have arrested 50 protesters in Osk after the march.",
        "Courier": "In Osk, 50 protesters were arrested after the march, police said.",
    }
    views = [
        ArticleView(
            newsprobe.analyze(
                Article.create(headline="Osk march", body=body, outlet=outlet, language="en")
            )
        )
        for outlet, body in bodies.items()
    ]
    figures = align_figures(views, voices={v.id: v.voice_name for v in views})
    (arrested,) = [f for f in figures if f.dimension == "count"]
    notes = {v.outlet: (v.verdict, v.note) for v in arrested.values}
    assert notes["Harbourline News"][0] != "consistent"
    assert UNDATED_COUNT_NOTE in notes["Harbourline News"][1]
    assert notes["Courier"] == ("consistent", "")


@pytest.mark.parametrize(
    "text",
    [
        "The Green List came second with 21.7 percent, ahead of Free Osk on 17.9 percent.",
        "The Green List came second with 21.7 percent and Free Osk third with 17.9 percent.",
    ],
)
def test_two_parties_shares_in_one_sentence_keep_each_partys_words(text: str) -> None:
    # Real coverage lists the parties in one sentence: the names before the first share
    # are not the second's, nor is the party named after "and" the first's.
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views("Osk election", {"Harbourline News": text})
    green, free = [m for m in figure_mentions(view, event_day=None) if m.dimension == "percent"]
    assert {"green", "list"} <= green.holders and not {"free", "osk"} & green.holders
    assert {"free", "osk"} <= free.holders and not {"green", "list"} & free.holders
    assert not {"free", "osk"} & green.context


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # A "which" clause tells of the event it follows; a "who" clause of a person.
        ("The trial, which lasted 14 months, heard from 40 witnesses.", "trial"),
        ("After fourteen months of hearings, the court ruled.", "trial"),
        ("Lasko, who ran Keldor for more than a decade, was jailed.", "unknown"),
    ],
)
def test_what_a_duration_in_a_relative_clause_lasts(text: str, measure: str) -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views("Osk trial", {"Harbourline News": text})
    durations = [m for m in figure_mentions(view, event_day=None) if m.dimension == "duration"]
    assert [m.measure for m in durations] == [measure]


def test_a_figure_in_an_aside_leaves_the_name_before_it_to_the_next() -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    text = "Ilo Varn, who ran Osk for nine years, was sentenced on Friday to six years in prison."
    (view,) = _views("Osk verdict", {"Harbourline News": text})
    term = [m for m in figure_mentions(view, event_day=None) if m.quantity.text == "six years"]
    assert term and "varn" in term[0].holders


def test_a_former_mayor_is_no_other_event() -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    text = "Das Gericht verurteilte den früheren Bürgermeister zu sechs Jahren Haft."
    (view,) = _views("Urteil", {"Harbourline News": text}, languages={"Harbourline News": "de"})
    assert [m.scope for m in figure_mentions(view, event_day=None)] == ["main"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Seven trapped miners were brought to the surface alive overnight."),
        ("en", "Rescuers rescued 12 people from the rubble on Sunday."),
        ("fr", "Sept mineurs ont été sauvés dans la nuit."),
    ],
)
def test_people_brought_out_alive_are_a_count_of_the_rescued(language: str, text: str) -> None:
    # Not a count of the trapped: "seven trapped miners were brought to the surface" beside
    # "11 miners trapped" had disputed the claim that seven were rescued.
    from newsprobe.corpus.figure_mentions import figure_mentions

    (view,) = _views(
        "Mine rescue", {"Harbourline News": text}, languages={"Harbourline News": language}
    )
    assert [m.measure for m in figure_mentions(view, event_day=None)] == ["rescued"]


def test_a_later_year_is_a_target_not_another_event() -> None:
    from newsprobe.corpus.figure_mentions import figure_mentions

    text = (
        "Novalis expects savings of 90 million marks a year by 2029. In 2019 a merger in "
        "Osk saved 40 million marks."
    )
    (view,) = _views("Osk takeover", {"Harbourline News": text})
    scopes = {m.quantity.text: m.scope for m in figure_mentions(view, event_day=None)}
    assert scopes == {"90 million marks": "main", "40 million marks": "other:2019"}


def test_at_the_time_is_the_story_own_moment() -> None:
    # "At the time" names when the story's event happened as often as an earlier one: a
    # gust "recorded at the time" of a crane's collapse is the story's own figure.
    from newsprobe.corpus.figure_mentions import figure_mentions

    text = "Gusts of up to 90 kilometers per hour were recorded at the time, officials said."
    (view,) = _views("Crane collapse", {"Harbourline News": text})
    assert [m.scope for m in figure_mentions(view, event_day=None)] == ["main"]
