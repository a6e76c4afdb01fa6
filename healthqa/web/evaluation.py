"""The Evaluation page's index build, with the same progress bar as an upload's ingest: the one
`healthqa.evaluation.indexes.ensure_index` (a failed file leaves no index behind, so scores
never come from part of the articles), reporting progress as it goes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from healthqa.evaluation.indexes import ensure_index
from healthqa.settings import Settings
from index.embedder import Embedder
from ingest.pipeline import IngestProgress


def build_eval_index(
    paths: Sequence[Path], settings: Settings, embedder: Embedder, progress: IngestProgress
) -> bool:
    """Ingests `paths` into settings.index_dir unless an index is there; True if it built one."""
    return ensure_index(paths, settings, embedder, progress)
