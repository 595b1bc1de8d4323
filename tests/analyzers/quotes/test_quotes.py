"""The quotes analyzer: quotation-mark pairing, speakers, scare quotes, and the gold gate."""

from __future__ import annotations

from functools import cache

import pytest

from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.quotes.quotes import QuotesAnalyzer, find_quotes
from newsprobe.document import Analysis
from newsprobe.evaluation.quotes import gold_scores, speaker_ok
from newsprobe.findings import QuoteFinding, ScareQuoteFinding
from tests.conftest import make_article
from tests.gates import gate


@cache
def _pipeline(with_entities: bool = True) -> Pipeline:
    return Pipeline(["entities", "quotes"] if with_entities else ["quotes"])


def _run(text: str, *, headline: str | None = None) -> Analysis:
    return _pipeline().analyze(make_article(text, headline=headline))


def _quotes(analysis: Analysis) -> list[QuoteFinding]:
    return [f for f in analysis.findings if isinstance(f, QuoteFinding)]


def _scares(analysis: Analysis) -> list[ScareQuoteFinding]:
    return [f for f in analysis.findings if isinstance(f, ScareQuoteFinding)]


def _parts(analysis: Analysis, quote: QuoteFinding) -> list[str]:
    return [analysis.article.text[p.start : p.end] for p in quote.parts]


# --- quotation marks ------------------------------------------------------------------------


def test_interrupted_quote_is_one_quote_with_two_parts() -> None:
    text = (
        "Mourners filled the square in Farrow on Monday. "
        '"The killing," said Pastor Ivo Marr, "must stop. Not next year. Now."'
    )
    analysis = _run(text)
    (quote,) = _quotes(analysis)
    assert _parts(analysis, quote) == ["The killing,", "must stop. Not next year. Now."]
    assert quote.speaker is not None and "Marr" in quote.speaker
    assert quote.cue == "said"
    assert quote.text.startswith('"The killing,"') and quote.text.endswith('Now."')


def test_multi_paragraph_quote_is_one_finding() -> None:
    text = (
        '"We started with one boat," said harbour master Rosa Kell. "Then came the second.\n\n'
        '"By 1990 we had twelve, and the town grew around them.\n\n'
        '"Now the quay is too small."\n\n'
        "The council meets on Friday."
    )
    analysis = _run(text)
    quotes = _quotes(analysis)
    assert len(quotes) == 2
    second = quotes[1]
    assert [p[:12] for p in _parts(analysis, second)] == [
        "Then came th",
        "By 1990 we h",
        "Now the quay",
    ]
    assert second.speaker is not None and "Kell" in second.speaker


def test_single_marks_inside_a_double_quote_are_not_separate() -> None:
    text = (
        "\"My mother used to say, 'Never trust a calm sea,' and she was right,\" "
        "Captain Liv Oren said."
    )
    analysis = _run(text)
    assert len(_quotes(analysis)) == 1
    assert not _scares(analysis)
    assert "'Never trust a calm sea,'" in _parts(analysis, _quotes(analysis)[0])[0]


def test_curly_and_continental_marks() -> None:
    text = (
        "“We asked and the town said yes,” said director Sofia Brandvik. "
        "The mayor, Per Holm, replied: „Thank you all.“ "
        "Her deputy, Ana Velt, added: «We are proud.»"
    )
    analysis = _run(text)
    quotes = _quotes(analysis)
    assert [_parts(analysis, q)[0] for q in quotes] == [
        "We asked and the town said yes,",
        "Thank you all.",
        "We are proud.",
    ]


def test_british_single_marks_and_apostrophes() -> None:
    text = (
        "It's the '90s all over again, Reyes's neighbours say. "
        "'We won't be moving,' said Joan Pike, who runs the players' bar."
    )
    analysis = _run(text)
    (quote,) = _quotes(analysis)
    assert _parts(analysis, quote) == ["We won't be moving,"]
    assert quote.speaker is not None and "Pike" in quote.speaker
    assert not _scares(analysis)


def test_apostrophes_alone_make_no_quotes() -> None:
    assert find_quotes("The players' union said it's the '90s again at Reyes's bar.") == []


@pytest.mark.parametrize(
    "text",
    [
        'He said "what and " then “nothing ’ she "',
        '"',
        "“" * 50,
        'A lone "mark in a paragraph.\n\nAnd another paragraph.',
        '"Open\n\nno continuation here.',
    ],
)
def test_unbalanced_marks_are_dropped(text: str) -> None:
    units = find_quotes(text)
    for unit in units:
        assert 0 <= unit.start < unit.end <= len(text)
    assert all(seg.closed for unit in units for seg in unit.segments[-1:])


