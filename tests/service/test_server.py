"""`newsprobe serve` for real: uvicorn in a subprocess on 127.0.0.1, called over HTTP."""

from __future__ import annotations

import httpx
import pytest

from tests.service.conftest import HARBOUR, auth

pytestmark = pytest.mark.slow


def test_the_served_api_analyses_stores_and_refuses(live_server: str) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as http:
        health = http.get("/healthz").json()
        assert health["ready"] and health["writes_enabled"] and health["corpus"]
        analysed = http.post("/v1/analyze", json={"text": HARBOUR})
        assert analysed.status_code == 200
        article_id = analysed.json()["article"]["id"]
        assert http.get(f"/v1/analyses/{article_id}").json() == analysed.json()
        stored = http.post("/v1/corpus/articles", json={"text": HARBOUR}, headers=auth())
        assert stored.status_code == 201
        assert http.post("/v1/corpus/articles", json={"text": HARBOUR}).status_code == 401
        too_big = http.post("/v1/analyze", json={"text": "x" * (6 * 1024 * 1024)})
        assert too_big.status_code == 413
        assert too_big.json()["error"]["code"] == "body_too_large"
        page = http.get("/")
        assert page.status_code == 200 and "Analyse an article" in page.text
        assert http.get("/static/service.css").status_code == 200


def test_serve_binds_to_the_local_address_by_default() -> None:
    from typer.testing import CliRunner

    from newsprobe.cli.app import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--token" in result.output
