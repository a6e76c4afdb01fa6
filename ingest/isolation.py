"""Files are loaded, cleaned and chunked in a loader process, one at a time, under limits.

A parser stuck on a hostile file cannot be stopped from inside the process (a thread cannot be
killed), and only a process can have its own memory limit; so each file is handed to a loader
process with an address-space limit (RLIMIT_AS) and a deadline, and a loader that blows either is
killed and replaced. Whatever goes wrong with one file (a loader error, a bomb, a timeout, a
crash) comes back as one failure sentence for that file, and the next file goes on.

The loader runs ahead of the model in a thread of the parent that only waits on the pipe, so
parsing, cleaning and chunking overlap embedding. It chunks with a copy of the model's tokenizer
(`index.embedder.TokenCounter`) and skips chunking an article whose content hash the index
already holds.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import resource
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

from healthqa.errors import IngestError, UnsupportedFormat
from healthqa.settings import Settings
from index.embedder import TokenCounter
from index.records import Chunk, DocumentRecord
from ingest.chunking import chunk_article
from ingest.cleaning import clean_article
from ingest.discover import LoadLimits, SourceFile, load_source
from ingest.model import Article

# Files loaded ahead of the one being embedded; bounds the memory a fast loader can fill.
_READ_AHEAD = 64
# How long a loader process may take to start (its imports), on a busy machine.
_STARTUP_S = 120.0


@dataclass(frozen=True)
class Limits:
    """The limits of one file's loading: what it may read (LoadLimits), how long it may take
    without producing a document, and how much address space the loader process may use."""

    load: LoadLimits
    timeout_s: float
    memory_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            load=LoadLimits.from_settings(settings),
            timeout_s=settings.file_timeout_s,
            memory_bytes=settings.loader_memory_bytes,
        )


@dataclass(frozen=True)
class ChunkPlan:
    """How the loader chunks: the model's tokenizer, the token budget, and how many chunks an
    article may make (None: no limit)."""

    count_tokens: TokenCounter
    max_tokens: int
    overlap_tokens: int
    max_chunks: int | None = None


@dataclass(frozen=True)
class Prepared:
    """One article of a file, cleaned and hashed.

    `chunks` is None when the index already holds this content (same hash), or when no
    ChunkPlan was given, in which case `article` is the cleaned article for the caller to chunk.
    `error` is set when the article loaded but could not be chunked.
    """

    record: DocumentRecord
    chunks: tuple[Chunk, ...] | None = None
    article: Article | None = None
    error: str | None = None


@dataclass(frozen=True)
class Loaded:
    """What became of one file: its articles, or one sentence saying why there are none."""

    source: SourceFile
    documents: tuple[Prepared, ...] = ()
    failure: str | None = None
    unsupported: bool = False  # the failure is "not a format HealthQA reads"
    warnings: tuple[str, ...] = ()  # parts of the file skipped while the rest loaded


def prepare_articles(
    articles: Iterable[Article],
    *,
    plan: ChunkPlan | None,
    known: Mapping[str, str],
) -> Iterator[Prepared]:
    """The articles of one file, cleaned, hashed and (if new or changed) chunked.

    `known`: content hash by document id of what the index holds already.
    """
    for loaded in articles:
        article, _ = clean_article(loaded)
        content_hash = article.content_hash
        record = _record_of(article, content_hash)
        if known.get(article.doc_id) == content_hash:
            yield Prepared(record)
        elif plan is None:
            yield Prepared(record, article=article)
        else:
            try:
                chunks = chunk_article(
                    article,
                    count_tokens=plan.count_tokens,
                    max_tokens=plan.max_tokens,
                    overlap_tokens=plan.overlap_tokens,
                    max_chunks=plan.max_chunks,
                )
            except IngestError as error:
                yield Prepared(record, error=str(error))
                continue
            yield Prepared(record, chunks=tuple(chunks))


def load_in_background(
    sources: Sequence[SourceFile],
    *,
    limits: Limits,
    plan: ChunkPlan | None,
    known: Mapping[str, str],
) -> Iterator[Loaded]:
    """Every source's outcome, in order, loaded by a loader process running ahead."""
    results: queue.Queue[Loaded | BaseException | None] = queue.Queue(maxsize=_READ_AHEAD)
    stop = threading.Event()

    loader = _LoaderProcess(limits, plan, known)

    def drive() -> None:
        try:
            with loader:
                for source in sources:
                    if stop.is_set():
                        return
                    results.put(loader.load(source))
            results.put(None)
        except BaseException as error:  # handed to the consuming thread, which raises it
            results.put(error)

    driver = threading.Thread(target=drive, name="healthqa-loader", daemon=True)
    driver.start()
    try:
        while True:
            item = results.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        if driver.is_alive():
            loader.cancel()  # the consumer stopped early: do not wait for a slow file
        while driver.is_alive():  # unblock a driver waiting for room in the queue
            with contextlib.suppress(queue.Empty):
                results.get(timeout=0.1)
        driver.join()


