"""The composed cross-checking corpus (tests/gold/corpus) is valid and ingests as written.

The validator is plain Python kept beside the data; these tests run it on each part, prove
it catches a broken surface, and check that the JSONL reader keeps every gold surface
findable in the ingested `Article.text`.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from newsprobe.ingest.options import IngestOptions
from newsprobe.ingest.records import record_to_article

CORPUS_DIR = Path(__file__).resolve().parent / "gold" / "corpus"
PART_NAMES = ("dev", "heldout", "probe1", "probe2")
PARTS = [p for p in (CORPUS_DIR / name for name in PART_NAMES) if p.is_dir()]


def _validator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_validate", CORPUS_DIR / "validate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


VALIDATE = _validator()


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.name)
def test_part_is_valid(part: Path) -> None:
    assert VALIDATE.validate_part(part) == []


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.name)
def test_part_covers_the_phenomena_the_issue_asks_for(part: Path) -> None:
    summary = VALIDATE.summarize(part)
    assert set(summary["languages"]) == {"en", "fr", "de", "it", "es"}
    assert summary["undated"] >= 1 and summary["without_outlet"] >= 1
    assert {"consistent", "minor_discrepancy", "contradiction"} <= set(summary["figure_values"])
    assert {"identical", "altered", "truncated", "only_here"} <= set(summary["quote_versions"])
    assert {"corroborated", "disputed", "only_here"} <= set(summary["claims"])
    assert {"cites", "wire", "copies"} <= set(summary["provenance"])
    assert summary["speculation_answered"] >= 1


def test_validator_reports_a_surface_missing_from_its_article(tmp_path: Path) -> None:
    part = tmp_path / "dev"
    shutil.copytree(CORPUS_DIR / "dev", part)
    gold = json.loads((part / "gold.json").read_text(encoding="utf-8"))
    value = gold["figures"][0]["values"][0]
    value["surface"] = "a surface no article contains"
    (part / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    problems = VALIDATE.validate_part(part)
    assert len(problems) == 1
    assert "a surface no article contains" in problems[0] and value["article"] in problems[0]


@pytest.mark.parametrize("part", PARTS, ids=lambda p: p.name)
def test_gold_surfaces_resolve_in_ingested_text(part: Path) -> None:
    records, _ = VALIDATE.load_articles(part)
    texts = {
        r["id"]: record_to_article(r, where=r["id"], options=IngestOptions()).text for r in records
    }
    gold = VALIDATE.load_gold(part)
    pairs = [(v["article"], v["surface"]) for f in gold["figures"] for v in f["values"]]
    pairs += [(v["article"], v["surface"]) for q in gold["quotes"] for v in q["versions"]]
    pairs += [(c["article"], c["surface"]) for c in gold["claims"]]
    pairs += [(e["from"], e["evidence"]) for e in gold["provenance"]]
    missing = [(a, s) for a, s in pairs if s not in texts[a]]
    assert missing == []
