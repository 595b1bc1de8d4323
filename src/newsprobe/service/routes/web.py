"""The web page: analyse a pasted, fetched or uploaded article and read its HTML report;
browse the corpus's stories, open a story's comparison table and provenance graph.

Plain HTML forms, so the basic flow needs no JavaScript: the analysis form posts to
``/analyze`` and the answer is the report itself. Errors come back as the form again, with
the message and what was typed, and the same status code as the API would give.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import HTMLResponse
from pydantic import ValidationError

from newsprobe.assess import assess
from newsprobe.corpus.records import SearchResult
from newsprobe.document import Analysis
from newsprobe.errors import NewsprobeError, NotInCorpusError
from newsprobe.ingest.decode import decode_bytes
from newsprobe.ingest.html import declared_charset
from newsprobe.report.corpus_view import corpus_view
from newsprobe.report.html import render_html
from newsprobe.report.provenance_graph import to_svg
from newsprobe.service import corpus_ops
from newsprobe.service.deps import CorpusDep, StateDep
from newsprobe.service.errors import ApiError, from_newsprobe
from newsprobe.service.models import AnalyzeRequest
from newsprobe.service.pages import page, report_page
from newsprobe.service.routes.analyses import analyze_request, find_analysis
from newsprobe.service.routes.corpus import SEARCH_PATTERN, StoryId
from newsprobe.service.state import ServiceState

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_EMPTY = {"text": "", "url": "", "headline": "", "outlet": ""}


def _form_page(
    service: ServiceState, *, error: ApiError | None = None, values: dict[str, str] | None = None
) -> HTMLResponse:
    return page(
        "index.html.j2",
        status=error.status if error else 200,
        error=error,
        values={**_EMPTY, **(values or {})},
        corpus=service.corpus is not None,
        max_body_kb=service.settings.max_body // 1024,
        timeout=f"{service.settings.analysis_timeout:g}",
    )


@router.get("/", response_class=HTMLResponse)
async def index(service: StateDep) -> HTMLResponse:
    """The analysis form."""
    return _form_page(service)


async def _upload(file: UploadFile | None) -> dict[str, str]:
    """An uploaded file as the `html` or `text` field of a request (nothing if none)."""
    if file is None or not file.filename:
        return {}
    data = await file.read()
    if not data.strip():
        return {}
    name = file.filename
    text = decode_bytes(data, source=name, declared=declared_charset(data))
    looks_html = name.lower().endswith(_HTML_SUFFIXES) or text.lstrip()[:1] == "<"
    return {"html": text} if looks_html else {"text": text}


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_form(
    service: StateDep,
    text: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    headline: Annotated[str, Form()] = "",
    outlet: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> HTMLResponse:
    """Analyse what the form holds and answer with the HTML report."""
    values = {"text": text, "url": url, "headline": headline, "outlet": outlet}
    given: dict[str, Any] = {k: v for k, v in (("text", text), ("url", url.strip())) if v.strip()}
    try:
        given.update(await _upload(file))
        request = AnalyzeRequest(
            **given, headline=headline.strip() or None, outlet=outlet.strip() or None
        )
        analysis = await analyze_request(service, request)
    except ValidationError:
        error = ApiError(
            "invalid_request",
            "give exactly one of: the article text, its address, or a file"
            + (f" (you gave {', '.join(sorted(given))})" if given else ""),
        )
        return _form_page(service, error=error, values=values)
    except NewsprobeError as exc:
        return _form_page(service, error=from_newsprobe(exc), values=values)
    except ApiError as exc:
        return _form_page(service, error=exc, values=values)
    return report_page(render_html(analysis))


def _compared_report(service: ServiceState, analysis: Analysis) -> str:
    """The report of a stored article, compared with its story when it has one."""
    corpus = service.corpus
    if corpus is None:
        return render_html(analysis)
    try:
        stored = corpus.article(analysis.article.id)
    except NotInCorpusError:
        return render_html(analysis)
    if stored.story_id is None:
        return render_html(analysis)
    check = corpus_ops.crosscheck_stored(corpus, stored.id)
    graph = corpus_ops.story_graph(corpus, stored.story_id)
    checked = analysis.model_copy(update={"assessment": assess(analysis, check)})
    return render_html(checked, crosscheck=check, provenance_svg=to_svg(graph))


@router.get("/analyses/{article_id}", response_class=HTMLResponse)
async def report(article_id: str, service: StateDep) -> HTMLResponse:
    """The HTML report of a stored or recent analysis (with its story's comparison)."""
    analysis = await find_analysis(service, article_id)
    html = await service.runner.run(lambda: _compared_report(service, analysis))
    return report_page(html)


@router.get("/stories", response_class=HTMLResponse)
async def stories(corpus: CorpusDep) -> HTMLResponse:
    """The latest stories."""
    found = await asyncio.to_thread(corpus.stories, limit=100)
    return page("stories.html.j2", stories=found)


def _story_page(service: ServiceState, story_id: int) -> dict[str, Any]:
    corpus = service.corpus
    assert corpus is not None
    detail = corpus_ops.story_detail(corpus, story_id)
    svg = to_svg(detail.provenance) if detail.provenance.nodes else None
    articles = detail.story.articles
    check = corpus_ops.crosscheck_stored(corpus, articles[0].id) if articles else None
    return {"detail": detail, "view": corpus_view(check, svg)}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story(story_id: StoryId, service: StateDep, corpus: CorpusDep) -> HTMLResponse:
    """One story: its articles, its figures compared across outlets, its provenance."""
    context = await service.runner.run(lambda: _story_page(service, story_id))
    return page("story.html.j2", **context)


def _parts(result: SearchResult) -> list[dict[str, Any]]:
    """Each hit with its snippet cut into plain and matching parts (escaped by Jinja)."""
    hits = []
    for hit in result.hits:
        parts, at = [], 0
        for span in sorted(hit.matches, key=lambda s: s.start):
            if span.start >= at:
                parts.append({"text": hit.snippet[at : span.start], "match": False})
                parts.append({"text": hit.snippet[span.start : span.end], "match": True})
                at = span.end
        parts.append({"text": hit.snippet[at:], "match": False})
        hits.append({"article": hit.article, "parts": parts})
    return hits


@router.get("/search", response_class=HTMLResponse)
async def search(
    corpus: CorpusDep, q: Annotated[str, Query(max_length=500, pattern=SEARCH_PATTERN)] = ""
) -> HTMLResponse:
    """Full-text search of the corpus."""
    if not q.strip():
        return page("search.html.j2", query="", result=None)
    result = await asyncio.to_thread(corpus.search, q, limit=50)
    shown = {"query": result.query, "hits": _parts(result)}
    return page("search.html.j2", query=q, result=shown)
