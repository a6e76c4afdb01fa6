"""Connections to the index database: one for a writer, a small pool for a reader.

Every connection gets pgvector's types registered, so vectors travel as numpy arrays. A URL is
shown in messages without its password.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import psycopg
from pgvector.psycopg import register_vector
from psycopg_pool import ConnectionPool

from healthqa.errors import HealthQAError

CONNECT_TIMEOUT_S = 10
POOL_SIZE = 4
# HNSW returns at most ef_search rows: enough for the retriever's candidates without a per-query
# setting (a reader asking for more raises it for that query).
EF_SEARCH = 100


class DatabaseUnavailable(HealthQAError):
    """The index database cannot be reached or refused the connection."""


def shown(url: str) -> str:
    """The URL as it may appear in a message: any password replaced by ***."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def connect(url: str, *, vectors: bool = True) -> psycopg.Connection:
    """A connection in autocommit mode (transactions are opened explicitly where they matter).

    `vectors`: register pgvector's types; False before the extension exists (migrations).
    """
    try:
        connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.OperationalError as error:
        raise unavailable(url, error) from None
    if vectors:
        register_vector(connection)
    return connection


def open_pool(url: str) -> ConnectionPool:
    def configure(connection: psycopg.Connection) -> None:
        register_vector(connection)
        connection.execute(f"SET hnsw.ef_search = {EF_SEARCH}")

    pool = ConnectionPool(
        url,
        min_size=1,
        max_size=POOL_SIZE,
        kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S},
        configure=configure,
        # A connection the server dropped (a restart, a failover) is replaced, not handed out.
        check=ConnectionPool.check_connection,
        timeout=CONNECT_TIMEOUT_S,
        open=False,
    )
    pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
    return pool


def unavailable(url: str, error: BaseException) -> DatabaseUnavailable:
    """For a connection that could not be made."""
    return DatabaseUnavailable(
        f"The index database {shown(url)} cannot be reached ({_reason(error)})."
    )


def failed(url: str, error: BaseException) -> DatabaseUnavailable:
    """For a request the server could not finish (it went away, its disk is full, ...)."""
    return DatabaseUnavailable(
        f"The index database {shown(url)} could not finish a request ({_reason(error)})."
    )


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
