"""Opening a local input: regular files, FIFOs and devices, each with a clear refusal.

`Path.exists()` says False for a symbolic link loop, which then read as "no such file";
``open()`` on a FIFO without a writer blocks for ever. Here the file is looked at with
``stat`` first, so each case gets its own message, and a FIFO is opened without blocking
and given `wait` seconds to deliver its first byte.

    >>> with open_local(Path("story.txt"), name="story.txt", wait=15.0) as handle:
    ...     head = handle.peek(100)
"""

from __future__ import annotations

import errno
import io
import os
import re
import select
import stat
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path

from newsprobe.errors import IngestError, UnsupportedInputError

__all__ = ["expand_folders", "open_local"]

# "file:", "ftp:", "s3:"... : a URL newsprobe does not fetch, not a file name.
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
#: Buffer of the opened stream; the same as `sniff.SNIFF_BYTES`, so one peek sees the head.
_BUFFER = 16_384


def _stat(path: Path, name: str) -> os.stat_result:
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(
                "a symbolic link loop (the link leads back to itself); give the file it "
                "should point to",
                source=name,
            ) from exc
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if _OTHER_SCHEME.match(name):
                raise UnsupportedInputError(
                    "only http:// and https:// URLs are fetched; give a local file as a path",
                    source=name,
                ) from exc
            raise IngestError(
                "no such file (or a URL without http:// or https://)", source=name
            ) from exc
        raise IngestError(f"cannot read it: {exc.strerror or exc}", source=name) from exc


def _open_fifo(path: Path, name: str, wait: float) -> io.BufferedReader:
    """A FIFO opened without blocking; refused if nothing arrives within `wait` seconds.

    ``open()`` blocks until a writer opens the other end, which may be never; a
    non-blocking open returns at once, and ``poll`` then waits a bounded time.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(descriptor, select.POLLIN | select.POLLHUP)
        if not poller.poll(max(0, int(wait * 1000))):
            raise IngestError(
                f"a FIFO (named pipe) with nothing written to it within {wait:g} s; start "
                "the program that writes to it first",
                source=name,
            )
        os.set_blocking(descriptor, True)
        return io.BufferedReader(io.FileIO(descriptor, "rb", closefd=True), _BUFFER)
    except BaseException:
        os.close(descriptor)
        raise


@contextmanager
def open_local(path: Path, *, name: str, wait: float) -> Iterator[io.BufferedReader]:
    """`path` opened for reading in binary, or a one-line `IngestError` saying why not.

    Args:
        path: the file.
        name: how to name it in messages.
        wait: seconds a FIFO may take to deliver its first byte.
    """
    info = _stat(path, name)
    if stat.S_ISDIR(info.st_mode):
        raise UnsupportedInputError("this is a folder; give files inside it", source=name)
    if stat.S_ISSOCK(info.st_mode):
        raise UnsupportedInputError("this is a socket, not a file", source=name)
    try:
        if stat.S_ISFIFO(info.st_mode):
            handle = _open_fifo(path, name, wait)
        else:
            handle = io.BufferedReader(io.FileIO(path, "rb"), _BUFFER)
    except OSError as exc:
        raise IngestError(f"cannot read it: {exc.strerror or exc}", source=name) from exc
    with handle:
        yield handle


def expand_folders(sources: list[str], *, skip: Collection[Path] = ()) -> list[str]:
    """Sources with every folder replaced by the files in it, recursively, sorted.

    Every command takes a folder of articles as it takes a file: the files are read in
    name order, so a batch run resumed on the same folder meets them in the same order.
    Hidden files and folders (a leading dot) are left out, and so is anything at or under
    a path in `skip` (given resolved: a corpus database and its journal files, a batch's
    own output folder when it lies inside an input folder).
    """
    skipped = tuple(skip)
    expanded: list[str] = []
    for source in sources:
        folder = Path(source)
        if source == "-" or "://" in source or not folder.is_dir():
            expanded.append(source)
            continue
        for path in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
            if not path.is_file() or hidden:
                continue
            resolved = path.resolve()
            if not any(resolved == s or s in resolved.parents for s in skipped):
                expanded.append(str(path))
    return expanded
