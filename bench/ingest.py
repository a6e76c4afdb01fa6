"""Ingest benchmark on MedQuAD: chunks per second, peak memory, index size, incremental re-ingest.

    python -m bench.ingest [--medquad DIR] [--scope subset|whole|both] [--subset 500]

For each scope it times a fresh ingest, a second run over the same files (nothing changed, so
nothing may be embedded), and the re-ingest of one edited document into the full index (a copy of
one MedQuAD file with one sentence added, same document id). Prints a Markdown table and merges
the figures into bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.reader import IndexReader
from ingest.discover import discover
from ingest.pipeline import ingest_paths

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MEDQUAD = PROJECT_ROOT.parent / "shared" / "data" / "medquad"
RESULTS = PROJECT_ROOT / "bench" / "results" / "ingest.json"


@dataclass(frozen=True)
class ScopeResult:
    scope: str
    documents: int
    chunks: int
    ingest_s: float
    chunks_per_s: float
    index_bytes: int
    peak_rss_mb: float
    no_change_s: float
    one_changed_s: float
    failed: int


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if platform.system() == "Darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def edited_copy(source: Path, into: Path) -> Path:
    """The file with one sentence added to its first answer, so only its content hash changes."""
    text = source.read_text(encoding="utf-8")
    edited, count = re.subn(
        r"(<Answer>|<answer>)", r"\1This answer was edited for the benchmark. ", text, count=1
    )
    if count != 1:
        raise SystemExit(f"{source} has no <Answer> element to edit.")
    into.mkdir(parents=True, exist_ok=True)
    target = into / source.name
    target.write_text(edited, encoding="utf-8")
    return target


def run_scope(
    scope: str, files: list[Path], settings: Settings, embedder: SentenceTransformerEmbedder
) -> ScopeResult:
    started = time.perf_counter()
    first = ingest_paths(files, settings=settings, embedder=embedder)
    ingest_s = time.perf_counter() - started
    with IndexReader.open(settings.index_dir) as reader:
        stats = reader.stats()

    started = time.perf_counter()
    again = ingest_paths(files, settings=settings, embedder=embedder)
    no_change_s = time.perf_counter() - started
    if again.added or again.updated:
        raise SystemExit(f"{scope}: the no-change run re-embedded documents: {again}")

    with tempfile.TemporaryDirectory(prefix="healthqa-bench-") as temp:
        changed = edited_copy(files[len(files) // 2], Path(temp))
        started = time.perf_counter()
        one = ingest_paths([changed], settings=settings, embedder=embedder)
        one_changed_s = time.perf_counter() - started
    if len(one.updated) != 1:
        raise SystemExit(f"{scope}: the edited document was not updated: {one}")

    return ScopeResult(
        scope=scope,
        documents=stats.documents,
        chunks=stats.chunks,
        ingest_s=round(ingest_s, 1),
        chunks_per_s=round(stats.chunks / ingest_s, 1),
        index_bytes=stats.bytes,
        peak_rss_mb=round(peak_rss_mb(), 0),
        no_change_s=round(no_change_s, 2),
        one_changed_s=round(one_changed_s, 2),
        failed=len(first.failed),
    )


def markdown(results: list[ScopeResult]) -> str:
    lines = [
        "| scope | documents | chunks | ingest s | chunks/s | index MB | peak RSS MB "
        "| no-change run s | one changed doc s | failed files |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.scope} | {r.documents:,} | {r.chunks:,} | {r.ingest_s} | {r.chunks_per_s} "
            f"| {r.index_bytes / 1e6:.1f} | {r.peak_rss_mb:.0f} | {r.no_change_s} "
            f"| {r.one_changed_s} | {r.failed} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--medquad", type=Path, default=DEFAULT_MEDQUAD)
    parser.add_argument("--scope", choices=("subset", "whole", "both"), default="subset")
    parser.add_argument("--subset", type=int, default=500, help="documents in the subset")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument(
        "--keep", type=Path, default=None, help="build under DIR/<scope> and keep it (bench.query)"
    )
    args = parser.parse_args()

    files = [source.path for source in discover([args.medquad]) if source.path.suffix == ".xml"]
    if not files:
        raise SystemExit(f"No MedQuAD files under {args.medquad}.")
    base = Settings.from_env()
    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder(base.embedding_model, batch_size=base.embed_batch_size)
    model_load_s = time.perf_counter() - started

    scopes = {"subset": ["subset"], "whole": ["whole"], "both": ["subset", "whole"]}[args.scope]
    results: list[ScopeResult] = []
    with tempfile.TemporaryDirectory(prefix="healthqa-bench-index-") as temp:
        work = args.keep or Path(temp)
        for scope in scopes:
            chosen = files[: args.subset] if scope == "subset" else files
            settings = base.with_index(work / scope)
            shutil.rmtree(settings.index_dir, ignore_errors=True)  # always measure a fresh build
            results.append(run_scope(f"{scope} ({len(chosen)} files)", chosen, settings, embedder))
            print(markdown(results[-1:]), flush=True)

    print()
    print(markdown(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    previous.update(
        {
            "machine": {"cpus": _cpus(), "python": platform.python_version()},
            "model_load_s": round(model_load_s, 1),
            "embed_batch_size": base.embed_batch_size,
            "chunk_tokens": base.chunk_tokens,
        }
    )
    for result in results:
        previous[result.scope.split()[0]] = asdict(result)
    args.out.write_text(json.dumps(previous, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")


def _cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
