"""The first-start job: fetch the sample if needed, then index it batch by batch, each batch one
`ingest_paths` run that publishes a generation, writing progress to the status file.

It runs in its own process (see `launch`), below the app's priority, and stops by itself when
the app it was started for has stopped; a batch it is in the middle of is simply not published
(the next `make run` picks up where it left off: finished documents are skipped by their hash).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from healthqa.errors import HealthQAError
from healthqa.firststart.plan import BATCH_BYTES, Batch, plan_batches
from healthqa.firststart.status import (
    FirstStartStatus,
    log_path,
    process_alive,
    status_path,
    write_status,
)
from healthqa.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder
from ingest.pipeline import IngestReport, ingest_paths
from ingest.sample import (
    DEMO_NOTE,
    FIRST_BYTES,
    NO_DOWNLOAD_NOTE,
    SampleUnavailable,
    demo_articles,
    download_sample,
    local_sample,
    split_sample,
)

logger = logging.getLogger("healthqa.firststart")

WRITE_EVERY_SECONDS = 1.0
RETRIES = 3
RETRY_WAIT_SECONDS = 10.0


class JobStopped(Exception):
    """The app this job was started for is gone."""


class Tracker:
    """The job's status, written to the status file as work progresses (an IngestProgress)."""

    def __init__(
        self,
        path: Path,
        status: FirstStartStatus,
        *,
        should_stop: Callable[[], bool] = lambda: False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.path = path
        self.status = status
        self._should_stop = should_stop
        self._clock = clock
        self._started: float | None = None
        self._last_write = float("-inf")
        self._batch: Batch | None = None
        self._bytes_before = 0.0
        self._files = self._loaded = self._queued = self._embedded = 0

    def update(self, **changes: object) -> None:
        self.status = replace(self.status, **changes)  # type: ignore[arg-type]
        self._write(force=True)

    def planned(self, batches: Sequence[Batch]) -> None:
        self.update(
            state="indexing",
            documents_total=sum(b.documents for b in batches),
            first_documents=batches[0].documents if batches else 0,
            bytes_total=sum(b.bytes for b in batches),
            bytes_first=batches[0].bytes if batches else 0,
        )

    def start_clock(self) -> None:
        """Rates are measured from here, once the model is loaded."""
        self._started = self._clock()

    def begin(self, batch: Batch) -> None:
        self._batch = batch
        self._bytes_before = self.status.bytes_progress
        self._files = self._loaded = self._queued = self._embedded = 0

    def published(self, batch: Batch, report: IngestReport) -> None:
        self.update(
            documents_done=self.status.documents_done + batch.documents,
            bytes_progress=self._bytes_before + batch.bytes,
            bytes_per_second=self._rate(self._bytes_before + batch.bytes),
            generation=report.generation,
        )

    # IngestProgress
    def files_found(self, count: int) -> None:
        self._files = count
        self._moved()

    def file_loaded(self, path: str, documents: int) -> None:  # noqa: ARG002 (protocol)
        self._loaded += 1
        self._moved()

    def chunks_queued(self, count: int) -> None:
        self._queued += count

    def batch_embedded(self, count: int) -> None:
        self._embedded += count
        self._moved()

    def _moved(self) -> None:
        if self._should_stop():
            raise JobStopped
        if self._batch is None:
            return
        reading = self._loaded / self._files if self._files else 0.0
        embedding = self._embedded / self._queued if self._queued else 0.0
        # Reading is quick and embedding is the work; queued passages grow as files are read,
        # so the share never goes backwards.
        done = self._bytes_before + (0.1 * reading + 0.9 * embedding) * self._batch.bytes
        ceiling = self._bytes_before + self._batch.bytes
        progress = max(self.status.bytes_progress, min(done, ceiling))
        self.status = replace(
            self.status, bytes_progress=progress, bytes_per_second=self._rate(progress)
        )
        self._write()

    def _rate(self, progress: float) -> float | None:
        if self._started is None:
            return None
        elapsed = self._clock() - self._started
        return progress / elapsed if elapsed > 1.0 and progress > 0 else None

    def _write(self, *, force: bool = False) -> None:
        now = self._clock()
        if force or now - self._last_write >= WRITE_EVERY_SECONDS:
            write_status(self.path, self.status)
            self._last_write = now


def index_batches(
    batches: Sequence[Batch],
    settings: Settings,
    embedder: Embedder,
    tracker: Tracker,
    *,
    retry_wait: float = RETRY_WAIT_SECONDS,
) -> list[str]:
    """Ingests each batch as its own generation; returns one line per file that failed."""
    failures: list[str] = []
    for number, batch in enumerate(batches, start=1):
        started = time.monotonic()
        tracker.begin(batch)
        report = _ingest_with_retries(batch, settings, embedder, tracker, retry_wait)
        tracker.published(batch, report)
        failures += [f"{f.path}: {f.error}" for f in report.failed]
        logger.info(
            "batch %d/%d: %d files, %d added, %d unchanged, %d failed, generation %s, %.1f s",
            number, len(batches), batch.documents, len(report.added), len(report.unchanged),
            len(report.failed), report.generation, time.monotonic() - started,
        )  # fmt: skip
    return failures


def _ingest_with_retries(
    batch: Batch, settings: Settings, embedder: Embedder, tracker: Tracker, retry_wait: float
) -> IngestReport:
    for attempt in range(1, RETRIES + 1):
        try:
            return ingest_paths(
                list(batch.paths), settings=settings, embedder=embedder, progress=tracker
            )
        except HealthQAError as error:
            # Most likely an editor's ingest holds the index for a moment.
            if attempt == RETRIES:
                raise
            logger.warning("%s (attempt %d of %d); trying again", error, attempt, RETRIES)
            time.sleep(retry_wait)
    raise AssertionError("unreachable")


def run(
    settings: Settings,
    shared: Path,
    *,
    watch_pid: int | None = None,
    first_bytes: int = FIRST_BYTES,
    batch_bytes: int = BATCH_BYTES,
) -> int:
    """The whole job; the return value is the process's exit status."""
    tracker = Tracker(
        status_path(settings.data_dir),
        FirstStartStatus(
            state="downloading", pid=os.getpid(), log=str(log_path(settings.data_dir))
        ),
        should_stop=lambda: watch_pid is not None and not process_alive(watch_pid),
    )
    fallback = ""  # why the demo articles were indexed instead of the sample
    try:
        roots = local_sample(shared)
        if roots is None and settings.download_sample:
            tracker.update()
            logger.info("%s has no sample; downloading MedQuAD's sample collections", shared)
            try:
                roots = download_sample(settings.data_dir / "sample")
            except SampleUnavailable as error:
                fallback = f"{error} {DEMO_NOTE}"
        elif roots is None:
            fallback = f"There are no sample articles in {shared}. {NO_DOWNLOAD_NOTE} {DEMO_NOTE}"
        if roots is None:
            # A fresh clone without ../shared still gets a chat to try: the demo articles,
            # each cited as written by the team and not vetted.
            logger.warning("%s", fallback)
            roots = demo_articles()
            if not roots:
                raise SampleUnavailable(fallback)
            tracker.update(message=fallback)
        sample = split_sample(roots, first_bytes=first_bytes)
        batches = plan_batches(sample, batch_bytes=batch_bytes)
        tracker.planned(batches)
        logger.info(
            "%d documents in %d batches (first: %d documents)",
            tracker.status.documents_total, len(batches), tracker.status.first_documents,
        )  # fmt: skip
        embedder = SentenceTransformerEmbedder(
            settings.embedding_model, batch_size=settings.embed_batch_size
        )
        tracker.start_clock()
        failures = index_batches(batches, settings, embedder, tracker)
    except JobStopped:
        logger.info("the app has stopped, so indexing stops too; `make run` resumes it")
        return 0
    except SampleUnavailable as error:
        logger.error("%s", error)
        tracker.update(state="failed", message=str(error))
        return 1
    except HealthQAError as error:
        logger.error("%s", error)
        tracker.update(state="failed", message=f"Indexing the sample stopped: {error}")
        return 1
    except Exception:
        logger.exception("indexing the sample failed")
        tracker.update(
            state="failed",
            message="Indexing the sample stopped unexpectedly; the details are in "
            f"{tracker.status.log}.",
        )
        return 1
    message = fallback
    if failures:
        message += (
            f" {len(failures)} sample file(s) could not be indexed; see {tracker.status.log}."
        )
        for failure in failures:
            logger.warning("failed: %s", failure)
    tracker.update(state="done", message=message.strip())
    logger.info("done: %d documents", tracker.status.documents_done)
    return 0

