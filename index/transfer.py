"""Copying an index to another place (an embedded folder or a PostgreSQL database), with the
vectors it holds: moving between backends needs no embedding model and no re-ingest.

Everything the reader hands out and the writer takes goes across: documents (with their
versions and ingest times), chunks, passage and sentence vectors, section headers, and the
manifest. Chunk ids are the target's own. The target must hold no index yet, so a copy never
mixes two collections; a copy that stops half-way publishes nothing in a folder, and leaves a
database with no completed index, which the next copy completes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from healthqa.errors import IndexCorrupt, IndexTransferError
from index.location import IndexLocation, describe, index_exists, open_reader, open_writer
from index.protocols import IndexReading, IndexWriting

# Called after each document with (documents copied, documents in all).
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Copied:
    documents: int
    chunks: int
    generation: int  # the target's live generation after the copy


def copy_index(
    source: IndexLocation, target: IndexLocation, *, progress: Progress | None = None
) -> Copied:
    """Copies the live index at `source` into `target`, which holds no index yet, and checks
    that the target then holds as many documents and chunks as the source."""
    if _same(source, target):
        raise IndexTransferError(f"The index cannot be copied onto itself ({describe(source)}).")
    with open_reader(source) as reader:
        if index_exists(target):
            raise IndexTransferError(
                f"There is an index at {describe(target)} already; copy into an empty folder "
                "or database, or remove that index first."
            )
        with open_writer(target, reader.manifest) as writer:
            documents, chunks = copy_documents(reader, writer, progress=progress)
            # what an interrupted earlier copy into a database left of other documents
            for doc_id in set(writer.documents()) - {d.doc_id for d in reader.documents()}:
                writer.remove(doc_id)
            generation = writer.commit()
    with open_reader(target, reader.manifest) as copied:
        stats = copied.stats()
    if (stats.documents, stats.chunks) != (documents, chunks):
        raise IndexCorrupt(
            f"The copy at {describe(target)} holds {stats.documents} documents and "
            f"{stats.chunks} chunks, but {documents} and {chunks} were copied; do not use it."
        )
    return Copied(documents=documents, chunks=chunks, generation=generation)


def copy_documents(
    source: IndexReading, writer: IndexWriting, *, progress: Progress | None = None
) -> tuple[int, int]:
    """Upserts every document of `source` into `writer` as stored (no commit); returns the
    numbers of documents and chunks written."""
    records = source.documents()
    chunk_count = 0
    for done, record in enumerate(records, start=1):
        stored = source.chunks_of(record.doc_id)
        ids = [s.chunk_id for s in stored]
        sentences = source.sentence_vectors(ids)
        writer.upsert(
            record,
            [s.chunk for s in stored],
            source.vectors(ids),
            [sentences[i] for i in ids],
            source.sections_of(record.doc_id),
            verbatim=True,
        )
        chunk_count += len(stored)
        if progress is not None:
            progress(done, len(records))
    return len(records), chunk_count


def _same(first: IndexLocation, second: IndexLocation) -> bool:
    if isinstance(first, Path) and isinstance(second, Path):
        return first.resolve() == second.resolve()
    return describe(first) == describe(second)