def test_unclosed_multi_paragraph_quote_is_dropped() -> None:
    text = '"First paragraph of a quote.\n\n"Second paragraph, never closed.\n\nPlain text.'
    assert find_quotes(text) == []


def test_huge_text_is_scanned_in_linear_time() -> None:
    # 300 KB of marks that never pair the way a backtracking pattern would try to.
    text = ('"a ' * 50_000) + ("'b " * 50_000)
    units = find_quotes(text)
    assert all(0 <= u.start < u.end <= len(text) for u in units)


# --- speakers ---------------------------------------------------------------------------------


def test_pronoun_goes_to_the_subject_not_the_person_in_the_quote() -> None:
    text = (
        "Omar Haddad, director of Greyfen Homes, spoke first. Lena Fischbach, who chairs the "
        'residents\' group, was not persuaded. "It is a promise on paper," she said.\n\n'
        "Viktor Pell, a solicitor, accused the company of hiding a report.\n\n"
        "Haddad rejected the claim. He said he had met Pell twice. "
        '"He has never asked to see the plans," he said.'
    )
    analysis = _run(text)
    speakers = [q.speaker or "" for q in _quotes(analysis)]
    assert "Fischbach" in speakers[0]
    assert "Haddad" in speakers[1]


def test_continued_quote_takes_the_previous_speaker_with_lower_confidence() -> None:
    text = (
        '"We will reopen the bridge in May," Mayor Ilse Varn told reporters.\n\n'
        '"Nobody wants it closed longer than it has to be."'
    )
    analysis = _run(text)
    first, second = _quotes(analysis)
    assert second.speaker == first.speaker and first.speaker is not None
    assert second.confidence < first.confidence
    assert second.cue is None


def test_descriptions_speak_without_an_entity() -> None:
    text = (
        "A spokesperson for the operator said services would resume "
        '"as soon as it is safe". One palace insider described the meeting as a "frosty '
        'standoff".'
    )
    analysis = _run(text)
    quotes = _quotes(analysis)
    assert [q.speaker for q in quotes] == ["A spokesperson for the operator", "One palace insider"]
    assert all(q.speaker_entity is None for q in quotes)


def test_speaker_entity_comes_from_the_entities_analyzer() -> None:
    text = (
        "Transport Minister Karolina Weiss visited Lindmere on Friday. "
        '"The line will be electric by 2029," Weiss said.'
    )
    analysis = _run(text)
    (quote,) = _quotes(analysis)
    entities = {f.id: f for f in analysis.of_kind("entity")}
    if entities:
        assert quote.speaker_entity in entities
        assert quote.speaker == "Karolina Weiss"
    assert quote.speaker_span is not None
    assert analysis.article.text[quote.speaker_span.start : quote.speaker_span.end] == "Weiss"


def test_according_to_and_cue_span() -> None:
    analysis = _run('According to Coastline Wire, the talks lasted "roughly an hour".')
    (quote,) = _quotes(analysis)
    assert quote.cue == "according to" and quote.speaker is not None
    assert quote.cue_span is not None
    assert analysis.article.text[quote.cue_span.start : quote.cue_span.end] == "According to"


# --- scare quotes -----------------------------------------------------------------------------


def test_scare_quotes_versus_partial_quotes() -> None:
    text = (
        'Critics mocked the so-called "smart" glasses. The pledge to "double down" '
        'worried investors. Sandor said the talks had been "direct and useful". '
        "The phrase 'out of keeping' appeared in the letter."
    )
    analysis = _run(text)
    scares = sorted(f.text for f in _scares(analysis))
    assert scares == ['"double down"', '"smart"', "'out of keeping'"]
    (partial,) = _quotes(analysis)
    assert partial.speaker is not None and "Sandor" in partial.speaker
    assert all(
        "not as reported speech" in f.note or "not reported" in f.note for f in _scares(analysis)
    )


def test_indirect_speech_without_marks_is_not_a_quote() -> None:
    analysis = _run("Veles said the crossings would reopen before the end of April.")
    assert _quotes(analysis) == [] and _scares(analysis) == []


def test_no_doc_still_finds_quotes() -> None:
    from newsprobe.analyzers.base import Context

    article = make_article('"We are ready," she said.')
    found = QuotesAnalyzer().analyze(Context(article=article, doc=None))
    assert len(found) == 1 and isinstance(found[0], QuoteFinding)


# --- gold gate --------------------------------------------------------------------------------


def test_speaker_matching_rule() -> None:
    assert speaker_ok("Anton Veles", "Anton Veles")
    assert speaker_ok("President Anton Veles", "Anton Veles")
    assert not speaker_ok("Rasmus Eklund", "A spokesperson for Eklund")
    assert speaker_ok("A senior diplomat with knowledge of the talks", "A senior diplomat")
    assert not speaker_ok(None, "Anton Veles")


