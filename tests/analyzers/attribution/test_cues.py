"""Source descriptions, content spans and cues that are not verbs of saying (composed text)."""

from __future__ import annotations

import pytest

from newsprobe.analyzers.attribution import cues
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.findings import AttributionFinding
from tests.conftest import make_article


def _found(body: str) -> tuple[str, list[AttributionFinding]]:
    article = make_article(body, headline="Harbour news")
    analysis = Pipeline(["entities", "quotes", "attribution"]).analyze(article)
    return article.text, [f for f in analysis.findings if isinstance(f, AttributionFinding)]


def _at(text: str, span: object) -> str | None:
    return None if span is None else text[span.start : span.end]  # type: ignore[attr-defined]


def test_the_source_span_is_the_whole_description_and_the_name_is_kept() -> None:
    text, found = _found(
        "Dana Whitfield, chief market strategist at Harrow Capital, said the rally would fade "
        "before the winter."
    )
    (finding,) = found
    assert _at(text, finding.source_span) == (
        "Dana Whitfield, chief market strategist at Harrow Capital"
    )
    assert _at(text, finding.name_span) == "Dana Whitfield"
    assert finding.source == "Dana Whitfield" and finding.source_type == "person"
    assert _at(text, finding.content_span) == "the rally would fade before the winter"
    assert finding.cue_type == "speech"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Ilse Varn, who has run the ferry line since 2019, said the fares would rise.",
            "Ilse Varn, who has run the ferry line since 2019",
        ),
        (
            "Mara Kerr, speaking to reporters on the pier on Monday, said the levy would pass.",
            "Mara Kerr",
        ),
        (
            "Tomas Velko, the harbour master of Port Ailey, said the pier would close.",
            "Tomas Velko, the harbour master of Port Ailey",
        ),
    ],
)
def test_a_description_keeps_a_relative_clause_and_stops_before_a_set_off_participle(
    body: str, source: str
) -> None:
    text, found = _found(body)
    assert [_at(text, f.source_span) for f in found] == [source]


def test_a_quotation_s_content_is_the_quoted_words() -> None:
    text, found = _found('"The pier will stay shut until May," said harbour master Pia Lund.')
    (finding,) = found
    assert _at(text, finding.content_span) == "The pier will stay shut until May"
    assert _at(text, finding.source_span) == "harbour master Pia Lund"


CUE_TYPES = [
    ("The figures suggest that the ferry lost money all summer.", "The figures", "evidence"),
    ("Polls show the harbour levy ahead by nine points.", "Polls", "evidence"),
    (
        "Coastline First, which supports the levy, spent 40,000 kroner.",
        "which",
        "stance",
    ),
    (
        "The harbour authority declined to comment on the closure of the pier.",
        "The harbour authority",
        "refusal",
    ),
    ("Port officials want to delay the vote until the spring.", "Port officials", "intention"),
    ("Critics fear the levy will drive the ferry operators away.", "Critics", "thought"),
    # A quantifier stands for people: "some", "few", "both" hold views.
    ("Some fear the levy will drive the ferry operators away.", "Some", "thought"),
    ("But few believe the pier will reopen in May.", "few", "thought"),
    # Seeing as is a view, not a discovery.
    ("Local developers see golf courses as wasted space.", "Local developers", "thought"),
    # Polling is data; donors and rivals are people (common nouns of political news).
    ("Exit polling shows the levy ahead by nine points.", "Exit polling", "evidence"),
    ("Local ferry donors want the council to drop the levy.", "Local ferry donors", "intention"),
    ("Her rivals fear the levy will pass.", "Her rivals", "thought"),
    # An outlet finds, as a document does.
    ("The Valemont Times found no record of the meeting.", "The Valemont Times", "evidence"),
]


