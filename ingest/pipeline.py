"""Incremental ingest: discover -> load -> (skip unchanged) -> chunk -> embed -> one atomic commit.

Loading, cleaning and chunking happen in a loader process under limits (ingest.isolation), ahead
of the model: a file that fails there, however it fails, is one failed row. An article whose
content hash matches the stored record is neither chunked nor embedded, so re-ingesting a folder
after editing one file costs one document's embedding. An article that would make more passages
than `max_passages_per_article` fails at chunking, before any of it is embedded, and like any
failed file leaves its stored version as it was. Chunks of many small documents are
embedded together, because the model's cost is per batch, not per document. Everything goes
through one IndexWriter and is published by a single commit at the end: a run that dies midway
leaves the previous generation live and whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from healthqa.errors import IngestError
from healthqa.settings import Settings
from index.embedder import Embedder, HasTokenCounter, Vectors
from index.location import current_generation, open_writer
from index.manifest import manifest_for
from index.protocols import IndexWriting
from index.records import Chunk, DocumentRecord
from ingest.chunking import chunk_article, embedding_header
from ingest.discover import SourceFile, discover
from ingest.isolation import ChunkPlan, Limits, Loaded, Prepared, load_in_background

# Chunks are sorted by length inside a window this many batches wide, so a batch pads little.
WINDOW_BATCHES = 8


@dataclass(frozen=True)
class FailedFile:
    path: str
    error: str  # one sentence, ready to show


@dataclass(frozen=True)
class FileWarning:
    """A file that was ingested with a part of it skipped (a BEIR corpus's broken line)."""

    path: str
    warning: str  # one sentence, ready to show


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[FailedFile, ...] = ()
    skipped: tuple[FailedFile, ...] = ()  # files in a folder that are not a format HealthQA reads
    warnings: tuple[FileWarning, ...] = ()
    generation: int | None = None  # the live generation after the run; None: no index exists


class IngestProgress(Protocol):
    """What a progress display hears about; the CLI draws rich bars, the app st.progress."""

    def files_found(self, count: int) -> None: ...

    def file_loaded(self, path: str, documents: int) -> None: ...

    def chunks_queued(self, count: int) -> None: ...

    def batch_embedded(self, count: int) -> None: ...


class SilentProgress:
    def files_found(self, count: int) -> None:
        pass

    def file_loaded(self, path: str, documents: int) -> None:
        pass

    def chunks_queued(self, count: int) -> None:
        pass

    def batch_embedded(self, count: int) -> None:
        pass


def ingest_paths(
    paths: Sequence[Path],
    *,
    settings: Settings,
    embedder: Embedder,
    prune: bool = False,
    progress: IngestProgress | None = None,
) -> IngestReport:
    progress = progress or SilentProgress()
    roots = [Path(p) for p in paths]
    sources, failed = _discover_all(roots)
    progress.files_found(len(sources))
    with open_writer(settings.index_location, manifest_for(settings, embedder)) as writer:
        named = {_resolved(root) for root in roots if root.is_file()}
        run = _Run(writer, settings, embedder, progress, named_files=named)
        loaded_files = load_in_background(
            sources,
            limits=Limits.from_settings(settings),
            plan=_chunk_plan(embedder, settings),
            known={doc_id: r.content_hash for doc_id, r in writer.documents().items()},
        )
        for loaded in loaded_files:
            run.take(loaded)
        run.flush()
        removed = run.prune(roots) if prune else []
        failed += run.failed
        changed = run.added or run.updated or removed or run.relocated
        generation = writer.commit() if changed else current_generation(settings.index_location)
    return IngestReport(
        added=tuple(run.added),
        updated=tuple(run.updated),
        unchanged=tuple(run.unchanged),
        removed=tuple(removed),
        failed=tuple(failed),
        skipped=tuple(run.skipped),
        warnings=tuple(run.warnings),
        generation=generation,
    )


def embedding_inputs(chunks: Sequence[Chunk]) -> tuple[list[str], list[list[tuple[int, int]]]]:
    """Texts the model embeds (header + chunk text) and sentence spans shifted to match."""
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    for chunk in chunks:
        header = embedding_header(chunk.title, chunk.section)
        texts.append(header + chunk.text)
        shift = len(header)
        spans.append([(start + shift, end + shift) for start, end in chunk.sentence_spans])
    return texts, spans


def section_headers(chunks: Sequence[Chunk]) -> dict[int, str]:
    """The header text of each section the chunks come from (title, then heading)."""
    return {
        chunk.section_index: embedding_header(chunk.title, chunk.section).strip()
        for chunk in chunks
    }


def _discover_all(roots: Iterable[Path]) -> tuple[list[SourceFile], list[FailedFile]]:
    sources: list[SourceFile] = []
    failed: list[FailedFile] = []
    for root in roots:
        try:
            sources.extend(discover([root]))
        except IngestError as error:
            failed.append(FailedFile(_printable(root), str(error)))
    return sources, failed


def _chunk_plan(embedder: Embedder, settings: Settings) -> ChunkPlan | None:
    """Chunking in the loader process needs a tokenizer that can travel there; without one the
    articles come back whole and are chunked here with the embedder's own counter."""
    if not isinstance(embedder, HasTokenCounter):
        return None
    return ChunkPlan(
        count_tokens=embedder.token_counter,
        max_tokens=min(settings.chunk_tokens, embedder.max_tokens),
        overlap_tokens=settings.chunk_overlap_tokens,
        max_chunks=settings.max_passages_per_article,
    )


@dataclass
class _Pending:
    """A new or changed article whose chunks wait for their vectors."""

    record: DocumentRecord
    chunks: Sequence[Chunk]
    vectors: dict[int, Vectors] = field(default_factory=dict)  # by chunk position
    sentence_vectors: dict[int, Vectors] = field(default_factory=dict)
    headers: dict[int, tuple[str, Vectors]] = field(default_factory=dict)  # by section index
    is_update: bool = False


class _Run:
    """The state of one ingest run: what was seen, and chunks waiting to be embedded."""

    def __init__(
        self,
        writer: IndexWriting,
        settings: Settings,
        embedder: Embedder,
        progress: IngestProgress,
        *,
        named_files: set[Path],
    ) -> None:
        self._writer = writer
        self._named_files = named_files
        self._stored = writer.documents()
        self._by_file = _documents_by_file(self._stored.values())
        self._settings = settings
        self._embedder = embedder
        self._progress = progress
        self._max_tokens = min(settings.chunk_tokens, embedder.max_tokens)
        self._seen: dict[str, str] = {}  # doc_id -> the file it came from in this run
        self._failed_paths: set[Path] = set()
        self._pending: list[_Pending] = []
        self._pending_chunks = 0
        self.added: list[str] = []
        self.updated: list[str] = []
        self.unchanged: list[str] = []
        self.relocated = 0  # documents whose id or file path changed, content unchanged
        self.failed: list[FailedFile] = []
        self.skipped: list[FailedFile] = []
        self.warnings: list[FileWarning] = []

    def take(self, loaded: Loaded) -> None:
        """One file's outcome from the loader."""
        source = loaded.source
        if loaded.failure is not None:
            # A stray file in a folder is skipped; a file named on purpose is a failure.
            if loaded.unsupported and _resolved(source.path) not in self._named_files:
                self.skipped.append(FailedFile(_printable(source.path), loaded.failure))
            else:
                self._fail(source.path, loaded.failure)
            self._progress.file_loaded(_printable(source.path), 0)
            return
        self.warnings += [FileWarning(_printable(source.path), w) for w in loaded.warnings]
        single = len(loaded.documents) == 1
        for prepared in loaded.documents:
            self._take_document(prepared, source.path, single_document_file=single)
        self._progress.file_loaded(_printable(source.path), len(loaded.documents))

    def flush(self) -> None:
        """Embeds every queued chunk and stores the documents they belong to."""
        if not self._pending:
            return
        located = [(p, n) for p in self._pending for n in range(len(p.chunks))]
        # Longest first within the window: similar lengths share a batch and pad little.
        located.sort(key=lambda pn: len(pn[0].chunks[pn[1]].text), reverse=True)
        size = self._settings.embed_batch_size
        for start in range(0, len(located), size):
            batch = located[start : start + size]
            texts, spans = embedding_inputs([p.chunks[n] for p, n in batch])
            vectors, sentence_vectors = self._embedder.embed_passages(texts, spans)
            for row, (pending, n) in enumerate(batch):
                pending.vectors[n] = vectors[row]
                pending.sentence_vectors[n] = sentence_vectors[row]
            self._progress.batch_embedded(len(batch))
        self._embed_headers()
        for pending in self._pending:
            self._store(pending)
        self._pending, self._pending_chunks = [], 0

    def _embed_headers(self) -> None:
        """Each section's header (title and heading) as a short text of its own, so questions
        can be matched against what a section is about, not only against its passages."""
        wanted = [
            (pending, index, header)
            for pending in self._pending
            for index, header in section_headers(pending.chunks).items()
        ]
        size = self._settings.embed_batch_size
        for start in range(0, len(wanted), size):
            batch = wanted[start : start + size]
            vectors = self._embedder.embed_queries([header for _, _, header in batch])
            for (pending, index, header), vector in zip(batch, vectors, strict=True):
                pending.headers[index] = (header, vector)

    def prune(self, roots: Sequence[Path]) -> list[str]:
        """Removes stored documents from files under `roots` that this run did not see.

        Roots and stored paths are compared resolved and absolute, so the working directory of
        either run does not matter; a document recorded with a relative path (by an older
        version) is never pruned, as it cannot be told where that path was relative to.
        """
        # A root that is not there is more likely a typo than a deleted collection.
        resolved = [_resolved(root) for root in roots if root.exists()]
        removed: list[str] = []
        for doc_id, record in sorted(self._writer.documents().items()):
            if doc_id in self._seen or record.path is None or not Path(record.path).is_absolute():
                continue
            path = _resolved(Path(record.path))
            if path in self._failed_paths:
                continue  # a file that failed to load this time is not a deleted file
            if any(path == root or path.is_relative_to(root) for root in resolved):
                self._writer.remove(doc_id)
                removed.append(doc_id)
        return removed

    def _take_document(self, prepared: Prepared, path: Path, *, single_document_file: bool) -> None:
        record = prepared.record
        doc_id = record.doc_id
        first_path = self._seen.get(doc_id)
        if first_path is not None:
            self._fail(
                path,
                f"Document id {doc_id!r} also comes from {first_path}; "
                "each document may appear once per ingest, so this copy was not ingested.",
            )
            return
        stored = self._stored.get(doc_id)
        owner = _other_existing_file(stored, record)
        if owner is not None:
            self._fail(
                path,
                f"Document id {doc_id!r} already belongs to {_printable(owner)}, which is still "
                f"there, so this copy from {_printable(path)} was not ingested (remove that "
                "document first to replace it).",
            )
            return
        self._seen[doc_id] = _printable(path)
        if stored is not None and stored.content_hash == record.content_hash:
            self.unchanged.append(doc_id)
            if stored.path != record.path:  # the same document now read from another file
                self._writer.relocate(doc_id, doc_id, record.path)
                self.relocated += 1
            return
        earlier = self._earlier_id_of(record) if stored is None and single_document_file else None
        if earlier is not None and earlier.content_hash == record.content_hash:
            self._writer.relocate(earlier.doc_id, doc_id, record.path)
            self._seen[earlier.doc_id] = _printable(path)
            self.unchanged.append(doc_id)
            self.relocated += 1
            return
        chunks = self._chunks_of(prepared, path)
        if chunks is None:
            return
        if earlier is not None:  # its file changed too: the new version replaces it
            self._writer.remove(earlier.doc_id)
            self._seen[earlier.doc_id] = _printable(path)
        is_update = stored is not None or earlier is not None
        self._pending.append(_Pending(record, chunks, is_update=is_update))
        self._pending_chunks += len(chunks)
        self._progress.chunks_queued(len(chunks))
        if self._pending_chunks >= self._settings.embed_batch_size * WINDOW_BATCHES:
            self.flush()

    def _chunks_of(self, prepared: Prepared, path: Path) -> Sequence[Chunk] | None:
        """The document's chunks, or None after reporting why there are none."""
        if prepared.error is not None:
            self._fail(path, prepared.error)
            return None
        chunks: Sequence[Chunk] = prepared.chunks or ()
        if prepared.article is not None:
            try:
                chunks = chunk_article(
                    prepared.article,
                    count_tokens=self._embedder.count_tokens,
                    max_tokens=self._max_tokens,
                    overlap_tokens=self._settings.chunk_overlap_tokens,
                    max_chunks=self._settings.max_passages_per_article,
                )
            except IngestError as error:
                self._fail(path, str(error))
                return None
        if not chunks:
            self._fail(path, f"{prepared.record.doc_id} has no text to index.")
            return None
        return chunks

    def _earlier_id_of(self, record: DocumentRecord) -> DocumentRecord | None:
        """The stored document that came from this same file under another id, if exactly one
        did: an index built before ids were absolute paths, or a page whose canonical URL
        changed. It is moved to the new id rather than left beside it as a duplicate."""
        if record.path is None:
            return None
        candidates = [
            self._stored[doc_id]
            for doc_id in self._by_file.get(Path(record.path), ())
            if doc_id != record.doc_id and doc_id not in self._seen
        ]
        return candidates[0] if len(candidates) == 1 else None

    def _store(self, pending: _Pending) -> None:
        order = range(len(pending.chunks))
        self._writer.upsert(
            pending.record,
            pending.chunks,
            np.stack([pending.vectors[n] for n in order]).astype(np.float32, copy=False),
            [pending.sentence_vectors[n] for n in order],
            pending.headers,
        )
        (self.updated if pending.is_update else self.added).append(pending.record.doc_id)

    def _fail(self, path: Path, error: str) -> None:
        self._failed_paths.add(_resolved(path))
        self.failed.append(FailedFile(_printable(path), error))


def _other_existing_file(stored: DocumentRecord | None, record: DocumentRecord) -> Path | None:
    """The file a stored document came from when it is not `record`'s file and still exists.

    An id names one document, so a second file claiming it (a copied MedQuAD file, a BEIR line
    reusing an id) must not silently replace the first; a file that was moved (the old one is
    gone) or an older record without an absolute path is an update as before.
    """
    if stored is None or stored.path is None or record.path is None:
        return None
    if not Path(stored.path).is_absolute():
        return None
    owner = _resolved(Path(stored.path))
    if owner == _resolved(Path(record.path)) or not owner.is_file():
        return None
    return owner


def _documents_by_file(records: Iterable[DocumentRecord]) -> dict[Path, list[str]]:
    """Stored document ids by the resolved file they came from (relative paths, as older
    versions stored them, are taken relative to the working directory: a best guess)."""
    by_file: dict[Path, list[str]] = {}
    for record in records:
        if record.path:
            by_file.setdefault(_resolved(Path(record.path)), []).append(record.doc_id)
    return by_file


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _printable(path: Path | str) -> str:
    """A path as text that can always be printed and stored (undecodable bytes escaped)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
