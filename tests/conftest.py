"""Shared fixtures: the real embedding model (loaded once) and the location of ../shared/data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from assistant.service import Assistant, build_assistant
from assistant.triage.classifier import TriageClassifier, load_triage
from healthqa.settings import default_embedding_model
from index.embedder import SentenceTransformerEmbedder
from tests.support.kb import build_index
from tests.support.postgres import server_url

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("HEALTHQA_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Property tests explore the same examples on every run, so CI never fails on a lucky draw;
# `--hypothesis-profile explore` searches afresh when hunting for new counterexamples.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None)
hypothesis_settings.register_profile("explore", deadline=None)
hypothesis_settings.load_profile(os.environ.get("HEALTHQA_HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED_DATA.is_dir():
        return
    skip = pytest.mark.skip(
        reason=f"needs the shared data folder ({SHARED_DATA}); set HEALTHQA_SHARED_DATA to run it"
    )
    for item in items:
        if "shared_data" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return SHARED_DATA


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def embedder() -> SentenceTransformerEmbedder:
    """The real all-MiniLM-L6-v2, loaded once for the whole session."""
    return SentenceTransformerEmbedder(default_embedding_model())


@pytest.fixture(scope="session")
def triage(embedder: SentenceTransformerEmbedder) -> TriageClassifier:
    """The shipped triage model over the real embedder, loaded once."""
    return load_triage(embedder)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, embedder) -> Assistant:
    """The assistant over the team's fixture articles (plus the seed article when present)."""
    seed = SHARED_DATA / "seed"
    extra = [seed] if seed.is_dir() else []
    settings = build_index(tmp_path_factory.mktemp("kb"), embedder, extra)
    return build_assistant(settings, embedder=embedder)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory) -> Iterator[str]:
    """A PostgreSQL server with pgvector (HEALTHQA_TEST_PG_URL, else pgserver's), started on
    first use and stopped at the end of the session; tests make their own databases on it."""
    with server_url(tmp_path_factory.mktemp("postgres")) as url:
        yield url
