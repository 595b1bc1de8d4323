"""The cheap substring gates in front of slow case-insensitive patterns lose no match.

hedging and engagement_bait skip a regex on a sentence that holds none of its gate
strings. The gates are hand-written next to the patterns, so a new alternative without a
gate would silently never match; hypothesis writes strings each pattern matches and checks
that every match holds one of its gates, the way the analyzers test them (on the
`fold_case` form of the text).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprobe.analyzers.hedging.framings import FRAMINGS
from newsprobe.analyzers.rhetoric.engagement import _CALL_HINTS, _CALLS
from newsprobe.analyzers.shared.lexicon import fold_case

_GATED = [
    *((pattern, gates) for pattern, _, gates in FRAMINGS),
    *((re.compile(pattern, re.IGNORECASE), _CALL_HINTS) for _, pattern in _CALLS),
]


@pytest.mark.parametrize(("pattern", "gates"), _GATED, ids=lambda v: str(v)[:40])
def test_every_match_holds_a_gate(pattern: re.Pattern[str], gates: tuple[str, ...]) -> None:
    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        match = pattern.search(text)
        assert match is not None
        folded = fold_case(text)
        assert any(gate in folded for gate in gates), (match.group(), gates)

    check()
