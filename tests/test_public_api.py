"""The public surface is what we meant it to be, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsprobe

REPO = Path(__file__).resolve().parents[1]


def test_public_names_are_exported() -> None:
    for name in newsprobe.__all__:
        assert hasattr(newsprobe, name), name
    assert {"analyze", "load", "read", "Analysis", "Article", "Span"} <= set(newsprobe.__all__)


def test_cheap_commands_do_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from newsprobe.cli import app\n"
        "r = CliRunner()\n"
        "for args in (['--version'], ['schema'], ['analyzers']):\n"
        "    assert r.invoke(app, args).exit_code == 0, args\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
        "assert 'lingua' not in sys.modules, 'lingua was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_reading_a_local_file_does_not_import_the_http_client() -> None:
    """httpx costs about a tenth of a second to import; only fetching a URL needs it."""
    code = (
        "import sys\n"
        "import newsprobe\n"
        "article = newsprobe.load('examples/ferry-strike.txt')\n"
        "assert article.body_text, 'no body'\n"
        "assert 'httpx' not in sys.modules, 'httpx was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr


def test_analyze_stays_callable_after_the_analyzer_modules_are_imported() -> None:
    """A subpackage named like the function replaced it on first import: the second call
    of ``newsprobe.analyze`` then failed with "'module' object is not callable"."""
    code = (
        "import newsprobe\n"
        "first = newsprobe.analyze('examples/ferry-strike.txt', analyzers=['quantities'])\n"
        "second = newsprobe.analyze('examples/ferry-strike.txt', analyzers=['quantities'])\n"
        "assert first.findings and first.to_json() == second.to_json()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
