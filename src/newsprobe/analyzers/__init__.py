"""Analyzers: small named units that read one parsed article and return findings.

The contract is `base.Analyzer` (in full in `base`'s docstring); `Pipeline` orders the
chosen analyzers, parses each article once and runs each analyzer once; `registry` lists
the built-ins and finds plug-ins in the ``newsprobe.analyzers`` entry point group.

One sub-package per family holds each analyzer with its private helpers; families never
import each other, only this contract and `shared`:

    entities/     entities                    people, organizations, places, merged
    quantities/   quantities                  numbers with what they measure
    events/       events                      who met, attacked, signed..., where, when
    quotes/       quotes                      direct quotes and their speakers
    attribution/  attribution, sourcing       who a statement is sourced to; retelling
    claims/       claims                      check-worthy sentences with their slots
    headline/     clickbait, headline_body    the headline's form and its fit to the body
    hedging/      hedging                     speculation and hedging
    rhetoric/     sensational, engagement_bait  loaded wording; questions to the reader
    shared/       helpers every family may use (tokens, span lookup, lexicons, time)

    >>> from newsprobe.analyzers import Pipeline
    >>> analysis = Pipeline(["quotes"]).analyze(article)
"""

from newsprobe.analyzers.base import Analyzer, Context
from newsprobe.analyzers.pipeline import Pipeline

__all__ = ["Analyzer", "Context", "Pipeline"]
