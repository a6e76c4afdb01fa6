"""Removing documents from the live index: one path for the CLI and the Editor page.

Removal rewrites rows and vectors only, so it needs the index's own manifest (read from the live
generation), never the embedding model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from healthqa.errors import HealthQAError
from index.generations import current_generation, generation_dir
from index.manifest import read_manifest
from index.writer import IndexWriter


class UnknownDocument(HealthQAError):
    """A document id the index does not hold."""


def remove_documents(index_dir: Path, doc_ids: Sequence[str]) -> int:
    """Removes the documents and publishes a new generation; returns its number.

    Every id must be in the index, else nothing is removed and UnknownDocument names the first
    missing one.
    """
    live = current_generation(index_dir)
    if live is None:
        raise UnknownDocument(f"There is no index at {index_dir}, so nothing to remove.")
    manifest = read_manifest(generation_dir(index_dir, live))
    with IndexWriter.open(index_dir, manifest) as writer:
        stored = writer.documents()
        missing = [doc_id for doc_id in doc_ids if doc_id not in stored]
        if missing:
            raise UnknownDocument(
                f"There is no document {missing[0]!r} in the index at {index_dir}."
            )
        for doc_id in doc_ids:
            writer.remove(doc_id)
        return writer.commit()
