"""What a criterion's judge returns, and the small helpers every judge shares."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsprobe.assessment import Figure, Outcome
from newsprobe.findings import FindingBase, Span

__all__ = ["Judgement", "grade", "percent", "quoted", "spans_and_ids", "worst"]

#: Spans a criterion lists at most: enough to show the pattern, not every word.
MAX_SPANS = 20
#: Characters of a claim or quote quoted inside an explanation.
_QUOTE_CHARS = 90
_SEVERITY: dict[Outcome, int] = {"not_applicable": -1, "pass": 0, "warn": 1, "fail": 2}


@dataclass(frozen=True, slots=True)
class Judgement:
    """A criterion's outcome with its evidence; the checklist adds name, weight, reason."""

    outcome: Outcome
    explanation: str
    check: str | None = None
    figure: Figure | None = None
    spans: list[Span] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


def grade(value: float, *, warn: float, fail: float) -> Outcome:
    """pass below `warn`, warn below `fail`, fail from `fail` (higher is worse)."""
    if value >= fail:
        return "fail"
    return "warn" if value >= warn else "pass"


def worst(*outcomes: Outcome) -> Outcome:
    """The most severe of several outcomes."""
    return max(outcomes, key=_SEVERITY.__getitem__)


def percent(value: float) -> str:
    """0.375 -> '38%'."""
    return f"{round(100 * value)}%"


def quoted(text: str) -> str:
    """Text as quoted inside an explanation: one line, shortened, in quotation marks."""
    line = " ".join(text.split())
    if len(line) > _QUOTE_CHARS:
        line = line[: _QUOTE_CHARS - 1].rstrip() + "…"
    return f"“{line}”"


def spans_and_ids(
    findings: Iterable[FindingBase], *, span_of: str = "span"
) -> tuple[list[Span], list[str]]:
    """The spans (attribute `span_of`, else `span`) and ids of up to `MAX_SPANS` findings."""
    spans: list[Span] = []
    ids: list[str] = []
    for finding in findings:
        if len(spans) == MAX_SPANS:
            break
        span = getattr(finding, span_of, None)
        spans.append(span if isinstance(span, Span) else finding.span)
        ids.append(finding.id)
    return spans, ids
