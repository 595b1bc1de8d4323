"""Gold-set gates: floors and ceilings are checked, and every gate's gold data is the data
its floors were measured on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprobe.evaluation.gates import Gate, digest, load_gates
from tests.gates import GATES_FILE, gates


def test_a_gate_lists_every_figure_on_the_wrong_side() -> None:
    gate = Gate(
        "demo",
        files=(),
        sha256="",
        measured="",
        floors={"f1": 0.9, "accuracy": {"place": 0.8, "time": 0.8}, "number": [0.7, 0.7]},
        ceilings={"false_per_100_words": 0.25},
    )
    good = {
        "f1": 0.95,
        "accuracy": {"place": 0.8, "time": 0.9},
        "number": (0.7, 0.9),
        "false_per_100_words": 0.0,
    }
    assert gate.shortfalls(good) == []
    gate.check(good)
    bad = {**good, "accuracy": {"place": 0.75}, "number": (0.8, 0.6), "false_per_100_words": 1}
    assert gate.shortfalls(bad) == [
        "accuracy.place: 0.750 < 0.8",
        "accuracy.time: no such figure",
        "number[1]: 0.600 < 0.7",
        "false_per_100_words: 1.000 > 0.25",
    ]
    with pytest.raises(AssertionError, match="gate 'demo' not met"):
        gate.check(bad)


def test_the_digest_covers_names_and_contents_of_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "a.json").write_text("[1]")
    (tmp_path / "gold.json").write_text("{}")
    before = digest(tmp_path, ["gold.json", "set"])
    assert before == digest(tmp_path, ["gold.json", "set"])
    (tmp_path / "set" / "a.json").write_text("[2]")
    assert digest(tmp_path, ["gold.json", "set"]) != before
    (tmp_path / "set" / "a.json").write_text("[1]")
    (tmp_path / "set" / "README.md").write_text("what the set is")
    assert digest(tmp_path, ["gold.json", "set"]) == before, "a README is not gold data"
    (tmp_path / "set" / "a.json").rename(tmp_path / "set" / "b.json")
    assert digest(tmp_path, ["gold.json", "set"]) != before


@pytest.mark.parametrize("name", sorted(gates()))
def test_each_gate_was_measured_on_the_gold_data_as_it_is(name: str) -> None:
    gate = gates()[name]
    assert gate.floors or gate.ceilings, f"gate {name!r} has no floors"
    outside = [f for f in gate.files if f.startswith("../")]
    if outside and not all((GATES_FILE.parent / f).exists() for f in outside):
        pytest.skip(f"gate {name!r}: its public data (../shared/data) is not beside the repository")
    for file in gate.files:
        assert (GATES_FILE.parent / file).exists(), f"gate {name!r}: {file} is missing"
    current = digest(GATES_FILE.parent, gate.files)
    assert current == gate.sha256, (
        f"the gold data of gate {name!r} changed since its floors were measured: measure "
        f"again, then update its sha256 in {GATES_FILE.name} to {current}"
    )


def test_the_gates_file_reads_as_it_is_written() -> None:
    again = load_gates(GATES_FILE)
    assert again == gates()
    assert {"quantities", "entities", "events", "sensational", "hedging", "claims"} <= set(again)
