"""Attribution and sourcing: gold-set gates and focused cases."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution.source_kinds import looks_like_outlet
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.document import Analysis
from newsprobe.evaluation.attribution import load_gold, score
from newsprobe.evaluation.goldset import article_of, gold_article
from newsprobe.findings import AttributionFinding, SourcingFinding
from tests.conftest import make_article
from tests.gates import gate

GOLD = load_gold()


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    pipeline = Pipeline(["attribution", "sourcing"])
    return {slug: pipeline.analyze(article_of(gold_article(slug))) for slug in GOLD}


def test_attribution_gold_gate(analyses: dict[str, Analysis]) -> None:
    gate("attribution_alone").check(score(analyses))


def test_attribution_gold_gate_with_every_analyzer() -> None:
    """What `newsprobe analyze` runs: quotes and entities feed speakers and labels."""
    pipeline = Pipeline()
    result = score({slug: pipeline.analyze(article_of(gold_article(slug))) for slug in GOLD})
    gate("attribution_full").check(result)


@pytest.mark.parametrize("slug", sorted(GOLD))
def test_sourcing_verdicts(analyses: dict[str, Analysis], slug: str) -> None:
    (sourcing,) = [f for f in analyses[slug].findings if isinstance(f, SourcingFinding)]
    expected = GOLD[slug]["sourcing"]
    assert sourcing.verdict == expected["verdict"], sourcing.note
    assert sourcing.outlets == expected["outlets"]
    assert 0.0 <= sourcing.unattributed_share <= 1.0
    assert abs(sum(sourcing.shares.values()) + sourcing.unattributed_share - 1.0) < 0.01


def test_sourcing_verdicts_with_every_analyzer() -> None:
    """With entities in play, outlets are named through their entities: the names must
    still be the article's own ("The Daily Courier", not "Daily Courier")."""
    pipeline = Pipeline()
    for slug in sorted(GOLD):
        analysis = pipeline.analyze(article_of(gold_article(slug)))
        (sourcing,) = [f for f in analysis.findings if isinstance(f, SourcingFinding)]
        expected = GOLD[slug]["sourcing"]
        assert (sourcing.verdict, sourcing.outlets) == (
            expected["verdict"],
            expected["outlets"],
        ), slug


@pytest.mark.parametrize(
    ("name", "is_outlet"),
    [
        ("The Valemont Times", True),
        ("Coastline Wire", True),
        ("The Daily Blaze", True),
        ("Reuters", True),
        ("the BBC", True),
        ("Northgate Daily", True),
        ("the civil protection agency", False),
        ("Civic Alliance leader Tobias Hendrikson", False),
        ("Green Coast", False),
        ("Times", False),
        ("The Ministry of Trade", False),
    ],
)
def test_outlet_names(name: str, is_outlet: bool) -> None:
    assert looks_like_outlet(name) is is_outlet


def _attributions(text: str, **meta: object) -> list[AttributionFinding]:
    analysis = Pipeline(["attribution"]).analyze(make_article(text, headline="Report", **meta))
    return [f for f in analysis.findings if isinstance(f, AttributionFinding)]


def test_told_an_outlet_is_secondhand_but_told_this_newspaper_is_not() -> None:
    (secondhand,) = _attributions("Police told the Harbour Courier that two men were held.")
    assert secondhand.source_type == "outlet" and secondhand.source == "the Harbour Courier"
    (own,) = _attributions("Councillor Edvin Strand told this newspaper that the cuts hurt.")
    assert own.source_type == "person" and "own reporting" in own.note


def test_the_outlet_quoting_itself_is_not_a_source() -> None:
    found = _attributions(
        "The Harbour Courier reported last year that the pier was unsafe.",
        outlet="The Harbour Courier",
    )
    assert found == []


def test_attribution_spans_point_at_source_and_cue() -> None:
    (finding,) = _attributions("The fare will rise by 5 percent, according to Coastline Wire.")
    text = make_article(
        "The fare will rise by 5 percent, according to Coastline Wire.", headline="Report"
    ).text
    assert finding.source_span is not None and finding.cue_span is not None
    assert text[finding.source_span.start : finding.source_span.end] == "Coastline Wire"
    assert text[finding.cue_span.start : finding.cue_span.end] == "according to"


def test_retelling_note_names_the_outlets() -> None:
    body = (
        "The Valemont Times reports that the mayor will resign. According to the paper, "
        "she told aides on Sunday. The mayor's office declined to comment. Her deputy would "
        "take over. The council meets on Friday."
    )
    analysis = Pipeline(["attribution", "sourcing"]).analyze(make_article(body, headline="X"))
    (sourcing,) = analysis.of_kind("sourcing")
    assert isinstance(sourcing, SourcingFinding)
    assert sourcing.verdict == "retelling"
    assert "The Valemont Times" in sourcing.note


