"""Where the composed gold sets are: in the source checkout, not in the installed package.

The gold sets are development data (invented articles annotated by hand under
`tests/gold/`); the scorers in this package read them from a checkout of the repository.
`NEWSPROBE_GOLD` points elsewhere (a copy of that folder) when the package is installed
from a wheel.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["GOLD_DIR", "gold_file"]

GOLD_DIR = Path(
    os.environ.get("NEWSPROBE_GOLD") or Path(__file__).resolve().parents[3] / "tests" / "gold"
)


def gold_file(name: str) -> Path:
    """A gold file by name, or a FileNotFoundError that says where it was looked for."""
    path = GOLD_DIR / name
    if not path.exists():
        raise FileNotFoundError(
            f"{path}: gold set not found; run from a checkout of the newsprobe repository "
            "or set NEWSPROBE_GOLD to its tests/gold folder"
        )
    return path
