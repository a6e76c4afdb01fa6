"""What only the PostgreSQL index has: versioned migrations, a transaction per batch of
documents, chunks kept readable by id for a while after a replace, a password never shown."""

from __future__ import annotations

import pytest
from psycopg import sql

from healthqa.errors import IndexMismatch
from index.location import current_generation, describe, open_reader, open_writer
from index.postgres.connection import connect, shown
from index.postgres.migrations import applied_version, latest_version, migrate, migrations
from index.postgres.writer import PostgresWriter
from tests.support.postgres import fresh_database
from tests.support.records import MANIFEST, sample, upsert


@pytest.fixture
def url(pg_server) -> str:
    return fresh_database(pg_server)


def test_migrations_are_numbered_files_applied_once_each(url):
    assert [m.version for m in migrations()] == list(range(1, latest_version() + 1))
    with connect(url, vectors=False) as connection:
        assert applied_version(connection) == 0
        assert migrate(connection) == list(range(1, latest_version() + 1))
        assert migrate(connection) == []
        assert applied_version(connection) == latest_version()
        rows = connection.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(m.version, m.name) for m in migrations()]


def test_a_writer_migrates_and_a_reader_refuses_a_schema_it_does_not_know(url):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        writer.commit()
    with connect(url, vectors=False) as connection:
        connection.execute(
            "INSERT INTO schema_migrations (version, name) VALUES (%s, 'future')",
            (latest_version() + 1,),
        )
    with pytest.raises(IndexMismatch, match="upgrade HealthQA"):
        open_reader(url)


def test_searches_use_the_hnsw_cosine_index_and_the_gin_text_index(url):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        writer.commit()
    vector = sql.Literal("[" + ",".join(["0.1"] * MANIFEST.dimension) + "]")
    with connect(url, vectors=False) as connection:
        indexes = dict(
            connection.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'chunks'"
            ).fetchall()
        )
        connection.execute("SET enable_seqscan = off")  # a tiny table would be scanned anyway
        dense = connection.execute(
            sql.SQL(
                "EXPLAIN SELECT chunk_id FROM chunks WHERE retired_at IS NULL "
                "ORDER BY embedding <=> {} LIMIT 5"
            ).format(vector)
        ).fetchall()
        # On a tiny table the planner would rather read the other partial index whole.
        with connection.transaction(force_rollback=True):
            connection.execute("DROP INDEX chunks_live_by_doc")
            lexical = connection.execute(
                "EXPLAIN SELECT chunk_id FROM chunks "
                "WHERE search_text @@ websearch_to_tsquery('english', 'asthma') "
                "AND retired_at IS NULL"
            ).fetchall()
    assert "hnsw (embedding vector_cosine_ops)" in indexes["chunks_embedding"]
    assert "gin (search_text)" in indexes["chunks_search_text"]
    assert "chunks_embedding" in " ".join(row[0] for row in dense)
    assert "chunks_search_text" in " ".join(row[0] for row in lexical)


def test_one_transaction_per_batch_of_documents(url):
    with PostgresWriter.open(url, MANIFEST, batch_documents=2) as writer:
        for name in ("a", "b", "c"):
            upsert(writer, sample(name))
        # the first two documents are committed as one batch; the third waits for commit()
        assert current_generation(url) == 1
        with open_reader(url) as reader:
            assert [d.doc_id for d in reader.documents()] == ["a", "b"]
        assert writer.commit() == 2
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b", "c"]


def test_abort_discards_only_the_batch_in_progress(url):
    with PostgresWriter.open(url, MANIFEST, batch_documents=2) as writer:
        for name in ("a", "b", "c"):
            upsert(writer, sample(name))
        writer.abort()
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b"]


def test_a_replaced_chunk_stays_readable_by_id_for_a_retrieval_in_flight(url):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a", 2))
        writer.commit()
    with open_reader(url) as reader:
        found = [i for i, _ in reader.dense_search(sample("a", 2).vectors[0], 1)]
        with open_writer(url, MANIFEST) as writer:
            upsert(writer, sample("a", 3, variant=1))
            writer.commit()
        # the search found the old chunk; the lookups that follow it still read it back
        assert reader.chunks(found)[0].chunk.metadata["variant"] == "0"
        assert reader.vectors(found).shape == (1, MANIFEST.dimension)
        # while every search and listing sees the new document only
        assert {s.chunk.metadata["variant"] for s in reader.chunks_of("a")} == {"1"}
        assert found[0] not in [i for i, _ in reader.dense_search(sample("a", 2).vectors[0], 10)]
        assert reader.stats().chunks == 3


def test_a_password_never_reaches_a_message():
    url = "postgresql://healthqa:s3cret@db.example.org:5432/index"
    assert "s3cret" not in shown(url)
    assert "s3cret" not in describe(url)
    assert shown("postgresql://db.example.org/index") == "postgresql://db.example.org/index"
