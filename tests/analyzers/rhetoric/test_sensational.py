"""Sensational wording: lexicon matching, quotes, shouting, literal senses, gold gate."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from newsprobe.analyzers.base import Context
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.rhetoric.sensational import SensationalAnalyzer, vader_emotional_words
from newsprobe.analyzers.shared.lexicon import PhraseMatcher, expand_all, inflect, load_lexicon
from newsprobe.evaluation.rhetoric import evaluate_sensational, gold_span
from newsprobe.findings import SensationalFinding, SignalFinding
from tests.conftest import make_article
from tests.gates import gate
from tests.paths import GOLD as GOLD_DIR

GOLD = GOLD_DIR / "spin_articles.json"


@pytest.fixture(scope="module")
def analyzer() -> SensationalAnalyzer:
    analyzer = SensationalAnalyzer()
    analyzer.warm_up()
    return analyzer


def run(analyzer: SensationalAnalyzer, body: str, headline: str | None = None) -> list[Any]:
    article = make_article(body, headline=headline)
    return list(analyzer.analyze(Context(article=article)))


def found(findings: list[Any], text: str) -> list[tuple[str, str]]:
    return [
        (text[f.span.start : f.span.end], f.category)
        for f in findings
        if isinstance(f, SensationalFinding)
    ]


# --- the shared matcher -------------------------------------------------------------------


def test_matcher_inflects_and_keeps_word_boundaries() -> None:
    matcher = PhraseMatcher({"verb": expand_all(["slam", "rip into"], "verb")})
    text = "Islamabad: she slammed them, then RIPPED\ninto the plan."
    spans = [(text[m.start : m.end], m.phrase) for m in matcher.finditer(text)]
    assert spans == [("slammed", "slammed"), ("RIPPED\ninto", "ripped into")]


def test_matcher_is_leftmost_longest_and_respects_bounds() -> None:
    matcher = PhraseMatcher({"ignore": ["grand slam"], "verb": inflect("slam", "verb")})
    text = "She won a grand slam. Critics slam it."
    matches = list(matcher.finditer(text))
    assert [(m.label, text[m.start : m.end]) for m in matches] == [
        ("ignore", "grand slam"),
        ("verb", "slam"),
    ]
    assert list(matcher.finditer(text, 0, 20)) == matches[:1]


def test_inflection_overgenerates_both_doublings() -> None:
    assert {"targeted", "targetted", "targets"} <= inflect("target", "verb")
    assert {"savaged", "savaging", "savages"} <= inflect("savage", "verb")
    assert inflect("bombshell", "noun") == {"bombshell", "bombshells"}


def test_unknown_lexicon_lists_known_ones() -> None:
    with pytest.raises(FileNotFoundError, match="loaded_verbs"):
        load_lexicon("rhetoric/no_such_list")


def test_vader_words_leave_out_news_neutral_terms() -> None:
    words = vader_emotional_words()
    assert "horrific" in words and "furious" in words
    assert not {"killed", "war", "cancer", "win", "supreme"} & set(words)
    assert all(abs(v) >= 2.5 for v in words.values())


# --- categories ----------------------------------------------------------------------------


def test_tabloid_copy_gets_each_category(analyzer: SensationalAnalyzer) -> None:
    body = (
        "The furious minister utterly savaged his rivals, calling it the worst-ever betrayal. "
        "Everyone knows it was a HUGE blunder!!"
    )
    findings = run(analyzer, body)
    got = found(findings, make_article(body).text)
    assert ("furious", "loaded_term") in got
    assert ("utterly", "intensifier") in got
    assert ("savaged", "loaded_verb") in got
    assert ("worst-ever", "superlative") in got
    assert ("Everyone knows", "absolute") in got
    assert ("HUGE", "all_caps") in got
    assert ("!!", "exclamation") in got
    assert ("betrayal", "emotional") in got


def test_straight_report_of_deaths_is_not_sensational(analyzer: SensationalAnalyzer) -> None:
    body = (
        "Three people were killed and 12 injured when a fire destroyed a warehouse in Port "
        "Alder on Sunday, officials said. The cause of the blaze is under investigation."
    )
    assert found(run(analyzer, body), make_article(body).text) == []


def test_literal_verbs_are_guarded_but_figurative_ones_are_not(
    analyzer: SensationalAnalyzer,
) -> None:
    literal = "A lorry slammed into a bus shelter. The volcano erupted overnight."
    assert found(run(analyzer, literal), make_article(literal).text) == []
    figurative = "The senator slammed the budget, and the chamber erupted."
    got = found(run(analyzer, figurative), make_article(figurative).text)
    assert got == [("slammed", "loaded_verb"), ("erupted", "loaded_verb")]


def test_a_physical_word_in_the_topic_does_not_make_the_verb_literal(
    analyzer: SensationalAnalyzer,
) -> None:
    """ "Slams critics over ferry contract": the ferry is what the criticism is about."""
    body = "The council met on Tuesday."
    for headline, verb in (
        ("Minister slams critics over ferry contract", "slams"),
        ("Opposition lashes council for bridge delays", "lashes"),
        ("Union blasts operator after bus cuts", "blasts"),
    ):
        got = found(run(analyzer, body, headline), make_article(body, headline=headline).text)
        assert (verb, "loaded_verb") in got, headline
    for headline in (
        "Lorry slams into bus shelter, two hurt",
        "Storm lashes coast as ferries are cancelled",
        "Fire destroys warehouse after blaze over the weekend",
    ):
        text = make_article(body, headline=headline).text
        assert found(run(analyzer, body, headline), text) == [], headline


@pytest.mark.parametrize(
    ("headline", "verb"),
    [
        ("Prime minister cosies up to Ardenne's strongman at gala dinner", "cosies up to"),
        ("Star cozied up to billionaire on his yacht", "cozied up to"),
        ("Mayor snubs harbour union as strike enters third week", "snubs"),
        ("Minister slams rival's budget plan", "slams"),
        ("Chancellor takes a swipe at rivals over budget", "takes a swipe at"),
        ("Backbenchers rounded on the party leader", "rounded on"),
        ("Coach hits out at referee after derby defeat", "hits out"),
        ("President fawns over visiting king", "fawns over"),
        ("Council caves to pressure over car park", "caves to"),
        ("Foreign minister buddies up to old foe", "buddies up to"),
        ("Ministers squabble over budget", "squabble"),
        ("Pop star claps back at critics", "claps back"),
        ("Senator sucks up to donors at fundraiser", "sucks up to"),
    ],
)
def test_informal_loaded_headline_verbs(
    analyzer: SensationalAnalyzer, headline: str, verb: str
) -> None:
    """The tabloid verbs that judge a meeting or a criticism instead of reporting it."""
    body = "The council met on Tuesday. It approved the budget."
    got = found(run(analyzer, body, headline), make_article(body, headline=headline).text)
    assert (verb, "loaded_verb") in got


def test_noun_lookalikes_of_the_new_verbs_are_not_loaded(analyzer: SensationalAnalyzer) -> None:
    body = (
        "The second round on Sunday decides the seat. The roof caved in after the storm. "
        "Rescuers reached the cave in the afternoon."
    )
    assert found(run(analyzer, body), make_article(body).text) == []


def test_quoted_words_belong_to_the_speaker(analyzer: SensationalAnalyzer) -> None:
    body = '"It was horrific, absolutely horrific," said a neighbour. Firefighters arrived.'
    findings = [f for f in run(analyzer, body) if isinstance(f, SensationalFinding)]
    assert len(findings) == 3
    assert all(f.confidence < 0.5 and "quotation" in f.note for f in findings)
    signal = next(f for f in run(analyzer, body) if isinstance(f, SignalFinding))
    assert signal.value == 0.0 and signal.details["quoted"] == 3


def test_acronyms_datelines_and_caps_lines_are_not_shouting(
    analyzer: SensationalAnalyzer,
) -> None:
    body = (
        "BRUSSELS, June 12 (Northline) - NATO and the IAEA met UNICEF officials; the FBI "
        "declined to comment.\n\nBy JANE DOE\n\nMARKETS CLOSE HIGHER ON TECH RALLY"
    )
    assert found(run(analyzer, body), make_article(body).text) == []
    shouted = "Ministers said the plan would NEVER work, and it was a DISASTER."
    got = found(run(analyzer, shouted), make_article(shouted).text)
    assert ("NEVER", "all_caps") in got and ("DISASTER", "all_caps") in got


def test_kickers_tags_credits_and_name_acronyms_are_not_shouting(
    analyzer: SensationalAnalyzer,
) -> None:
    # Real copy: "WATCH: ..." and "(UPDATED)" in headlines, "AGENCY/Stringer" photo
    # credits and an acronym opening a name were 10 of 11 all-caps findings on FNC-1.
    headline = "WATCH: Heron lands on mayor's podium (UPDATED)"
    body = (
        "VIDEO: the heron stayed for a minute.\n\nKESTREL PHOTO/NORTHWIRE\n"
        "The bird was ringed by the VALO Journal team, a spokesman said."
    )
    got = found(run(analyzer, body, headline=headline), make_article(body, headline=headline).text)
    assert [hit for hit in got if hit[1] == "all_caps"] == []
    shouted = "Councillors said the heron would NEVER leave. It was a DISASTER for them."
    got = found(run(analyzer, shouted), make_article(shouted).text)
    assert ("NEVER", "all_caps") in got and ("DISASTER", "all_caps") in got


def test_bare_absolutes_count_only_in_the_headline(analyzer: SensationalAnalyzer) -> None:
    article = make_article("The bridge had never been inspected.", headline="Nobody saw it")
    got = found(run(analyzer, article.body_text, article.headline_text), article.text)
    assert got == [("Nobody", "absolute")]


def test_rate_signal_counts_per_hundred_words(analyzer: SensationalAnalyzer) -> None:
    body = "Critics slammed the shocking plan. " + "The council met on Tuesday. " * 4
    article = make_article(body)
    signal = next(f for f in run(analyzer, body) if isinstance(f, SignalFinding))
    words = len(re.findall(r"[^\W\d_]+", article.text))
    assert signal.name == "sensational_rate"
    assert signal.value == pytest.approx(round(200 / words, 3))
    assert signal.details["loaded_verb"] == 1 and signal.details["loaded_term"] == 1
    assert signal.span == article.body


@pytest.mark.parametrize(
    "body",
    ["", "word", "!!!", "12 345 6789", "😱🔥 WOW 🔥" * 50, "مرحبا بالعالم " * 20,
     "<div><p>&nbsp;</p><!-- x --></div>", '"' * 41, "SLAMS " * 10_000,
     "Officials slammed the plan! The council met on Tuesday. " * 5_500],
)  # fmt: skip
def test_survives_garbage(analyzer: SensationalAnalyzer, body: str) -> None:
    article = make_article(body)
    first = Pipeline([analyzer]).analyze(article)
    again = Pipeline([analyzer]).analyze(article)
    assert first == again
    for finding in first.findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(article.text)


# --- gold gate -----------------------------------------------------------------------------


def test_gold_set_has_the_promised_shape() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = gold["articles"]
    assert len(articles) >= 30
    assert sum(a["sober"] for a in articles) >= 10
    for item in articles:
        text = make_article(item["body"], headline=item["headline"]).text
        for g in item["sensational"]:
            assert g["category"] in gold["categories"]
            gold_span(text, g)  # every annotated surface is where it says


def test_gold_gate(analyzer: SensationalAnalyzer) -> None:
    gate("sensational").check(evaluate_sensational(analyzer))


def test_scare_quotes_count_toward_the_framing_rate() -> None:
    """Issue: scare quotes frame in the outlet's own voice, so the rate counts them."""
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.findings import SignalFinding
    from tests.conftest import make_article

    body = (
        'The two ministers held what aides called a "frosty standoff" in the capital. '
        "They agreed to meet again next month to discuss the border crossings."
    )
    article = make_article(body, headline="Ministers meet again")
    with_quotes = Pipeline(["quotes", "sensational"]).analyze(article)
    without = Pipeline(["sensational"]).analyze(article)
    (rate,) = [f for f in with_quotes.findings if isinstance(f, SignalFinding)]
    (bare,) = [f for f in without.findings if isinstance(f, SignalFinding)]
    assert rate.details.get("scare_quote") == 1.0
    assert rate.value > bare.value
    assert "scare-quoted" in rate.note
