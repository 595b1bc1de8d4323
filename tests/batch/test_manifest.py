"""The manifest: settings kept, finished partitions compacted, errors cut back on resume."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from newsprobe.batch.manifest import InputState, Manifest, replace_file
from newsprobe.errors import ConfigError

SETTINGS = {"newsprobe_version": "0.1.0", "analyzers": None, "partition_size": 4}


def test_finished_partitions_are_kept_as_a_prefix_and_the_few_out_of_order() -> None:
    state = InputState(key="/data/crawl.warc.gz", id="abc")
    for number in (1, 3, 0, 4):
        state.mark_done(number)
    assert (state.done_below, state.done) == (2, {3, 4})
    assert [state.is_done(n) for n in range(6)] == [True, True, False, True, True, False]
    state.mark_done(2)
    assert (state.done_below, state.done) == (5, set())
    state.partitions = 5
    assert state.complete


def test_a_manifest_survives_a_reload(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    source.write_text('{"text": "x"}\n')
    manifest = Manifest(tmp_path / "out", SETTINGS)
    state = manifest.input(str(source))
    state.mark_done(0)
    state.mark_done(2)
    manifest.append_errors(['{"input": "wire.jsonl", "record": 5}'])
    manifest.broken = 2  # analyses with a failed analyzer: the resumed run's exit status
    manifest.commit()

    again = Manifest(tmp_path / "out", SETTINGS)
    assert again.resumed
    assert again.broken == 2
    reloaded = again.input(str(source))
    assert (reloaded.done_below, reloaded.done, reloaded.id) == (1, {2}, state.id)
    assert again.errors_bytes == (tmp_path / "out" / "errors.jsonl").stat().st_size


def test_error_lines_written_after_the_last_commit_are_cut(tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = Manifest(out, SETTINGS)
    manifest.append_errors(['{"record": 1}'])
    manifest.commit()
    manifest.append_errors(['{"record": 2}'])  # the run is killed before its commit
    (out / ".manifest.json.tmp").write_text("half")
    resumed = Manifest(out, SETTINGS)
    assert (out / "errors.jsonl").read_text() == '{"record": 1}\n'
    assert not (out / ".manifest.json.tmp").exists()
    # The resumed run's exit status counts the earlier run's committed error lines.
    assert resumed.error_lines() == 1
    resumed.append_errors(['{"record": 3}', '{"record": 4}'])
    assert resumed.error_lines() == 3


def test_other_settings_or_a_foreign_folder_are_refused(tmp_path: Path) -> None:
    Manifest(tmp_path / "out", SETTINGS).commit()
    with pytest.raises(ConfigError, match=r"partition_size: 4 then, 8 now"):
        Manifest(tmp_path / "out", {**SETTINGS, "partition_size": 8})
    foreign = tmp_path / "photos"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(ConfigError, match="not empty and holds no batch run"):
        Manifest(foreign, SETTINGS)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text("{")
    with pytest.raises(ConfigError, match="not a newsprobe batch manifest"):
        Manifest(broken, SETTINGS)


def test_an_input_that_changed_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    source.write_text('{"text": "one"}\n')
    manifest = Manifest(tmp_path / "out", SETTINGS)
    manifest.input(str(source))
    manifest.commit()
    source.write_text('{"text": "one"}\n{"text": "two"}\n')
    with pytest.raises(ConfigError, match="changed since the run"):
        Manifest(tmp_path / "out", SETTINGS).input(str(source))


def test_replace_file_leaves_no_temporary_and_replaces_whole(tmp_path: Path) -> None:
    target = tmp_path / "manifest.json"
    replace_file(target, b'{"a": 1}')
    replace_file(target, b'{"a": 2}')
    assert json.loads(target.read_text()) == {"a": 2}
    assert os.listdir(tmp_path) == ["manifest.json"]
