"""One analysis as one flat table row: what a researcher filters and counts on.

A batch run writes one row per article to Parquet (`newsprobe.batch`); the full analysis
goes beside it as JSON. The row keeps what a table is good at: where the article came
from, its metadata, how many findings of each kind it has, the assessment's rating and
the outcome of each criterion, and the check-worthy claims as a list.

    >>> row = analysis_row(analysis, input="crawl.warc.gz", record=17)
    >>> row["findings_quote"], row["rating_score"], row["claims"][0]["text"]

`COLUMNS` names and types every column once (the Parquet schema is built from it, and
its descriptions are written into the file). The criteria come from the assessment
itself, one ``criterion_<id>`` column each, so a criterion added to the assessment's table
is a new column without a change here.

This module imports only the data model: it runs wherever an analysis is, with no Dask or
Arrow installed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from newsprobe.document import Analysis
from newsprobe.findings import FINDING_KINDS, ClaimFinding

if TYPE_CHECKING:
    from newsprobe.findings import Finding

__all__ = [
    "COLUMNS",
    "CRITERION_PREFIX",
    "Column",
    "ColumnType",
    "analysis_row",
    "columns_of",
]

#: "strings" is a list of strings; "claims" and "criteria" are lists of the structs that
#: `CLAIM_FIELDS` and `CRITERION_FIELDS` describe.
ColumnType = Literal["string", "int", "float", "timestamp", "strings", "claims", "criteria"]

#: Prefix of the one-column-per-criterion outcome columns ("pass", "warn", "fail",
#: "not_applicable").
CRITERION_PREFIX = "criterion_"


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the row: its name, its type and what it holds."""

    name: str
    type: ColumnType
    description: str


#: The fields of one entry of the ``claims`` column, with their types.
CLAIM_FIELDS: dict[str, ColumnType] = {
    "id": "string",
    "text": "string",
    "start": "int",
    "end": "int",
    "checkworthiness": "float",
    "predicate": "string",
    "object": "string",
    "time": "string",
}

#: The fields of one entry of the ``criteria`` column, with their types.
CRITERION_FIELDS: dict[str, ColumnType] = {
    "id": "string",
    "outcome": "string",
    "weight": "float",
    "value": "float",
}

_BASE: tuple[Column, ...] = (
    Column("input", "string", "The input (file, URL) the article was read from."),
    Column("record", "int", "Position of the article among the input's records, from 0."),
    Column("article_id", "string", "Stable article id (hash of canonical URL, else text)."),
    Column("url", "string", "The article's URL, when known."),
    Column("outlet", "string", "Publishing outlet or site name, when known."),
    Column("headline", "string", "The headline."),
    Column("published", "timestamp", "Publication time (UTC), when known."),
    Column("language", "string", "ISO 639-1 language code."),
    Column("authors", "strings", "Author names."),
    Column("characters", "int", "Length of the article text (headline and body)."),
    Column("newsprobe_version", "string", "Version of newsprobe that analysed it."),
    Column("analyzer_errors", "int", "Analyzers that failed on the article (see its JSON)."),
)
_ASSESSMENT: tuple[Column, ...] = (
    Column("rating_score", "int", "The assessment's overall rating, 0-100 (null: not rated)."),
    Column("rating_word", "string", "The rating's band: strong, fair, weak, poor."),
    Column("assessment_version", "string", "Version of the criteria table applied."),
    Column("criteria", "criteria", "Every criterion: id, outcome, weight, figure value."),
)
_COUNTS: tuple[Column, ...] = (
    *(Column(f"findings_{kind}", "int", f"Number of {kind} findings.") for kind in FINDING_KINDS),
    Column("findings_other", "int", "Findings of kinds defined outside newsprobe."),
)
_CLAIMS = Column(
    "claims", "claims", "Check-worthy claims, most check-worthy first, with their spans."
)

#: Every fixed column, in table order; ``criterion_<id>`` columns follow them.
COLUMNS: tuple[Column, ...] = (
    *_BASE,
    *_ASSESSMENT,
    *_COUNTS,
    _CLAIMS,
)


def columns_of(rows: Iterable[Mapping[str, Any]]) -> list[Column]:
    """The columns of these rows: `COLUMNS`, then each criterion column in first-seen order."""
    criteria: dict[str, None] = {}
    for row in rows:
        for key in row:
            if key.startswith(CRITERION_PREFIX):
                criteria.setdefault(key)
    return [
        *COLUMNS,
        *(
            Column(name, "string", f"Outcome of criterion {name.removeprefix(CRITERION_PREFIX)}.")
            for name in criteria
        ),
    ]


def _counts(findings: Iterable[Finding]) -> dict[str, int]:
    counted = Counter(f.kind for f in findings)
    row = {f"findings_{kind}": counted.pop(kind, 0) for kind in FINDING_KINDS}
    row["findings_other"] = sum(counted.values())
    return row


def _claims(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    claims = [f for f in findings if isinstance(f, ClaimFinding)]
    claims.sort(key=lambda c: (-c.checkworthiness, c.span.start))
    return [
        {
            "id": c.id,
            "text": c.text,
            "start": c.span.start,
            "end": c.span.end,
            "checkworthiness": c.checkworthiness,
            "predicate": c.predicate,
            "object": c.object,
            "time": c.time,
        }
        for c in claims
    ]


def _assessment(analysis: Analysis) -> dict[str, Any]:
    assessment = analysis.assessment
    if assessment is None:  # an analysis built by hand; the pipeline always assesses
        return {
            "rating_score": None,
            "rating_word": None,
            "assessment_version": None,
            "criteria": None,
        }
    row: dict[str, Any] = {
        "rating_score": assessment.rating.score,
        "rating_word": assessment.rating.word,
        "assessment_version": assessment.version,
        "criteria": [
            {
                "id": c.id,
                "outcome": c.outcome,
                "weight": c.weight,
                "value": c.figure.value if c.figure is not None else None,
            }
            for c in assessment.criteria
        ],
    }
    for criterion in assessment.criteria:
        row[CRITERION_PREFIX + criterion.id] = criterion.outcome
    return row


def analysis_row(analysis: Analysis, *, input: str, record: int) -> dict[str, Any]:
    """The table row of one analysis.

    Args:
        analysis: the analysis of one article.
        input: the input the article came from, as the user named it.
        record: the article's position among the input's records.

    Returns:
        A dict with a value for every column of `COLUMNS` (None where unknown) and one
        ``criterion_<id>`` outcome per criterion of the assessment.
    """
    article = analysis.article
    row: dict[str, Any] = {
        "input": input,
        "record": record,
        "article_id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "headline": article.headline_text,
        "published": article.published,
        "language": article.language,
        "authors": list(article.authors),
        "characters": len(article.text),
        "newsprobe_version": analysis.newsprobe_version,
        "analyzer_errors": len(analysis.errors),
    }
    row.update(_assessment(analysis))
    row.update(_counts(analysis.findings))
    row["claims"] = _claims(analysis.findings)
    return row
