"""An evaluation index whose first build was stopped is built again, not reported missing."""

from __future__ import annotations

from pathlib import Path

from healthqa.evaluation.indexes import ensure_index, index_is_empty
from healthqa.settings import Settings
from index.reader import IndexReader
from tests.support.cli import write


def test_a_build_stopped_before_its_first_generation_is_redone(tmp_path: Path, embedder) -> None:
    index_dir = tmp_path / "eval-index" / "tiny"
    (index_dir / ".tmp-4242-interrupted").mkdir(parents=True)
    (index_dir / ".tmp-4242-interrupted" / "chunks.sqlite").write_bytes(b"half written")
    (index_dir / ".lock").touch()
    assert index_is_empty(index_dir)

    write(tmp_path / "articles", {"chilblains": "Warm the skin slowly. "})
    settings = Settings(data_dir=tmp_path, index_dir=index_dir)
    assert ensure_index([tmp_path / "articles"], settings, embedder)
    assert not index_is_empty(index_dir)
    assert not list(index_dir.glob(".tmp-*"))
    assert len(IndexReader.open(index_dir).documents()) == 1


def test_a_folder_holding_other_files_is_not_taken_for_an_empty_index(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert not index_is_empty(tmp_path)
