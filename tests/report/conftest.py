"""Hand-built analyses for the report tests: findings placed exactly where a test wants."""

from __future__ import annotations

from typing import Any

from newsprobe.assess import assess
from newsprobe.document import Analysis, Article
from newsprobe.findings import FindingBase, Span


def at(article: Article, surface: str, occurrence: int = 0) -> Span:
    """The span of the n-th occurrence of `surface` in the article text."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(surface, start + 1)
    return Span(start=start, end=start + len(surface))


def build(
    article: Article, findings: list[tuple[type[FindingBase], str, dict[str, Any]]]
) -> Analysis:
    """An analysis holding the given findings (class, id, fields), assessed like the
    pipeline does; `text` is filled from each span as the pipeline would."""
    made = []
    for cls, finding_id, fields in findings:
        span: Span = fields["span"]
        made.append(
            cls(
                id=finding_id,
                text=article.text[span.start : span.end],
                analyzer="test@1",
                **fields,
            )
        )
    analysis = Analysis(article=article, findings=made, analyzers=[])
    return analysis.model_copy(update={"assessment": assess(analysis)})
