"""Indexes the evaluations run against, built through the normal ingest path when missing.

A golden file `NAME.jsonl` is written against exactly the articles listed in `NAME.sources.txt`
beside it (paths relative to the shared data folder, `#` starts a comment): a bigger index would
change which passage wins and so what a faithful answer quotes.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from healthqa.errors import EvaluationError
from healthqa.settings import Settings
from index.embedder import Embedder
from index.generations import LOCK_FILE, TEMP_PREFIX, index_exists
from ingest.pipeline import IngestProgress, ingest_paths

# Evaluation data the team writes ships inside the package, beside the code that reads it.
DATA_DIR = Path(__file__).resolve().parent / "data"
GOLDEN_DIR = DATA_DIR / "golden"
OUT_OF_SCOPE_FILE = DATA_DIR / "out-of-scope.txt"


def sources_file(golden_file: Path) -> Path:
    return golden_file.with_name(golden_file.name.removesuffix(".jsonl") + ".sources.txt")


def golden_paths(golden_file: Path, shared_data: Path) -> list[Path]:
    """The articles a golden file's index is built from."""
    listing = sources_file(golden_file)
    if not listing.is_file():
        raise EvaluationError(
            f"{golden_file.name} needs {listing.name} beside it, listing the articles its "
            "index is built from."
        )
    lines = (line.split("#", 1)[0].strip() for line in listing.read_text("utf-8").splitlines())
    paths = [shared_data / line for line in lines if line]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise EvaluationError(
            f"The golden index needs {missing[0]}, which does not exist; point "
            "HEALTHQA_SHARED_DATA (or --shared) at the shared data folder."
        )
    return paths


def golden_index_name(golden_file: Path) -> str:
    return "golden-" + golden_file.name.removesuffix(".jsonl")


def default_eval_index(settings: Settings, name: str) -> Path:
    return settings.data_dir / "eval-index" / name


def index_is_empty(index_dir: Path) -> bool:
    """No index has been published there. A build stopped before its first generation (the app
    closed, the process killed) leaves its lock and work in progress, which the next build
    clears; anything else in the folder is not ours to overwrite."""
    if not index_dir.is_dir():
        return True
    if index_exists(index_dir):
        return False
    return all(p.name == LOCK_FILE or p.name.startswith(TEMP_PREFIX) for p in index_dir.iterdir())


def ensure_index(
    paths: Sequence[Path],
    settings: Settings,
    embedder: Embedder,
    progress: IngestProgress | None = None,
) -> bool:
    """Ingest `paths` into settings.index_dir unless an index is already there; True if built.

    Scores over an index missing some of its articles would mislead, so one failed file removes
    the new index and raises.
    """
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
