"""``GET /healthz``: whether this worker is up and its pipeline loaded."""

from __future__ import annotations

from fastapi import APIRouter

from newsprobe._version import __version__
from newsprobe.service.deps import StateDep
from newsprobe.service.models import Health

__all__ = ["router"]

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz(service: StateDep) -> Health:
    """Ready once the worker has loaded its pipeline (and opened the corpus)."""
    runner = service.runner
    return Health(
        status="ok" if runner.ready else "starting",
        version=__version__,
        ready=runner.ready,
        corpus=service.corpus.location if service.corpus is not None else None,
        writes_enabled=service.settings.writes_enabled,
        analyzers=[a.qualified_name for a in runner.pipeline.analyzers],
    )
