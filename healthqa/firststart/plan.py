"""The first start's batches: the small first part of the sample alone (so the chat can answer
soon), then the rest in batches of about BATCH_BYTES, each published as its own generation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.sample import Sample

# About 400 passages: a new generation every half minute or so on two busy cores.
BATCH_BYTES = 300_000


@dataclass(frozen=True)
class Batch:
    paths: tuple[Path, ...]
    bytes: int

    @property
    def documents(self) -> int:
        return len(self.paths)  # the sample's files hold one article each


def plan_batches(sample: Sample, *, batch_bytes: int = BATCH_BYTES) -> list[Batch]:
    batches = [_batch(sample.first)] if sample.first else []
    current: list[Path] = []
    size = 0
    for path in sample.rest:
        file_size = path.stat().st_size
        if current and size + file_size > batch_bytes:
            batches.append(_batch(current))
            current, size = [], 0
        current.append(path)
        size += file_size
    if current:
        batches.append(_batch(current))
    return batches


def _batch(paths: Sequence[Path]) -> Batch:
    return Batch(paths=tuple(paths), bytes=sum(p.stat().st_size for p in paths))
