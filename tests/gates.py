"""The gold-set gates of `tests/gold/gates.toml`, for the analyzers' gold tests."""

from __future__ import annotations

from functools import cache

from newsprobe.evaluation.gates import Gate, load_gates
from tests.paths import GOLD

GATES_FILE = GOLD / "gates.toml"


@cache
def gates() -> dict[str, Gate]:
    """Every gate, read once per test session."""
    return load_gates(GATES_FILE)


def gate(name: str) -> Gate:
    """One gate by name (a KeyError names a gate missing from the file)."""
    return gates()[name]
