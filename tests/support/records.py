"""Synthetic index records for storage tests: seeded, so every run writes the same documents."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.embedder import Vectors
from index.records import Chunk, DocumentRecord, Manifest
from index.writer import IndexWriter

DIM = 32
MANIFEST = Manifest(
    model_name="test-model", dimension=DIM, chunk_tokens=200, chunk_overlap_tokens=40
)
# fmt: off
WORDS = (
    "asthma", "inhaler", "fever", "insulin", "diabetes", "rash", "allergy", "vaccine", "measles",
    "migraine", "aspirin", "dose", "child", "adult", "heart", "blood", "pressure", "sleep",
    "cough", "throat", "kidney", "liver", "diet", "exercise",
)
# fmt: on


@dataclass(frozen=True)
class Sample:
    record: DocumentRecord
    chunks: list[Chunk]
    vectors: Vectors
    sentence_vectors: list[Vectors]


def unit_vectors(rng: np.random.Generator, rows: int, dim: int = DIM) -> Vectors:
    matrix = rng.standard_normal((rows, dim)).astype(np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def sample(doc_id: str, n_chunks: int = 3, *, variant: int = 0, dim: int = DIM) -> Sample:
    """A document whose text, vectors and hash depend only on (doc_id, n_chunks, variant)."""
    rng = np.random.default_rng(zlib.crc32(f"{doc_id}/{n_chunks}/{variant}".encode()))
    chunks = []
    for ordinal in range(n_chunks):
        sentences = [
            " ".join(rng.choice(WORDS, size=6)).capitalize() + "." for _ in range(1 + ordinal % 3)
        ]
        text = " ".join(sentences)
        spans, start = [], 0
        for sentence in sentences:
            spans.append((start, start + len(sentence)))
            start += len(sentence) + 1
        chunks.append(
            Chunk(
                doc_id=doc_id,
                ordinal=ordinal,
                section_index=ordinal // 2,
                text=text,
                title=f"Title of {doc_id}",
                section=f"Section {ordinal // 2}",
                start=ordinal * 100,
                end=ordinal * 100 + len(text),
                sentence_spans=tuple(spans),
                url=f"https://example.org/{doc_id}",
                page=ordinal + 1 if ordinal % 2 else None,
                metadata={"variant": str(variant)},
            )
        )
    record = DocumentRecord(
        doc_id=doc_id,
        title=f"Title of {doc_id}",
        content_hash=f"hash-{doc_id}-{variant}",
        url=f"https://example.org/{doc_id}",
        source="Test Health Service",
        reviewed="2024-05-01",
        path=f"/articles/{doc_id}.md",
        metadata={"lang": "en"},
    )
    return Sample(
        record=record,
        chunks=chunks,
        vectors=unit_vectors(rng, n_chunks, dim),
        sentence_vectors=[unit_vectors(rng, len(c.sentence_spans), dim) for c in chunks],
    )


def upsert(writer: IndexWriter, item: Sample) -> DocumentRecord:
    return writer.upsert(item.record, item.chunks, item.vectors, item.sentence_vectors)


def build(index_dir: Path, items: list[Sample]) -> int:
    with IndexWriter.open(index_dir, MANIFEST) as writer:
        for item in items:
            upsert(writer, item)
        return writer.commit()
