"""Gold-set gates: the floors every scorer must reach, pinned in one file beside the hash of
the gold data they were measured on.

A floor means something only for the data it was measured on: when a gold file changes,
its floors must be measured again. `tests/gold/gates.toml` keeps, for each gate, the gold
files, their SHA-256 and the floors; the test suite checks the hashes (so an edited gold
file fails loudly until its gate is re-measured) and each analyzer's gold test checks its
scores against its gate:

    >>> gate = Gate("demo", files=(), sha256="", measured="", floors={"f1": 0.9,
    ...     "accuracy": {"place": 0.8}, "number": [0.7, 0.7]})
    >>> gate.shortfalls({"f1": 0.95, "accuracy": {"place": 0.75}, "number": (0.8, 0.6)})
    ['accuracy.place: 0.750 < 0.8', 'number[1]: 0.600 < 0.7']
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Gate", "digest", "load_gates"]


@dataclass(frozen=True)
class Gate:
    """One gold set's floors.

    Attributes:
        name: the gate's name (an analyzer, or an analyzer and a setting).
        files: the gold files and folders it was measured on, relative to the gates file.
        sha256: their digest (`digest`) when the floors were last measured.
        measured: when, and with what figures, in words (for the reader of the file).
        floors: figure name -> floor; a mapping for nested figures, a list for figures that
            are sequences (precision and recall of one check).
        ceilings: figure name -> ceiling, for figures where less is better (false findings
            per 100 words of sober copy).
    """

    name: str
    files: tuple[str, ...]
    sha256: str
    measured: str
    floors: Mapping[str, Any]
    ceilings: Mapping[str, Any] = field(default_factory=dict)

    def shortfalls(self, figures: Mapping[str, Any]) -> list[str]:
        """The figures on the wrong side of their floor or ceiling, one readable line each
        (empty: the gate passes)."""
        return _beyond(self.floors, figures, prefix="", above=False) + _beyond(
            self.ceilings, figures, prefix="", above=True
        )

    def check(self, figures: Mapping[str, Any]) -> None:
        """Fail with every shortfall listed (for tests)."""
        missed = self.shortfalls(figures)
        if missed:
            raise AssertionError(f"gate {self.name!r} not met: " + "; ".join(missed))


def _beyond(limits: Any, figures: Any, *, prefix: str, above: bool) -> list[str]:
    """Figures below their floor (or, with `above`, over their ceiling)."""
    if isinstance(limits, Mapping):
        out: list[str] = []
        for key, limit in limits.items():
            where = f"{prefix}.{key}" if prefix else str(key)
            if key not in figures:
                out.append(f"{where}: no such figure")
            else:
                out += _beyond(limit, figures[key], prefix=where, above=above)
        return out
    if isinstance(limits, Sequence) and not isinstance(limits, str):
        return [
            line
            for index, limit in enumerate(limits)
            for line in _beyond(limit, figures[index], prefix=f"{prefix}[{index}]", above=above)
        ]
    value = float(figures)
    if above:
        return [f"{prefix}: {value:.3f} > {limits}"] if value > float(limits) else []
    return [f"{prefix}: {value:.3f} < {limits}"] if value < float(limits) else []


def digest(root: Path, files: Sequence[str]) -> str:
    """SHA-256 over the named files (folders: every file in them but their READMEs, which
    describe the data and are not scored, by relative path)."""
    hasher = hashlib.sha256()
    for name in files:
        path = root / name
        members = (
            sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("README"))
            if path.is_dir()
            else [path]
        )
        for member in members:
            hasher.update(member.relative_to(root).as_posix().encode("utf-8") + b"\0")
            hasher.update(member.read_bytes())
    return hasher.hexdigest()


def load_gates(path: Path) -> dict[str, Gate]:
    """Every gate in a gates file (TOML: one table per gate)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        name: Gate(
            name=name,
            files=tuple(table["files"]),
            sha256=table["sha256"],
            measured=table.get("measured", ""),
            floors=table.get("floors", {}),
            ceilings=table.get("ceilings", {}),
        )
        for name, table in data.items()
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Print each gate's stored and current hash: what to paste after re-measuring."""
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m newsprobe.evaluation.gates GATES.toml", file=sys.stderr)
        return 2
    path = Path(args[0])
    for gate in load_gates(path).values():
        if not all((path.parent / f).exists() for f in gate.files):
            print(f"{gate.name:24s} missing  (its data is not there: {', '.join(gate.files)})")
            continue
        current = digest(path.parent, gate.files)
        state = "ok" if current == gate.sha256 else "CHANGED"
        print(f'{gate.name:24s} {state:8s} sha256 = "{current}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