def test_the_writer_citing_themselves_is_not_a_source() -> None:
    found = _attributions(
        "Mayor Tomas Brennick opened the new ferry terminal in Varn on Monday. "
        "I wrote last spring that the terminal would cost twice its budget."
    )
    assert all(a.source is None or "Brennick" not in a.source for a in found[1:]), [
        (a.source, a.cue) for a in found
    ]
    wrote = [a for a in found if a.cue == "wrote"]
    assert [(a.source, a.source_type, a.sources_statement) for a in wrote] == [
        ("the writer", "unattributed", True)
    ]


def test_the_writers_view_is_the_writers_own_voice_and_sources_nothing() -> None:
    text = (
        "Councillor Edda Marsh opened the library in Pellow on Friday. "
        "I think the new wing will be empty by spring. "
        "We believe the council should have waited."
    )
    found = _attributions(text)
    voiced = {(a.cue, a.source, a.source_type) for a in found}
    assert ("think", "the writer", "unattributed") in voiced
    assert ("believe", "the writer", "unattributed") in voiced
    (sourcing,) = [
        f
        for f in Pipeline(["attribution", "sourcing"]).analyze(make_article(text)).findings
        if isinstance(f, SourcingFinding)
    ]
    assert sourcing.unattributed_share == 1.0, sourcing.note


# Patterns seen on real wire and web copy (FNC-1 bodies), rewritten with invented names.
@pytest.mark.parametrize(
    ("sentence", "source", "source_type"),
    [
        # Unnamed people are unnamed sources, whatever body or place qualifies them.
        (
            "A DEA agent testified that the shipment reached Dorvan on a Tuesday.",
            "agent",
            "anonymous",
        ),
        (
            "Scientists said the crater near Lomas Verde was 12 metres wide.",
            "Scientists",
            "anonymous",
        ),
        ("The woman, who lives in Orlen, said she had not seen the boat.", "woman", "anonymous"),
        (
            "A commander for the Veltran militia said his men held the port.",
            "commander",
            "anonymous",
        ),
        # Outlets cited by a bare name or by their web address.
        ("According to RT, the border crossing at Kesto closed overnight.", "RT", "outlet"),
        ("Forbes reported that the startup Quillet raised $40 million.", "Forbes", "outlet"),
        ("The chef quit in May, according to Harbourlight.co.uk.", "Harbourlight.co.uk", "outlet"),
        (
            "Tessa Morrow told Business Insider that the film is not a biopic.",
            "Business Insider",
            "outlet",
        ),
        # A label before the name is not part of the source.
        (
            "The crappy: Fake news site The Weekly Marlin wrote that the mayor was arrested.",
            "The Weekly Marlin",
            "outlet",
        ),
        # Tests and scans are evidence, not organisations.
        ("DNA tests confirmed that the girl is the smuggler's daughter.", "DNA tests", "document"),
    ],
)
def test_source_types_seen_on_real_copy(sentence: str, source: str, source_type: str) -> None:
    found = _attributions(sentence)
    assert any(f.source_type == source_type and source in (f.source or "") for f in found), [
        (f.source, f.source_type) for f in found
    ]


@pytest.mark.parametrize(
    "name", ["The vice president", "a variety of experts", "the time", "Vice President Ana Roth"]
)
def test_common_words_are_not_outlet_names(name: str) -> None:
    assert not looks_like_outlet(name)


def test_naming_and_idioms_are_not_anonymous_attributions() -> None:
    found = _attributions(
        "The river is shallow here. It is called the Teren Channel in the local language. "
        "When it is all said and done, the dam will hold. It was reported that the ferry sank."
    )
    assert [f.cue for f in found] == ["was reported"], [(f.source, f.cue) for f in found]


def test_they_after_unnamed_people_resolves_to_them() -> None:
    found = _attributions(
        "Doctors at Kessel Hospital operated for five hours on Monday. "
        "However, they said it was too early to know if the operation had worked."
    )
    assert any(
        f.source == "Doctors at Kessel Hospital" and f.source_type == "anonymous" for f in found
    ), [(f.source, f.source_type) for f in found]


