"""Property test driven by the OpenAPI schema: no schema-valid request gets a 5xx.

schemathesis generates requests from ``/openapi.json`` for every operation (with the
right bearer token, so the writing endpoint is exercised too) against an app with a
corpus on SQLite. The analyzers take tens of milliseconds per call, so the examples are
few per operation (about 30 s in all on one core).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402

from newsprobe.service import Settings, create_app  # noqa: E402
from tests.service.conftest import TOKEN, auth  # noqa: E402

pytestmark = pytest.mark.slow


def _app() -> object:
    from newsprobe.analyzers.pipeline import Pipeline

    # Built when the module is collected (schemathesis reads the schema then), so the
    # corpus lives in a folder of its own rather than in a test's tmp_path.
    folder = Path(tempfile.mkdtemp(prefix="newsprobe-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return create_app(
        Settings(db=str(folder / "corpus.db"), token=TOKEN, analysis_timeout=60),
        pipeline=Pipeline(on_error="record"),
    )


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_schema_valid_request_gets_a_server_error(case: schemathesis.Case) -> None:
    response = case.call(headers=auth())
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:500]}"
    )
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"code", "message"}
