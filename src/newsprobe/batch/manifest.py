"""The manifest of a batch run: its settings and the partitions it has finished.

``DIR/manifest.json`` is replaced whole (written beside, flushed to disk, renamed over the
old one) after the files and error lines of a partition are on disk, so that at any moment
it names only partitions whose output is complete. A run killed at any point resumes from
it: finished partitions are skipped, the others are done (again).

``errors.jsonl`` is only ever appended to, and the manifest records its length at each
commit: a resumed run first cuts the file back to that length, dropping the lines of
partitions that were not committed (it writes them again when it redoes those).

Per input, the partitions finished are kept as "all below N" plus the few finished out of
order, so the manifest stays small however long the input: at most the partitions in
flight at one time are ever out of order.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprobe.errors import ConfigError

__all__ = ["ERRORS", "FORMAT", "MANIFEST", "InputState", "Manifest", "replace_file"]

FORMAT = "newsprobe-batch/1"
MANIFEST = "manifest.json"
ERRORS = "errors.jsonl"


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that `path` is either the old file or the new, whole.

    The data goes to a hidden temporary file beside it (readers of the folder, such as
    pyarrow's dataset discovery, skip names starting with a dot), is flushed to disk,
    and is renamed over `path`; the folder is then flushed so that the rename survives a
    power cut too.
    """
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def input_id(key: str) -> str:
    """A short, stable id of an input for file names (its key hashed)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


@dataclass
class InputState:
    """What a run knows of one input.

    Attributes:
        key: the absolute path of a file, else the name as given (a URL, "-").
        id: `input_id` of the key, used in partition file names.
        name: the input as it was named when the run began: rows and error lines say
            this, also when a resumed run names the same file otherwise.
        fingerprint: size and modification time of a file, to notice that it changed.
        done_below: every partition numbered below this is finished.
        done: partitions at or above `done_below` that are finished.
        partitions: how many partitions the input has, once read to its end.
        failed: why the input could not be read (to its end), if it could not.
    """

    key: str
    id: str
    name: str = ""
    fingerprint: dict[str, int] | None = None
    done_below: int = 0
    done: set[int] = field(default_factory=set)
    partitions: int | None = None
    failed: str | None = None

    def is_done(self, number: int) -> bool:
        return number < self.done_below or number in self.done

    def mark_done(self, number: int) -> None:
        self.done.add(number)
        while self.done_below in self.done:
            self.done.discard(self.done_below)
            self.done_below += 1

    @property
    def complete(self) -> bool:
        """Whether nothing of this input is left to do (an input that failed part-way is
        complete once the partitions before the failure are)."""
        return self.partitions is not None and self.done_below >= self.partitions

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "fingerprint": self.fingerprint,
            "done_below": self.done_below,
            "done": sorted(self.done),
            "partitions": self.partitions,
            "failed": self.failed,
        }

    @classmethod
    def from_dict(cls, key: str, data: Mapping[str, Any]) -> InputState:
        return cls(
            key=key,
            id=str(data["id"]),
            name=str(data.get("name") or key),
            fingerprint=data.get("fingerprint"),
            done_below=int(data["done_below"]),
            done={int(n) for n in data.get("done", [])},
            partitions=data.get("partitions"),
            failed=data.get("failed"),
        )


def _is_file(name: str) -> bool:
    return name != "-" and "://" not in name and Path(name).is_file()


def fingerprint(path: Path) -> dict[str, int]:
    """Size and modification time of a file: a changed input is noticed before resuming."""
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


class Manifest:
    """The manifest of the run in one output folder; see the module docstring.

    Args:
        folder: the output folder (made if absent).
        settings: everything that shapes the output (version, analyzers, partition size,
            ingest options); a folder holding a run with other settings is refused.

    Raises:
        ConfigError: the folder holds another run, or something that is not a run.
    """

    def __init__(self, folder: Path, settings: Mapping[str, Any]) -> None:
        self.folder = folder
        self.path = folder / MANIFEST
        self.errors_path = folder / ERRORS
        self.settings = dict(settings)
        self.inputs: dict[str, InputState] = {}
        self.errors_bytes = 0
        # Analyses written in which an analyzer failed, over every run of this folder.
        self.broken = 0
        self.resumed = False
        folder.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            self._load()
            self.resumed = True
        elif any(p for p in folder.iterdir() if not p.name.startswith(".")):
            raise ConfigError(
                f"{folder}: the output folder is not empty and holds no batch run "
                f"({MANIFEST} is missing); give an empty or new folder"
            )
        else:
            # At once, so that a run killed before its first partition still resumes.
            self.commit()
        self._cut_errors()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
            stored = data["settings"]
            inputs = {k: InputState.from_dict(k, v) for k, v in data["inputs"].items()}
            errors_bytes = int(data["errors_bytes"])
            broken = int(data.get("broken", 0))  # absent in runs of newsprobe 0.1
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{self.path}: not a newsprobe batch manifest ({exc})") from None
        differing = sorted(
            key
            for key in set(stored) | set(self.settings)
            if stored.get(key) != self.settings.get(key)
        )
        if differing:
            details = "; ".join(
                f"{key}: {stored.get(key)!r} then, {self.settings.get(key)!r} now"
                for key in differing
            )
            raise ConfigError(
                f"{self.folder} holds a run with other settings ({details}); resume it with "
                "the same options and newsprobe version, or give another --out"
            )
        self.inputs, self.errors_bytes, self.broken = inputs, errors_bytes, broken

    def _cut_errors(self) -> None:
        """Drop error lines a killed run wrote after its last commit; remove its temp files."""
        if self.errors_path.exists():
            with self.errors_path.open("r+b") as handle:
                handle.truncate(self.errors_bytes)
        for temporary in self.folder.rglob(".*.tmp"):
            temporary.unlink()

    @staticmethod
    def key(name: str) -> str:
        """What identifies an input: a file's absolute path, else its name."""
        return str(Path(name).resolve()) if _is_file(name) else name

    def input(self, name: str) -> InputState:
        """The state of an input (new if the run has not met it).

        Raises:
            ConfigError: the input is a file that changed since the run began.
        """
        key = self.key(name)
        current = fingerprint(Path(name)) if _is_file(name) else None
        state = self.inputs.get(key)
        if state is None:
            state = InputState(key=key, id=input_id(key), name=name, fingerprint=current)
            self.inputs[key] = state
        elif state.fingerprint is not None and current != state.fingerprint:
            raise ConfigError(
                f"{name}: the input changed since the run in {self.folder} began (size or "
                "modification time differ); resuming would mix two versions of it. Give "
                "another --out"
            )
        return state

    def append_errors(self, lines: list[str]) -> None:
        """Append lines to ``errors.jsonl`` and flush them to disk (before the commit)."""
        if not lines:
            return
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        with self.errors_path.open("ab") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        self.errors_bytes += len(data)

    def error_lines(self) -> int:
        """Lines in ``errors.jsonl`` as committed: every record the run, resumed or
        not, could not analyse."""
        if not self.errors_bytes:
            return 0
        with self.errors_path.open("rb") as handle:
            return handle.read(self.errors_bytes).count(b"\n")

    def commit(self) -> None:
        """Write the manifest as it stands, atomically."""
        document = {
            "format": FORMAT,
            "settings": self.settings,
            "errors_bytes": self.errors_bytes,
            "broken": self.broken,
            "inputs": {key: state.to_dict() for key, state in self.inputs.items()},
        }
        replace_file(self.path, json.dumps(document, indent=1).encode("utf-8"))
