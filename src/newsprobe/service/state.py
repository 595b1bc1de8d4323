"""`ServiceState`: what the routes of one worker share (``app.state.service``)."""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.corpus.corpus import Corpus
from newsprobe.service.runner import AnalysisRunner, RecentAnalyses
from newsprobe.service.settings import Settings

__all__ = ["ServiceState"]


@dataclass
class ServiceState:
    """The settings, the analysis thread, the recent analyses and the corpus (if any)."""

    settings: Settings
    runner: AnalysisRunner
    recent: RecentAnalyses
    corpus: Corpus | None = None
