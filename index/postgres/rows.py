"""The PostgreSQL index's rows: the column lists its statements use, and records as rows.

Rows written and read back go through index.schema (the same columns, in the same order, as the
embedded index's SQLite rows), so both backends hand back identical records.
"""

from __future__ import annotations

from typing import Any

from index.embedder import Vectors
from index.records import Chunk, DocumentRecord
from index.schema import chunk_values
from index.schema import document_row as sqlite_document_row

DOCUMENT_SELECT = (
    "SELECT doc_id, title, url, source, reviewed, path, content_hash, version, ingested_at, "
    "chunk_count, metadata FROM documents"
)
CHUNK_SELECT = (
    "SELECT chunk_id, doc_id, ordinal, section_index, title, section, text, start_offset, "
    "end_offset, url, page, sentence_spans, metadata, source, reviewed FROM chunks"
)
INSERT_CHUNK = (
    "INSERT INTO chunks (doc_id, ordinal, section_index, title, section, text, start_offset, "
    "end_offset, url, page, sentence_spans, sentence_vectors, metadata, source, reviewed, "
    "embedding) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %b, %s, %s, %s, %b)"
)
INSERT_DOCUMENT = (
    "INSERT INTO documents (doc_id, title, url, source, reviewed, path, content_hash, version, "
    "ingested_at, chunk_count, metadata) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def document_row(record: DocumentRecord) -> tuple[Any, ...]:
    return text_safe(sqlite_document_row(record))


def chunk_row(
    chunk: Chunk, blob: bytes, vector: Vectors, document: DocumentRecord
) -> tuple[Any, ...]:
    """A chunk as INSERT_CHUNK's values; `blob`: its sentence vectors (index.vectors.to_blob)."""
    return text_safe((*chunk_values(chunk, blob), document.source, document.reviewed, vector))


def text_safe(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """PostgreSQL text cannot hold NUL, which a PDF's text layer sometimes does; U+FFFD keeps
    every character offset (sentence spans, citations) where it was."""
    return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in row)
