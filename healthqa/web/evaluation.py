"""The Evaluation page's index build, with the same progress bar as an upload's ingest.

`healthqa.evaluation.indexes.ensure_index` does the same without a progress display; this
keeps its rule (a failed file leaves no index behind, so scores never come from part of the
articles) and reports progress as it goes.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from healthqa.errors import EvaluationError
from healthqa.evaluation.indexes import index_is_empty
from healthqa.settings import Settings
from index.embedder import Embedder
from ingest.pipeline import IngestProgress, ingest_paths


def build_eval_index(
    paths: Sequence[Path], settings: Settings, embedder: Embedder, progress: IngestProgress
) -> bool:
    """Ingests `paths` into settings.index_dir unless an index is there; True if it built one."""
    if not index_is_empty(settings.index_dir):
        return False
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    report = ingest_paths(list(paths), settings=settings, embedder=embedder, progress=progress)
    if report.failed:
        shutil.rmtree(settings.index_dir, ignore_errors=True)
        first = report.failed[0]
        raise EvaluationError(
            f"{len(report.failed)} evaluation file(s) could not be indexed, so no index was "
            f"kept; {first.path}: {first.error}"
        )
    return True