@pytest.mark.parametrize(("sentence", "source", "cue_type"), CUE_TYPES)
def test_cues_of_thought_evidence_intention_stance_and_refusal(
    sentence: str, source: str, cue_type: str
) -> None:
    text, found = _found(sentence)
    assert [(_at(text, f.source_span), f.cue_type) for f in found] == [(source, cue_type)]
    assert found[0].content_span is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures show.",  # no complement: shows nothing
        "It seems the pier will stay shut.",  # no holder of the view
        "The move suggests a change of course at the port.",  # a thing, not a document
        "Ferry traffic declined 3 percent in March.",  # a fall, not a refusal
        "The pier was expected to reopen in May.",  # a passive: no holder named
        "Voters would support the levy if it were smaller.",  # a supposition
    ],
)
def test_words_of_the_lexicon_that_attribute_nothing(sentence: str) -> None:
    _text, found = _found(sentence)
    assert [(f.cue, f.cue_type) for f in found] == []


# Each rule of cues.NON_SPEECH_RULES, with the sentence it keeps out: taking the rule out
# of the tuple lets the sentence through.
RULE_EXAMPLES = {
    "wants_refusal_to_speak_or_act": "The harbour authority declined the offer of a loan.",
    "wants_complement": "Pia Lund still believes.",
    "wants_holder": "The old ferry wants a new engine.",
    "wants_a_finding_not_a_discovery": "Engineers found a crack in the spillway wall.",
}


@pytest.mark.parametrize("name", sorted(RULE_EXAMPLES))
def test_each_rule_keeps_its_sentence_out(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = RULE_EXAMPLES[name]
    assert _found(sentence)[1] == []
    rules = tuple(r for r in cues.NON_SPEECH_RULES if r.__name__ != name)
    assert len(rules) == len(cues.NON_SPEECH_RULES) - 1
    monkeypatch.setattr(cues, "NON_SPEECH_RULES", rules)
    assert _found(sentence)[1] != [], f"{name} is not what keeps {sentence!r} out"


def test_every_cue_type_of_the_lexicon_is_known() -> None:
    assert set(cues.CUE_TYPES.values()) <= {
        "speech",
        "thought",
        "evidence",
        "intention",
        "stance",
        "refusal",
    }
    assert cues.cue_type("fear") == "thought" and cues.cue_type("say") == "speech"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            'Mara Kerr called the levy "a needless tax on ferries."',
            'the levy "a needless tax on ferries',
        ),
        ('Ilse Varn described the levy as "a tax on ferries."', 'the levy as "a tax on ferries'),
    ],
)
def test_the_content_runs_on_to_what_completes_the_object(body: str, content: str) -> None:
    text, found = _found(body)
    assert [_at(text, f.content_span) for f in found] == [content]


def test_a_second_cue_of_one_source_keeps_its_own_content() -> None:
    text, found = _found(
        "Mara Kerr said the levy would pass, adding that ferry fares would rise in May."
    )
    assert [(_at(text, f.source_span), _at(text, f.content_span)) for f in found] == [
        ("Mara Kerr", "the levy would pass"),
        ("Mara Kerr", "that ferry fares would rise in May"),
    ]


def test_the_addressee_of_a_verb_of_address_is_not_the_content() -> None:
    text, found = _found('"We will appeal the ruling," Ilse Varn told the Harbour Courier.')
    assert [_at(text, f.content_span) for f in found] == ["We will appeal the ruling"]


@pytest.mark.parametrize(
    "body",
    [
        "Prices rose sharply in March, said Vellmark Coffee Institute, an industry body, "
        "which declined to comment on the tariffs.",
        "Prices rose sharply in March, said an industry body, the Vellmark Coffee Institute, "
        "which declined to comment on the tariffs.",
    ],
)
def test_a_refusal_in_a_relative_clause_is_the_named_antecedent_s(body: str) -> None:
    _, found = _found(body)
    (refusal,) = [f for f in found if f.cue_type == "refusal"]
    assert refusal.source is not None and "Vellmark Coffee Institute" in refusal.source


@pytest.mark.parametrize(
    "body",
    [
        'Two people were confirmed dead as "the worst storm in decades" hit the coast.',
        'Two people confirmed dead as "the worst storm in decades" hits the coast',
        'Three sailors were reported missing after "a freak wave" struck the trawler.',
    ],
)
def test_a_status_after_confirmed_or_reported_is_no_attribution(body: str) -> None:
    _, found = _found(body)
    assert [f.source for f in found] == []


