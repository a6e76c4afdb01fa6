"""Generations on disk and how a new one is published.

    index_dir/CURRENT         names the live generation ("gen-000007")
    index_dir/gen-000007/     chunks.sqlite, vectors.faiss, manifest.json (never modified)
    index_dir/.lock           held with flock by the one writer
    index_dir/.tmp-*          a writer's work in progress; removed by the next writer

Readers open only what CURRENT names, and a generation is renamed into place complete before
CURRENT is swapped with os.replace, so a writer killed at any point leaves the previous
generation whole and live.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import IO

from healthqa.errors import HealthQAError, IndexCorrupt

CURRENT_FILE = "CURRENT"
LOCK_FILE = ".lock"
TEMP_PREFIX = ".tmp-"
SQLITE_FILE = "chunks.sqlite"
VECTORS_FILE = "vectors.faiss"

_GENERATION_NAME = re.compile(r"gen-(\d{6,})")


def generation_name(number: int) -> str:
    return f"gen-{number:06d}"


def _generation_number(name: str) -> int | None:
    match = _GENERATION_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


def current_generation(index_dir: Path) -> int | None:
    """The live generation number; one small read, so the app can poll it to know when to reload."""
    try:
        name = (index_dir / CURRENT_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None
    number = _generation_number(name)
    if number is None:
        raise IndexCorrupt(f"{index_dir / CURRENT_FILE} names {name!r}, not an index generation.")
    return number


def index_exists(index_dir: Path) -> bool:
    return (index_dir / CURRENT_FILE).is_file()


def generation_dir(index_dir: Path, number: int) -> Path:
    return index_dir / generation_name(number)


def generation_numbers(index_dir: Path) -> list[int]:
    if not index_dir.is_dir():
        return []
    numbers = (_generation_number(child.name) for child in index_dir.iterdir() if child.is_dir())
    return sorted(n for n in numbers if n is not None)


class WriterLock:
    """An exclusive flock on index_dir/.lock; the kernel drops it if the writer dies."""

    def __init__(self, index_dir: Path) -> None:
        index_dir.mkdir(parents=True, exist_ok=True)
        self._file: IO[bytes] | None = (index_dir / LOCK_FILE).open("ab")
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._file.close()
            self._file = None
            raise HealthQAError(
                f"Another ingest is writing this index ({index_dir}); wait for it to finish."
            ) from None

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def remove_leftovers(index_dir: Path, current: int | None) -> None:
    """Deletes what a killed writer left: temp dirs and generations CURRENT never named.

    Only called while holding the writer lock, so nothing here is another writer's live work.
    """
    for child in index_dir.iterdir():
        if child.name.startswith(TEMP_PREFIX):
            _remove(child)
    for number in generation_numbers(index_dir):
        if current is None or number > current:
            _remove(generation_dir(index_dir, number))


def make_temp_dir(index_dir: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=index_dir))


def publish(index_dir: Path, temp_dir: Path, number: int) -> Path:
    """Makes the finished `temp_dir` generation `number` the live one, durably and atomically."""
    for child in temp_dir.iterdir():
        _fsync_file(child)
    _fsync_dir(temp_dir)
    final = generation_dir(index_dir, number)
    temp_dir.rename(final)
    _fsync_dir(index_dir)
    fd, pointer = tempfile.mkstemp(prefix=TEMP_PREFIX + "current-", dir=index_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(generation_name(number) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    Path(pointer).replace(index_dir / CURRENT_FILE)
    _fsync_dir(index_dir)
    return final


def prune(index_dir: Path, keep_from: int) -> None:
    """Deletes generations older than `keep_from`; the one before the live one stays for readers
    that still have it open (on POSIX they keep reading even after an unlink)."""
    for number in generation_numbers(index_dir):
        if number < keep_from:
            _remove(generation_dir(index_dir, number))


def remove_temp_dir(temp_dir: Path) -> None:
    _remove(temp_dir)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
