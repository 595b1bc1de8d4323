"""Ctrl-C that stops a storing loop between two articles, never inside one.

Python raises `KeyboardInterrupt` wherever the interpreter happens to be when the signal
arrives. Inside a library callback (pydantic's serializer calls back into Python while it
writes an analysis as JSON) the exception can be caught and turned into a warning, and
the command then runs to its end as if nothing was pressed. A loop that stores one item
at a time has a better place to stop: after the item in hand is committed. `StopRequest`
records the first Ctrl-C and lets the loop stop there; a second Ctrl-C stops at once, for
a loop stuck waiting on its input.

    >>> with StopRequest() as stop:  # doctest: +SKIP
    ...     for item in items:
    ...         store(item)
    ...         stop.check()  # raises KeyboardInterrupt after the first Ctrl-C
"""

from __future__ import annotations

import signal
import threading
from types import FrameType, TracebackType
from typing import Any

__all__ = ["StopRequest"]


class StopRequest:
    """Defers Ctrl-C (SIGINT) to the next `check()`; the second one interrupts at once.

    Outside the main thread (where no signal handler can be installed) it does nothing,
    and Ctrl-C behaves as usual.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None
        self._installed = False

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
            self._installed = True
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)
            self._installed = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def check(self) -> None:
        """Raise `KeyboardInterrupt` if Ctrl-C was pressed since the loop started."""
        if self.requested:
            raise KeyboardInterrupt
