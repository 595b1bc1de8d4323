"""Shipped model files and their loader.

Models are plain data inside this package (JSON for coefficients, vocabularies and
thresholds; ``.npz`` for larger arrays, loaded with ``allow_pickle=False``); never pickle.
`clickbait`, `checkworthiness` and `stance` score text with them directly, batched
(`newsprobe.models.public`).
Each model ``NAME`` ships ``NAME.json`` (or ``NAME.npz`` plus ``NAME.json`` metadata) and a
model card ``NAME.md``. The JSON carries at least ``{"name", "version"}``. Scripts in
``train/`` rebuild them from ``../shared/data``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from newsprobe.errors import ModelNotFoundError

__all__ = [
    "CheckworthinessScore",
    "ClickbaitScore",
    "StanceScore",
    "checkworthiness",
    "clickbait",
    "load_arrays",
    "load_json",
    "stance",
]


def _path(filename: str) -> Any:
    resource = resources.files(__name__).joinpath(filename)
    if not resource.is_file():
        raise ModelNotFoundError(
            f"the shipped model file {filename!r} is missing from the newsprobe package; "
            "reinstall newsprobe, or rebuild it with the script in train/"
        )
    return resource


@cache
def load_json(name: str) -> dict[str, Any]:
    """The JSON document of model `name` (``NAME.json``), loaded once per process."""
    with _path(f"{name}.json").open("r", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


@cache
def load_arrays(name: str) -> dict[str, np.ndarray]:
    """The arrays of model `name` (``NAME.npz``), loaded once, without pickle."""
    with _path(f"{name}.npz").open("rb") as handle, np.load(handle, allow_pickle=False) as npz:
        return {key: npz[key] for key in npz.files}


# Last: the scorers import the analyzers that import this module's loaders, on first call.
from newsprobe.models.public import (  # noqa: E402
    CheckworthinessScore,
    ClickbaitScore,
    StanceScore,
    checkworthiness,
    clickbait,
    stance,
)