def test_gold_gate() -> None:
    scores = gold_scores()
    gate("quotes").check(
        {
            kind: dict(zip(("precision", "recall", "f1"), prf, strict=True))
            for kind, prf in scores.items()
        }
    )


def test_he_after_according_to_an_outlet_is_the_man_named_before() -> None:
    # The outlet's name sits between the man and "he", and "he" follows it, so a vote on
    # the names' genders once made the outlet the "he".
    text = (
        "President Arvid Kessel of Ostmark unveiled a war memorial in Halvik on Friday. "
        "The ceremony was broadcast live. "
        'According to KTV, he called the memorial "a warning that this peace is fragile."'
    )
    (quote,) = _quotes(_run(text))
    assert quote.speaker is not None and "Kessel" in quote.speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A spokesperson for Halden Rail, which runs 40 trains a day through Brisk, said "
            'the line would reopen "within weeks, not months".',
            "A spokesperson for Halden Rail",
        ),
        (
            "A lawyer for the Varn family (who asked not to be named) said the ruling was "
            '"a relief for everyone".',
            "A lawyer for the Varn family",
        ),
        (
            'A spokeswoman for the ministry of ports said the report was "being studied".',
            "A spokeswoman for the ministry of ports",
        ),
    ],
)
def test_a_described_speaker_stops_before_the_clause_describing_whom_they_speak_for(
    sentence: str, speaker: str
) -> None:
    (quote,) = _quotes(_run(sentence))
    assert quote.speaker == speaker


# --- names, titles and labels in quotation marks (seen on real copy) ---------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # naming words right before the quote
        (
            "Prosecutors charged the driver under a new Veltrian statute called 'Reckless "
            "Haste', which carries a five-year term.",
            "'Reckless Haste'",
        ),
        (
            "Investigators said Orlan Petcu posted threats online under the name “Stormcrow” "
            "(@stormcrow_op) for two years.",
            "“Stormcrow”",
        ),
        (
            "Former captives said the guard had the nickname “the Accountant” because he "
            "counted every ration.",
            "“the Accountant”",
        ),
        # a list of titles
        (
            "Her songs circulated on forums, with titles like “Glass,” “Northern Lights,” "
            "“Sparrow” and “The Long Way Home.” Most were recorded in a garage.",
            "“The Long Way Home.”",
        ),
        # a title that ends the sentence, longer than a scare quote
        (
            'Director Ilse Marrow shared a still from "The Winter Siege: Part One of Three." '
            "Fans were delighted.",
            '"The Winter Siege: Part One of Three."',
        ),
        # a long quoted label between "the" and its noun
        (
            "Despite the “if it is on a screen, it must be real” maxim, the town clerk "
            "checked the records.",
            "“if it is on a screen, it must be real”",
        ),
    ],
)
def test_names_titles_and_labels_are_scare_quotes(text: str, label: str) -> None:
    analysis = _run(text)
    assert label in [f.text for f in _scares(analysis)]
    assert label not in [q.text for q in _quotes(analysis)]


def test_a_naming_verb_frames_only_the_quote_it_governs() -> None:
    # "Calls" has a subject, so it once attributed the headline's quoted law name to "Dad".
    analysis = _run(
        "Officers in Tarrow arrested a 17-year-old on Friday.",
        headline="Dad Calls Police On Teenage Son; Boy Charged Under New ‘Idle Youth’ Law",
    )
    assert _quotes(analysis) == []
    assert [f.text for f in _scares(analysis)] == ["‘Idle Youth’"]


def test_a_reporting_verb_governing_the_quote_beats_an_outlet() -> None:
    text = (
        "According to the weekly Corriere Nuorese, the abbey said the visitor "
        '"is not a monk, is a man that we are sheltering".'
    )
    (quote,) = _quotes(_run(text))
    assert quote.speaker == "the abbey" and quote.cue == "said"


def test_transcript_lines_are_not_a_list_of_titles() -> None:
    text = "The call was released on Monday:\n\n“Police, what is the address?”\n\n“Help, now!”"
    analysis = _run(text)
    assert len(_quotes(analysis)) == 2 and _scares(analysis) == []


# --- speakers: outlets, headlines, misparsed subjects (seen on real copy) -----------------------


def test_the_cue_before_a_colon_beats_the_outlet_that_reports_it() -> None:
    text = (
        "A crowd attacked the man in Kerrow market on Sunday. One local said: "
        '"Nobody helped him because they all knew why he was punished," the Daily Beacon '
        "reports."
    )
    (quote,) = _quotes(_run(text))
    assert quote.speaker == "One local" and quote.cue == "said"


def test_she_is_never_an_outlet_named_with_the() -> None:
    text = (
        "The Daily Beacon reported the attack on Monday.\n\n"
        'She said it would "send a clear message" to anyone tempted to do the same.'
    )
    (quote,) = _quotes(_run(text))
    assert quote.speaker is None or "Beacon" not in quote.speaker


def test_he_finds_a_user_named_by_a_handle_not_the_company() -> None:
    text = (
        "Brickly, the toy maker, printed the note for parents in 1975. The image spread "
        "widely after user kestrel_9 first posted it on Sunday.\n\n"
        'He said that he found the note "in a box at his aunt\'s flat".'
    )
    (quote,) = _quotes(_run(text))
    assert quote.speaker is not None and quote.speaker.startswith("user kestrel")
    assert quote.speaker_span is not None


def test_a_pronoun_in_the_body_does_not_reach_a_name_in_the_headline() -> None:
    analysis = _run(
        "A van struck two cyclists on the Orrin bridge on Tuesday morning.\n\n"
        '"It happened so fast," she said.',
        headline="Grieving mother Dana Pell tells court 'I forgive him'",
    )
    body_quote = next(q for q in _quotes(analysis) if "so fast" in q.text)
    assert body_quote.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        # the parser makes the quote's first word the subject of "tweeted"
        'The rapper Dax Orel posted a video in May. "Chillin’ with my crew tonight," he tweeted.',
        # "him" parsed as the subject of "said"
        "A page set up by Mr Tallis’s family to help find him said on Monday: "
        "“We thank you all for your messages.”",
    ],
)
def test_speaker_is_never_a_quoted_word_an_object_pronoun_or_a_bare_that(text: str) -> None:
    analysis = _run(text)
    (quote,) = _quotes(analysis)
    assert quote.speaker not in ("Chillin", "him", "that", "Tallis")
    if quote.speaker_span is not None:
        named = analysis.article.text[quote.speaker_span.start : quote.speaker_span.end]
        assert not quote.span.start <= quote.speaker_span.start < quote.span.end, named


def test_he_is_never_a_plural_description() -> None:
    # An unclosed single-quoted paragraph leaves "Some men" outside any quote: a plural
    # subject that "he" once took when "men" became a noun that can speak.
    text = (
        "In a 2009 post on his blog, Dorian Vell recounts how he flew with the convoy.\n\n"
        "'Some men on the ridge fired at the lead truck.\n\n"
        "'There was smoke everywhere and we stopped hard on the road,' he recalled."
    )
    quotes = [q for q in _quotes(_run(text)) if "smoke" in q.text]
    assert quotes and quotes[0].speaker is not None and "Vell" in quotes[0].speaker


LEAD_IN = (
    "Mayor Ilse Varn said on Tuesday that the Orvik bridge would reopen in the spring.\n\n"
    '"We owe the valley a crossing, and we will build it before the thaw."\n\n'
    "Engineers have worked on the span since March."
)


def test_a_quote_alone_after_x_said_that_is_x_s() -> None:
    (quote,) = _quotes(_run(LEAD_IN))
    assert quote.speaker == "Ilse Varn" and quote.confidence == 0.6
    assert "standing alone" in quote.note


@pytest.mark.parametrize(
    "text",
    [
        # the cue introduces nothing: no clause of its own
        LEAD_IN.replace("said on Tuesday that the Orvik bridge would reopen", "said nothing"),
        # the quote shares its paragraph with words of the writer's
        LEAD_IN.replace('the thaw."', 'the thaw." The council has not voted.'),
    ],
)
def test_a_lead_in_needs_a_clause_and_a_quote_alone(text: str) -> None:
    assert [q.speaker for q in _quotes(_run(text))] == [None]


@pytest.mark.parametrize(
    "text",
    [
        '"The fight was over by six," added trader Bilyaminu Aliyu.',
        '"The fight was tough. They came at five and by six it was over," added local '
        "trader Bilyaminu Aliyu.",
    ],
)
def test_a_cue_after_the_quote_the_parser_reads_as_an_adjective(text: str) -> None:
    # The parser reads "added trader" as an adjective on a noun; right after the closing
    # mark the past form is still the cue, and the description before the name is skipped.
    (quote,) = _quotes(_run(text))
    assert quote.speaker == "Bilyaminu Aliyu"


def test_a_capitalised_first_word_next_to_a_cue_is_no_speaker() -> None:
    # "After stating that ...": the cue has no subject, and "After" is no one's name.
    text = (
        "The group released a video on Tuesday.\n\nAfter stating that the council's vote "
        "\u201chad put Tarrow on a slippery slope towards ruin,\u201d the speaker walks off."
    )
    assert [q.speaker for q in _quotes(_run(text))] == [None]
