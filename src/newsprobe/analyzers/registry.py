"""Where analyzers are found: the built-in list and the `newsprobe.analyzers` entry points.

Built-ins are listed here, by name, in the order they run when nothing else decides it;
modules are imported only when an analyzer is asked for. Other packages add analyzers with
an entry point in the ``newsprobe.analyzers`` group whose value is ``module:Class``.
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib.metadata import entry_points

from newsprobe.analyzers.base import Analyzer
from newsprobe.errors import ConfigError

__all__ = ["BUILTIN_ANALYZERS", "analyzer_class", "available_analyzers", "create_analyzer"]

BUILTIN_ANALYZERS: dict[str, str] = {
    "entities": "newsprobe.analyzers.entities.entities:EntitiesAnalyzer",
    "quantities": "newsprobe.analyzers.quantities.quantities:QuantitiesAnalyzer",
    "events": "newsprobe.analyzers.events.events:EventsAnalyzer",
    "quotes": "newsprobe.analyzers.quotes.quotes:QuotesAnalyzer",
    "hedging": "newsprobe.analyzers.hedging.hedging:HedgingAnalyzer",
    "attribution": "newsprobe.analyzers.attribution.attribution:AttributionAnalyzer",
    "sourcing": "newsprobe.analyzers.attribution.sourcing:SourcingAnalyzer",
    "sensational": "newsprobe.analyzers.rhetoric.sensational:SensationalAnalyzer",
    "engagement_bait": "newsprobe.analyzers.rhetoric.engagement:EngagementBaitAnalyzer",
    "claims": "newsprobe.analyzers.claims.claims:ClaimsAnalyzer",
    "clickbait": "newsprobe.analyzers.headline.clickbait:ClickbaitAnalyzer",
    "headline_body": "newsprobe.analyzers.headline.headline_body:HeadlineBodyAnalyzer",
}

ENTRY_POINT_GROUP = "newsprobe.analyzers"


@cache
def available_analyzers() -> dict[str, str]:
    """Every analyzer name -> ``module:Class``; built-ins win over entry points."""
    found = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return {**found, **BUILTIN_ANALYZERS}


def analyzer_class(name: str) -> type[Analyzer]:
    """The class registered under `name`.

    Raises:
        ConfigError: no analyzer has that name; the message lists those that exist.
    """
    known = available_analyzers()
    if name not in known:
        raise ConfigError(
            f"unknown analyzer {name!r}; available analyzers: {', '.join(sorted(known))}"
        )
    module_name, _, class_name = known[name].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, Analyzer)):
        raise ConfigError(f"{known[name]} (registered as {name!r}) is not an Analyzer")
    return cls


def create_analyzer(name: str) -> Analyzer:
    return analyzer_class(name)()
