"""Engagement bait: calls and reader questions, what is not bait, position, gold gate."""

from __future__ import annotations

from typing import Any

import pytest

from newsprobe.analyzers.base import Context
from newsprobe.analyzers.pipeline import Pipeline
from newsprobe.analyzers.rhetoric.engagement import EngagementBaitAnalyzer
from newsprobe.evaluation.rhetoric import evaluate_engagement
from newsprobe.findings import EngagementBaitFinding
from tests.conftest import make_article
from tests.gates import gate
from tests.paths import GOLD as GOLD_DIR

GOLD = GOLD_DIR / "spin_articles.json"

NEWS = (
    "Greyford council has proposed a 45-pound annual charge for garden waste collections.\n\n"
    "The council says the charge would raise about 600,000 pounds a year.\n\n"
    "Residents can respond to the consultation until 30 January."
)


def bait(body: str, headline: str | None = "Council plans new charge") -> list[Any]:
    article = make_article(body, headline=headline)
    return [
        (article.text[f.span.start : f.span.end], f.form, f.confidence)
        for f in EngagementBaitAnalyzer().analyze(Context(article=article))
        if isinstance(f, EngagementBaitFinding)
    ]


def forms(body: str, headline: str | None = "Council plans new charge") -> list[tuple[str, str]]:
    return [(text, form) for text, form, _ in bait(body, headline)]


def test_closing_question_and_call() -> None:
    body = NEWS + "\n\nWould you pay for garden waste collections? Let us know in the comments."
    assert forms(body) == [
        ("Would you pay for garden waste collections?", "question_to_reader"),
        ("Let us know in the comments", "call_to_comment"),
    ]


@pytest.mark.parametrize(
    ("line", "form"),
    [
        ("Share if you agree!", "share_request"),
        ("Tag a friend who needs to see this.", "share_request"),
        ("Vote in our poll below.", "poll"),
        ("Have your say in the comments.", "call_to_comment"),
        ("Sound off below.", "call_to_comment"),
        ("Follow us for more local news.", "other"),
    ],
)
def test_fixed_calls(line: str, form: str) -> None:
    assert [f for _, f in forms(NEWS + "\n\n" + line)] == [form]


def test_question_gains_confidence_at_the_end() -> None:
    question = "Do you think the charge is fair?"
    paragraphs = NEWS.split("\n\n")
    early = bait("\n\n".join([paragraphs[0], question, *paragraphs[1:], "More details soon."]))
    late = bait(NEWS + "\n\n" + question)
    assert early and late
    assert late[0][2] > early[0][2]


def test_quoted_and_reporter_questions_are_not_bait() -> None:
    body = (
        NEWS + "\n\nAsked whether she would resign, the leader said no.\n\n"
        '"Do you think I am happy about it? Of course not," she said.'
    )
    assert forms(body) == []


def test_interview_transcript_questions_are_not_bait() -> None:
    body = "We spoke to the coach.\n\nQ: Would you ever come back?\n\nA: Never say never."
    assert forms(body) == []


def test_question_headline_is_left_to_clickbait() -> None:
    assert forms(NEWS, headline="Would you pay for your garden waste?") == []


def test_rhetorical_questions_without_the_reader_are_not_bait() -> None:
    body = NEWS + "\n\nIf so, where is the evidence? Residents deserve answers."
    assert forms(body) == []


def test_opening_lede_question_is_rhetorical() -> None:
    body = "How do you rebuild a town after a flood? Slowly, street by street.\n\n" + NEWS
    assert forms(body) == []


def test_bare_question_next_to_a_call_is_bait() -> None:
    body = NEWS + "\n\nShould the council charge at all? Have your say below."
    assert forms(body)[0] == ("Should the council charge at all?", "question_to_reader")


@pytest.mark.parametrize(
    "body",
    ["", "?", "Would you?" * 30_000, "🤔 what do you think? 🤔" * 100, "هل توافق؟ " * 50,
     "<p>Let us know</p><!-- comments -->", "1 2 3 4 ?", "Share this with friends. " * 20_000],
)  # fmt: skip
def test_survives_garbage(body: str) -> None:
    article = make_article(body, headline="Headline")
    first = Pipeline([EngagementBaitAnalyzer()]).analyze(article)
    assert first == Pipeline([EngagementBaitAnalyzer()]).analyze(article)
    assert all(f.span.end <= len(article.text) for f in first.findings)


# --- gold gate -----------------------------------------------------------------------------


def test_gold_gate() -> None:
    gate("engagement").check(evaluate_engagement())
