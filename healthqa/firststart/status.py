"""The first-start job's progress: a small JSON file the job replaces atomically and the chat
page reads (a page never sees half a file, and a missing or unreadable file means "no job")."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Literal

State = Literal["downloading", "indexing", "done", "failed"]
STATUS_FILE = "firststart.json"
LOG_FILE = "firststart.log"


@dataclass(frozen=True)
class FirstStartStatus:
    state: State
    pid: int  # the job's process, to tell a running job from one that was stopped
    documents_total: int = 0
    documents_done: int = 0  # documents already searchable (their batch was published)
    first_documents: int = 0  # documents in the first, small batch
    bytes_total: int = 0
    bytes_first: int = 0
    bytes_progress: float = 0.0  # work done, in bytes of article files (partial batches count)
    bytes_per_second: float | None = None  # measured since indexing began; None until known
    generation: int | None = None  # the last generation the job published
    message: str = ""  # one sentence when something failed (a download, a batch)
    log: str = ""
    updated_at: float = 0.0  # time.time() of the last write

    @property
    def running(self) -> bool:
        return self.state in ("downloading", "indexing")


def status_path(data_dir: Path) -> Path:
    return data_dir / STATUS_FILE


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_FILE


def write_status(path: Path, status: FirstStartStatus) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    stamped = replace(status, updated_at=time.time())
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(stamped), handle)
    Path(partial).replace(path)


def read_status(path: Path) -> FirstStartStatus | None:
    """The last status written, or None when there is none (or it cannot be read)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        known = {f.name for f in fields(FirstStartStatus)}
        return FirstStartStatus(**{k: v for k, v in raw.items() if k in known})
    except (OSError, ValueError, TypeError):
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def job_alive(status: FirstStartStatus) -> bool:
    """True while the job that wrote `status` is still running."""
    return status.running and process_alive(status.pid)


@dataclass(frozen=True)
class ProgressView:
    fraction: float  # for a progress bar, 0..1
    text: str  # one sentence


def first_batch_progress(status: FirstStartStatus, now: float) -> ProgressView:
    """Progress towards the first searchable articles (before the chat can answer)."""
    if status.state == "downloading":
        return ProgressView(0.0, "Downloading the sample articles…")
    total = max(status.bytes_first, 1)
    fraction = min(1.0, status.bytes_progress / total)
    left = _seconds_left(status, status.bytes_first, now)
    when = f"in {_duration(left)}" if left is not None else "soon"
    return ProgressView(
        fraction,
        f"Indexing the first {status.first_documents} articles; the chat opens {when}.",
    )


def background_progress(status: FirstStartStatus, now: float) -> ProgressView:
    """Progress of the whole sample while the chat already answers from part of it."""
    total = max(status.bytes_total, 1)
    fraction = min(1.0, status.bytes_progress / total)
    left = _seconds_left(status, status.bytes_total, now)
    tail = f", {_duration(left)} left" if left is not None else ""
    return ProgressView(
        fraction,
        f"Adding more articles in the background: {status.documents_done} of "
        f"{status.documents_total} documents searchable{tail}.",
    )


def _seconds_left(status: FirstStartStatus, target_bytes: int, now: float) -> float | None:
    if not status.bytes_per_second:
        return None
    left = (target_bytes - status.bytes_progress) / status.bytes_per_second
    return max(0.0, left - max(0.0, now - status.updated_at))


def _duration(seconds: float) -> str:
    if seconds < 10:
        return "a few seconds"
    if seconds < 90:
        return f"about {round(seconds / 5) * 5:.0f} s"
    return f"about {round(seconds / 60):.0f} min"
