"""The dense side of a generation: a flat inner-product FAISS index keyed by chunk id.

Vectors are L2-normalised, so inner product is cosine. Exact (flat) search keeps results
reproducible; at tens of thousands of chunks it costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from healthqa.errors import IndexCorrupt
from index.embedder import Vectors


def new_vector_index(dimension: int) -> Any:
    return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))


def read_vector_index(path: Path, dimension: int) -> Any:
    try:
        index = faiss.read_index(str(path))
    except RuntimeError as error:
        raise IndexCorrupt(f"The vector file {path} cannot be read ({error}).") from None
    if index.d != dimension:
        raise IndexCorrupt(f"The vector file {path} holds {index.d}-d vectors, not {dimension}-d.")
    return index


def write_vector_index(index: Any, path: Path) -> None:
    faiss.write_index(index, str(path))


def as_matrix(vectors: Vectors, *, rows: int, dimension: int, what: str) -> Vectors:
    """`vectors` as a contiguous float32 (rows, dimension) matrix, or ValueError saying why not."""
    matrix = np.ascontiguousarray(vectors, dtype=np.float32)
    if rows == 0 and matrix.size == 0:
        return np.zeros((0, dimension), dtype=np.float32)
    if matrix.ndim == 1 and rows == 1:
        matrix = matrix.reshape(1, -1)
    if matrix.shape != (rows, dimension):
        raise ValueError(f"{what} has shape {matrix.shape}; expected ({rows}, {dimension})")
    return matrix


def search(index: Any, vector: Vectors, k: int) -> list[tuple[int, float]]:
    if k < 1 or index.ntotal == 0:
        return []
    query = as_matrix(vector, rows=1, dimension=index.d, what="query vector")
    _search_on_one_thread()
    scores, ids = index.search(query, min(k, index.ntotal))
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]


def _search_on_one_thread() -> None:
    """One query over tens of thousands of vectors takes ~2 ms on one core; split over OpenMP
    threads on a busy machine it waits on descheduled threads instead (28 ms measured on 2
    shared cores). Concurrent visitors are the parallelism: each search runs on its asker's
    thread. FAISS only offers the process-wide setting, and setting and restoring it around each
    search races between threads, so a process that searches keeps it at one (nothing here
    runs FAISS on several threads)."""
    if faiss.omp_get_max_threads() != 1:
        faiss.omp_set_num_threads(1)


def reconstruct(index: Any, chunk_ids: Sequence[int]) -> Vectors:
    if not chunk_ids:
        return np.zeros((0, index.d), dtype=np.float32)
    try:
        matrix = index.reconstruct_batch(np.asarray(chunk_ids, dtype=np.int64))
    except RuntimeError:
        missing = [i for i in chunk_ids if not _has(index, i)]
        raise KeyError(f"no vectors for chunk ids {missing}") from None
    return np.asarray(matrix, dtype=np.float32)


def _has(index: Any, chunk_id: int) -> bool:
    try:
        index.reconstruct(int(chunk_id))
    except RuntimeError:
        return False
    return True


def to_blob(vectors: Vectors) -> bytes:
    return np.asarray(vectors, dtype=np.float16).tobytes()


def from_blob(blob: bytes, dimension: int) -> Vectors:
    return np.frombuffer(blob, dtype=np.float16).reshape(-1, dimension).astype(np.float32)
