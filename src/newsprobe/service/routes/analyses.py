"""``POST /v1/analyze`` and ``GET /v1/analyses/{id}``: one article's analysis.

The answer is exactly what ``newsprobe analyze --format json`` prints for the article
(`Analysis.to_json`), and its schema in the OpenAPI document is `Analysis` itself.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from newsprobe.document import Analysis
from newsprobe.errors import NotInCorpusError
from newsprobe.service.deps import StateDep
from newsprobe.service.errors import ApiError, ErrorBody
from newsprobe.service.inputs import article_of
from newsprobe.service.models import AnalyzeRequest
from newsprobe.service.state import ServiceState

__all__ = ["analyze_request", "find_analysis", "router"]

router = APIRouter(prefix="/v1", tags=["analysis"])

#: The error answers every analysing endpoint may give, for the OpenAPI document.
ANALYSIS_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": what}
    for status, what in (
        (400, "invalid_input: the input holds no article"),
        (403, "fetch_refused: the URL is on a private or local address"),
        (413, "body_too_large"),
        (415, "unsupported_input"),
        (422, "invalid_request: the body does not fit the schema"),
        (502, "fetch_failed: the URL could not be fetched"),
        (503, "busy: too many analyses are waiting"),
        (504, "timeout: the analysis took longer than the time limit"),
    )
}


def _json(analysis: Analysis) -> Response:
    return Response(analysis.to_json(indent=None), media_type="application/json")


async def analyze_request(service: ServiceState, request: AnalyzeRequest) -> Analysis:
    """Read the article a request describes (a URL is fetched off the event loop) and
    analyse it on the analysis thread; the analysis is kept among the recent ones."""
    article = await asyncio.to_thread(article_of, request, service.settings)
    analysis = await service.runner.analyze(article)
    service.recent.put(analysis)
    return analysis


async def find_analysis(service: ServiceState, article_id: str) -> Analysis:
    """A stored analysis (with a corpus), else a recent one.

    Raises:
        ApiError: ``not_found`` when neither has it.
    """
    if service.corpus is not None:
        try:
            return await asyncio.to_thread(service.corpus.analysis, article_id)
        except NotInCorpusError:
            pass
    found = service.recent.get(article_id)
    if found is None:
        where = "in the corpus or " if service.corpus is not None else ""
        raise ApiError(
            "not_found",
            f"no analysis of article {article_id!r} {where}among the "
            f"{service.settings.cache_size} most recent ones; analyse it again",
        )
    return found


@router.post(
    "/analyze",
    response_model=Analysis,
    responses=ANALYSIS_ERRORS,
    summary="Analyse one article",
)
async def analyze(request: AnalyzeRequest, service: StateDep) -> Response:
    """Analyse the article given as `text`, `html` or `url` (exactly one).

    The answer is the JSON of `newsprobe analyze --format json`: the article, every
    finding pinned to a span of `article.text`, and the assessment.
    """
    return _json(await analyze_request(service, request))


@router.get(
    "/analyses/{article_id}",
    response_model=Analysis,
    responses={404: {"model": ErrorBody, "description": "not_found"}},
    summary="An analysis by article id",
)
async def get_analysis(article_id: str, service: StateDep) -> Response:
    """A stored article's analysis (with a corpus), else one of the recent analyses
    this worker made."""
    return _json(await find_analysis(service, article_id))
