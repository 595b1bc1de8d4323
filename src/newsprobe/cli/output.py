"""Writing a report file without ever destroying one: a temporary file, renamed at the end.

``--out report.json`` used to open the target for writing at once, so a run whose inputs
all failed left an empty file where the last good report had been, and ``newsprobe
analyze story.txt --out story.txt`` emptied the story before it was read. Here the report
goes to a temporary file beside the target (same directory, so the rename is atomic on
the same file system) and replaces the target only when at least one report was written;
an output that is one of the inputs is refused before anything is opened.

    >>> check_not_an_input(Path("report.json"), ["story.txt"])
    >>> with ReportFile(Path("report.json")) as handle:
    ...     handle.write("...")
    ...     handle.keep()          # without keep(), the target is left as it was
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TextIO, cast

from newsprobe.errors import ConfigError, OutputError

__all__ = ["ErrorLog", "ReportFile", "check_not_an_input", "guarded_stdout"]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def check_not_an_input(out: Path, sources: Sequence[str]) -> None:
    """Refuse an output path that names (or links to) one of the input files.

    Raises:
        ConfigError: ``--out`` is one of the inputs.
    """
    for source in sources:
        if source == "-" or "://" in source:
            continue
        if _same_file(out, Path(source)):
            raise ConfigError(
                f"--out {out} is also an input; writing the report there would destroy "
                "it: choose another output file"
            )


class ReportFile:
    """A text file that becomes `target` only if `keep` is called before it is closed.

    Every write error is raised as `OutputError` naming the target, so a full disk reads
    ``report.json: cannot write the report: No space left on device`` (exit status 4),
    not an unnamed error that looks like a bad input.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self._keep = False
        self._temp: Path | None = None
        self._handle: TextIO | None = None

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write the report: {exc.strerror or exc}", path=str(self.target))

    def __enter__(self) -> TextIO:
        directory = self.target.parent
        try:
            if self.target.is_dir():
                raise IsADirectoryError(21, "it is a folder")
            descriptor, name = tempfile.mkstemp(
                dir=directory, prefix=f".{self.target.name}.", suffix=".tmp"
            )
        except OSError as exc:
            raise self._fail(exc) from exc
        self._temp = Path(name)
        self._handle = os.fdopen(descriptor, "w", encoding="utf-8")
        return cast(TextIO, _GuardedText(self._handle, self))

    def keep(self) -> None:
        """Replace the target with what was written, when the block ends without error."""
        self._keep = True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._handle is not None and self._temp is not None
        try:
            try:
                self._handle.close()
            except OSError as exc:
                if kind is None:
                    raise self._fail(exc) from exc
            if kind is None and self._keep:
                try:
                    self._temp.chmod(_mode_for(self.target))
                    os.replace(self._temp, self.target)
                except OSError as exc:
                    raise self._fail(exc) from exc
        finally:
            self._temp.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """The existing file's permissions, else what `open` would give a new file (umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class _GuardedText:
    """The temporary file's text handle, raising `OutputError` for every write failure."""

    def __init__(self, handle: TextIO, owner: ReportFile | ErrorLog | _Stdout) -> None:
        self._handle = handle
        self._owner = owner

    def write(self, text: str) -> int:
        try:
            return self._handle.write(text)
        except OSError as exc:
            raise self._owner._fail(exc) from exc

    def flush(self) -> None:
        try:
            self._handle.flush()
        except OSError as exc:
            raise self._owner._fail(exc) from exc

    def isatty(self) -> bool:
        return self._handle.isatty()

    def fileno(self) -> int:
        return self._handle.fileno()

    @property
    def name(self) -> str:
        if isinstance(self._owner, ErrorLog):
            return str(self._owner.path)
        return str(self._owner.target)

    def keep(self) -> None:
        self._owner.keep()

    @property
    def encoding(self) -> str:
        return "utf-8"


class ErrorLog:
    """``--errors FILE``: every input that failed, one line each, written as reading goes.

    Written directly (not renamed into place): a run stopped half-way should still leave
    the failures met so far. Write failures are `OutputError` naming the file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: TextIO | None = None

    def __enter__(self) -> TextIO:
        try:
            self._handle = self.path.open("w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(
                f"cannot write the error list: {exc.strerror or exc}", path=str(self.path)
            ) from exc
        guarded = _GuardedText(self._handle, self)
        return cast(TextIO, guarded)

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(
            f"cannot write the error list: {exc.strerror or exc}", path=str(self.path)
        )

    def keep(self) -> None:
        """Nothing to do: the list is written in place."""

    def __exit__(self, *_: object) -> None:
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError as exc:
                raise self._fail(exc) from exc


class _Stdout:
    """Names standard output in write errors (``analyze ... > /dev/full``)."""

    target = "standard output"

    def _fail(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write the report: {exc.strerror or exc}", path=self.target)

    def keep(self) -> None:
        """Nothing to do: standard output is written as the reports come."""


def guarded_stdout(stream: TextIO) -> TextIO:
    """`stream` (sys.stdout) with write failures raised as `OutputError` (status 4)."""
    return cast(TextIO, _GuardedText(stream, _Stdout()))
