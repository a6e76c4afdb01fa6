"""The one index setting, read as a place: a folder (the embedded index) or a postgresql:// URL.

Every caller that opens an index goes through here, so the assistant, the ingest, the CLI and the
pages work the same on either backend.
"""

from __future__ import annotations

from pathlib import Path

from healthqa.settings import is_database_url
from index import generations
from index.manifest import read_manifest
from index.postgres.connection import connect, shown
from index.postgres.migrations import applied_version
from index.postgres.reader import PostgresReader
from index.postgres.state import read_state
from index.postgres.writer import PostgresWriter
from index.protocols import IndexReading, IndexWriting
from index.reader import IndexReader
from index.records import Manifest
from index.writer import IndexWriter

IndexLocation = Path | str  # a folder, or a postgresql:// URL


def open_reader(location: IndexLocation, expected: Manifest | None = None) -> IndexReading:
    if _url(location):
        return PostgresReader.open(str(location), expected)
    return IndexReader.open(Path(location), expected)


def open_writer(location: IndexLocation, manifest: Manifest) -> IndexWriting:
    if _url(location):
        return PostgresWriter.open(str(location), manifest)
    return IndexWriter.open(Path(location), manifest)


def current_generation(location: IndexLocation) -> int | None:
    """The live generation, None when there is no index; cheap enough to poll."""
    if not _url(location):
        return generations.current_generation(Path(location))
    with connect(str(location), vectors=False) as connection:
        if applied_version(connection) == 0:
            return None
        generation, manifest = read_state(connection, str(location))
    return generation if manifest is not None and generation > 0 else None


def index_exists(location: IndexLocation) -> bool:
    if not _url(location):
        return generations.index_exists(Path(location))
    return current_generation(location) is not None


def live_manifest(location: IndexLocation) -> Manifest | None:
    """What the live index was built with; None when there is no index."""
    if not _url(location):
        number = generations.current_generation(Path(location))
        if number is None:
            return None
        return read_manifest(generations.generation_dir(Path(location), number))
    with connect(str(location), vectors=False) as connection:
        if applied_version(connection) == 0:
            return None
        _, manifest = read_state(connection, str(location))
    return manifest


def describe(location: IndexLocation) -> str:
    """The location as a message may show it (a URL without its password)."""
    return shown(str(location)) if _url(location) else str(location)


def _url(location: IndexLocation) -> bool:
    return isinstance(location, str) and is_database_url(location)
