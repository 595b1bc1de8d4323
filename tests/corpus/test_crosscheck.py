"""One article cross-checked against its story: claims, quotes, speculation, the result."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from newsprobe.corpus.crosscheck import MEMBER_KINDS, crosscheck
from newsprobe.corpus.quote_fidelity import _words, fidelity
from newsprobe.corpus.view import ArticleView
from newsprobe.coverage import CrossCheck
from newsprobe.report.corpus import render_crosscheck
from tests.corpus.coverage_set import analyses, key_of, story


def _check(key: str, name: str) -> CrossCheck:
    (target,) = analyses(key)
    return crosscheck(target, story(name))


@pytest.fixture(scope="module")
def tabloid() -> CrossCheck:
    return _check("a4", "ferry")


def test_the_tabloid_figure_contradicts_the_consensus(tabloid: CrossCheck) -> None:
    meeting = next(f for f in tabloid.figures if f.id == "duration/meeting")
    assert meeting.target_verdict == "contradiction"
    assert tabloid.figures[0] is meeting  # the target's own figures come first


def test_claims_disputed_by_figures_and_corroborated_by_statements(tabloid: CrossCheck) -> None:
    by_text = {c.text: c for c in tabloid.claims}
    met = by_text["In the end, Ilse Marrow and Petar Voss met for barely 20 minutes in Port "
                  "Aster on Tuesday."]  # fmt: skip
    assert met.verdict == "disputed"
    assert {key_of(e.article) for e in met.disputed_by} >= {"a1", "a5", "a6"}
    assert all(e.reason.startswith("figure") for e in met.disputed_by)
    agreed = next(c for c in tabloid.claims if "agreed to reopen the ferry route" in c.text)
    assert agreed.verdict == "corroborated"
    # It is Northgate Wire's claim ("According to Northgate Wire"): Northgate's own report
    # and its copy confirm it but are not independent of it.
    independent = {key_of(e.article): e.independent for e in agreed.corroborated_by}
    assert independent.get("a1") is False and independent.get("a8") is True


def test_quote_fidelity(tabloid: CrossCheck) -> None:
    (quote,) = tabloid.quotes
    assert (quote.speaker, quote.fidelity) == ("Ilse Marrow", "truncated")
    assert quote.reference is not None and key_of(quote.reference.article) == "a1"
    versions = {key_of(v.article): v.fidelity for v in quote.versions}
    assert versions == {"a1": "identical", "a2": "identical", "a3": "altered"}
    herald = _check("a3", "ferry")
    altered = next(q for q in herald.quotes if q.speaker == "Ilse Marrow")
    assert altered.fidelity == "altered"
    assert [(c.reference, c.version) for c in altered.changes] == [("closed", "shut")]
    only = next(q for q in herald.quotes if q.speaker == "Jonas Brell")
    assert only.fidelity == "only_here" and not only.versions


def test_fidelity_rules() -> None:
    words = "we have opened a door that was closed".split()
    assert fidelity(words, words) == "identical"
    assert fidelity(words[:5], words) == "truncated"
    assert fidelity([*words[:-1], "shut"], words) == "altered"
    assert fidelity("nobody should expect the old rules".split(), words) is None


def test_speculation_answered_with_its_source(tabloid: CrossCheck) -> None:
    (item,) = tabloid.speculation
    assert item.form == "question" and "fishing quotas" in item.text
    (answer,) = item.answers
    assert key_of(answer.article) == "a3"
    assert answer.source == "a Dunland official" and answer.source_type == "anonymous"


def test_provenance_and_notices(tabloid: CrossCheck) -> None:
    assert [(key_of(e.source), e.kind) for e in tabloid.provenance] == [("a4", "cites")]
    assert any("German, French" in n for n in tabloid.notices)
    undated = _check("a8", "ferry")
    assert any("no publication date" in n for n in undated.notices)
    assert any("names no outlet" in n for n in undated.notices)
    alone = crosscheck(analyses("a7")[0], [])
    assert alone.figures == [] and "nothing to compare" in alone.notices[0]


def test_an_article_in_another_language_is_compared_by_its_figures() -> None:
    french = _check("a5", "ferry")
    meeting = next(f for f in french.figures if f.id == "duration/meeting")
    assert meeting.target_verdict == "consistent"
    assert french.claims == [] and french.speculation == []
    assert any("in French" in n for n in french.notices)
    spanish = _check("b3", "depot")
    injured = next(f for f in spanish.figures if f.id == "casualties/injured")
    assert injured.target_verdict == "consistent"


def test_json_and_text_output(tabloid: CrossCheck) -> None:
    data = json.loads(tabloid.model_dump_json())
    assert set(data) >= {"target", "figures", "claims", "quotes", "speculation", "provenance"}
    value = data["figures"][0]["values"][0]
    assert {"article", "outlet", "span", "text", "verdict"} <= set(value)
    assert data["provenance"][0]["from"] == tabloid.target.id
    assert CrossCheck.model_validate_json(tabloid.model_dump_json()) == tabloid
    out = io.StringIO()
    render_crosscheck(tabloid, Console(file=out, width=120))
    text = out.getvalue()
    for expected in ("duration of the meeting", "contradiction", "truncated", "fishing quotas",
                     "Northgate Wire", "Morgenblatt on “rund 45 Minuten”"):  # fmt: skip
        assert expected in text


def _view(outlet: str, body: str, topic: str) -> ArticleView:
    """One outlet's analysed article on `topic`, published on one day."""
    from datetime import UTC, datetime

    import newsprobe
    from newsprobe.document import Article

    article = Article.create(
        headline=f"{outlet} on {topic}", body=body, outlet=outlet,
        published=datetime(2026, 3, 14, 9, tzinfo=UTC), language="en",
    )  # fmt: skip
    return ArticleView(newsprobe.analyze(article))


