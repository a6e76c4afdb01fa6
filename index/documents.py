"""Removing documents from the live index: one path for the CLI and the Editor page.

Removal rewrites rows and vectors only, so it needs the index's own manifest (read from the live
index), never the embedding model.
"""

from __future__ import annotations

from collections.abc import Sequence

from healthqa.errors import HealthQAError
from index.location import IndexLocation, describe, live_manifest, open_writer


class UnknownDocument(HealthQAError):
    """A document id the index does not hold."""


def remove_documents(index: IndexLocation, doc_ids: Sequence[str]) -> int:
    """Removes the documents and publishes a new generation; returns its number.

    Every id must be in the index, else nothing is removed and UnknownDocument names the first
    missing one.
    """
    manifest = live_manifest(index)
    if manifest is None:
        raise UnknownDocument(f"There is no index at {describe(index)}, so nothing to remove.")
    with open_writer(index, manifest) as writer:
        stored = writer.documents()
        missing = [doc_id for doc_id in doc_ids if doc_id not in stored]
        if missing:
            raise UnknownDocument(
                f"There is no document {missing[0]!r} in the index at {describe(index)}."
            )
        for doc_id in doc_ids:
            writer.remove(doc_id)
        return writer.commit()
