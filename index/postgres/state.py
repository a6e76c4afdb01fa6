"""The index_state row: the manifest the index was built with and its generation counter.

The generation counts completed writer runs (commit()); the app polls it (one small read) to
know when to rebuild what it derives from the index, as it polls CURRENT for the embedded index.
An index whose first run has not completed has generation 0 and counts as not built yet.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields

import psycopg
from psycopg import sql

from healthqa.errors import IndexCorrupt
from index.postgres.connection import shown
from index.records import Manifest


def read_state(connection: psycopg.Connection, url: str) -> tuple[int, Manifest | None]:
    row = connection.execute("SELECT generation, manifest FROM index_state WHERE id = 1").fetchone()
    if row is None:
        raise IndexCorrupt(f"The index database {shown(url)} has lost its index_state row.")
    generation, data = row
    return int(generation), None if data is None else _manifest(data, url)


def record_manifest(connection: psycopg.Connection, manifest: Manifest) -> None:
    """For a database that holds no index yet: the manifest, and the vector column typed with its
    dimension (which the HNSW index needs; see ensure_vector_index)."""
    connection.execute(
        sql.SQL("ALTER TABLE chunks ALTER COLUMN embedding TYPE vector({})").format(
            sql.Literal(manifest.dimension)
        )
    )
    connection.execute(
        "UPDATE index_state SET manifest = %s WHERE id = 1",
        (json.dumps(asdict(manifest), sort_keys=True),),
    )


def ensure_vector_index(connection: psycopg.Connection) -> None:
    """The HNSW index for cosine search over live chunks. Made at the end of the first run, in
    one pass over every vector: several times faster than growing it a row at a time, and no
    reader can open the index before that run completes anyway (generation 0)."""
    connection.execute(
        "CREATE INDEX IF NOT EXISTS chunks_embedding ON chunks "
        "USING hnsw (embedding vector_cosine_ops) WHERE retired_at IS NULL"
    )


def next_generation(connection: psycopg.Connection) -> int:
    row = connection.execute(
        "UPDATE index_state SET generation = generation + 1 WHERE id = 1 RETURNING generation"
    ).fetchone()
    assert row is not None
    return int(row[0])


def _manifest(data: object, url: str) -> Manifest:
    names = {f.name for f in fields(Manifest)}
    if not isinstance(data, dict) or not names.issuperset(data) or "model_name" not in data:
        raise IndexCorrupt(f"The manifest in the index database {shown(url)} is not readable.")
    try:
        return Manifest(**data)
    except TypeError as error:
        raise IndexCorrupt(
            f"The manifest in the index database {shown(url)} is incomplete ({error})."
        ) from None