def test_a_confirmation_with_a_clause_is_still_a_cue() -> None:
    _, found = _found("Coastguard officials confirmed that two people had died.")
    assert [f.cue for f in found] == ["confirmed"]


@pytest.mark.parametrize(
    "relative",
    ["who said last week that he would resign", "who opposes the harbour levy"],
)
def test_a_relative_clause_that_reports_a_statement_is_not_in_the_description(
    relative: str,
) -> None:
    # A statement or a view of its own ("who opposes": a cue of the lexicon).
    text, found = _found(f"Oskar Brandt, {relative}, told the council the harbour fund was empty.")
    sources = [_at(text, f.source_span) for f in found if f.cue == "told"]
    assert sources == ["Oskar Brandt"]


def test_an_object_s_content_runs_on_through_the_verb_s_prepositions() -> None:
    text, found = _found("Mara Kerr congratulated the rowing club for winning the regatta.")
    assert [_at(text, f.content_span) for f in found] == ["the rowing club for winning the regatta"]


def test_a_quotation_that_goes_on_keeps_the_cue_that_opened_it() -> None:
    text, found = _found(
        '"We should scrap the levy entirely," Mara Kerr said. "Traders feel it is unfair. '
        'And they are right."'
    )
    assert {_at(text, f.cue_span) for f in found} == {"said"}
    assert {f.source for f in found} == {"Mara Kerr"}


def test_what_a_court_heard_is_evidence_given_before_it() -> None:
    _, found = _found(
        "The court heard that Ashby approved payments to two firms run by his "
        "brother-in-law. Residents heard a loud bang shortly after midnight."
    )
    assert [(f.source, f.source_type, f.cue, f.cue_type) for f in found] == [
        ("The court", "official", "heard", "evidence")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Dario Venn scored 31 goals last season and is said to be keen on a move.",
        "The Harbour Hotel is said to be haunted by a drowned ferryman.",
        "Mayor Ida Holm is reported to have offered her resignation.",
    ],
)
def test_a_passive_verb_of_saying_with_an_infinitive_names_no_source(body: str) -> None:
    # Its subject is what is said, not who says it ("it is said that" alike).
    _, found = _found(body)
    assert [(f.source, f.source_type) for f in found] == [(None, "anonymous")]


def test_a_person_once_called_she_is_not_the_next_he() -> None:
    _, found = _found(
        "Gerald Ashby was jailed for six years. His lawyer, Priya Desai, had argued that "
        "her client was in poor health. She said the sentence was harsh. He intends to "
        "appeal."
    )
    assert [(f.cue, f.source) for f in found if f.cue in {"said", "intends"}] == [
        ("said", "Priya Desai"),
        ("intends", "Gerald Ashby"),
    ]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Mayor Ilse Varn said she would meet the crews but no meeting has been arranged.",
            "she would meet the crews but no meeting has been arranged",
        ),
        (
            "Tomas Velko said on Monday that the pier would close, although the board has "
            "not voted.",
            "that the pier would close, although the board has not voted",
        ),
        (
            "Tomas Velko said the pier would close, and the mayor warned of delays.",
            "the pier would close",
        ),
    ],
)
def test_the_content_goes_on_over_a_clause_said_with_it(body: str, content: str) -> None:
    """The parser hangs "but no meeting has been arranged" and "although ..." on "said";
    PolNeAR's content runs on over them, not over "and the mayor warned" (a cue of its
    own)."""
    text, found = _found(body)
    assert [_at(text, f.content_span) for f in found if f.cue == "said"] == [content]


def test_a_cue_of_the_lexicon_under_a_preposition_takes_the_subject_it_hangs_on() -> None:
    text, found = _found(
        "The ferry workers' union won praise from traders for supporting the harbour levy."
    )
    assert [(_at(text, f.source_span), f.cue, f.cue_type) for f in found] == [
        ("The ferry workers' union", "supporting", "stance")
    ]


def test_a_cue_of_the_lexicon_after_an_adjective_does_not_climb() -> None:
    # "is due to consider": a plan of the committee's, no view it holds.
    _, found = _found("The council's planning committee is due to consider the levy in May.")
    assert found == []
