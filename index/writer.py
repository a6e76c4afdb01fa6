"""IndexWriter: builds the next generation from the live one, then publishes it atomically.

All changes go to a private copy; nothing a reader can see changes until commit() swaps CURRENT.
Re-ingesting one document touches only its rows and vectors, so an update costs a copy of the
files plus that document, never a rebuild.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from healthqa.errors import IndexCorrupt
from index.embedder import Vectors
from index.generations import (
    SQLITE_FILE,
    VECTORS_FILE,
    WriterLock,
    current_generation,
    generation_dir,
    generation_numbers,
    make_temp_dir,
    prune,
    publish,
    remove_leftovers,
    remove_temp_dir,
    write_error,
    writing,
)
from index.manifest import check_manifest, read_manifest, write_manifest
from index.records import Chunk, DocumentRecord, Manifest
from index.schema import (
    DOCUMENT_COLUMNS,
    NEXT_CHUNK_ID,
    connect_working_copy,
    create_schema,
    document_from_row,
    document_row,
    insert_chunks,
    placeholders,
    read_meta_int,
    write_meta_int,
)
from index.upserts import check_upsert, stored_record
from index.vectors import new_vector_index, read_vector_index, write_vector_index


class IndexWriter(AbstractContextManager["IndexWriter"]):
    def __init__(
        self,
        *,
        index_dir: Path,
        manifest: Manifest,
        lock: WriterLock,
        temp_dir: Path,
        previous: int | None,
        number: int,
        connection: sqlite3.Connection,
        vectors: Any,
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self.generation = number  # the number commit() will publish
        self._lock = lock
        self._temp_dir = temp_dir
        self._previous = previous
        self._db = connection
        self._vectors = vectors
        self._next_chunk_id = read_meta_int(connection, NEXT_CHUNK_ID)
        self._documents = {
            record.doc_id: record
            for record in map(
                document_from_row,
                connection.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents"),
            )
        }
        # Removing from a flat index compacts the whole array, so removals are batched into one
        # pass at commit; ids are never reused, so a pending removal cannot hit a new vector.
        self._pending_removals: list[int] = []
        self._finished = False

    @classmethod
    def open(cls, index_dir: Path, manifest: Manifest) -> IndexWriter:
        index_dir = Path(index_dir)
        lock = WriterLock(index_dir)
        try:
            previous = current_generation(index_dir)
            remove_leftovers(index_dir, previous)
            if previous is not None:
                check_manifest(
                    index_dir, read_manifest(generation_dir(index_dir, previous)), manifest
                )
            number = max([previous or 0, *generation_numbers(index_dir)]) + 1
            with writing(index_dir):
                temp_dir = make_temp_dir(index_dir)
            try:
                with writing(index_dir):
                    connection, vectors = _start_from(index_dir, previous, temp_dir, manifest)
                    connection.execute("BEGIN")
                return cls(
                    index_dir=index_dir,
                    manifest=manifest,
                    lock=lock,
                    temp_dir=temp_dir,
                    previous=previous,
                    number=number,
                    connection=connection,
                    vectors=vectors,
                )
            except BaseException:
                remove_temp_dir(temp_dir)
                raise
        except BaseException:
            lock.release()
            raise

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
        """Adds `record` or replaces the stored document with the same doc_id, chunks and all.

        `headers`: per section index, the section's header text and its vector. `verbatim`: the
        record comes whole from another index, so its version and ingest time are kept.
        """
        self._require_open()
        checked = check_upsert(
            record, chunks, vectors, sentence_vectors, headers, dimension=self.manifest.dimension
        )
        stored = stored_record(
            record, self._documents.get(record.doc_id), len(chunks), verbatim=verbatim
        )
        ids = list(range(self._next_chunk_id, self._next_chunk_id + len(chunks)))
        self._next_chunk_id += len(chunks)
        with writing(self.index_dir):
            self._db.execute("SAVEPOINT upsert")
            try:
                removed = self._delete_rows(record.doc_id)
                self._db.execute(
                    f"INSERT INTO documents({DOCUMENT_COLUMNS}) VALUES ({placeholders(11)})",
                    document_row(stored),
                )
                insert_chunks(self._db, ids, chunks, checked.sentence_blobs)
                self._db.executemany(
                    "INSERT INTO sections(doc_id, section_index, header, vector) "
                    "VALUES (?, ?, ?, ?)",
                    checked.section_rows,
                )
            except BaseException:
                _roll_back(self._db, "upsert")
                raise
            self._db.execute("RELEASE upsert")
        self._pending_removals.extend(removed)
        if ids:
            self._vectors.add_with_ids(checked.vectors, np.asarray(ids, dtype=np.int64))
        self._documents[record.doc_id] = stored
        return stored

    def relocate(self, doc_id: str, new_id: str, path: str | None) -> None:
        """Gives a stored document a new id and/or source path, keeping its chunks and vectors
        (the same content found under a new identity needs no re-embedding)."""
        self._require_open()
        old = self._documents.get(doc_id)
        if old is None:
            raise KeyError(doc_id)
        if new_id != doc_id and new_id in self._documents:
            raise ValueError(f"cannot move {doc_id!r} onto {new_id!r}, which is stored already")
        with writing(self.index_dir):
            self._relocate_rows(doc_id, new_id, path)
        del self._documents[doc_id]
        self._documents[new_id] = replace(old, doc_id=new_id, path=path)

    def _relocate_rows(self, doc_id: str, new_id: str, path: str | None) -> None:
        self._db.execute("SAVEPOINT relocate")
        try:
            self._db.execute(
                "UPDATE documents SET doc_id = ?, path = ? WHERE doc_id = ?", (new_id, path, doc_id)
            )
            self._db.execute("UPDATE chunks SET doc_id = ? WHERE doc_id = ?", (new_id, doc_id))
            self._db.execute("UPDATE sections SET doc_id = ? WHERE doc_id = ?", (new_id, doc_id))
        except BaseException:
            _roll_back(self._db, "relocate")
            raise
        self._db.execute("RELEASE relocate")

    def remove(self, doc_id: str) -> None:
        """Drops a document and its chunks; a doc_id the index does not hold is ignored."""
        self._require_open()
        if doc_id not in self._documents:
            return
        with writing(self.index_dir):
            self._pending_removals.extend(self._delete_rows(doc_id))
        del self._documents[doc_id]

    def commit(self) -> int:
        """Publishes the changes as the new live generation and returns its number."""
        self._require_open()
        with writing(self.index_dir):
            self._publish()
        self._finished = True
        try:
            prune(self.index_dir, keep_from=self._previous or self.generation)
        finally:
            self._lock.release()
        return self.generation

    def _publish(self) -> None:
        try:
            if self._pending_removals:
                self._vectors.remove_ids(np.asarray(self._pending_removals, dtype=np.int64))
            write_meta_int(self._db, NEXT_CHUNK_ID, self._next_chunk_id)
            (rows,) = self._db.execute("SELECT count(*) FROM chunks").fetchone()
            if rows != self._vectors.ntotal:
                raise IndexCorrupt(
                    f"The new index generation would hold {rows} chunks but "
                    f"{self._vectors.ntotal} vectors; nothing was published."
                )
            self._db.execute("COMMIT")
            # Fewer FTS segments make every later query cheaper; done once per generation.
            self._db.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")
            self._db.execute("PRAGMA journal_mode=DELETE")
            self._db.close()
            write_vector_index(self._vectors, self._temp_dir / VECTORS_FILE)
            write_manifest(self._temp_dir, self.manifest)
            publish(self.index_dir, self._temp_dir, self.generation)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Discards every change; the live generation stays exactly as it was."""
        if self._finished:
            return
        self._finished = True
        try:
            self._db.close()
        finally:
            remove_temp_dir(self._temp_dir)
            self._lock.release()

    def __exit__(self, *_: object) -> None:
        self.abort()

    def _require_open(self) -> None:
        if self._finished:
            raise RuntimeError("this IndexWriter has already committed or aborted")

    def _delete_rows(self, doc_id: str) -> list[int]:
        """Deletes the document's rows (FTS entries first: they are read from its chunk rows)."""
        ids = [row[0] for row in self._db.execute(
            "SELECT chunk_id FROM chunks WHERE doc_id = ?", (doc_id,)
        )]  # fmt: skip
        self._db.execute(
            "INSERT INTO chunks_fts(chunks_fts, rowid, title, section, text) "
            "SELECT 'delete', chunk_id, title, section, text FROM chunks WHERE doc_id = ?",
            (doc_id,),
        )
        self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM sections WHERE doc_id = ?", (doc_id,))
        self._db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        return ids


def _start_from(
    index_dir: Path, previous: int | None, temp_dir: Path, manifest: Manifest
) -> tuple[sqlite3.Connection, Any]:
    """The working copy: the live generation's files, or an empty schema for a new index."""
    db_path = temp_dir / SQLITE_FILE
    if previous is None:
        connection = connect_working_copy(db_path)
        create_schema(connection)
        return connection, new_vector_index(manifest.dimension)
    source = generation_dir(index_dir, previous)
    try:
        shutil.copyfile(source / SQLITE_FILE, db_path)
    except OSError as error:
        raise write_error(error, index_dir) or IndexCorrupt(
            f"The index at {index_dir} cannot be copied ({error})."
        ) from None
    vectors = read_vector_index(source / VECTORS_FILE, manifest.dimension)
    return connect_working_copy(db_path), vectors


def _roll_back(connection: sqlite3.Connection, savepoint: str) -> None:
    """Undoes a savepoint's changes; when the failure already ended the transaction (an I/O
    error does), there is nothing to undo and the generation is aborted anyway."""
    with contextlib.suppress(sqlite3.Error):
        connection.execute(f"ROLLBACK TO {savepoint}")
        connection.execute(f"RELEASE {savepoint}")
