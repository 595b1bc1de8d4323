"""The corpus endpoints: store an article, list and open stories, cross-check, search.

They answer 404 ``no_corpus`` when the server runs without ``--db``. Storing writes, so it
needs the bearer token; everything else reads. The work is the library's (`Corpus`,
`StoryIndexer` and `corpus/checking.py`, reached through `newsprobe.service.corpus_ops`),
the same calls as ``newsprobe corpus add``, ``story``, ``provenance`` and ``crosscheck``;
database calls run off the event loop, analysis and cross-checking on the analysis thread,
under its line and time limits.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from newsprobe.corpus import SummaryBuilder
from newsprobe.corpus.records import SearchResult
from newsprobe.coverage import CrossCheck
from newsprobe.service import corpus_ops
from newsprobe.service.deps import CorpusDep, StateDep, WriterDep
from newsprobe.service.errors import ApiError, ErrorBody
from newsprobe.service.inputs import article_of
from newsprobe.service.models import (
    AddResult,
    AnalyzeRequest,
    CrossCheckRequest,
    StoryDetail,
    StoryList,
)
from newsprobe.service.routes.analyses import ANALYSIS_ERRORS, analyze_request

__all__ = ["SEARCH_PATTERN", "StoryId", "router"]

router = APIRouter(prefix="/v1", tags=["corpus"])

_NO_CORPUS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "no_corpus, or not_found"}
}
# The store's ids are 64-bit integers.
StoryId = Annotated[int, Path(ge=1, le=2**63 - 1, description="The story's id.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Most items listed.")]


#: Search words without control characters: the full-text engines read a NUL as the end
#: of the query (SQLite FTS5: "unterminated string"), which is bad input, not a store error.
SEARCH_PATTERN = r"^[^\x00-\x1f\x7f]*$"


def _aware(moment: datetime | None) -> datetime | None:
    """A query's date in UTC (UTC assumed when it names no time zone, as the CLI does).

    Raises:
        ApiError: ``invalid_request`` for a date that leaves the calendar in UTC
            (9999-12-31T23:00-05:00).
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ApiError(
            "invalid_request", f"the date {moment.isoformat()} is out of range in UTC"
        ) from None


@router.post(
    "/corpus/articles",
    response_model=AddResult,
    status_code=201,
    responses={
        **ANALYSIS_ERRORS,
        200: {"model": AddResult, "description": "a duplicate: the article was stored already"},
        401: {"model": ErrorBody, "description": "unauthorized: no or a wrong bearer token"},
        403: {"model": ErrorBody, "description": "writes_disabled, or fetch_refused"},
        **_NO_CORPUS,
    },
    dependencies=[WriterDep],
    summary="Analyse an article and store it",
)
async def add_article(
    request: AnalyzeRequest, service: StateDep, corpus: CorpusDep
) -> JSONResponse:
    """Analyse the article (as for `/v1/analyze`) and store it with its analysis, once:
    an article already stored (same URL, or the same outlet's same text) is a duplicate,
    answered 200 with the stored one, and is not analysed again. A new article is filed
    in its story (the one about the same event, or a new one): `article.story_id`."""
    from newsprobe.corpus.story_indexer import StoryIndexer

    article = await asyncio.to_thread(article_of, request, service.settings)
    pipeline = service.runner.pipeline
    outcomes = await service.runner.run(
        lambda: list(corpus.add_iter([article], pipeline=pipeline, indexer=StoryIndexer()))
    )
    builder = SummaryBuilder()
    for outcome in outcomes:
        builder.count(outcome)
    summary = builder.summary()
    stored_id = next((o.article_id for o in outcomes if o.article_id), None)
    stored = await asyncio.to_thread(corpus.article, stored_id) if stored_id else None
    result = AddResult(summary=summary, article=stored)
    status = 201 if summary.added else 200
    return JSONResponse(result.model_dump(mode="json"), status_code=status)


@router.get("/stories", response_model=StoryList, responses=_NO_CORPUS, summary="List stories")
async def list_stories(
    corpus: CorpusDep,
    since: Annotated[datetime | None, Query(description="With an article from then on.")] = None,
    until: Annotated[datetime | None, Query(description="With an article before then.")] = None,
    limit: Limit = 50,
) -> StoryList:
    """Stories with an article published in [since, until), the latest first."""
    stories = await asyncio.to_thread(
        corpus.stories, since=_aware(since), until=_aware(until), limit=limit
    )
    return StoryList(stories=stories)


@router.get(
    "/stories/{story_id}", response_model=StoryDetail, responses=_NO_CORPUS, summary="One story"
)
async def get_story(story_id: StoryId, corpus: CorpusDep) -> StoryDetail:
    """A story with its articles (earliest first) and its provenance graph: the JSON of
    `newsprobe corpus story ID` and of `newsprobe corpus provenance ID`."""
    return await asyncio.to_thread(corpus_ops.story_detail, corpus, story_id)


@router.post(
    "/crosscheck",
    response_model=CrossCheck,
    responses={**ANALYSIS_ERRORS, **_NO_CORPUS},
    summary="Compare an article with its story's coverage",
)
async def crosscheck(
    request: CrossCheckRequest, service: StateDep, corpus: CorpusDep
) -> CrossCheck:
    """The aligned figures, claims, quotes, speculation answered and provenance of an
    article against the other articles of its story: the JSON of `newsprobe corpus
    crosscheck SOURCE --format json`. A stored `article` is read from the store; a `new`
    one is analysed (as for `/v1/analyze`) and compared with the story it would join,
    without being stored."""
    if request.new is None:
        stored = request.article or ""
        return await service.runner.run(lambda: corpus_ops.crosscheck_stored(corpus, stored))
    analysis = await analyze_request(service, request.new)
    return await service.runner.run(lambda: corpus_ops.crosscheck_new(corpus, analysis))


@router.get(
    "/search",
    response_model=SearchResult,
    responses={**_NO_CORPUS, 400: {"model": ErrorBody, "description": "invalid_input"}},
    summary="Full-text search of the stored articles",
)
async def search(
    corpus: CorpusDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            pattern=SEARCH_PATTERN,
            description='Words (all must occur), "a phrase", OR between alternatives, -word.',
        ),
    ],
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 20,
) -> SearchResult:
    """The best matching stored articles, with the passage that matched."""
    return await asyncio.to_thread(
        corpus.search,
        q,
        outlet=outlet,
        since=_aware(since),
        until=_aware(until),
        entity=entity,
        limit=limit,
    )
