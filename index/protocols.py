"""What the assistant and the ingest need from an index, whichever backend holds it.

Two implementations are real: the embedded one (`index.reader`, `index.writer`: FAISS + SQLite
generations in a folder) and the PostgreSQL one (`index.postgres`: pgvector + full-text search).
`index.location` picks one from the index setting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Protocol

from index.embedder import Vectors
from index.records import Chunk, DocumentRecord, IndexStats, Manifest, StoredChunk


class IndexReading(Protocol):
    """Search and lookup over a published index (chunk ids are never reused)."""

    manifest: Manifest
    generation: int

    def dense_search(self, vector: Vectors, k: int) -> list[tuple[int, float]]: ...

    def lexical_search(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]: ...

    def chunks(self, chunk_ids: Sequence[int]) -> list[StoredChunk]: ...

    def vectors(self, chunk_ids: Sequence[int]) -> Vectors: ...

    def sentence_vectors(self, chunk_ids: Sequence[int]) -> dict[int, Vectors]: ...

    def header_vectors(
        self, sections: Sequence[tuple[str, int]]
    ) -> dict[tuple[str, int], Vectors]: ...

    def sections_of(self, doc_id: str) -> dict[int, tuple[str, Vectors]]: ...

    def vocabulary(self) -> Mapping[str, int]: ...

    def documents(self) -> list[DocumentRecord]: ...

    def document(self, doc_id: str) -> DocumentRecord | None: ...

    def chunks_of(self, doc_id: str) -> list[StoredChunk]: ...

    def stats(self) -> IndexStats: ...

    def close(self) -> None: ...

    def __enter__(self) -> IndexReading: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None: ...


class IndexWriting(Protocol):
    """Adds, replaces and removes documents; nothing is visible to readers before commit()."""

    manifest: Manifest

    def documents(self) -> dict[str, DocumentRecord]: ...

    def upsert(
        self,
        record: DocumentRecord,
        chunks: Sequence[Chunk],
        vectors: Vectors,
        sentence_vectors: Sequence[Vectors],
        headers: Mapping[int, tuple[str, Vectors]] | None = None,
        *,
        verbatim: bool = False,
    ) -> DocumentRecord: ...

    def relocate(self, doc_id: str, new_id: str, path: str | None) -> None: ...

    def remove(self, doc_id: str) -> None: ...

    def commit(self) -> int: ...

    def abort(self) -> None: ...

    def __enter__(self) -> IndexWriting: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> bool | None: ...
