"""The manifest: what an index was built with, stored as `manifest.json` in every generation.

An index read with another model or chunking would return plausible but wrong neighbours, so a
mismatch is refused with a message naming both sides rather than tolerated.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from healthqa.errors import IndexCorrupt, IndexMismatch
from index.records import Manifest

if TYPE_CHECKING:
    from healthqa.settings import Settings
    from index.embedder import Embedder

MANIFEST_FILE = "manifest.json"


def manifest_for(settings: Settings, embedder: Embedder) -> Manifest:
    """What an index built or read with these settings and this model must record."""
    return Manifest(
        model_name=embedder.model_name,
        dimension=embedder.dimension,
        chunk_tokens=settings.chunk_tokens,
        chunk_overlap_tokens=settings.chunk_overlap_tokens,
    )


def write_manifest(generation_dir: Path, manifest: Manifest) -> None:
    text = json.dumps(asdict(manifest), indent=2, sort_keys=True) + "\n"
    (generation_dir / MANIFEST_FILE).write_text(text, encoding="utf-8")


def read_manifest(generation_dir: Path) -> Manifest:
    path = generation_dir / MANIFEST_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexCorrupt(f"The index manifest {path} cannot be read ({error}).") from None
    names = {f.name for f in fields(Manifest)}
    if not isinstance(data, dict) or not names.issuperset(data) or "model_name" not in data:
        raise IndexCorrupt(f"The index manifest {path} does not describe an index.")
    try:
        return Manifest(**data)
    except TypeError as error:
        raise IndexCorrupt(f"The index manifest {path} is incomplete ({error}).") from None


def describe(manifest: Manifest) -> str:
    return (
        f"model {manifest.model_name} (dimension {manifest.dimension}), chunks of "
        f"{manifest.chunk_tokens} tokens with {manifest.chunk_overlap_tokens} overlap, "
        f"schema {manifest.schema_version}"
    )


def check_manifest(index_dir: Path | str, found: Manifest, expected: Manifest) -> None:
    """Raises IndexMismatch when the index at `index_dir` was built differently from `expected`."""
    if found == expected:
        return
    raise IndexMismatch(
        f"The index at {index_dir} was built with {describe(found)}, but the settings ask for "
        f"{describe(expected)}; re-ingest into a new directory (set HEALTHQA_INDEX) or restore "
        "the settings it was built with."
    )
