"""Progress drawn with st.progress: an ingest's (the CLI draws the same events with rich) and the
first-start job's, read from its status file."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from healthqa.firststart.status import ProgressView


class ProgressBar:
    """An IngestProgress: reading files is the first 30 %, embedding chunks the rest."""

    def __init__(self) -> None:
        self._bar = st.progress(0.0, text="Starting…")
        self._files = 0
        self._loaded = 0
        self._queued = 0
        self._embedded = 0

    def files_found(self, count: int) -> None:
        self._files = count
        self._draw(f"Found {count} file(s)")

    def file_loaded(self, path: str, documents: int) -> None:
        self._loaded += 1
        self._draw(f"Read {Path(path).name} ({documents} document(s))")

    def chunks_queued(self, count: int) -> None:
        self._queued += count
        self._draw(f"Embedding {self._queued} passage(s)")

    def batch_embedded(self, count: int) -> None:
        self._embedded += count
        self._draw(f"Embedded {self._embedded} of {self._queued} passage(s)")

    def _draw(self, text: str) -> None:
        reading = self._loaded / self._files if self._files else 1.0
        embedding = self._embedded / self._queued if self._queued else 0.0
        self._bar.progress(min(1.0, 0.3 * reading + 0.7 * embedding), text=text)

    def done(self) -> None:
        self._bar.progress(1.0, text="Done")


def show_progress(view: ProgressView) -> None:
    """A first-start progress line (its text is the job's own words, never article text)."""
    st.progress(view.fraction, text=view.text)
