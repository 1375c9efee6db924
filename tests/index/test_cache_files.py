"""Cache files appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.cache_files import written_aside


def test_a_finished_write_is_renamed_into_place(tmp_path: Path) -> None:
    target = tmp_path / "made" / "table.npy"
    with written_aside(target) as partial:
        partial.write_bytes(b"whole")
        assert not target.exists()
    assert target.read_bytes() == b"whole"
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_leaves_neither_the_file_nor_its_part(tmp_path: Path) -> None:
    target = tmp_path / "graph.onnx"
    with pytest.raises(RuntimeError), written_aside(target) as partial:
        partial.write_bytes(b"half")
        raise RuntimeError("export failed")
    assert list(tmp_path.iterdir()) == []
