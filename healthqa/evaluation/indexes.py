"""Indexes the evaluations run against, built through the normal ingest path when missing."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from healthqa.errors import EvaluationError
from healthqa.settings import Settings
from index.embedder import Embedder
from ingest.pipeline import ingest_paths

# Evaluation data the team writes ships inside the package, beside the code that reads it.
DATA_DIR = Path(__file__).resolve().parent / "data"
GOLDEN_DIR = DATA_DIR / "golden"

# The golden conversations are written against exactly these articles (paths under the shared
# data folder): the seed article, and MedQuAD topics from four collections. A bigger index would
# change which passage wins and so what a "faithful" answer quotes.
GOLDEN_SOURCES: tuple[str, ...] = (
    "seed/second-opinion-guide.txt",
    "medquad/7_SeniorHealth_QA/0000062.xml",  # Shingles
    "medquad/7_SeniorHealth_QA/0000028.xml",  # Gout
    "medquad/7_SeniorHealth_QA/0000027.xml",  # Glaucoma
    "medquad/7_SeniorHealth_QA/0000009.xml",  # Cataract
    "medquad/7_SeniorHealth_QA/0000017.xml",  # Dry Eye
    "medquad/7_SeniorHealth_QA/0000036.xml",  # High Blood Pressure
    "medquad/7_SeniorHealth_QA/0000050.xml",  # Osteoporosis
    "medquad/7_SeniorHealth_QA/0000059.xml",  # Psoriasis
    "medquad/7_SeniorHealth_QA/0000071.xml",  # Urinary Tract Infections
    "medquad/7_SeniorHealth_QA/0000032.xml",  # Hearing Loss
    "medquad/7_SeniorHealth_QA/0000063.xml",  # Skin Cancer
    "medquad/9_CDC_QA/0000342.xml",  # Rabies
    "medquad/9_CDC_QA/0000214.xml",  # Head Lice
    "medquad/9_CDC_QA/0000364.xml",  # Scabies
    "medquad/9_CDC_QA/0000327.xml",  # Pinworm
    "medquad/5_NIDDK_QA/0000009.xml",  # Hypothyroidism
    "medquad/5_NIDDK_QA/0000042.xml",  # Hypoglycemia
    "medquad/6_NINDS_QA/0000037.xml",  # Back Pain
    "medquad/6_NINDS_QA/0000025.xml",  # Aphasia
)


def golden_paths(shared_data: Path) -> list[Path]:
    paths = [shared_data / relative for relative in GOLDEN_SOURCES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise EvaluationError(
            f"The golden index needs {missing[0]}, which does not exist; point --shared at the "
            "shared data folder."
        )
    return paths


def default_eval_index(settings: Settings, name: str) -> Path:
    return settings.data_dir / "eval-index" / name


def index_is_empty(index_dir: Path) -> bool:
    return not index_dir.is_dir() or not any(index_dir.iterdir())


def ensure_index(paths: Sequence[Path], settings: Settings, embedder: Embedder) -> bool:
    """Ingest `paths` into settings.index_dir unless an index is already there; True if built.

    Scores over an index missing some of its articles would mislead, so one failed file removes
    the new index and raises.
    """
    if not index_is_empty(settings.index_dir):
        return False
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    report = ingest_paths(list(paths), settings=settings, embedder=embedder)
    if report.failed:
        shutil.rmtree(settings.index_dir, ignore_errors=True)
        first = report.failed[0]
        raise EvaluationError(
            f"{len(report.failed)} evaluation file(s) could not be indexed, so no index was "
            f"kept; {first.path}: {first.error}"
        )
    return True
