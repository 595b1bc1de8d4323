"""The public surface is what we meant it to be, and importing it stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsprobe

REPO = Path(__file__).resolve().parents[1]


# What `import newsprobe` is meant to offer. A name added to or dropped from `__all__` must
# be added or dropped here too, on purpose: the public surface is a promise to users.
PUBLIC = {
    "SCHEMA_VERSION",
    "Analysis",
    "Analyzer",
    "AnalyzerError",
    "Article",
    "ConfigError",
    "Context",
    "Corpus",
    "CorpusError",
    "ExtractionError",
    "FetchError",
    "Finding",
    "IngestError",
    "ModelNotFoundError",
    "NewsprobeError",
    "NotInCorpusError",
    "Pipeline",
    "RankedSentence",
    "ReportError",
    "Span",
    "UnsupportedInputError",
    "__version__",
    "analyze",
    "load",
    "rank",
    "read",
}


def test_public_surface_is_exactly_what_is_meant() -> None:
    assert set(newsprobe.__all__) == PUBLIC
    assert len(newsprobe.__all__) == len(PUBLIC), "a name is listed twice in __all__"
    for name in newsprobe.__all__:
        assert hasattr(newsprobe, name), name


def test_analyzers_package_exports_the_contract_and_the_pipeline() -> None:
    import newsprobe.analyzers as analyzers

    assert set(analyzers.__all__) == {"Analyzer", "Context", "Pipeline"}
    assert newsprobe.Pipeline is analyzers.Pipeline
    assert newsprobe.Analyzer is analyzers.Analyzer
    assert newsprobe.Context is analyzers.Context


def test_the_corpus_is_public_and_imported_only_when_used() -> None:
    code = (
        "import sys\n"
        "import newsprobe\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy was imported'\n"
        "from newsprobe.corpus import Corpus\n"
        "assert newsprobe.Corpus is Corpus\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


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
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy was imported'\n"
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
