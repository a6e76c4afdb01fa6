"""A small real index for assistant tests: the team's fixture articles plus, when present, the seed
article. Built once per test session with the real embedding model."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.service import Assistant, build_assistant
from healthqa.settings import Settings
from index.embedder import Embedder
from ingest.pipeline import ingest_paths

KB = Path(__file__).resolve().parents[1] / "fixtures" / "kb"


def build_index(root: Path, embedder: Embedder, extra: list[Path]) -> Settings:
    settings = Settings(data_dir=root, index_dir=root / "index")
    report = ingest_paths([KB, *extra], settings=settings, embedder=embedder)
    assert not report.failed, report.failed
    return settings


def file_name(doc_id: str) -> str:
    """The file a plain article came from: its document id is the file's absolute path."""
    return Path(doc_id).name


def build_article_index(root: Path, embedder: Embedder, name: str, text: str) -> Settings:
    """The fixture articles plus one article written for a test, saved as `name` under `root`."""
    article = root / name
    article.write_text(text, encoding="utf-8")
    return build_index(root, embedder, [article])


def build_article_assistant(
    tmp_path_factory: pytest.TempPathFactory, embedder: Embedder, name: str, text: str
) -> Assistant:
    """An assistant over the fixture articles plus one article written for a test module."""
    root = tmp_path_factory.mktemp(Path(name).stem)
    return build_assistant(build_article_index(root, embedder, name, text), embedder=embedder)