def test_he_after_an_unnamed_source_is_that_source() -> None:
    # Not the last name the tagger took for a person ("Varnia", a country here).
    found = _attributions(
        "His brother was among those killed, the resident said. Many people had fled "
        "across the border to Varnia, he added."
    )
    assert [(a.source, a.source_type) for a in found] == [
        ("the resident", "anonymous"),
        ("the resident", "anonymous"),
    ]
    named = _attributions(
        "Mayor Ida Voss said the road was closed. The bridge will reopen, she added."
    )
    assert [a.source for a in named] == ["Mayor Ida Voss", "Mayor Ida Voss"]


def test_adding_an_amount_is_not_speaking() -> None:
    found = _attributions(
        "The operator estimates that the closure has added around 40 minutes to every crossing."
    )
    assert all(f.cue != "added" for f in found), [(f.source, f.cue) for f in found]
    found = _attributions("Prices, the minister added, would rise by spring.")
    assert [(f.source, f.cue) for f in found] == [("the minister", "added")]


def test_saying_without_a_clause_the_parser_sees_is_still_saying() -> None:
    """The parser hangs the clause of "said for the first time that ..." on "time"."""
    found = _attributions(
        "Harbour master Teodor Kestrel also said for the first time that two ferries had "
        "been sold. As Mayor Ilse Varn noted, the pier has been closed for a year."
    )
    assert sorted((f.source, f.cue) for f in found) == [
        ("Harbour master Teodor Kestrel", "said"),
        ("Mayor Ilse Varn", "noted"),
    ], [(f.source, f.cue) for f in found]
    found = _attributions("Kestrel would say so, and Varn did not say it.")
    assert found == [], [(f.source, f.cue) for f in found]


def test_a_reporting_verb_joined_to_the_reported_clause_belongs_to_the_speaker() -> None:
    found = _attributions(
        "Irena Vos, a councillor for the harbour ward, said the board had given away too "
        "much and warned that her party would fight the plan."
    )
    assert {f.source for f in found} == {"Irena Vos"}, [(f.source, f.cue) for f in found]


def test_calling_something_by_a_name_is_not_a_quoted_verdict() -> None:
    found = _attributions(
        'Ruiz said the crews were "not looking for a fight" but would not accept what she '
        'called a pay cut. Brenn called the strike "a needless escalation".'
    )
    assert sorted((f.source, f.cue) for f in found) == [
        ("Brenn", "called"),
        ("Ruiz", "said"),
    ], [(f.source, f.cue) for f in found]


