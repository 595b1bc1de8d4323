"""Ctrl-C in a storing loop stops after the item in hand, not inside it."""

from __future__ import annotations

import os
import signal

import pytest

from newsprobe.cli.interrupts import StopRequest


def test_the_first_ctrl_c_waits_for_the_check_and_the_second_stops_at_once() -> None:
    stored: list[int] = []
    with StopRequest() as stop, pytest.raises(KeyboardInterrupt):
        for item in range(5):
            if item == 2:
                os.kill(os.getpid(), signal.SIGINT)  # pressed while item 2 is stored
            stored.append(item)
            stop.check()
    assert stored == [0, 1, 2]

    with StopRequest(), pytest.raises(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)  # pressed again: no waiting for a check


def test_the_previous_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with StopRequest():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before
