"""IndexReader: one published generation, opened read-only, for search and lookup.

A reader keeps the generation it opened even after writers publish newer ones (the files stay
readable through the open handles), so a long-lived app answers from a consistent snapshot and
reloads when current_generation() changes.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from healthqa.errors import IndexCorrupt, IndexNotBuilt
from index.embedder import Vectors
from index.generations import (
    CURRENT_FILE,
    SQLITE_FILE,
    VECTORS_FILE,
    current_generation,
    generation_dir,
    index_exists,
)
from index.manifest import check_manifest, read_manifest
from index.records import DocumentRecord, IndexStats, Manifest, StoredChunk
from index.schema import (
    DOCUMENT_COLUMNS,
    STORED_CHUNK_SELECT,
    document_from_row,
    stored_chunk_from_row,
)
from index.vectors import from_blob, read_vector_index, reconstruct, search

__all__ = ["IndexReader", "current_generation", "index_exists"]

# FTS5 query syntax never reaches MATCH: terms are cut to word characters and each is quoted.
_WORD = re.compile(r"\w+")
_VOCABULARY_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
# A long pasted question OR-ed term by term gets slow and no more precise.
MAX_QUERY_TERMS = 32
# FTS5 computes BM25 for every matching row, so a word found in a large share of chunks makes a
# query slow while adding little to the ranking (its idf is near zero). Such words are dropped
# when rarer ones remain: on MedQuAD chunks with MEDIQA questions this kept 98% of the exact
# BM25 top 10 inside the top 40 and more than halved the median latency.
COMMON_WORD_FRACTION = 0.25
# Below this many matching rows a word costs about a millisecond, so it is always kept and small
# indexes are searched exactly.
ALWAYS_KEEP_BELOW = 1000
_MAX_CACHED_WORDS = 100_000
_BATCH = 500
_OPEN_ATTEMPTS = 3


class ConnectionPool:
    """Read-only connections to one generation's database, one per caller at a time.

    Streamlit shares one cached reader between sessions, i.e. threads. SQLite runs a query
    without holding the GIL, so with a connection each, two visitors' searches run on two cores
    instead of queueing on one connection's lock. Connections are reused, so a pool holds as
    many as were ever busy at once.
    """

    def __init__(self, uri: str, first: sqlite3.Connection) -> None:
        self._uri = uri
        self._idle = [first]
        self._lock = threading.Lock()
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed index reader.")
            db = self._idle.pop() if self._idle else None
        if db is None:
            db = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
        try:
            yield db
        finally:
            with self._lock:
                if self._closed:
                    db.close()
                else:
                    self._idle.append(db)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for db in idle:
            db.close()


class IndexReader(AbstractContextManager["IndexReader"]):
    def __init__(
        self,
        *,
        index_dir: Path,
        generation: int,
        manifest: Manifest,
        connections: ConnectionPool,
        vectors: Any,
        size_bytes: int,
    ) -> None:
        self.index_dir = index_dir
        self.generation = generation
        self.manifest = manifest
        self._pool = connections
        self._vectors = vectors
        self._size_bytes = size_bytes
        self._chunk_count = int(vectors.ntotal)
        self._document_frequency: dict[str, int] = {}
        self._vocabulary_lock = threading.Lock()
        self._vocabulary: Counter[str] | None = None

    @classmethod
    def open(cls, index_dir: Path, expected: Manifest | None = None) -> IndexReader:
        index_dir = Path(index_dir)
        for _ in range(_OPEN_ATTEMPTS):
            number = current_generation(index_dir)
            if number is None:
                raise IndexNotBuilt(
                    f"There is no index at {index_dir} yet; build one with `healthqa ingest PATH`."
                )
            try:
                return cls._open_generation(index_dir, number, expected)
            except IndexCorrupt:
                # Writers may have published twice and pruned this generation between our read
                # of CURRENT and opening its files; only a CURRENT that stayed put is corrupt.
                if current_generation(index_dir) == number:
                    raise
        raise IndexCorrupt(f"The index at {index_dir} kept changing while it was being opened.")

    @classmethod
    def _open_generation(
        cls, index_dir: Path, number: int, expected: Manifest | None
    ) -> IndexReader:
        directory = generation_dir(index_dir, number)
        if not directory.is_dir():
            raise IndexCorrupt(
                f"{index_dir / CURRENT_FILE} names {directory.name}, which is missing."
            )
        manifest = read_manifest(directory)
        if expected is not None:
            check_manifest(index_dir, manifest, expected)
        size_bytes = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
        vectors = read_vector_index(directory / VECTORS_FILE, manifest.dimension)
        uri = (directory / SQLITE_FILE).resolve().as_uri() + "?mode=ro&immutable=1"
        try:
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            (rows,) = connection.execute("SELECT count(*) FROM chunks").fetchone()
        except sqlite3.DatabaseError as error:
            raise IndexCorrupt(
                f"The index database in {directory} cannot be read ({error})."
            ) from None
        if rows != vectors.ntotal:
            connection.close()
            raise IndexCorrupt(
                f"The index in {directory} holds {rows} chunks but {vectors.ntotal} vectors."
            )
        return cls(
            index_dir=index_dir,
            generation=number,
            manifest=manifest,
            connections=ConnectionPool(uri, connection),
            vectors=vectors,
            size_bytes=size_bytes,
        )

    def dense_search(self, vector: Vectors, k: int) -> list[tuple[int, float]]:
        """The k chunks nearest `vector` as (chunk_id, cosine), best first."""
        return search(self._vectors, vector, k)

    def lexical_search(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """BM25 over title, heading and text, any term matching; (chunk_id, score), best first."""
        words = list(dict.fromkeys(w for term in terms for w in _WORD.findall(term)))
        if not words or k < 1:
            return []
        with self._pool.connection() as db:
            words = self._without_common_words(db, words[:MAX_QUERY_TERMS])
            query = " OR ".join(f'"{word}"' for word in words)
            rows = db.execute(
                "SELECT rowid, rank FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, k),
            ).fetchall()
        # FTS5's bm25 is lower-is-better; callers rank higher-is-better.
        return [(int(rowid), -float(rank)) for rowid, rank in rows]

    def chunks(self, chunk_ids: Sequence[int]) -> list[StoredChunk]:
        """The chunks in the order asked; KeyError names ids this generation does not hold."""
        found: dict[int, StoredChunk] = {}
        for rows in self._by_ids(STORED_CHUNK_SELECT + " WHERE c.chunk_id IN ({})", chunk_ids):
            for row in rows:
                stored = stored_chunk_from_row(row)
                found[stored.chunk_id] = stored
        _require_all(chunk_ids, found)
        return [found[i] for i in chunk_ids]

    def vectors(self, chunk_ids: Sequence[int]) -> Vectors:
        return reconstruct(self._vectors, chunk_ids)

    def sentence_vectors(self, chunk_ids: Sequence[int]) -> dict[int, Vectors]:
        """Per chunk, one float32 row per sentence span, in span order."""
        dimension = self.manifest.dimension
        found: dict[int, Vectors] = {}
        select = "SELECT chunk_id, sentence_vectors FROM chunks WHERE chunk_id IN ({})"
        for rows in self._by_ids(select, chunk_ids):
            for chunk_id, blob in rows:
                found[int(chunk_id)] = from_blob(blob, dimension)
        _require_all(chunk_ids, found)
        return found

    def header_vectors(self, sections: Sequence[tuple[str, int]]) -> dict[tuple[str, int], Vectors]:
        """The header vector of each (doc_id, section_index) asked for that the index holds."""
        wanted = set(sections)
        found: dict[tuple[str, int], Vectors] = {}
        doc_ids = sorted({doc_id for doc_id, _ in wanted})
        for start in range(0, len(doc_ids), _BATCH):
            batch = doc_ids[start : start + _BATCH]
            marks = ", ".join("?" * len(batch))
            with self._pool.connection() as db:
                rows = db.execute(
                    "SELECT doc_id, section_index, vector FROM sections "
                    f"WHERE doc_id IN ({marks})",
                    batch,
                ).fetchall()
            for doc_id, index, blob in rows:
                if (doc_id, index) in wanted:
                    found[(doc_id, index)] = from_blob(blob, self.manifest.dimension)[0]
        return found

    def sections_of(self, doc_id: str) -> dict[int, tuple[str, Vectors]]:
        """Per section index, the header text and vector, as upsert() takes them."""
        with self._pool.connection() as db:
            rows = db.execute(
                "SELECT section_index, header, vector FROM sections WHERE doc_id = ?", (doc_id,)
            ).fetchall()
        dimension = self.manifest.dimension
        return {int(i): (header, from_blob(blob, dimension)[0]) for i, header, blob in rows}

    def vocabulary(self) -> Mapping[str, int]:
        """How often each lower-case word occurs in the indexed text (built once per reader, for
        spelling correction of questions)."""
        with self._vocabulary_lock, self._pool.connection() as db:
            if self._vocabulary is None:
                counts: Counter[str] = Counter()
                rows = db.execute("SELECT title || ' ' || section || ' ' || text FROM chunks")
                for (text,) in rows:
                    counts.update(_VOCABULARY_WORD.findall(text.lower()))
                self._vocabulary = counts
            return self._vocabulary

    def documents(self) -> list[DocumentRecord]:
        with self._pool.connection() as db:
            rows = db.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY doc_id"
            ).fetchall()
        return [document_from_row(row) for row in rows]

    def document(self, doc_id: str) -> DocumentRecord | None:
        with self._pool.connection() as db:
            row = db.execute(
                f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
        return None if row is None else document_from_row(row)

    def chunks_of(self, doc_id: str) -> list[StoredChunk]:
        with self._pool.connection() as db:
            rows = db.execute(
                STORED_CHUNK_SELECT + " WHERE c.doc_id = ? ORDER BY c.ordinal", (doc_id,)
            ).fetchall()
        return [stored_chunk_from_row(row) for row in rows]

    def stats(self) -> IndexStats:
        with self._pool.connection() as db:
            (documents,) = db.execute("SELECT count(*) FROM documents").fetchone()
        return IndexStats(
            documents=int(documents),
            chunks=int(self._vectors.ntotal),
            model=self.manifest.model_name,
            bytes=self._size_bytes,
            generation=self.generation,
        )

    def close(self) -> None:
        self._pool.close()

    def __exit__(self, *_: object) -> None:
        self.close()

    def _without_common_words(self, db: sqlite3.Connection, words: list[str]) -> list[str]:
        frequency = {word: self._frequency(db, word) for word in words}
        limit = max(COMMON_WORD_FRACTION * self._chunk_count, ALWAYS_KEEP_BELOW)
        kept = [word for word in words if 0 < frequency[word] <= limit]
        if kept:
            return kept
        found = [word for word in words if frequency[word] > 0]
        return [min(found, key=frequency.__getitem__)] if found else words[:1]

    def _frequency(self, db: sqlite3.Connection, word: str) -> int:
        """Chunks containing `word` (after stemming); a generation never changes, so cached
        (concurrent callers may both count a new word; they store the same number)."""
        if word not in self._document_frequency:
            if len(self._document_frequency) >= _MAX_CACHED_WORDS:
                self._document_frequency.clear()
            (count,) = db.execute(
                "SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (f'"{word}"',)
            ).fetchone()
            self._document_frequency[word] = int(count)
        return self._document_frequency[word]

    def _by_ids(self, select: str, chunk_ids: Sequence[int]) -> Iterator[list[Any]]:
        unique = list(dict.fromkeys(int(i) for i in chunk_ids))
        for start in range(0, len(unique), _BATCH):
            batch = unique[start : start + _BATCH]
            sql = select.format(", ".join("?" * len(batch)))
            with self._pool.connection() as db:
                rows = db.execute(sql, batch).fetchall()
            yield rows


def _require_all(chunk_ids: Sequence[int], found: dict[int, Any]) -> None:
    missing = [i for i in chunk_ids if i not in found]
    if missing:
        raise KeyError(f"no chunks with ids {missing[:10]} in this index generation")
