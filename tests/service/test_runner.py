"""The analysis thread's line and time limits, and the recent analyses, on their own."""

from __future__ import annotations

import asyncio
import threading

import pytest

from newsprobe.service.errors import ApiError
from newsprobe.service.runner import AnalysisRunner, RecentAnalyses
from tests.conftest import make_article


def test_a_full_line_is_turned_away_at_once_and_a_slow_call_times_out() -> None:
    release = threading.Event()

    async def scenario() -> list[str]:
        runner = AnalysisRunner(pipeline=None, timeout=0.5, queue=1)  # type: ignore[arg-type]
        outcomes: list[str] = []

        async def call(name: str) -> None:
            try:
                await runner.run(lambda: release.wait(5))
                outcomes.append(f"{name}: done")
            except ApiError as exc:
                outcomes.append(f"{name}: {exc.code}")

        running = asyncio.create_task(call("running"))
        await asyncio.sleep(0.05)
        waiting = asyncio.create_task(call("waiting"))
        await asyncio.sleep(0.05)
        await call("third")  # one running, one waiting: the line is full
        await asyncio.gather(running, waiting)
        release.set()
        runner.close()
        return outcomes

    outcomes = asyncio.run(scenario())
    assert outcomes[0] == "third: busy"
    assert sorted(outcomes[1:]) == ["running: timeout", "waiting: timeout"]


def test_recent_analyses_keep_the_latest() -> None:
    from newsprobe.document import Analysis

    recent = RecentAnalyses(2)
    made = [Analysis(article=make_article(f"Story number {n}.")) for n in range(3)]
    for analysis in made:
        recent.put(analysis)
    assert len(recent) == 2
    assert recent.get(made[0].article.id) is None
    assert recent.get(made[2].article.id) is made[2]


def test_settings_travel_to_worker_processes_through_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsprobe.service.settings import SETTINGS_ENV, Settings

    settings = Settings(
        db="corpus.db", token="t0ken", workers=2, cors_origins=("https://a.example",)
    )
    for name, value in settings.to_env().items():
        monkeypatch.setenv(name, value)
    assert Settings.from_env() == settings
    assert "t0ken" not in repr(settings)
    monkeypatch.delenv(SETTINGS_ENV)
    assert Settings.from_env() == Settings()
    assert Settings().host == "127.0.0.1" and not Settings().writes_enabled