def test_a_sentence_that_says_nothing_is_known_answers_no_speculation() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "the crack")

    target = view("Ashby Evening Post", "Repairs to the Velmar dam could take about a month.")
    ignorant = view(
        "Daily Clarion", "Nobody knows how long the repairs to the Velmar dam will take."
    )
    informed = view(
        "Eastbrook Courier", "Repairs to the Velmar dam will take five weeks, the authority said."
    )
    (check,) = check_speculation(target, [ignorant, informed])
    assert [a.outlet for a in check.answers] == ["Eastbrook Courier"]
    # An outlet that answers twice is listed once, with its closest sentence.
    twice = view(
        "Harbour Times",
        "Repairs to the Velmar dam will take five weeks. The repairs to the dam began "
        "on Monday, and the Velmar authority expects the repairs to end in five weeks.",
    )
    (check,) = check_speculation(target, [twice])
    assert [a.outlet for a in check.answers] == ["Harbour Times"]


def test_a_report_in_other_words_answers_the_guess() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "Orlen depot fire")

    target = view(
        "Daily Clarion",
        "The Orlen depot burned for six hours. Was the blaze started deliberately? "
        "And was the night guard drunk?",
    )
    informed = view(
        "Eastbrook Courier",
        "Fire investigators found no sign of arson at the Orlen depot, the fire service "
        "said. The depot's security staff passed breath tests after the fire.",
    )
    unrelated = view("Valley Post", "The Orlen depot employs 40 people and opened in 2019.")
    checks = {c.text: c for c in check_speculation(target, [informed, unrelated])}
    arson = checks["Was the blaze started deliberately?"]
    assert [a.text.split()[0] for a in arson.answers] == ["Fire"]
    drunk = checks["And was the night guard drunk?"]
    assert [a.text.split()[0] for a in drunk.answers] == ["The"]
    assert all(a.outlet == "Eastbrook Courier" for c in checks.values() for a in c.answers)


def test_members_read_with_member_kinds_only_give_the_same_crosscheck() -> None:
    """The store hands a story's other articles over with `MEMBER_KINDS` only (no claims,
    signals or assessment): every cross-check must come out the same as with the full
    analyses, or a comparison reads a kind `MEMBER_KINDS` lacks."""
    for name in ("ferry", "depot"):
        members = story(name)
        partial = [
            m.model_copy(
                update={
                    "findings": [f for f in m.findings if f.kind in MEMBER_KINDS],
                    "assessment": None,
                }
            )
            for m in members
        ]
        for target in members:
            full = crosscheck(target, members).model_dump(mode="json")
            assert crosscheck(target, partial).model_dump(mode="json") == full, target.article.id


def test_what_a_guess_is_about_leaves_out_every_hedge_word() -> None:
    # "Sources suggest the driver may have been speeding" asks about the driver's speed;
    # "sources", "suggest" and "may" are how it hedges, and no report repeats them.
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "the derailment")

    target = view(
        "Daily Clarion",
        "The train left the rails near Orsk. Sources suggest the driver of the train "
        "may have been speeding near the old quarry bend.",
    )
    informed = view(
        "Eastbrook Courier",
        "The driver was speeding, investigators said.",
    )
    (check,) = check_speculation(target, [informed])
    assert check.text.startswith("Sources suggest")
    assert [a.outlet for a in check.answers] == ["Eastbrook Courier"]


def test_a_link_between_attacks_and_an_overloaded_ferry_are_answered_in_other_words() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "Osk attacks")

    target = view(
        "Daily Clarion",
        "A gunman killed two guards at the Osk checkpoint. Could the attacks be linked? "
        "Could the Osk ferry have been overloaded?",
    )
    informed = view(
        "Eastbrook Courier",
        "Police said there was no evidence linking the shooting to Tuesday's ramming near "
        "Varn. The Osk ferry carried 120 passengers, well under its capacity of 350.",
    )
    asked = {
        c.text: [a.text.split()[0] for a in c.answers]
        for c in check_speculation(target, [informed])
    }
    assert asked == {
        "Could the attacks be linked?": ["Police"],
        "Could the Osk ferry have been overloaded?": ["The"],
    }


