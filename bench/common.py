"""Shared by the benchmark scripts: settings, the model, and an index built through the normal
ingest path when it is missing."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.generations import index_exists
from ingest.pipeline import ingest_paths

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
MEDIQA = SHARED / "eval" / "mediqa-qa"


def ensure_index(
    index_dir: Path, sources: Sequence[Path]
) -> tuple[Settings, SentenceTransformerEmbedder]:
    settings = Settings.from_env().with_index(index_dir)
    embedder = SentenceTransformerEmbedder(
        settings.embedding_model, batch_size=settings.embed_batch_size
    )
    if not index_exists(index_dir):
        print(f"building {index_dir} from {', '.join(map(str, sources))} ...", flush=True)
        started = time.perf_counter()
        ingest_paths(list(sources), settings=settings, embedder=embedder)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return settings, embedder


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def write_results(path: Path, results: Mapping[str, Any]) -> None:
    """A benchmark's figures as indented JSON at `path` (bench/results/ by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def whole_index_arguments(description: str) -> argparse.Namespace:
    """The options of a benchmark that asks the MEDIQA questions of a MedQuAD index: where the
    index is (built from --sources when missing) and how many questions to ask (0: all)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--index", type=Path, default=Path("data/bench-index/whole"))
    parser.add_argument("--sources", type=Path, nargs="+", default=[SHARED / "medquad"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions")
    return parser.parse_args()
