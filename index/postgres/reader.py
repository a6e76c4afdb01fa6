"""PostgresReader: dense (pgvector HNSW, cosine) and full-text search over the live index.

Unlike an embedded generation, the database is not a frozen snapshot: each statement sees the
last committed state, and a writer replaces a document in one transaction, so a search sees the
old or the new document, never both or neither. Chunks a search returned stay readable by id for
a while after they are replaced (see the retired_at column), so the lookups that follow a search
within one retrieval find them.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import numpy as np
import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from healthqa.errors import IndexNotBuilt
from index.embedder import Vectors
from index.manifest import check_manifest
from index.postgres.connection import (
    EF_SEARCH,
    connect,
    failed,
    open_pool,
    shown,
    unavailable,
)
from index.postgres.fulltext import WordFrequencies, query_words
from index.postgres.fulltext import search as fulltext_search
from index.postgres.migrations import applied_version, require_current
from index.postgres.rows import CHUNK_SELECT, DOCUMENT_SELECT
from index.postgres.state import read_state
from index.records import DocumentRecord, IndexStats, Manifest, StoredChunk
from index.schema import document_from_row, stored_chunk_from_row
from index.vectors import as_matrix, from_blob

_VOCABULARY_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
# HNSW returns at most ef_search rows (EF_SEARCH per connection); a search for more raises it.
MAX_EF_SEARCH = 1000


class PostgresReader(AbstractContextManager["PostgresReader"]):
    def __init__(self, *, url: str, pool: ConnectionPool, manifest: Manifest, generation: int):
        self.url = url
        self.manifest = manifest
        self.generation = generation
        self._pool = pool
        # The app drops a superseded generation's assistant without closing it (sessions may
        # still be answering from it); the pool's threads and connections go with the reader.
        self._closer = weakref.finalize(self, pool.close)
        self._vocabulary_lock = threading.Lock()
        self._vocabulary: Counter[str] | None = None
        self._frequencies = WordFrequencies(self._count_chunks())

    @classmethod
    def open(cls, url: str, expected: Manifest | None = None) -> PostgresReader:
        with connect(url, vectors=False) as connection:
            if applied_version(connection) == 0:
                raise _not_built(url)
            require_current(connection, url)
            generation, manifest = read_state(connection, url)
        if manifest is None or generation == 0:
            raise _not_built(url)
        if expected is not None:
            check_manifest(shown(url), manifest, expected)
        try:
            pool = open_pool(url)
        except PoolTimeout as error:
            raise unavailable(url, error) from None
        return cls(url=url, pool=pool, manifest=manifest, generation=generation)

    def dense_search(self, vector: Vectors, k: int) -> list[tuple[int, float]]:
        """The k live chunks nearest `vector` by the HNSW index, as (chunk_id, cosine)."""
        return self._dense(vector, k, exact=False)

    def exact_search(self, vector: Vectors, k: int) -> list[tuple[int, float]]:
        """The true k nearest, by a scan of every vector (to measure what HNSW misses)."""
        return self._dense(vector, k, exact=True)

    def _dense(self, vector: Vectors, k: int, *, exact: bool) -> list[tuple[int, float]]:
        if k < 1:
            return []
        query = as_matrix(vector, rows=1, dimension=self.manifest.dimension, what="query vector")
        select = (
            "SELECT chunk_id, 1 - (embedding <=> %(q)b) FROM chunks "
            "WHERE retired_at IS NULL ORDER BY embedding <=> %(q)b LIMIT %(k)s"
        )
        parameters = {"q": query[0], "k": k}
        with self._connection() as connection:
            if not exact and k <= EF_SEARCH:
                rows = connection.execute(select, parameters).fetchall()
            else:
                with connection.transaction():
                    if exact:
                        connection.execute("SET LOCAL enable_indexscan = off")
                    connection.execute(
                        "SELECT set_config('hnsw.ef_search', %s, true)",
                        (str(min(k, MAX_EF_SEARCH)),),
                    )
                    rows = connection.execute(select, parameters).fetchall()
        return [(int(chunk_id), float(score)) for chunk_id, score in rows]

    def lexical_search(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """Full-text search, any word matching, title weighted most (index.postgres.fulltext)."""
        words = query_words(terms)
        if not words or k < 1:
            return []
        with self._connection() as connection:
            return fulltext_search(
                connection, self._frequencies.without_common(connection, words), k
            )

    def chunks(self, chunk_ids: Sequence[int]) -> list[StoredChunk]:
        """The chunks in the order asked; KeyError names ids the index does not hold."""
        rows = self._by_ids(CHUNK_SELECT + " WHERE chunk_id = ANY(%s)", chunk_ids)
        found = {int(row[0]): stored_chunk_from_row(row) for row in rows}
        _require_all(chunk_ids, found)
        return [found[int(i)] for i in chunk_ids]

    def vectors(self, chunk_ids: Sequence[int]) -> Vectors:
        if not chunk_ids:
            return np.zeros((0, self.manifest.dimension), dtype=np.float32)
        rows = self._by_ids(
            "SELECT chunk_id, embedding FROM chunks WHERE chunk_id = ANY(%s)", chunk_ids
        )
        found = {int(chunk_id): vector.to_numpy() for chunk_id, vector in rows}
        _require_all(chunk_ids, found)
        return np.asarray([found[int(i)] for i in chunk_ids], dtype=np.float32)

    def sentence_vectors(self, chunk_ids: Sequence[int]) -> dict[int, Vectors]:
        """Per chunk, one float32 row per sentence span, in span order."""
        rows = self._by_ids(
            "SELECT chunk_id, sentence_vectors FROM chunks WHERE chunk_id = ANY(%s)", chunk_ids
        )
        dimension = self.manifest.dimension
        found = {int(chunk_id): from_blob(bytes(blob), dimension) for chunk_id, blob in rows}
        _require_all(chunk_ids, found)
        return found

    def header_vectors(self, sections: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Vectors]:
        """The header vector of each (doc_id, section_index) asked for that the index holds."""
        wanted = set(sections)
        if not wanted:
            return {}
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT doc_id, section_index, vector FROM sections WHERE doc_id = ANY(%s)",
                (sorted({doc_id for doc_id, _ in wanted}),),
            ).fetchall()
        dimension = self.manifest.dimension
        return {
            (doc_id, index): from_blob(bytes(blob), dimension)[0]
            for doc_id, index, blob in rows
            if (doc_id, index) in wanted
        }

    def sections_of(self, doc_id: str) -> dict[int, tuple[str, Vectors]]:
        """Per section index, the header text and vector, as upsert() takes them."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT section_index, header, vector FROM sections WHERE doc_id = %s", (doc_id,)
            ).fetchall()
        dimension = self.manifest.dimension
        return {int(i): (header, from_blob(bytes(blob), dimension)[0]) for i, header, blob in rows}

    def vocabulary(self) -> Mapping[str, int]:
        """How often each lower-case word occurs in the live text (built once per reader)."""
        with self._vocabulary_lock:
            if self._vocabulary is None:
                counts: Counter[str] = Counter()
                with self._connection() as connection, connection.transaction():
                    cursor = connection.cursor(name="vocabulary")
                    cursor.execute(
                        "SELECT title || ' ' || section || ' ' || text FROM chunks "
                        "WHERE retired_at IS NULL"
                    )
                    for (text,) in cursor:
                        counts.update(_VOCABULARY_WORD.findall(text.lower()))
                    cursor.close()
                self._vocabulary = counts
            return self._vocabulary

    def documents(self) -> list[DocumentRecord]:
        with self._connection() as connection:
            rows = connection.execute(DOCUMENT_SELECT + " ORDER BY doc_id").fetchall()
        return [document_from_row(row) for row in rows]

    def document(self, doc_id: str) -> DocumentRecord | None:
        with self._connection() as connection:
            row = connection.execute(DOCUMENT_SELECT + " WHERE doc_id = %s", (doc_id,)).fetchone()
        return None if row is None else document_from_row(row)

    def chunks_of(self, doc_id: str) -> list[StoredChunk]:
        with self._connection() as connection:
            rows = connection.execute(
                CHUNK_SELECT + " WHERE doc_id = %s AND retired_at IS NULL ORDER BY ordinal",
                (doc_id,),
            ).fetchall()
        return [stored_chunk_from_row(row) for row in rows]

    def stats(self) -> IndexStats:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT (SELECT count(*) FROM documents), "
                "(SELECT count(*) FROM chunks WHERE retired_at IS NULL), "
                "(SELECT generation FROM index_state WHERE id = 1), "
                "pg_total_relation_size('chunks') + pg_total_relation_size('documents') "
                "+ pg_total_relation_size('sections')"
            ).fetchone()
        assert row is not None
        documents, chunks, generation, size = row
        return IndexStats(
            documents=int(documents),
            chunks=int(chunks),
            model=self.manifest.model_name,
            bytes=int(size),
            generation=int(generation),
        )

    def close(self) -> None:
        self._closer()

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        """A pooled connection; a database that cannot be reached is one sentence."""
        try:
            with self._pool.connection() as connection:
                yield connection
        except (psycopg.OperationalError, PoolTimeout) as error:
            raise failed(self.url, error) from None

    def _count_chunks(self) -> int:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT count(*) FROM chunks WHERE retired_at IS NULL"
            ).fetchone()
        return int(row[0]) if row else 0

    def _by_ids(self, select: str, chunk_ids: Sequence[int]) -> list[Any]:
        unique = list(dict.fromkeys(int(i) for i in chunk_ids))
        if not unique:
            return []
        with self._connection() as connection:
            # binary: vectors and float16 blobs arrive as bytes, not text to parse
            return connection.execute(select.encode(), (unique,), binary=True).fetchall()


def _not_built(url: str) -> IndexNotBuilt:
    return IndexNotBuilt(
        f"There is no index in the database {shown(url)} yet; build one with "
        "`healthqa ingest PATH --index URL`."
    )


def _require_all(chunk_ids: Sequence[int], found: Mapping[int, Any]) -> None:
    missing = [i for i in chunk_ids if int(i) not in found]
    if missing:
        raise KeyError(f"no chunks with ids {missing[:10]} in this index")
