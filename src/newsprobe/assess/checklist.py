"""`assess`: the checklist and rating of one analysis, optionally against other coverage.

    >>> assessment = assess(analysis)                 # the article alone
    >>> assessment = assess(analysis, crosscheck)     # and against its story's coverage

Criteria come from the table (``criteria.toml``), in its order. A criterion whose
analyzers did not run is "not applicable" and listed in `Assessment.not_judged`, with the
reason (not selected, failed, or skipped for the article's language); the corpus criteria
are "not applicable" without a cross-check. Neither counts in the rating.
"""

from __future__ import annotations

from newsprobe.assess import article_criteria, corpus_criteria
from newsprobe.assess.evidence import CrossCheckEvidence, coverage_of
from newsprobe.assess.judgement import Judgement
from newsprobe.assess.rating import rate
from newsprobe.assess.table import CriterionSpec, criteria_table
from newsprobe.assess.view import FindingsView
from newsprobe.assessment import Assessment, CorpusUsed, Criterion, Rating
from newsprobe.document import Analysis
from newsprobe.errors import ConfigError

__all__ = ["assess"]


def _why_not_run(analysis: Analysis, name: str) -> str:
    if any(e.analyzer.partition("@")[0] == name for e in analysis.errors):
        return f"{name} failed"
    if any(n.analyzer.partition("@")[0] == name for n in analysis.notices):
        return f"{name} was skipped for the article's language"
    return f"{name} was not selected"


def _not_judged(analysis: Analysis, missing: list[str]) -> Judgement:
    reasons = "; ".join(_why_not_run(analysis, name) for name in missing)
    return Judgement("not_applicable", f"Not judged: {reasons}.")


def _judge(
    spec: CriterionSpec,
    view: FindingsView,
    crosscheck: CrossCheckEvidence | None,
) -> Judgement:
    if spec.scope == "corpus":
        if crosscheck is None:
            return Judgement(
                "not_applicable", "Not cross-checked: no other coverage of the story was given."
            )
        return corpus_criteria.JUDGES[spec.id](crosscheck, view, spec)
    return article_criteria.JUDGES[spec.id](view, spec)


def _summary(rating: Rating, criteria: list[Criterion]) -> str:
    judged = [c for c in criteria if c.judged]
    if rating.score is None:
        head = "Not rated: no criterion could be judged."
    else:
        head = (
            f"Reporting signals: {rating.word} ({rating.score}/100 on {len(judged)} of "
            f"{len(criteria)} criteria)."
        )
    tail = (
        " This is not a verdict on whether the article is true: it says what a careful "
        "reader should check, and why."
    )
    order = {"fail": 0, "warn": 1}
    flagged = sorted(
        (c for c in criteria if c.outcome in order and c.check),
        key=lambda c: (order[c.outcome], -c.weight),
    )
    if flagged:
        tail += f" First: {flagged[0].check}"
    return head + tail


def assess(analysis: Analysis, crosscheck: CrossCheckEvidence | None = None) -> Assessment:
    """The checklist and rating of `analysis`, and of its cross-check when one is given.

    Args:
        analysis: what the analyzers found; `analysis.analyzers` says which ran.
        crosscheck: the article against the other coverage of its story.

    Raises:
        ConfigError: the cross-check is of another article than `analysis`.
    """
    if crosscheck is not None and crosscheck.target.id != analysis.article.id:
        raise ConfigError(
            f"the cross-check is of article {crosscheck.target.id!r}, not of the analysed "
            f"article {analysis.article.id!r}"
        )
    table = criteria_table()
    view = FindingsView(analysis)
    criteria: list[Criterion] = []
    not_judged: list[str] = []
    for spec in table.criteria:
        missing = [name for name in spec.needs if not analysis.ran(name)]
        if missing:
            not_judged.append(spec.id)
            judgement = _not_judged(analysis, missing)
        else:
            judgement = _judge(spec, view, crosscheck)
        criteria.append(
            Criterion(
                id=spec.id,
                name=spec.name,
                scope=spec.scope,
                outcome=judgement.outcome,
                weight=spec.weight,
                reason=spec.reason,
                explanation=judgement.explanation,
                check=judgement.check,
                figure=judgement.figure,
                spans=judgement.spans,
                findings=judgement.findings,
                missing=missing,
            )
        )
    rating = rate(criteria, table)
    corpus = None
    if crosscheck is not None:
        story = crosscheck.story
        articles, outlets = coverage_of(crosscheck)
        corpus = CorpusUsed(
            story=str(story.id) if story else None,
            title=story.title if story else None,
            articles=articles,
            outlets=outlets,
        )
    return Assessment(
        version=table.version,
        summary=_summary(rating, criteria),
        rating=rating,
        criteria=criteria,
        not_judged=not_judged,
        models=dict(analysis.models),
        corpus=corpus,
    )
