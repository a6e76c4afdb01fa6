"""Incremental ingest: discover -> load -> (skip unchanged) -> chunk -> embed -> one atomic commit.

An article whose content hash matches the stored record is neither chunked nor embedded, so
re-ingesting a folder after editing one file costs one document's embedding. Chunks of many
small documents are embedded together, because the model's cost is per batch, not per document.
Everything goes through one IndexWriter and is published by a single commit at the end: a run
that dies midway leaves the previous generation live and whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from healthqa.errors import IngestError, UnsupportedFormat
from healthqa.settings import Settings
from index.embedder import Embedder, Vectors
from index.generations import current_generation
from index.manifest import manifest_for
from index.records import Chunk, DocumentRecord
from index.writer import IndexWriter
from ingest.chunking import chunk_article, embedding_header
from ingest.cleaning import clean_article
from ingest.discover import SourceFile, discover, load_source
from ingest.model import Article

# Chunks are sorted by length inside a window this many batches wide, so a batch pads little.
WINDOW_BATCHES = 8


@dataclass(frozen=True)
class FailedFile:
    path: str
    error: str  # one sentence, ready to show


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    failed: tuple[FailedFile, ...] = ()
    skipped: tuple[FailedFile, ...] = ()  # files in a folder that are not a format HealthQA reads
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
    with IndexWriter.open(settings.index_dir, manifest_for(settings, embedder)) as writer:
        named = {root.resolve() for root in roots if root.is_file()}
        run = _Run(writer, settings, embedder, progress, named_files=named)
        for source in sources:
            run.ingest_file(source)
        run.flush()
        removed = run.prune(roots) if prune else []
        failed += run.failed
        changed = run.added or run.updated or removed
        generation = writer.commit() if changed else current_generation(settings.index_dir)
    return IngestReport(
        added=tuple(run.added),
        updated=tuple(run.updated),
        unchanged=tuple(run.unchanged),
        removed=tuple(removed),
        failed=tuple(failed),
        skipped=tuple(run.skipped),
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
            failed.append(FailedFile(str(root), str(error)))
    return sources, failed


@dataclass
class _Pending:
    """A new or changed article whose chunks wait for their vectors."""

    record: DocumentRecord
    chunks: list[Chunk]
    vectors: dict[int, Vectors] = field(default_factory=dict)  # by chunk position
    sentence_vectors: dict[int, Vectors] = field(default_factory=dict)
    headers: dict[int, tuple[str, Vectors]] = field(default_factory=dict)  # by section index
    is_update: bool = False


class _Run:
    """The state of one ingest run: what was seen, and chunks waiting to be embedded."""

    def __init__(
        self,
        writer: IndexWriter,
        settings: Settings,
        embedder: Embedder,
        progress: IngestProgress,
        *,
        named_files: set[Path],
    ) -> None:
        self._writer = writer
        self._named_files = named_files
        self._stored = writer.documents()
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
        self.failed: list[FailedFile] = []
        self.skipped: list[FailedFile] = []

    def ingest_file(self, source: SourceFile) -> None:
        path = str(source.path)
        try:
            articles = [clean_article(article)[0] for article in load_source(source)]
        except UnsupportedFormat as error:
            # A stray file in a folder is skipped; a file named on purpose is a failure.
            if source.path.resolve() in self._named_files:
                self._fail(source.path, str(error))
            else:
                self.skipped.append(FailedFile(path, str(error)))
            self._progress.file_loaded(path, 0)
            return
        except IngestError as error:
            self._fail(source.path, str(error))
            self._progress.file_loaded(path, 0)
            return
        for article in articles:
            self._ingest_article(article, source.path)
        self._progress.file_loaded(path, len(articles))

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
        """Removes stored documents from files under `roots` that this run did not see."""
        # A root that is not there is more likely a typo than a deleted collection.
        resolved = [root.resolve() for root in roots if root.exists()]
        removed: list[str] = []
        for doc_id, record in sorted(self._writer.documents().items()):
            if doc_id in self._seen or record.path is None:
                continue
            path = Path(record.path).resolve()
            if path in self._failed_paths:
                continue  # a file that failed to load this time is not a deleted file
            if any(path == root or path.is_relative_to(root) for root in resolved):
                self._writer.remove(doc_id)
                removed.append(doc_id)
        return removed

    def _ingest_article(self, article: Article, path: Path) -> None:
        first_path = self._seen.get(article.doc_id)
        if first_path is not None:
            self._fail(
                path,
                f"Document id {article.doc_id!r} also comes from {first_path}; "
                "each document may appear once per ingest, so this copy was not ingested.",
            )
            return
        self._seen[article.doc_id] = str(path)
        stored = self._stored.get(article.doc_id)
        content_hash = article.content_hash
        if stored is not None and stored.content_hash == content_hash:
            self.unchanged.append(article.doc_id)
            return
        try:
            chunks = chunk_article(
                article,
                count_tokens=self._embedder.count_tokens,
                max_tokens=self._max_tokens,
                overlap_tokens=self._settings.chunk_overlap_tokens,
            )
        except IngestError as error:
            self._fail(path, str(error))
            return
        if not chunks:
            self._fail(path, f"{article.doc_id} has no text to index.")
            return
        record = _record_of(article, content_hash, path)
        self._pending.append(_Pending(record, chunks, is_update=stored is not None))
        self._pending_chunks += len(chunks)
        self._progress.chunks_queued(len(chunks))
        if self._pending_chunks >= self._settings.embed_batch_size * WINDOW_BATCHES:
            self.flush()

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
        self._failed_paths.add(path.resolve())
        self.failed.append(FailedFile(str(path), error))


def _record_of(article: Article, content_hash: str, path: Path) -> DocumentRecord:
    return DocumentRecord(
        doc_id=article.doc_id,
        title=article.title,
        content_hash=content_hash,
        url=article.url,
        source=article.source,
        reviewed=article.reviewed,
        path=article.path or str(path),
        metadata=dict(article.metadata),
    )