class _LoaderProcess:
    """One loader process, replaced whenever a file kills it or runs out of time.

    A plain `python -c` child rather than multiprocessing's: those re-import the parent's main
    module in the child (a script, the CLI, a Streamlit page), which costs the model's imports
    and breaks scripts without a main guard.
    """

    def __init__(self, limits: Limits, plan: ChunkPlan | None, known: Mapping[str, str]) -> None:
        self._limits = limits
        self._setup = (limits, plan, dict(known))
        self._process: subprocess.Popen[bytes] | None = None
        self._connection: Connection | None = None
        self._start_failure = ""

    def __enter__(self) -> _LoaderProcess:
        return self

    def __exit__(self, *_: object) -> None:
        self._stop(graceful=True)

    def load(self, source: SourceFile) -> Loaded:
        path = source.path
        connection = self._ensure_running()
        if connection is None:
            return Loaded(source, failure=f"{path} was not loaded: {self._start_failure}")
        documents: list[Prepared] = []
        warnings: list[str] = []
        try:
            connection.send(source)
        except OSError:
            return Loaded(source, failure=self._crashed(path))
        while True:
            try:
                ready = connection.poll(self._limits.timeout_s)
            except OSError:
                ready = True  # closed under us (cancelled): recv says so
            if not ready:
                self._stop(graceful=False)
                return Loaded(
                    source,
                    failure=f"{path} took more than {self._limits.timeout_s:g} s to load and was "
                    "stopped (HEALTHQA_FILE_TIMEOUT).",
                )
            try:
                kind, payload = connection.recv()
            except (EOFError, OSError):
                return Loaded(source, failure=self._crashed(path))
            if kind == "document":
                documents.append(payload)
            elif kind == "warning":
                warnings.append(payload)
            elif kind == "done":
                return Loaded(source, tuple(documents), warnings=tuple(warnings))
            else:  # "failed" or "failed-restart": one sentence, and whether it is a format matter
                message, unsupported = payload
                if kind == "failed-restart":
                    self._stop(graceful=False)
                return Loaded(source, failure=message, unsupported=unsupported)

    def cancel(self) -> None:
        """Kills the loader process from another thread; the file it was on comes back failed."""
        process = self._process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def _ensure_running(self) -> Connection | None:
        """The running loader's connection, or None (and `_start_failure`) if none would start."""
        if self._connection is not None and self._process and self._process.poll() is None:
            return self._connection
        self._stop(graceful=False)
        connection = self._start()
        # Starting (the imports) is not the first file's time: wait for the loader to say so.
        waited = max(_STARTUP_S, self._limits.timeout_s)
        try:
            if connection.poll(waited) and connection.recv() == ("ready", None):
                return connection
        except (EOFError, OSError):
            pass
        code = self._process.poll() if self._process else None
        self._start_failure = (
            f"the loader process did not start within {waited:g} s"
            if code is None
            else f"the loader process exited at start (exit {code})"
        )
        self._stop(graceful=False)
        return None

    def _start(self) -> Connection:
        ours, theirs = socket.socketpair()
        with theirs:
            # The child must import this package the way the parent did, wherever it runs from.
            path = os.pathsep.join(entry for entry in sys.path if entry)
            self._process = subprocess.Popen(  # noqa: S603 (our own interpreter and code)
                [sys.executable, "-c", _BOOTSTRAP, str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": path, "TOKENIZERS_PARALLELISM": "false"},
            )
        connection = Connection(ours.detach())
        connection.send(self._setup)
        self._connection = connection
        return connection

    def _crashed(self, path: object) -> str:
        process = self._process
        self._stop(graceful=False)
        code = process.returncode if process is not None else None
        if code is not None and code < 0:
            how = f"signal {signal.Signals(-code).name}" if -code in signal.valid_signals() else ""
            return f"{path} crashed the loader ({how or f'exit {code}'}); it was not ingested."
        return f"{path} stopped the loader unexpectedly (exit {code}); it was not ingested."

    def _stop(self, *, graceful: bool) -> None:
        process, connection = self._process, self._connection
        self._connection = None
        if connection is not None:
            if graceful:
                with contextlib.suppress(OSError):
                    connection.send(None)
            connection.close()
        if process is not None:
            try:
                process.wait(timeout=5 if graceful else 0.01)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


# The loader process's whole main program: the setup comes first over the socket, then files.
_BOOTSTRAP = "import sys; from ingest.isolation import serve_loader; serve_loader(int(sys.argv[1]))"


def serve_loader(fd: int) -> None:
    """The loader process: take a file, send what was skipped of it, its documents one by one,
    then "done"."""
    connection = Connection(fd)
    limits, plan, known = connection.recv()
    # A damaged PDF makes pypdf log a line per repair it tries; the file's outcome comes back
    # as one sentence instead.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crashing parser leaves no core file
    connection.send(("ready", None))
    while True:
        try:
            source = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if source is None:
            return
        try:
            contents = load_source(source, limits.load)
            for warning in contents.warnings:
                connection.send(("warning", warning))
            for prepared in prepare_articles(contents.articles, plan=plan, known=known):
                connection.send(("document", prepared))
        except UnsupportedFormat as error:
            connection.send(("failed", (str(error), True)))
        except IngestError as error:
            connection.send(("failed", (str(error), False)))
        except MemoryError:
            message = (
                f"{source.path} needs more than {limits.memory_bytes / 2**20:,.0f} MB of memory "
                "to load and was stopped (HEALTHQA_LOADER_MEMORY)."
            )
            connection.send(("failed-restart", (message, False)))
            return
        except RecursionError:
            message = f"{source.path} nests its structure too deeply to read; it was not ingested."
            connection.send(("failed", (message, False)))
        except Exception as error:  # a loader's own bug or a library's surprise: one sentence
            detail = " ".join(str(error).split())[:200]
            message = (
                f"{source.path} could not be loaded ({type(error).__name__}"
                f"{': ' + detail if detail else ''}); it was not ingested."
            )
            connection.send(("failed", (message, False)))
        else:
            connection.send(("done", None))


def _record_of(article: Article, content_hash: str) -> DocumentRecord:
    record = DocumentRecord(
        doc_id=article.doc_id,
        title=article.title,
        content_hash=content_hash,
        url=article.url,
        source=article.source,
        reviewed=article.reviewed,
        path=article.path,
        metadata=dict(article.metadata),
    )
    for value in (record.doc_id, record.path or "", record.url or "", record.source or ""):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise IngestError(
                f"{value.encode('utf-8', 'backslashreplace').decode()} is not valid UTF-8 "
                "(a file or document name with undecodable bytes); rename it."
            ) from None
    return record
