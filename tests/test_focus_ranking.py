"""The ranking's focus term: a passage that names the question's topic gains exactly the focus
weight; one that does not, nothing; and a question with no distinctive topic ranks as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.hybrid import HybridRetriever, RankingWeights
from assistant.understanding.question import analyze
from healthqa.settings import Settings
from index.embedder import Embedder
from index.reader import IndexReader
from ingest.pipeline import ingest_paths

ARTICLES = {
    "heart-attack.md": """# Heart attack

## Causes

Most heart attacks happen when a blood clot blocks blood flow in a coronary artery. A spasm of
the artery can also cut off blood flow to the heart muscle.
""",
    "acid-reflux.md": """# Acid reflux

## Why it happens

Stomach acid flows back up into the food pipe when the muscle at its lower end relaxes at the
wrong time. This causes heartburn, a burning feeling behind the breastbone.
""",
}


@pytest.fixture(scope="module")
def reader(tmp_path_factory, embedder) -> IndexReader:
    root = tmp_path_factory.mktemp("focus")
    folder = root / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(data_dir=root, index_dir=root / "index")
    assert not ingest_paths([folder], settings=settings, embedder=embedder).failed
    return IndexReader.open(Path(settings.index_location))


def scores(reader: IndexReader, embedder: Embedder, question: str, focus: float) -> dict:
    retriever = HybridRetriever(reader, embedder, weights=RankingWeights(focus=focus))
    return {p.stored.chunk.title: p.score for p in retriever.search(analyze(question)).passages}


def test_only_a_passage_naming_the_topic_gains_the_focus_weight(reader, embedder):
    without = scores(reader, embedder, "what causes heartburn", focus=0.0)
    with_focus = scores(reader, embedder, "what causes heartburn", focus=0.1)
    assert with_focus["Acid reflux"] - without["Acid reflux"] == pytest.approx(0.1, abs=1e-6)
    assert with_focus["Heart attack"] == pytest.approx(without["Heart attack"], abs=1e-6)


def test_a_question_without_a_distinctive_topic_ranks_as_before(reader, embedder):
    question = "what causes it?"
    assert scores(reader, embedder, question, 0.1) == scores(reader, embedder, question, 0.0)
