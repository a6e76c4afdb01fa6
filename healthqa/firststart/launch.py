"""What `make run` does before the app starts: nothing when an index is there, else start the
first-start job in the background (it must never keep the app from opening)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from healthqa.firststart.status import (
    FirstStartStatus,
    job_alive,
    log_path,
    read_status,
    status_path,
)
from healthqa.settings import Settings
from index.location import describe, index_exists
from ingest.sample import local_sample


def should_start(index_ready: bool, status: FirstStartStatus | None) -> bool:
    """Start the job when there is no index, or when an earlier job stopped before finishing;
    leave an index alone that the job did not make or already finished."""
    if status is not None and job_alive(status):
        return False
    if not index_ready:
        return True
    return status is not None and status.state in ("downloading", "indexing")


def start(settings: Settings, shared: Path, *, watch_pid: int | None = None) -> str:
    """Starts the job if it is needed; returns one sentence saying what happens."""
    status = read_status(status_path(settings.data_dir))
    ready = index_exists(settings.index_location)
    if status is not None and job_alive(status):
        return f"Indexing continues in the background (log: {status.log})."
    if not should_start(ready, status):
        return f"Using the article index at {describe(settings.index_location)}."
    log = log_path(settings.data_dir)
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "healthqa.firststart", "run", "--shared", str(shared)]
    if watch_pid is not None:
        command += ["--watch-pid", str(watch_pid)]
    with log.open("ab") as output:
        subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C on the app does not hit it mid-write
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    if local_sample(shared) is not None:
        where = str(shared)
    elif settings.download_sample:
        where = "GitHub (MedQuAD), or else the team's demo articles,"
    else:
        where = f"the team's demo articles (no sample in {shared}; see the log),"
    if ready:
        return f"Resuming the sample articles from {where} in the background (log: {log})."
    return (
        f"Indexing the sample articles from {where} in the background (log: {log}); "
        "the chat answers from the first ones in about a minute."
    )