def test_one_outlet_named_three_ways_is_one_outlet() -> None:
    analysis = Pipeline(["entities", "quotes", "attribution", "sourcing"]).analyze(
        make_article(
            "President Ilse Varn met Chancellor Odo Brandt on Sunday, according to a report "
            "by the Meridian Herald. The pair spoke for an hour, the Herald reported. "
            'Insiders told the paper the talks were "frosty" at first. Varn said the talks '
            "would continue. Brandt's office said they lasted 45 minutes.",
            headline="Varn and Brandt meet",
        )
    )
    outlets = {f.source for f in analysis.findings if isinstance(f, AttributionFinding)} & {
        "Meridian Herald",
        "the Herald",
        "the paper",
        "a report by the Meridian Herald",
    }
    assert outlets == {"Meridian Herald"}
    (sourcing,) = [f for f in analysis.findings if isinstance(f, SourcingFinding)]
    assert sourcing.verdict == "retelling" and sourcing.outlets == ["Meridian Herald"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Some observers suggested it could have been a chance encounter.",
            [("Some observers", "anonymous", "suggested")],
        ),
        ("Police found that the driver had not slept.", [("Police", "official", "found")]),
        ("Figures show that traffic fell by a fifth.", [("Figures", "document", "show")]),
        ("The move suggests that Varn is worried.", []),
        ("This suggests the talks failed.", []),
    ],
)
def test_people_who_suggest_or_find_are_sources_and_things_are_not(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    found = _attributions(sentence)
    assert [(f.source, f.source_type, f.cue) for f in found] == expected


def _attributions_read_with_quotes(text: str) -> list[AttributionFinding]:
    pipeline = Pipeline(["entities", "quotes", "attribution"])
    analysis = pipeline.analyze(make_article(text, headline="Report"))
    return [f for f in analysis.findings if isinstance(f, AttributionFinding)]


def test_a_quotation_that_goes_on_after_its_cue_keeps_the_cue() -> None:
    """The quotes analyzer names no speaker here; the cue before still tells who spoke."""
    text = (
        '"I am fine with talks," Mr. Okafor said. "But how can you leave two behind? '
        'It should be all or nothing."\n\nThe council met on Monday.'
    )
    found = _attributions_read_with_quotes(text)
    article_text = make_article(text, headline="Report").text
    cued = {
        article_text[f.content_span.start : f.content_span.end].strip('" ')
        for f in found
        if f.cue == "said" and f.source == "Okafor" and f.content_span is not None
    }
    assert cued == {
        "I am fine with talks",
        "But how can you leave two behind?",
        "It should be all or nothing.",
    }


@pytest.mark.parametrize(
    ("body", "cues"),
    [
        ("Mayor Ilse Varn cited a poll that shows the levy ahead.", ["cited"]),
        ("Islanders want a council that backs the ferry crews.", ["want"]),
        ("Coastline First, a campaign group which backs the levy, spent 40,000 kroner.", ["backs"]),
    ],
)
def test_a_defining_that_clause_reports_nothing_but_a_clause_set_off_does(
    body: str, cues: list[str]
) -> None:
    """'a poll that shows', 'a council that backs': the clause says which poll or
    council is meant; "which" after a comma (or any clause set off) still reports."""
    assert [f.cue for f in _attributions_read_with_quotes(body)] == cues


def test_a_saying_told_by_another_is_the_account_s_attribution() -> None:
    """'Varn said, according to a transcript': the transcript is the source (PolNeAR
    leaves the saying it recounts unmarked); a clause after the cue keeps both."""
    found = _attributions_read_with_quotes(
        '"We will appeal," Mayor Ilse Varn said, according to a council transcript.'
    )
    assert [(f.cue, f.source) for f in found] == [("according to", "a council transcript")]
    found = _attributions_read_with_quotes(
        "The Harbour Courier reported that, according to port records, the pier was unsafe."
    )
    assert {f.cue for f in found} == {"reported", "according to"}


def test_a_quotation_after_a_sentence_of_the_writer_is_not_carried_on() -> None:
    text = (
        '"I am fine with talks," Mr. Okafor said. The council met on Monday. '
        '"It should be all or nothing."'
    )
    found = _attributions_read_with_quotes(text)
    assert [f.cue for f in found] == ["said"]


@pytest.mark.parametrize(
    ("body", "source", "cue"),
    [
        (
            "Mayor Ilse Varn opened the meeting by saying that the pier would close in May.",
            "Mayor Ilse Varn",
            "saying",
        ),
        (
            "Ferry workers are more likely to say that the levy is unfair.",
            "Ferry workers",
            "say",
        ),
        (
            "Teodor Kestrel stood up, shook his head and said that the ferry was unsafe.",
            "Teodor Kestrel",
            "said",
        ),
    ],
)
def test_a_verb_of_saying_without_a_subject_takes_the_one_it_hangs_on(
    body: str, source: str, cue: str
) -> None:
    """ "by saying", "likely to say", a third conjunct: the parse gives the verb of saying
    no subject of its own; the verb it hangs on has the speaker."""
    found = _attributions(body)
    assert (source, cue) in [(f.source, f.cue) for f in found], [(f.source, f.cue) for f in found]


def test_a_passive_cue_names_its_source_in_the_agent() -> None:
    found = _attributions("The harbour levy was criticized by the ferry workers' union.")
    assert [(f.source, f.cue) for f in found] == [("the ferry workers' union", "criticized")], [
        (f.source, f.cue) for f in found
    ]
    found = _attributions("The old pier was hit by a storm in May.")
    assert found == [], [(f.source, f.cue) for f in found]


@pytest.mark.parametrize(
    ("body", "source", "cue", "content"),
    [
        (
            "By the ferry union's tally, 300 crews went on strike.",
            "the ferry union's tally",
            "By",
            "300 crews went on strike",
        ),
        (
            "In Mayor Varn's view, the old pier is finished.",
            "Mayor Varn's",
            "In Mayor Varn's view",
            "the old pier is finished",
        ),
    ],
)
def test_a_poll_a_tally_or_a_view_cited_by_a_preposition_is_a_source(
    body: str, source: str, cue: str, content: str
) -> None:
    found = _attributions_read_with_quotes(body)
    text = make_article(body, headline="Report").text
    assert [(f.cue, text[f.content_span.start : f.content_span.end]) for f in found] == [
        (cue, content)
    ]
    assert found[0].source_span is not None
    assert text[found[0].source_span.start : found[0].source_span.end] == source


@pytest.mark.parametrize(
    "body",
    [
        "In the harbour, two ferries sank.",  # a place, not a poll
        "Mayor Kerr leads in the polls.",  # no one poll is named
        "In my view, the old pier is finished.",  # the writer's view
        "The ferry was hit by a storm in May.",  # an agent, not a tally
    ],
)
def test_a_preposition_without_a_listed_noun_cites_no_one(body: str) -> None:
    assert _attributions_read_with_quotes(body) == []