def test_a_named_sources_hedged_words_and_legal_caution_are_no_guess_of_the_article() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "the Varn raid")

    target = view(
        "Ashby Evening Post",
        "Troops fought dozens of suspected members of the Kel Tamar militia in Varn on "
        "Sunday. Interior Minister Lisa Varga said the militia may have used the raid to "
        "free its commander. The raid may have been planned for weeks.",
    )
    informed = view(
        "Eastbrook Courier",
        "The militia freed its commander during the Varn raid, the army said. Troops fought "
        "members of the Kel Tamar militia in Varn on Sunday. The raid had been planned for "
        "weeks, investigators found.",
    )
    asked = [c.text for c in check_speculation(target, [informed])]
    assert asked == ["The raid may have been planned for weeks."]


def test_a_question_of_opinion_is_not_speculation_to_answer() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "the crack")

    informed = view(
        "Eastbrook Courier", "The Velmar dam authority will repair the crack in the dam this month."
    )
    asked = view(
        "Daily Clarion",
        "Will the Velmar dam authority repair the crack in the dam? Tell us: should the "
        "Velmar dam authority repair the crack in the dam at all?",
    )
    checks = check_speculation(asked, [informed])
    assert [c.text.split()[0] for c in checks] == ["Will"]  # not "Tell us: should ..."


def test_a_copied_passage_and_a_vague_superlative_answer_nothing() -> None:
    from newsprobe.corpus.speculation import check_speculation

    def view(outlet: str, body: str) -> ArticleView:
        return _view(outlet, body, "the Osk graves")

    target = view(
        "Ashby Evening Post",
        "Investigators found six graves near Osk on Saturday. Burned remains could leave "
        "very little DNA for testing. Osk province has been one of the most lawless regions "
        "of Kestrava for years. The remains may belong to the missing drivers.",
    )
    other = view(
        "Eastbrook Courier",
        "Investigators found six graves near Osk on Saturday. Burned remains can leave very "
        "little DNA for testing. For years Osk province has been the most lawless region of "
        "Kestrava, officials say. The remains belong to the missing drivers, the prosecutor "
        "said on Tuesday.",
    )
    answered = {c.text: [a.text for a in c.answers] for c in check_speculation(target, [other])}
    assert list(answered) == ["The remains may belong to the missing drivers."]


def test_house_spelling_alters_no_quote() -> None:
    reference = _words("They have memorized two chapters and agreed a cease-fire with honor")
    british = _words("They have memorised two chapters and agreed a ceasefire with honour")
    assert fidelity(british, reference) == "identical"
    assert fidelity(_words("memorised two chapters and agreed a ceasefire"), reference) == (
        "truncated"
    )
    changed = _words("They have learned two chapters and agreed a ceasefire with honour")
    assert fidelity(changed, reference) == "altered"


def test_short_forms_and_ampersands_alter_no_quote() -> None:
    # A quoted post copied as posted by one outlet and spelled out by another.
    reference = _words("I am safe and grateful to Sergeant-at-Arms Ilo Varn and Governor Dace")
    posted = _words("I am safe & grateful to Sgt. at Arms Ilo Varn & Gov. Dace")
    assert fidelity(posted, reference) == "identical"
    assert fidelity(_words("I am safe & grateful to Sgt. at Arms Ilo Varn"), reference) == (
        "truncated"
    )
    assert fidelity(
        _words("I am safe & thankful to Sgt. at Arms Ilo Varn & Gov. Dace"), reference
    ) == ("altered")


def test_articles_without_an_outlet_are_named_by_their_site_in_the_text_report() -> None:
    import io
    from datetime import UTC, datetime

    import newsprobe
    from newsprobe.document import Article

    bodies = {
        "https://osknews.example/a": "Dozens of shots were fired at the Osk barracks on Monday.",
        "https://tarrowdaily.example/b": "About 30 shots were fired at the Osk barracks on Monday.",
        "https://valleypost.example/c": "Around 30 shots were fired at the Osk barracks on Monday.",
    }
    analyses = [
        newsprobe.analyze(
            Article.create(
                headline="", body=body, url=url, language="en",
                published=datetime(2026, 3, 16, 9, tzinfo=UTC),
            )
        )
        for url, body in bodies.items()
    ]  # fmt: skip
    check = crosscheck(analyses[0], analyses)
    out = io.StringIO()
    render_crosscheck(check, Console(file=out, width=140, color_system=None))
    shown = out.getvalue()
    assert "osknews.example" in shown and "tarrowdaily.example" in shown
    assert "24–119" in shown  # "dozens": its range, not a blank
    assert analyses[1].article.id not in shown
