"""The REST API in-process: every endpoint, its errors, the limits, the token and CORS."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprobe.cli.app import app as cli
from newsprobe.corpus import Corpus
from newsprobe.document import Analysis
from tests.service.conftest import (
    COVERAGE,
    HARBOUR,
    HARBOUR_RETOLD,
    TOKEN,
    ClientFactory,
    auth,
    store_coverage,
)


def _error(response: object, status: int, code: str) -> str:
    """The message of an error answer, after checking its status, shape and code."""
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert "Traceback" not in body["error"]["message"]
    return str(body["error"]["message"])


# --- health -------------------------------------------------------------------------------


def test_healthz_says_ready_once_the_pipeline_is_loaded(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["ready"] is True
    assert body["corpus"] is None and body["writes_enabled"] is False
    assert "quotes@1" in body["analyzers"]


# --- analyze ------------------------------------------------------------------------------


def test_analyze_answers_exactly_the_json_of_the_cli(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/v1/analyze", json={"text": HARBOUR})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    source = tmp_path / "harbour.txt"
    source.write_text(HARBOUR, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert response.text == result.stdout.strip()
    analysis = Analysis.from_json(response.text)
    assert analysis.article.headline_text == "Harbour board cosies up to ferry firm"
    assert analysis.assessment is not None and analysis.assessment.criteria


def test_analyze_takes_html_and_the_given_headline_outlet_and_date(client: TestClient) -> None:
    page = (
        "<html><head><title>x</title></head><body><article><h1>Old title</h1>"
        + "".join(f"<p>{p}</p>" for p in HARBOUR.split("\n\n")[1].split(". "))
        + "</article></body></html>"
    )
    response = client.post(
        "/v1/analyze",
        json={
            "html": page,
            "headline": "Board approves berths",
            "outlet": "Coastline  Gazette",
            "published": "2026-03-02T09:00:00+01:00",
        },
    )
    assert response.status_code == 200, response.text
    article = response.json()["article"]
    assert article["text"].startswith("Board approves berths\n\n")
    assert article["outlet"] == "Coastline Gazette"
    assert article["published"].startswith("2026-03-02T09:00:00")
    assert "Lindqvist harbour board" in article["text"]


def test_analyze_fetches_urls_through_the_guard(
    make_client: ClientFactory, client: TestClient, page_server: str
) -> None:
    refused = client.post("/v1/analyze", json={"url": page_server + "/harbour.html"})
    assert "loopback" in _error(refused, 403, "fetch_refused")
    allowed = make_client(allow_private=True)
    response = allowed.post("/v1/analyze", json={"url": page_server + "/harbour.html"})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["url"] == page_server + "/harbour.html"
    missing = allowed.post("/v1/analyze", json={"url": page_server + "/missing.html"})
    _error(missing, 502, "fetch_failed")


def test_analyze_never_reads_local_files_or_stdin(client: TestClient) -> None:
    for url in ("/etc/passwd", "-", "file:///etc/passwd", "ftp://example.org/x"):
        _error(client.post("/v1/analyze", json={"url": url}), 415, "unsupported_input")


def test_a_malformed_url_is_bad_input_not_a_gateway_error(client: TestClient) -> None:
    for url in ("http://", "https://", "http://[::1", "http://256.1.1.1/", "http://\x00/"):
        _error(client.post("/v1/analyze", json={"url": url}), 400, "invalid_input")
    metadata = client.post("/v1/analyze", json={"url": "http://169.254.169.254/latest"})
    assert "does not fetch such addresses" in _error(metadata, 403, "fetch_refused")


def test_bad_analyze_requests_get_stable_codes_never_a_500(client: TestClient) -> None:
    assert "exactly one" in _error(client.post("/v1/analyze", json={}), 422, "invalid_request")
    both = client.post("/v1/analyze", json={"text": "a", "url": "https://example.org"})
    assert "got text, url" in _error(both, 422, "invalid_request")
    _error(client.post("/v1/analyze", json={"text": "  \n "}), 400, "invalid_input")
    naive = client.post("/v1/analyze", json={"text": HARBOUR, "published": "2026-03-02T09:00"})
    assert "published" in _error(naive, 422, "invalid_request")
    extra = client.post("/v1/analyze", json={"text": HARBOUR, "colour": "red"})
    assert _error(extra, 422, "invalid_request").startswith("colour: no such field")
    # A field named like FastAPI's "body" location is still named.
    body = client.post("/v1/analyze", json={"headline": "Port reopens", "body": HARBOUR})
    assert _error(body, 422, "invalid_request").startswith("body: no such field")
    broken = client.post(
        "/v1/analyze", content=b"{not json", headers={"content-type": "application/json"}
    )
    _error(broken, 422, "invalid_request")
    _error(client.post("/v1/analyze", json=["text"]), 422, "invalid_request")
    _error(client.post("/v1/analyze", json={"html": "\x00\x01\x02"}), 400, "invalid_input")
    _error(client.get("/v1/analyze"), 405, "method_not_allowed")
    _error(client.get("/v1/nothing-here"), 404, "not_found")


def test_analyses_are_found_again_by_id_and_the_cache_is_bounded(
    make_client: ClientFactory,
) -> None:
    client = make_client(cache_size=1)
    first = client.post("/v1/analyze", json={"text": HARBOUR}).json()
    again = client.get(f"/v1/analyses/{first['article']['id']}")
    assert again.status_code == 200 and again.json() == first
    client.post("/v1/analyze", json={"text": HARBOUR_RETOLD})
    gone = client.get(f"/v1/analyses/{first['article']['id']}")
    assert "1 most recent" in _error(gone, 404, "not_found")


# --- limits -------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_declared_or_streamed(
    make_client: ClientFactory,
) -> None:
    client = make_client(max_body=2048)
    big = {"text": "word " * 1000}
    assert "2,048 bytes" in _error(client.post("/v1/analyze", json=big), 413, "body_too_large")

    def chunks() -> object:
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 20
        yield b'"}'

    streamed = client.post(
        "/v1/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    _error(streamed, 413, "body_too_large")
    assert client.post("/v1/analyze", json={"text": HARBOUR}).status_code == 200


def test_an_analysis_over_the_time_limit_answers_504(make_client: ClientFactory) -> None:
    client = make_client(analysis_timeout=0.001)
    slow = client.post("/v1/analyze", json={"text": HARBOUR * 20})
    assert "longer than 0.001 s" in _error(slow, 504, "timeout")
    assert client.get("/healthz").json()["ready"] is True


# --- the corpus ---------------------------------------------------------------------------


def test_without_a_corpus_the_corpus_endpoints_say_how_to_get_one(client: TestClient) -> None:
    for response in (
        client.get("/v1/stories"),
        client.get("/v1/stories/1"),
        client.get("/v1/search", params={"q": "berths"}),
        client.post("/v1/crosscheck", json={"article": "abc"}),
    ):
        assert "--db" in _error(response, 404, "no_corpus")


def test_writing_needs_a_configured_token(make_client: ClientFactory, db_path: Path) -> None:
    off = make_client(db=str(db_path))
    message = _error(
        off.post("/v1/corpus/articles", json={"text": HARBOUR}, headers=auth()),
        403,
        "writes_disabled",
    )
    assert "--token" in message and "NEWSPROBE_TOKEN" in message
    on = make_client(db=str(db_path), token=TOKEN)
    missing = on.post("/v1/corpus/articles", json={"text": HARBOUR})
    _error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = on.post(
        "/v1/corpus/articles", json={"text": HARBOUR}, headers={"Authorization": "Bearer nope"}
    )
    _error(wrong, 401, "unauthorized")
    assert on.get("/v1/stories").status_code == 200  # reading needs no token


def test_articles_are_stored_once(corpus_client: TestClient, db_path: Path) -> None:
    body = {"text": HARBOUR, "outlet": "Coastline Gazette"}
    added = corpus_client.post("/v1/corpus/articles", json=body, headers=auth())
    assert added.status_code == 201, added.text
    result = added.json()
    assert result["summary"]["added"] == 1
    stored_id = result["article"]["id"]
    again = corpus_client.post("/v1/corpus/articles", json=body, headers=auth())
    assert again.status_code == 200
    assert again.json()["summary"]["duplicates"][0]["duplicate_of"] == stored_id
    with Corpus(db_path) as corpus:
        assert corpus.count() == 1
    fetched = corpus_client.get(f"/v1/analyses/{stored_id}")
    assert fetched.status_code == 200
    assert fetched.json()["article"]["outlet"] == "Coastline Gazette"


def _story(client: TestClient) -> tuple[int, list[str]]:
    """`COVERAGE` stored through the API: the story the first article started, and every
    stored id (the three Lindqvist articles, then the distractor)."""
    stored = store_coverage(client)
    story = stored[0]["story_id"]
    assert isinstance(story, int)
    return story, [a["id"] for a in stored]


def _body(index: int) -> dict[str, str]:
    text, outlet, published = COVERAGE[index]
    return {"text": text, "outlet": outlet, "published": published}


def _cli_json(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stored_articles_are_filed_in_their_stories(corpus_client: TestClient) -> None:
    stored = store_coverage(corpus_client)
    story = stored[0]["story_id"]
    assert [a["story_id"] for a in stored[:3]] == [story] * 3
    assert stored[3]["story_id"] not in (None, story)
    listed = corpus_client.get("/v1/stories").json()["stories"]
    assert len(listed) == 2, listed  # the Lindqvist berths, and the Brennmoor library
    berths = next(s for s in listed if s["id"] == story)
    assert berths["article_count"] == 3
    assert berths["outlets"] == ["Coastline Gazette", "Fjordside Post", "Lindqvist Ledger"]
    (library,) = (s for s in listed if s["id"] != story)
    assert library["article_count"] == 1 and library["outlets"] == ["Brennmoor Courier"]


def test_a_story_lists_its_articles_and_provenance_as_the_cli_does(
    corpus_client: TestClient, db_path: Path
) -> None:
    story, ids = _story(corpus_client)
    detail = corpus_client.get(f"/v1/stories/{story}").json()
    assert [a["id"] for a in detail["story"]["articles"]] == ids[:3]  # earliest first
    assert detail["provenance"]["story"] == story
    assert {n["id"] for n in detail["provenance"]["nodes"]} >= set(ids[:3])
    cites = [e for e in detail["provenance"]["edges"] if e["kind"] == "cites"]
    assert {(e["from"], e["to_outlet"]) for e in cites} >= {(ids[1], "Coastline Gazette")}
    db = str(db_path)
    assert detail["story"] == _cli_json("corpus", "story", str(story), "--db", db, "-f", "json")
    graph = _cli_json("corpus", "provenance", str(story), "--db", db, "-f", "json")
    assert detail["provenance"] == graph
    _error(corpus_client.get("/v1/stories/999"), 404, "not_found")
    _error(corpus_client.get("/v1/stories/0"), 422, "invalid_request")
    _error(corpus_client.get(f"/v1/stories/{2**70}"), 422, "invalid_request")
    _error(corpus_client.get("/v1/stories", params={"limit": 0}), 422, "invalid_request")


def test_crosscheck_of_a_stored_article_is_the_clis(
    corpus_client: TestClient, db_path: Path
) -> None:
    story, ids = _story(corpus_client)
    response = corpus_client.post("/v1/crosscheck", json={"article": ids[1]})
    assert response.status_code == 200, response.text
    check = response.json()
    assert check["target"]["id"] == ids[1] and check["stored"] is True
    assert check["story"]["id"] == story
    berths = [f for f in check["figures"] if any("14" in v["text"] for v in f["values"])]
    assert berths, check["figures"]
    assert {v["outlet"] for v in berths[0]["values"]} >= {"Coastline Gazette", "Fjordside Post"}
    assert check == _cli_json("corpus", "crosscheck", ids[1], "--db", str(db_path), "-f", "json")
    _error(corpus_client.post("/v1/crosscheck", json={"article": "nope"}), 404, "not_found")
    _error(corpus_client.post("/v1/crosscheck", json={}), 422, "invalid_request")
    both = {"article": ids[0], "new": {"text": HARBOUR}}
    _error(corpus_client.post("/v1/crosscheck", json=both), 422, "invalid_request")


def test_crosscheck_of_a_new_article_stores_nothing_and_is_the_clis(
    corpus_client: TestClient, db_path: Path, tmp_path: Path
) -> None:
    story, ids = _story(corpus_client)
    new = {
        "headline": "Lindqvist to get 12 ferry berths",
        "text": "The Lindqvist harbour board approved 12 new ferry berths on Monday, chair "
        "Mara Ode said. They will cost 5 million euros.",
        "outlet": "Harbour Herald",
        "published": "2026-03-02T18:00:00+00:00",
    }
    response = corpus_client.post("/v1/crosscheck", json={"new": new})
    assert response.status_code == 200, response.text
    check = response.json()
    assert check["stored"] is False and check["story"]["id"] == story
    assert check["target"]["outlet"] == "Harbour Herald"
    with Corpus(db_path) as corpus:
        assert corpus.count() == len(ids)
    record = tmp_path / "new.jsonl"
    record.write_text(json.dumps(new) + "\n", encoding="utf-8")
    assert check == _cli_json(
        "corpus", "crosscheck", str(record), "--db", str(db_path), "-f", "json"
    )
    again = corpus_client.post("/v1/crosscheck", json={"new": _body(1)}).json()
    assert again["stored"] is True and again["target"]["id"] == ids[1]  # it is stored
    bad = corpus_client.post("/v1/crosscheck", json={"new": {"text": "  "}})
    _error(bad, 400, "invalid_input")


def test_search_finds_stored_articles(corpus_client: TestClient, db_path: Path) -> None:
    _story(corpus_client)
    result = corpus_client.get("/v1/search", params={"q": "berths", "outlet": "Fjordside Post"})
    assert result.status_code == 200
    hits = result.json()["hits"]
    assert [h["article"]["outlet"] for h in hits] == ["Fjordside Post"]
    day = {"q": "berths", "since": "2026-03-02T12:00", "until": "2026-03-03T00:00"}
    that_day = corpus_client.get("/v1/search", params=day).json()["hits"]
    assert [h["article"]["outlet"] for h in that_day] == ["Fjordside Post"]
    _error(corpus_client.get("/v1/search"), 422, "invalid_request")
    _error(corpus_client.get("/v1/search", params={"q": "berths\x00"}), 422, "invalid_request")
    far = {"q": "berths", "since": "9999-12-31T23:59:59-23:00"}
    assert "out of range" in _error(
        corpus_client.get("/v1/search", params=far), 422, "invalid_request"
    )
    for query in ('"', "-", "OR", "()", "*", "NEAR(a b)", "a:b", "'", "^"):
        response = corpus_client.get("/v1/search", params={"q": query})
        assert response.status_code in (200, 400), (query, response.text)


# --- CORS, headers, schema ----------------------------------------------------------------


def test_cors_is_off_unless_an_origin_is_allowed(
    client: TestClient, make_client: ClientFactory
) -> None:
    origin = "https://reader.example"
    preflight = {"Origin": origin, "Access-Control-Request-Method": "POST"}
    closed = client.options("/v1/analyze", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    plain = client.get("/healthz", headers={"Origin": origin})
    assert "access-control-allow-origin" not in plain.headers
    allowed = make_client(cors_origins=[origin])
    answer = allowed.options("/v1/analyze", headers=preflight)
    assert answer.headers["access-control-allow-origin"] == origin
    other = allowed.get("/healthz", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_every_answer_carries_the_safety_headers(client: TestClient) -> None:
    for response in (client.get("/healthz"), client.get("/"), client.get("/v1/missing")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_the_openapi_schema_is_the_document_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    analyze = schema["paths"]["/v1/analyze"]["post"]
    ok = analyze["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok == {"$ref": "#/components/schemas/Analysis"}
    assert set(schema["components"]["schemas"]["Analysis"]["properties"]) == set(
        Analysis.model_fields
    )
    writes = schema["paths"]["/v1/corpus/articles"]["post"]
    assert writes["security"] == [{"HTTPBearer": []}]
    assert json.dumps(schema)  # serializable as it is


def test_the_pipeline_is_loaded_when_the_worker_starts_not_on_the_first_call() -> None:
    from newsprobe.analyzers.pipeline import Pipeline
    from newsprobe.service import Settings, create_app

    fresh = Pipeline(["quotes"], on_error="record")
    app = create_app(Settings(), pipeline=fresh)
    assert not fresh._warm
    with TestClient(app) as client:
        assert fresh._warm  # before any request
        assert client.get("/healthz").json()["analyzers"] == ["quotes@1"]
