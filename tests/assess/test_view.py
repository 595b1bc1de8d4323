"""What the assessment counts as a sourced statement."""

from __future__ import annotations

from newsprobe.assess.view import FindingsView
from newsprobe.document import Analysis, Article
from newsprobe.findings import AttributionFinding, Span


def test_an_action_the_learned_reader_took_for_a_cue_sources_nothing() -> None:
    text = (
        "The Varn ministry raised its ferry levy on Monday. Fares will rise by a fifth, "
        "a ministry spokesperson said."
    )
    article = Article.create(headline=None, body=text, language="en")
    first = text.index("The Varn")
    second = text.index("Fares")

    def attribution(start: int, end: int, cue: str, cue_type: str) -> AttributionFinding:
        return AttributionFinding(
            analyzer="attribution",
            span=Span(start=start, end=end),
            text=text[start:end],
            confidence=0.6,
            source="the Varn ministry" if cue_type == "other" else "a ministry spokesperson",
            source_type="official",
            cue=cue,
            cue_type=cue_type,  # type: ignore[arg-type]
        )

    action = attribution(first, second - 1, "raised", "other")
    speech = attribution(second, len(text), "said", "speech")
    analysis = Analysis(article=article, findings=[action, speech])
    assert not action.sources_statement and speech.sources_statement
    assert FindingsView(analysis).sourced_statements == [speech]
