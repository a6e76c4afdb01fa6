"""The SQLite side of a generation: tables, and conversion between rows and records.

Chunk text lives once, in `chunks`; the FTS5 table indexes it as external content, so the text is
not stored twice. Sentence vectors are float16 blobs (half the bytes; cosine ranking of
sentences is unaffected at that precision).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from index.records import Chunk, DocumentRecord, StoredChunk

# Title and section heading say what a chunk is about more reliably than any one body word.
BM25_WEIGHTS = (3.0, 2.0, 1.0)

_DDL = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    url TEXT,
    source TEXT,
    reviewed TEXT,
    path TEXT,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    metadata TEXT NOT NULL
);
CREATE TABLE chunks (
    chunk_id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    ordinal INTEGER NOT NULL,
    section_index INTEGER NOT NULL,
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    url TEXT,
    page INTEGER,
    sentence_spans TEXT NOT NULL,
    sentence_vectors BLOB NOT NULL,
    metadata TEXT NOT NULL
);
CREATE INDEX chunks_by_doc ON chunks(doc_id, ordinal);
-- One row per article section: the vector of its header (title and heading), so a question can
-- be matched against what a section is about ("Glaucoma. What are the symptoms of Glaucoma?").
CREATE TABLE sections (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id),
    section_index INTEGER NOT NULL,
    header TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (doc_id, section_index)
);
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    title, section, text,
    content='chunks', content_rowid='chunk_id',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO chunks_fts(chunks_fts, rank)
    VALUES ('rank', 'bm25({", ".join(map(str, BM25_WEIGHTS))})');
"""

NEXT_CHUNK_ID = "next_chunk_id"

DOCUMENT_COLUMNS = (
    "doc_id, title, url, source, reviewed, path, content_hash, version, ingested_at, "
    "chunk_count, metadata"
)
CHUNK_COLUMNS = (
    'chunk_id, doc_id, ordinal, section_index, title, section, text, start, "end", url, page, '
    "sentence_spans, sentence_vectors, metadata"
)
# What StoredChunk needs: every chunk column but the vectors, plus the document's provenance.
STORED_CHUNK_SELECT = (
    "SELECT c.chunk_id, c.doc_id, c.ordinal, c.section_index, c.title, c.section, c.text, "
    'c.start, c."end", c.url, c.page, c.sentence_spans, c.metadata, d.source, d.reviewed '
    "FROM chunks c JOIN documents d ON d.doc_id = c.doc_id"
)


def create_schema(connection: sqlite3.Connection) -> None:
    connection.executescript(_DDL)
    connection.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (NEXT_CHUNK_ID,))


def read_meta_int(connection: sqlite3.Connection, key: str) -> int:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    if row is None:
        raise KeyError(key)
    return int(row[0])


def write_meta_int(connection: sqlite3.Connection, key: str, value: int) -> None:
    connection.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, str(value)),
    )


def document_row(record: DocumentRecord) -> tuple[Any, ...]:
    return (
        record.doc_id,
        record.title,
        record.url,
        record.source,
        record.reviewed,
        record.path,
        record.content_hash,
        record.version,
        record.ingested_at,
        record.chunk_count,
        _dump_metadata(record.metadata),
    )


def document_from_row(row: tuple[Any, ...]) -> DocumentRecord:
    doc_id, title, url, source, reviewed, path, content_hash, version, ingested_at, count, meta = (
        row
    )
    return DocumentRecord(
        doc_id=doc_id,
        title=title,
        content_hash=content_hash,
        url=url,
        source=source,
        reviewed=reviewed,
        path=path,
        version=int(version),
        ingested_at=ingested_at,
        chunk_count=int(count),
        metadata=_load_metadata(meta),
    )


def chunk_row(chunk_id: int, chunk: Chunk, sentence_vectors: bytes) -> tuple[Any, ...]:
    return (chunk_id, *chunk_values(chunk, sentence_vectors))


def chunk_values(chunk: Chunk, sentence_vectors: bytes) -> tuple[Any, ...]:
    """A chunk's columns after its id, in CHUNK_COLUMNS' order (the PostgreSQL index stores the
    same columns in the same order)."""
    return (
        chunk.doc_id,
        chunk.ordinal,
        chunk.section_index,
        chunk.title,
        chunk.section,
        chunk.text,
        chunk.start,
        chunk.end,
        chunk.url,
        chunk.page,
        json.dumps([list(span) for span in chunk.sentence_spans]),
        sentence_vectors,
        _dump_metadata(chunk.metadata),
    )


def stored_chunk_from_row(row: tuple[Any, ...]) -> StoredChunk:
    (chunk_id, doc_id, ordinal, section_index, title, section, text, start, end, url, page,
     spans, meta, source, reviewed) = row  # fmt: skip
    chunk = Chunk(
        doc_id=doc_id,
        ordinal=int(ordinal),
        section_index=int(section_index),
        text=text,
        title=title,
        section=section,
        start=int(start),
        end=int(end),
        sentence_spans=tuple((int(s), int(e)) for s, e in json.loads(spans)),
        url=url,
        page=None if page is None else int(page),
        metadata=_load_metadata(meta),
    )
    return StoredChunk(chunk_id=int(chunk_id), chunk=chunk, source=source, reviewed=reviewed)


def _dump_metadata(metadata: Mapping[str, str]) -> str:
    return json.dumps(dict(metadata), sort_keys=True, ensure_ascii=False)


def _load_metadata(text: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in json.loads(text).items()}


def connect_working_copy(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    # The working copy is thrown away if anything fails, so it needs no crash safety of its own;
    # durability comes from fsync + rename at publish time.
    connection.execute("PRAGMA journal_mode=MEMORY")
    connection.execute("PRAGMA synchronous=OFF")
    return connection


def insert_chunks(
    connection: sqlite3.Connection,
    ids: Sequence[int],
    chunks: Sequence[Chunk],
    blobs: Sequence[bytes],
) -> None:
    connection.executemany(
        f"INSERT INTO chunks({CHUNK_COLUMNS}) VALUES ({placeholders(14)})",
        [chunk_row(i, c, b) for i, c, b in zip(ids, chunks, blobs, strict=True)],
    )
    connection.executemany(
        "INSERT INTO chunks_fts(rowid, title, section, text) VALUES (?, ?, ?, ?)",
        [(i, c.title, c.section, c.text) for i, c in zip(ids, chunks, strict=True)],
    )


def placeholders(n: int) -> str:
    return ", ".join("?" * n)
