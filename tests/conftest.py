"""Shared test helpers: hand-built articles and the shared-data location."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprobe.document import Article

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"


def make_article(text: str, *, headline: str | None = None, **meta: Any) -> Article:
    """An English article from a body (and optional headline), no detection involved."""
    meta.setdefault("language", "en")
    return Article.create(headline=headline, body=text, **meta)


@pytest.fixture
def shared_data() -> Path:
    """../shared/data, or skip the test when it is not beside the repository."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA
