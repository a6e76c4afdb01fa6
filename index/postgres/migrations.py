"""The database schema, created and changed only by numbered SQL files shipped with the package.

`sql/0001_index.sql`, `sql/0002_....sql`, ...: each is applied once, in order, in one transaction
with its row in schema_migrations, under an advisory lock so two processes never apply the same
file twice. A file once released is never edited; a change is a new file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

import psycopg

from healthqa.errors import HealthQAError, IndexMismatch
from index.postgres.connection import shown

_FILE = re.compile(r"(\d{4})_(\w+)\.sql")
# Any fixed number: the key of the advisory lock held while migrating.
MIGRATION_LOCK = 0x4845414C  # "HEAL"


class MigrationFailed(HealthQAError):
    """A schema migration could not be applied; the schema is as it was."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The shipped migrations, in version order."""
    found = []
    for entry in files("index.postgres").joinpath("sql").iterdir():
        match = _FILE.fullmatch(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration files are not numbered 1..n: {versions}")
    return found


def latest_version() -> int:
    return len(migrations())


def applied_version(connection: psycopg.Connection) -> int:
    """The newest migration applied to this database; 0 for a database HealthQA never used."""
    (table,) = connection.execute("SELECT to_regclass('schema_migrations')").fetchone() or (None,)
    if table is None:
        return 0
    (version,) = connection.execute(
        "SELECT coalesce(max(version), 0) FROM schema_migrations"
    ).fetchone() or (0,)
    return int(version)


def migrate(connection: psycopg.Connection, url: str) -> list[int]:
    """Applies every migration this database lacks; returns the versions applied. All or none:
    a failure leaves the schema as it was and says which migration failed and why."""
    applied: list[int] = []
    if applied_version(connection) == latest_version():
        return applied  # the common case, without taking the lock
    step = "schema_migrations"
    try:
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            current = applied_version(connection)
            for migration in migrations():
                if migration.version <= current:
                    continue
                step = f"{migration.version:04d}_{migration.name}"
                connection.execute(migration.sql.encode())
                connection.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )
                applied.append(migration.version)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise MigrationFailed(
            f"The index database {shown(url)} could not be migrated ({step}: {reason}); it "
            "needs the pgvector extension and a user who may create tables and extensions "
            "there."
        ) from None
    return applied


def require_current(connection: psycopg.Connection, url: str) -> None:
    """Readers never migrate: a database behind or ahead of this code is refused in words."""
    found, wanted = applied_version(connection), latest_version()
    if found < wanted:
        raise IndexMismatch(
            f"The index database {shown(url)} has schema version {found}, but this HealthQA "
            f"needs {wanted}; run `healthqa ingest` against it once to migrate."
        )
    if found > wanted:
        raise IndexMismatch(
            f"The index database {shown(url)} has schema version {found}, newer than this "
            f"HealthQA knows ({wanted}); upgrade HealthQA."
        )
