"""What only the PostgreSQL index has: versioned migrations, a transaction per batch of
documents, chunks kept readable by id for a while after a replace, a password never shown."""

from __future__ import annotations

import gc
import time
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from psycopg import sql

from healthqa.errors import IndexMismatch
from index.location import current_generation, describe, open_reader, open_writer
from index.postgres.connection import DatabaseUnavailable, connect, shown
from index.postgres.migrations import (
    MigrationFailed,
    applied_version,
    latest_version,
    migrate,
    migrations,
)
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
        assert migrate(connection, url) == list(range(1, latest_version() + 1))
        assert migrate(connection, url) == []
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
        # ... or the other partial index read whole
        with connection.transaction(force_rollback=True):
            connection.execute("DROP INDEX chunks_live_by_doc")
            dense = connection.execute(
                sql.SQL(
                    "EXPLAIN SELECT chunk_id FROM chunks WHERE retired_at IS NULL "
                    "ORDER BY embedding <=> {} LIMIT 5"
                ).format(vector)
            ).fetchall()
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
        # the first two documents are committed as one batch; the third waits for commit(),
        # which also completes the first generation
        assert current_generation(url) is None
        with connect(url) as connection:
            (documents,) = connection.execute("SELECT count(*) FROM documents").fetchone()
        assert documents == 2
        assert writer.commit() == 1
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b", "c"]


def test_abort_discards_only_the_batch_in_progress(url):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("first"))
        writer.commit()
    with PostgresWriter.open(url, MANIFEST, batch_documents=2) as writer:
        for name in ("a", "b", "c"):
            upsert(writer, sample(name))
        writer.abort()
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "b", "first"]
        assert reader.generation == 1


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


def test_an_unreachable_database_is_one_sentence_without_the_password():
    url = "postgresql://healthqa:s3cret@127.0.0.1:1/index?connect_timeout=2"
    with pytest.raises(DatabaseUnavailable, match="cannot be reached") as caught:
        open_reader(url)
    assert "s3cret" not in str(caught.value)
    with pytest.raises(DatabaseUnavailable):
        open_writer(url, MANIFEST)


def test_a_reader_carries_on_after_the_server_drops_its_connections(url, pg_server):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        writer.commit()
    with open_reader(url) as reader:
        assert reader.documents()
        database = urlsplit(url).path.lstrip("/")
        with connect(pg_server, vectors=False) as admin:
            dropped = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            ).fetchall()
        assert dropped
        assert [d.doc_id for d in reader.documents()] == ["a"]
        assert reader.dense_search(sample("a").vectors[0], 1)


def test_a_reader_nobody_holds_any_more_gives_its_connections_back(url, pg_server):
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        writer.commit()
    database = urlsplit(url).path.lstrip("/")

    def connections() -> int:
        with connect(pg_server, vectors=False) as admin:
            row = admin.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            ).fetchone()
        return int(row[0])

    reader = open_reader(url)
    assert reader.documents()
    assert connections() >= 1
    del reader  # as the app drops a superseded generation's assistant
    gc.collect()
    deadline = time.monotonic() + 5
    while connections() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert connections() == 0


def test_a_user_who_may_not_create_tables_gets_one_sentence_and_an_unchanged_schema(url):
    with connect(url, vectors=False) as admin:
        admin.execute("DROP ROLE IF EXISTS healthqa_visitor")
        admin.execute("CREATE ROLE healthqa_visitor LOGIN")
    parts = urlsplit(url)
    visitor = urlunsplit(parts._replace(netloc=f"healthqa_visitor@{parts.hostname or ''}"))
    with pytest.raises(MigrationFailed, match="could not be migrated") as caught:
        open_writer(visitor, MANIFEST)
    assert "permission denied" in str(caught.value)
    with connect(url, vectors=False) as admin:
        assert applied_version(admin) == 0
        admin.execute("DROP OWNED BY healthqa_visitor")
        admin.execute("DROP ROLE healthqa_visitor")


def test_a_document_the_database_refuses_leaves_the_rest_of_the_batch_whole(url):
    bad = sample("bad", 2)
    bad = replace(bad, chunks=[replace(bad.chunks[0], page=2**40), *bad.chunks[1:]])
    with open_writer(url, MANIFEST) as writer:
        upsert(writer, sample("a"))
        with pytest.raises(psycopg.errors.NumericValueOutOfRange):
            upsert(writer, bad)  # a page number beyond PostgreSQL's integer
        assert "bad" not in writer.documents()
        upsert(writer, sample("c"))
        writer.commit()
    with open_reader(url) as reader:
        assert [d.doc_id for d in reader.documents()] == ["a", "c"]
        assert reader.chunks_of("bad") == []
        assert reader.stats().chunks == 6
