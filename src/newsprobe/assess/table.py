"""The criteria table (``criteria.toml``): names, weights, reasons and thresholds as data.

>>> spec = criteria_table().criterion("no_clickbait")
>>> spec.weight, spec.threshold("fail")
(1.5, 0.8)
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from newsprobe.errors import ConfigError

__all__ = ["CriteriaTable", "CriterionSpec", "criteria_table"]


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    """One row of the table: what the criterion is and how it is judged."""

    id: str
    name: str
    scope: Literal["article", "corpus"]
    weight: float
    reason: str
    needs: tuple[str, ...]
    thresholds: dict[str, float]

    def threshold(self, key: str) -> float:
        """A threshold of this criterion.

        Raises:
            ConfigError: the table does not set it (a bug in ``criteria.toml``).
        """
        try:
            return self.thresholds[key]
        except KeyError:
            raise ConfigError(
                f"criteria.toml: criterion {self.id!r} has no threshold {key!r} "
                f"(it has: {', '.join(sorted(self.thresholds)) or 'none'})"
            ) from None


@dataclass(frozen=True, slots=True)
class CriteriaTable:
    """Every criterion, in reading order, with the rating's bands."""

    version: str
    criteria: tuple[CriterionSpec, ...]
    bands: tuple[tuple[int, str], ...]  # (lowest score, word), highest first

    def criterion(self, criterion_id: str) -> CriterionSpec:
        for spec in self.criteria:
            if spec.id == criterion_id:
                return spec
        known = ", ".join(spec.id for spec in self.criteria)
        raise ConfigError(f"no criterion {criterion_id!r}; criteria: {known}")

    def word(self, score: int) -> str:
        """The band a score falls in."""
        for lowest, word in self.bands:
            if score >= lowest:
                return word
        return self.bands[-1][1]


def _spec(row: dict[str, Any]) -> CriterionSpec:
    scope = row["scope"]
    if scope not in ("article", "corpus"):
        raise ConfigError(f"criteria.toml: {row['id']!r} has scope {scope!r}")
    return CriterionSpec(
        id=str(row["id"]),
        name=str(row["name"]),
        scope=scope,
        weight=float(row["weight"]),
        reason=str(row["reason"]),
        needs=tuple(str(n) for n in row.get("needs", ())),
        thresholds={k: float(v) for k, v in row.get("thresholds", {}).items()},
    )


@cache
def criteria_table() -> CriteriaTable:
    """The shipped table, read once."""
    raw = resources.files("newsprobe.assess").joinpath("criteria.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    bands = tuple(sorted(((int(s), str(w)) for s, w in data["rating"]["bands"]), reverse=True))
    return CriteriaTable(
        version=str(data["version"]),
        criteria=tuple(_spec(row) for row in data["criterion"]),
        bands=bands,
    )
