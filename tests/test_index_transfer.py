"""`healthqa index export|import|copy`: an embedded index of the team's fixture articles moved
into PostgreSQL and back into a folder, with no model run, holds the same documents, chunks,
vectors and section headers, finds the same passages and gives the same answers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from assistant.answer import Answer
from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.cli.main import healthqa
from healthqa.errors import IndexTransferError
from healthqa.settings import Settings
from index.embedder import Embedder
from index.location import IndexLocation, index_exists, open_reader
from index.postgres.writer import PostgresWriter
from index.protocols import IndexReading
from index.transfer import copy_index
from tests.support.cli import run
from tests.support.kb import build_index
from tests.support.postgres import fresh_database
from tests.support.records import MANIFEST, build, sample, upsert

pytestmark = pytest.mark.slow

QUESTIONS = ("What causes gout?", "How is asthma treated?", "Is shingles contagious?")


def test_an_index_moved_to_postgres_and_back_reads_searches_and_answers_the_same(
    tmp_path, embedder, pg_server
):
    original = build_index(tmp_path / "embedded", embedder, []).index_location
    database, back = fresh_database(pg_server), tmp_path / "back" / "index"

    exported = run("index", "export", database, "--index", str(original))
    assert exported.exit_code == 0, exported.output
    assert "to postgresql://" in exported.output
    assert "generation 1 there" in exported.output
    imported = run("index", "import", database, "--index", str(back))
    assert imported.exit_code == 0, imported.output

    with (
        open_reader(original) as first,
        open_reader(database) as postgres,
        open_reader(back) as returned,
    ):
        for copy in (postgres, returned):
            assert copy.manifest == first.manifest
            assert contents(copy) == contents(first)
            assert (copy.stats().documents, copy.stats().chunks) == (
                first.stats().documents,
                first.stats().chunks,
            )
        queries = embedder.embed_queries(list(QUESTIONS))
        for query in queries:
            assert dense(postgres, query) == dense(first, query)
            assert dense(returned, query) == dense(first, query)
        for question in QUESTIONS:  # PostgreSQL ranks words by another formula
            words = question.rstrip("?").split()
            assert lexical(returned, words) == lexical(first, words)

    answers = {
        name: [shown(a) for a in answers_from(location, tmp_path, embedder)]
        for name, location in (("first", original), ("postgres", database), ("back", back))
    }
    assert not any(a[2] for a in answers["first"])  # answered, not abstained
    assert answers["postgres"] == answers["first"]
    assert answers["back"] == answers["first"]


def test_a_copy_never_lands_on_an_index_or_on_itself(tmp_path):
    index, other = tmp_path / "index", tmp_path / "other"
    build(index, [sample("a")])
    build(other, [sample("b")])
    with pytest.raises(IndexTransferError, match="onto itself"):
        copy_index(index, tmp_path / "other" / ".." / "index")
    result = CliRunner().invoke(healthqa, ["index", "copy", str(index), str(other)])
    assert isinstance(result.exception, IndexTransferError)
    assert "There is an index at" in str(result.exception)


def contents(reader: IndexReading) -> list[tuple[object, ...]]:
    """Everything a copy must carry, keyed by document (chunk ids are each index's own)."""
    found: list[tuple[object, ...]] = []
    for record in reader.documents():
        stored = reader.chunks_of(record.doc_id)
        ids = [s.chunk_id for s in stored]
        sentences = reader.sentence_vectors(ids)
        sections = reader.sections_of(record.doc_id)
        found.append(
            (
                record,
                [(s.chunk, s.source, s.reviewed) for s in stored],
                reader.vectors(ids).tobytes(),
                [sentences[i].tobytes() for i in ids],
                sorted((i, header, vector.tobytes()) for i, (header, vector) in sections.items()),
            )
        )
    assert found
    return found


def dense(reader: IndexReading, query: np.ndarray) -> list[tuple[str, int]]:
    return keyed(reader, reader.dense_search(query, 10))


def lexical(reader: IndexReading, words: list[str]) -> list[tuple[str, int]]:
    return keyed(reader, reader.lexical_search(words, 10))


def keyed(reader: IndexReading, hits: list[tuple[int, float]]) -> list[tuple[str, int]]:
    stored = reader.chunks([chunk_id for chunk_id, _ in hits])
    return [(s.chunk.doc_id, s.chunk.ordinal) for s in stored]


def answers_from(location: IndexLocation, root: Path, embedder: Embedder) -> list[Answer]:
    settings = Settings(data_dir=root, index_dir=root / "unused").with_index(location)
    assistant = build_assistant(settings, embedder=embedder)
    try:
        return [assistant.answer(Conversation(), question) for question in QUESTIONS]
    finally:
        assistant.reader.close()


def shown(answer: Answer) -> tuple[object, ...]:
    """What a reader sees of an answer: the text and where each marker points."""
    return (
        answer.text,
        [(c.n, c.doc_id, c.section, c.passage, c.spans) for c in answer.citations],
        answer.abstained,
    )


def test_a_copy_into_a_database_completes_one_that_was_cut_short(tmp_path, pg_server):
    folder, url = tmp_path / "index", fresh_database(pg_server)
    build(folder, [sample("a"), sample("b")])
    with PostgresWriter.open(url, MANIFEST, batch_documents=1) as cut_short:
        upsert(cut_short, sample("stale"))  # its batch commits; the run never completes
    assert not index_exists(url)
    copied = copy_index(folder, url)
    assert (copied.documents, copied.generation) == (2, 1)
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b"]
