"""A PostgreSQL server for the index tests: the one named in HEALTHQA_TEST_PG_URL, else PostgreSQL
16 + pgvector from the `pgserver` wheel, started from a temporary folder (nothing installed by
hand). Each test gets a database of its own on it.

Run as root, pgserver starts the server as a system user `pgserver`, which it creates with
`useradd` when missing, and opens the folders on the way to its data folder to that user.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

URL_VARIABLE = "HEALTHQA_TEST_PG_URL"
_numbers = itertools.count(1)


@contextmanager
def server_url(root: Path) -> Iterator[str]:
    """The URL of a server to make test databases on, for as long as the block runs."""
    given = os.environ.get(URL_VARIABLE)
    if given:
        yield given
        return
    with warnings.catch_warnings():  # it looks for XDG_RUNTIME_DIR at import and falls back
        warnings.simplefilter("ignore")
        import pgserver

    server = pgserver.get_server(root / "pgdata", cleanup_mode="delete")
    try:
        url = server.get_uri()
        _throwaway(url)
        yield url
    finally:
        server.cleanup()


def fresh_database(url: str) -> str:
    """A new empty database on the server at `url`; returns its URL."""
    name = f"healthqa_test_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return with_database(url, name)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _throwaway(url: str) -> None:
    """A server deleted after the session needs no crash safety: without fsync its shutdown
    checkpoint takes a moment instead of most of a minute on a busy disk."""
    with psycopg.connect(url, autocommit=True) as connection:
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            connection.execute(sql.SQL("ALTER SYSTEM SET {} = off").format(sql.Identifier(setting)))
        connection.execute("SELECT pg_reload_conf()")
