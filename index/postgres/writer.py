"""PostgresWriter: adds, replaces and removes documents, one transaction per batch of documents.

A document's old chunks are retired and its new ones written in the same transaction, so a
reader sees the old or the new document, never both or neither. Every `batch_documents` changed
documents the transaction commits (a long ingest is durable in steps and never holds one huge
transaction, and searches see the batch at once); commit() commits the rest and bumps the
generation, once per run, so the app rebuilds what it derives from the whole index (the speller's
vocabulary) once per run rather than per batch. abort() discards what the current batch changed.
One writer at a time: a second one is refused while the first holds the advisory lock, as the
embedded index refuses a second writer on its lock file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace

import psycopg
from pgvector.psycopg import register_vector

from healthqa.errors import HealthQAError
from index.embedder import Vectors
from index.manifest import check_manifest
from index.postgres.connection import connect, failed, shown
from index.postgres.migrations import migrate
from index.postgres.rows import (
    DOCUMENT_SELECT,
    INSERT_CHUNK,
    INSERT_DOCUMENT,
    chunk_row,
    document_row,
)
from index.postgres.state import (
    ensure_vector_index,
    next_generation,
    read_state,
    record_manifest,
)
from index.records import Chunk, DocumentRecord, Manifest
from index.schema import document_from_row
from index.upserts import check_upsert, stored_record

# Any fixed number: the key of the advisory lock the one writer holds.
WRITER_LOCK = 0x48514958  # "HQIX"
BATCH_DOCUMENTS = 200
# Replaced chunks stay readable by id this long, for retrievals that found them just before.
RETIRED_KEPT = "10 minutes"


class PostgresWriter(AbstractContextManager["PostgresWriter"]):
    def __init__(
        self,
        *,
        url: str,
        manifest: Manifest,
        connection: psycopg.Connection,
        documents: dict[str, DocumentRecord],
        batch_documents: int,
    ) -> None:
        self.url = url
        self.manifest = manifest
        self._db = connection
        self._documents = documents
        self._batch_documents = batch_documents
        self._changed_in_batch = 0
        self._finished = False

    @classmethod
    def open(
        cls, url: str, manifest: Manifest, *, batch_documents: int = BATCH_DOCUMENTS
    ) -> PostgresWriter:
        connection = connect(url, vectors=False)
        try:
            _take_writer_lock(connection, url)
            migrate(connection, url)
            register_vector(connection)
            connection.autocommit = False
            _, found = read_state(connection, url)
            if found is None:
                record_manifest(connection, manifest)
            else:
                check_manifest(shown(url), found, manifest)
            documents = {
                record.doc_id: record
                for record in map(document_from_row, connection.execute(DOCUMENT_SELECT))
            }
        except BaseException:
            _release(connection)
            raise
        return cls(
            url=url,
            manifest=manifest,
            connection=connection,
            documents=documents,
            batch_documents=batch_documents,
        )

    def documents(self) -> dict[str, DocumentRecord]:
        return dict(self._documents)

    def upsert(
        self,
        record: DocumentRecord,
        chunks: Sequence[Chunk],
        vectors: Vectors,
        sentence_vectors: Sequence[Vectors],
        headers: Mapping[int, tuple[str, Vectors]] | None = None,
        *,
        verbatim: bool = False,
    ) -> DocumentRecord:
        """Adds `record` or replaces the stored document with the same doc_id, chunks and all
        (`verbatim`: a copy from another index, its version and ingest time kept)."""
        self._require_open()
        checked = check_upsert(
            record, chunks, vectors, sentence_vectors, headers, dimension=self.manifest.dimension
        )
        stored = stored_record(
            record, self._documents.get(record.doc_id), len(chunks), verbatim=verbatim
        )
        with _savepoint(self._db, self.url):  # a failed upsert leaves the batch as it was
            self._retire(record.doc_id)
            self._db.execute(INSERT_DOCUMENT, document_row(stored))
            with self._db.cursor() as cursor:
                cursor.executemany(
                    INSERT_CHUNK,
                    [
                        chunk_row(chunk, blob, vector, stored)
                        for chunk, blob, vector in zip(
                            chunks, checked.sentence_blobs, checked.vectors, strict=True
                        )
                    ],
                )
                cursor.executemany(
                    "INSERT INTO sections (doc_id, section_index, header, vector) "
                    "VALUES (%s, %s, %s, %s)",
                    checked.section_rows,
                )
        self._documents[record.doc_id] = stored
        self._changed()
        return stored

    def relocate(self, doc_id: str, new_id: str, path: str | None) -> None:
        """Gives a stored document a new id and/or source path, keeping its chunks and vectors."""
        self._require_open()
        old = self._documents.get(doc_id)
        if old is None:
            raise KeyError(doc_id)
        if new_id != doc_id and new_id in self._documents:
            raise ValueError(f"cannot move {doc_id!r} onto {new_id!r}, which is stored already")
        with _savepoint(self._db, self.url):
            self._db.execute(
                "UPDATE documents SET doc_id = %s, path = %s WHERE doc_id = %s",
                (new_id, path, doc_id),
            )
            self._db.execute(
                "UPDATE chunks SET doc_id = %s WHERE doc_id = %s AND retired_at IS NULL",
                (new_id, doc_id),
            )
        del self._documents[doc_id]
        self._documents[new_id] = replace(old, doc_id=new_id, path=path)
        self._changed()

    def remove(self, doc_id: str) -> None:
        """Drops a document and its chunks; a doc_id the index does not hold is ignored."""
        self._require_open()
        if doc_id not in self._documents:
            return
        with _savepoint(self._db, self.url):
            self._retire(doc_id)
        del self._documents[doc_id]
        self._changed()

    def commit(self) -> int:
        """Commits the last batch and returns the new generation number."""
        self._require_open()
        try:
            ensure_vector_index(self._db)
            generation = next_generation(self._db)
            self._commit_batch()
        except psycopg.OperationalError as error:
            self.abort()
            raise failed(self.url, error) from None
        except BaseException:
            self.abort()
            raise
        self._finish()
        return generation

    def abort(self) -> None:
        """Discards the changes of the current batch (earlier batches are committed)."""
        if self._finished:
            return
        self._finish()

    def __exit__(self, *_: object) -> None:
        self.abort()

    def _changed(self) -> None:
        self._changed_in_batch += 1
        if self._changed_in_batch >= self._batch_documents:
            self._commit_batch()

    def _commit_batch(self) -> None:
        self._db.execute(
            "DELETE FROM chunks WHERE retired_at < now() - %s::interval", (RETIRED_KEPT,)
        )
        self._db.commit()
        self._changed_in_batch = 0

    def _retire(self, doc_id: str) -> None:
        self._db.execute(
            "UPDATE chunks SET retired_at = now() WHERE doc_id = %s AND retired_at IS NULL",
            (doc_id,),
        )
        self._db.execute("DELETE FROM documents WHERE doc_id = %s", (doc_id,))

    def _finish(self) -> None:
        """Releases the lock before closing: a closed connection's session may linger on the
        server for a moment, and the next writer must not be refused meanwhile."""
        self._finished = True
        _release(self._db)

    def _require_open(self) -> None:
        if self._finished:
            raise RuntimeError("this PostgresWriter has already committed or aborted")


def _take_writer_lock(connection: psycopg.Connection, url: str) -> None:
    row = connection.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()
    if not (row and row[0]):
        raise HealthQAError(
            f"Another ingest is writing this index ({shown(url)}); wait for it to finish."
        )


@contextmanager
def _savepoint(connection: psycopg.Connection, url: str) -> Iterator[None]:
    """One change inside the batch's transaction (which the first statement opens: the
    connection is not in autocommit mode), undone alone if it fails."""
    try:
        connection.execute("SAVEPOINT change")
        try:
            yield
        except BaseException:
            if not connection.broken:
                connection.execute("ROLLBACK TO SAVEPOINT change")
            raise
        connection.execute("RELEASE SAVEPOINT change")
    except psycopg.OperationalError as error:
        raise failed(url, error) from None


def _release(connection: psycopg.Connection) -> None:
    """Unlocks, then closes (closing alone would end the session, and the lock with it, only
    once the server notices)."""
    try:
        if not connection.closed and not connection.broken:
            connection.rollback()
            connection.execute("SELECT pg_advisory_unlock_all()")
    finally:
        connection.close()
