"""The assessment: named criteria over an article's findings, and an overall rating.

    >>> from newsprobe.assess import assess
    >>> assessment = assess(analysis)               # also set by the pipeline
    >>> assessment.rating.score, assessment.rating.word

A function over findings, never an analyzer: it reads `Analysis.findings` (and, when
given, a cross-check against other coverage) and nothing of the analyzers' code. The
criteria, their weights, reasons and thresholds are one table, ``criteria.toml``; the
models (`Assessment`, `Criterion`, ...) are in `newsprobe.assessment`, beside the rest of
the data model.
"""

from newsprobe.assess.checklist import assess
from newsprobe.assess.evidence import CrossCheckEvidence
from newsprobe.assess.table import CriteriaTable, CriterionSpec, criteria_table

__all__ = ["CriteriaTable", "CriterionSpec", "CrossCheckEvidence", "assess", "criteria_table"]
