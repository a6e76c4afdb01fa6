"""Plain records the index stores and hands back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True)
class Chunk:
    """A piece of one section, small enough for the embedding model to read whole.

    `start`/`end` are character offsets of `text` inside its section's text; `sentence_spans`
    are offsets of each sentence inside `text` (the composer cites sentences by them).
    """

    doc_id: str
    ordinal: int  # position of the chunk in its document
    section_index: int
    text: str
    title: str
    section: str
    start: int
    end: int
    sentence_spans: tuple[Span, ...]
    url: str | None = None
    page: int | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    title: str
    content_hash: str
    url: str | None = None
    source: str | None = None
    reviewed: str | None = None
    path: str | None = None
    version: int = 1  # bumped each time a changed article replaces its old chunks
    ingested_at: str = ""  # ISO timestamp, UTC
    chunk_count: int = 0
    metadata: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from the index, with the id the vectors use."""

    chunk_id: int
    chunk: Chunk
    source: str | None = None
    reviewed: str | None = None


@dataclass(frozen=True)
class Manifest:
    """What an index was built with; an index opened with other settings is refused, not misread."""

    model_name: str
    dimension: int
    chunk_tokens: int
    chunk_overlap_tokens: int
    schema_version: int = 2  # 2: section header vectors


@dataclass(frozen=True)
class IndexStats:
    documents: int
    chunks: int
    model: str
    bytes: int
    generation: int
