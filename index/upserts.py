"""What every index writer checks and derives before it stores an upsert, whichever the backend.

Both writers store the same things (the chunk vectors as one matrix, the sentence and header
vectors as float16 blobs, the document with its version and ingest time), so the shapes are
checked, and the blobs and the stored record made, here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from index.embedder import Vectors
from index.records import Chunk, DocumentRecord
from index.vectors import as_matrix, to_blob

SectionRow = tuple[str, int, str, bytes]  # doc_id, section index, header text, vector blob


@dataclass(frozen=True)
class CheckedUpsert:
    """An upsert's vectors, checked against the index's dimension and ready to store."""

    vectors: Vectors  # one float32 row per chunk
    sentence_blobs: list[bytes]  # per chunk, its sentence vectors (index.vectors.to_blob)
    section_rows: list[SectionRow]


def check_upsert(
    record: DocumentRecord,
    chunks: Sequence[Chunk],
    vectors: Vectors,
    sentence_vectors: Sequence[Vectors],
    headers: Mapping[int, tuple[str, Vectors]] | None,
    *,
    dimension: int,
) -> CheckedUpsert:
    """Raises ValueError when a shape does not fit the chunks or the dimension, or a chunk
    belongs to another document, before anything is written."""
    matrix = as_matrix(vectors, rows=len(chunks), dimension=dimension, what="chunk vectors")
    if len(sentence_vectors) != len(chunks):
        raise ValueError(
            f"{len(sentence_vectors)} sets of sentence vectors for {len(chunks)} chunks"
        )
    blobs: list[bytes] = []
    for chunk, sentences in zip(chunks, sentence_vectors, strict=True):
        if chunk.doc_id != record.doc_id:
            raise ValueError(f"chunk of {chunk.doc_id!r} upserted under {record.doc_id!r}")
        rows = len(chunk.sentence_spans)
        what = f"sentence vectors of chunk {chunk.ordinal} of {chunk.doc_id!r}"
        blobs.append(to_blob(as_matrix(sentences, rows=rows, dimension=dimension, what=what)))
    section_rows: list[SectionRow] = []
    for index, (header, vector) in sorted((headers or {}).items()):
        one = as_matrix(vector, rows=1, dimension=dimension, what=f"header vector {index}")
        section_rows.append((record.doc_id, index, header, to_blob(one)))
    return CheckedUpsert(vectors=matrix, sentence_blobs=blobs, section_rows=section_rows)


def stored_record(
    record: DocumentRecord, old: DocumentRecord | None, chunk_count: int, *, verbatim: bool
) -> DocumentRecord:
    """The document as the index stores it: its version bumped past the one it replaces and
    stamped now, or, `verbatim` (a copy from another index), with its own version and time."""
    if verbatim:
        return replace(record, chunk_count=chunk_count)
    return replace(
        record,
        version=old.version + 1 if old else 1,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        chunk_count=chunk_count,
    )
