"""Property test driven by the OpenAPI schema: no schema-valid request gets a 5xx.

schemathesis generates requests from the app's OpenAPI document for every operation
(with the right bearer token, so the writing endpoint is exercised too) against an app
with a corpus on SQLite. The analyzers take tens of milliseconds per call, so the
examples are few per operation (about 30 s in all on one core). The schema is read from
`app.openapi()`, which starts nothing: the app (and its pipeline) starts on the first
call, so collecting the tests costs nothing.
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

# The schema is built when the module is collected, so the corpus lives in a folder of
# its own (removed at exit) rather than in a test's tmp_path.
_FOLDER = Path(tempfile.mkdtemp(prefix="newsprobe-fuzz-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
_APP = create_app(Settings(db=str(_FOLDER / "corpus.db"), token=TOKEN, analysis_timeout=60))

schema = schemathesis.openapi.from_dict(_APP.openapi())
schema.app = _APP  # calls go to the app in-process (its lifespan starts on the first)


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
