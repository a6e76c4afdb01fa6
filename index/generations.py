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

import errno
import fcntl
import os
import re
import resource
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from healthqa.errors import (
    HealthQAError,
    IndexCorrupt,
    IndexDiskFull,
    IndexFileTooLarge,
    IndexPermissionDenied,
    IndexReadOnly,
    IndexWriteError,
)

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
        with writing(index_dir):
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
    # mkdtemp makes 0700 whatever the umask; a generation is shared like any file the user makes.
    path = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=index_dir))
    path.chmod(0o777 & ~current_umask())
    return path


def current_umask() -> int:
    """The process umask, read without changing it where Linux allows (os.umask can only swap)."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def writing(index_dir: Path) -> Iterator[None]:
    """Turns a failed write (disk full, file too large, read-only, permission) into one sentence.

    Callers abort their generation on the way out, so the live one is left as it was.
    """
    try:
        yield
    except (OSError, sqlite3.Error, RuntimeError) as error:
        translated = write_error(error, index_dir)
        if translated is None:
            raise
        raise translated from None


_UNCHANGED = "the index is unchanged"


def write_error(error: BaseException, index_dir: Path) -> IndexWriteError | None:
    """The IndexWriteError an OS, SQLite or FAISS write failure means, or None if it is not one."""
    code = _errno_of(error, index_dir)
    if code == errno.ENOSPC:
        return IndexDiskFull(
            f"The disk holding the index at {index_dir} is full; free some space and run the "
            f"ingest again ({_UNCHANGED})."
        )
    if code == errno.EFBIG:
        return IndexFileTooLarge(
            f"A file of the index at {index_dir} grew past the largest file this system allows "
            f"(ulimit -f); raise that limit or use another disk ({_UNCHANGED})."
        )
    if code == errno.EROFS:
        return IndexReadOnly(
            f"The index folder {index_dir} is on a read-only file system; set HEALTHQA_INDEX to "
            f"a writable folder ({_UNCHANGED})."
        )
    if code in {errno.EACCES, errno.EPERM}:
        return IndexPermissionDenied(
            f"This user may not write in the index folder {index_dir}; fix its permissions or "
            f"set HEALTHQA_INDEX to a folder you own ({_UNCHANGED})."
        )
    if code == errno.EIO:
        return IndexWriteError(
            f"The index at {index_dir} could not be written (disk I/O error); check the disk "
            f"and run the ingest again ({_UNCHANGED})."
        )
    return None


_MESSAGES = (
    ("no space left", errno.ENOSPC),
    ("disk is full", errno.ENOSPC),
    ("file too large", errno.EFBIG),
    ("read-only file system", errno.EROFS),
    ("readonly database", errno.EROFS),
    ("permission denied", errno.EACCES),
)


def _errno_of(error: BaseException, index_dir: Path) -> int | None:
    """The system error behind `error`: its errno, else read from the message (FAISS and SQLite
    say it only in words), else for a bare SQLite I/O error guessed from the disk's state."""
    code = getattr(error, "errno", None)
    if isinstance(code, int):
        return code
    text = str(error).lower()
    for words, meant in _MESSAGES:
        if words in text:
            return meant
    sqlite_code = getattr(error, "sqlite_errorcode", None)
    if sqlite_code == _SQLITE_CANTOPEN:
        return errno.EACCES
    if sqlite_code is None or sqlite_code & 0xFF != _SQLITE_IOERR:
        return None
    if _disk_nearly_full(index_dir):
        return errno.ENOSPC
    return errno.EFBIG if _file_at_size_limit(index_dir) else errno.EIO


_SQLITE_IOERR = 10
_SQLITE_CANTOPEN = 14


def _disk_nearly_full(index_dir: Path) -> bool:
    try:
        found = os.statvfs(index_dir)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 1024 * 1024


def _file_at_size_limit(index_dir: Path) -> bool:
    limit, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if limit == resource.RLIM_INFINITY:
        return False
    sizes = (p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    return max(sizes, default=0) >= limit * 0.9


def publish(index_dir: Path, temp_dir: Path, number: int) -> Path:
    """Makes the finished `temp_dir` generation `number` the live one, durably and atomically."""
    for child in temp_dir.iterdir():
        _fsync_file(child)
    _fsync_dir(temp_dir)
    final = generation_dir(index_dir, number)
    temp_dir.rename(final)
    _fsync_dir(index_dir)
    fd, pointer = tempfile.mkstemp(prefix=TEMP_PREFIX + "current-", dir=index_dir)
    os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes 0600 whatever the umask
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
