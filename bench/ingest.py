"""Ingest benchmark: fp32 against bf16 embedding, side by side in one run, on MedQuAD and MEDIQA.

    python -m bench.ingest [--files N] [--slices 4] [--skip-eval] [--out bench/results/ingest.json]

Each precision runs in its own process (its own model, its own peak memory) and the two take
turns: the MedQuAD files are cut into slices, and slice after slice each process ingests it into
its own index, the first to go alternating. Per slice and precision it records chunks per second
(wall clock) and per CPU second (the process and its loader together, which the other jobs on a
shared machine disturb less), then reports medians and the bf16/fp32 ratio. `--files N` takes a
fixed spread of N files across all collections (every k-th file) when the whole collection
cannot be run; the whole-collection figure is then extrapolated from it, and says so.

Then: query embedding latency (MEDIQA questions, one at a time, the two processes alternating in
rounds), and retrieval quality: each process builds the MEDIQA corpus index in its precision and
scores dev and test through the assistant's retriever, as `healthqa eval retrieval` does, plus
each precision's questions against the other's index. Writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import percentile, write_results
from index.embedder import (
    read_cpu_flags,
    resolve_precision,
)
from ingest.discover import discover

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_MEDQUAD = SHARED / "medquad"
MEDIQA = SHARED / "eval" / "mediqa-qa"
RESULTS = PROJECT_ROOT / "bench" / "results" / "ingest.json"
WHOLE_MEDQUAD_CHUNKS = 37_250  # chunks of all 5,497 MedQuAD files at 200 tokens
PRECISIONS = ("fp32", "bf16")


# ---------------------------------------------------------------- the driver


class Worker:
    """A bench/ingest_worker.py process: `head` runs the last commit's code, unpacked in `head`."""

    def __init__(self, variant: str, head: Path | None = None) -> None:
        self.variant = variant
        code = head if variant == "head" and head is not None else PROJECT_ROOT
        self.process = subprocess.Popen(
            # As a module: run as a script, bench/ would shadow the ingest package with ingest.py.
            [sys.executable, "-m", "bench.ingest_worker", variant],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=code,
            env={**os.environ, "PYTHONPATH": str(code)},
        )
        self.ready = self._read()

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the {self.variant} worker stopped")
        answer: dict[str, Any] = json.loads(line)
        return answer


def spread(files: list[Path], count: int | None) -> list[Path]:
    """`count` files spread evenly over the sorted list (all collections), or all of them."""
    if count is None or count >= len(files):
        return files
    step = len(files) / count
    return [files[int(n * step)] for n in range(count)]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--medquad", type=Path, default=DEFAULT_MEDQUAD)
    parser.add_argument("--files", type=int, default=None, help="a fixed spread of N files")
    parser.add_argument("--slices", type=int, default=4)
    parser.add_argument("--queries", type=int, default=60, help="MEDIQA questions to embed")
    parser.add_argument("--skip-eval", action="store_true", help="no MEDIQA index and nDCG")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", type=Path, default=None, help="build indexes under DIR")
    args = parser.parse_args()
    all_files = [s.path for s in discover([args.medquad]) if s.path.suffix == ".xml"]
    files = spread(all_files, args.files)
    load_start = os.getloadavg()
    workers = {p: Worker(p) for p in PRECISIONS}
    work = args.keep or Path(tempfile.mkdtemp(prefix="healthqa-bench-"))
    say(f"{len(files)} of {len(all_files)} MedQuAD files, {args.slices} slices, in {work}")

    slices = [files[n :: args.slices] for n in range(args.slices)]
    rows: dict[str, list[dict[str, Any]]] = {p: [] for p in PRECISIONS}
    for number, chosen in enumerate(slices):
        order = PRECISIONS if number % 2 == 0 else PRECISIONS[::-1]
        for precision in order:
            row = workers[precision].ask(
                op="ingest", index=str(work / f"medquad-{precision}"), files=list(map(str, chosen))
            )
            rows[precision].append(row)
            say(
                f"slice {number + 1}/{args.slices} {precision}: {row['chunks']} chunks in "
                f"{row['wall_s']:.0f} s = {row['chunks'] / row['wall_s']:.1f}/s"
            )

    again = workers["bf16"].ask(
        op="ingest", index=str(work / "medquad-bf16"), files=list(map(str, files))
    )

    questions = [json.loads(line)["text"] for line in (MEDIQA / "queries.jsonl").open()]
    questions = questions[: args.queries]
    latencies: dict[str, list[float]] = {p: [] for p in PRECISIONS}
    rounds = 5
    for round_number in range(rounds):
        part = questions[round_number::rounds]
        for precision in PRECISIONS if round_number % 2 == 0 else PRECISIONS[::-1]:
            latencies[precision] += workers[precision].ask(op="queries", texts=part)["ms"]

    quality: dict[str, Any] = {}
    if not args.skip_eval:
        corpus = MEDIQA / "corpus.jsonl"
        for precision in PRECISIONS:
            built = workers[precision].ask(
                op="ingest", index=str(work / f"mediqa-{precision}"), files=[str(corpus)]
            )
            say(f"MEDIQA index {precision}: {built['chunks']} chunks in {built['wall_s']:.0f} s")
            quality[f"build_{precision}"] = _rates(built)
        for queries_in in PRECISIONS:
            for index_in in PRECISIONS:
                quality[f"{queries_in}_queries_on_{index_in}_index"] = workers[queries_in].ask(
                    op="eval",
                    index=str(work / f"mediqa-{index_in}"),
                    dataset=str(MEDIQA),
                    splits=["dev", "test"],
                )
    for each in workers.values():
        each.close()

    results = summarise(rows, latencies, quality, files, all_files, again, workers)
    results["machine"] = {
        "cpus": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "native_bf16": resolve_precision("auto", read_cpu_flags()) == "bf16",
        "load_average_start": [round(x, 2) for x in load_start],
        "load_average_end": [round(x, 2) for x in os.getloadavg()],
    }
    write_results(args.out, results)
    print(json.dumps(results["summary"], indent=2))
    say(f"wrote {args.out}")


def _rates(row: dict[str, Any]) -> dict[str, Any]:
    cpu = row["cpu_s"] + row["loader_cpu_s"]
    return {
        **{k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()},
        "chunks_per_s": round(row["chunks"] / row["wall_s"], 1),
        "chunks_per_cpu_s": round(row["chunks"] / cpu, 1) if cpu else None,
    }


def summarise(
    rows: dict[str, list[dict[str, Any]]],
    latencies: dict[str, list[float]],
    quality: dict[str, Any],
    files: list[Path],
    all_files: list[Path],
    again: dict[str, Any],
    workers: dict[str, Worker],
) -> dict[str, Any]:
    per: dict[str, Any] = {}
    for precision, slices in rows.items():
        chunks = sum(r["chunks"] for r in slices)
        wall = sum(r["wall_s"] for r in slices)
        cpu = sum(r["cpu_s"] + r["loader_cpu_s"] for r in slices)
        per[precision] = {
            "files": len(files),
            "chunks": chunks,
            "wall_s": round(wall, 1),
            "chunks_per_s": round(chunks / wall, 1),
            "chunks_per_s_median_slice": round(
                statistics.median(r["chunks"] / r["wall_s"] for r in slices), 1
            ),
            "chunks_per_cpu_s": round(chunks / cpu, 1),
            "share_in_model": round(
                sum(r["passages_s"] + r["headers_s"] for r in slices) / wall, 3
            ),
            "peak_rss_mb": round(max(r["rss_mb"] for r in slices)),
            "loader_peak_rss_mb": round(max(r["loader_rss_mb"] for r in slices)),
            "model_load_s": round(workers[precision].ready["load_s"], 1),
            "query_ms_p50": round(statistics.median(latencies[precision]), 2),
            "query_ms_p95": round(percentile(latencies[precision], 0.95), 2),
            "whole_medquad_s_extrapolated": round(WHOLE_MEDQUAD_CHUNKS / (chunks / wall)),
            "slices": [_rates(r) for r in slices],
        }
    ratios = [
        (b["chunks"] / b["wall_s"]) / (f["chunks"] / f["wall_s"])
        for f, b in zip(rows["fp32"], rows["bf16"], strict=True)
    ]
    summary: dict[str, Any] = {
        "scope": (
            "all of MedQuAD"
            if len(files) == len(all_files)
            else f"{len(files)} of {len(all_files)} MedQuAD files (every "
            f"{len(all_files) / len(files):.1f}th), whole-collection time extrapolated"
        ),
        "fp32_chunks_per_s": per["fp32"]["chunks_per_s"],
        "bf16_chunks_per_s": per["bf16"]["chunks_per_s"],
        "bf16_over_fp32_median_slice_ratio": round(statistics.median(ratios), 2),
        "bf16_over_fp32_cpu_ratio": round(
            per["bf16"]["chunks_per_cpu_s"] / per["fp32"]["chunks_per_cpu_s"], 2
        ),
        "peak_rss_mb": {p: per[p]["peak_rss_mb"] for p in PRECISIONS},
        "loader_peak_rss_mb": {p: per[p]["loader_peak_rss_mb"] for p in PRECISIONS},
        "query_ms_p50": {p: per[p]["query_ms_p50"] for p in PRECISIONS},
        "no_change_run_s": round(again["wall_s"], 2),
    }
    ndcg = {}
    for split in ("dev", "test"):
        measured = quality.get("fp32_queries_on_fp32_index", {}).get(split, {})
        key = next((k for k in measured if "ndcg" in k), None)
        if key is None:
            continue
        base = quality["fp32_queries_on_fp32_index"][split][key]
        ndcg[split] = {
            name.replace("_queries_on_", "/").replace("_index", ""): round(value[split][key], 4)
            for name, value in quality.items()
            if name.endswith("_index")
        }
        ndcg[split]["bf16_minus_fp32"] = round(
            quality["bf16_queries_on_bf16_index"][split][key] - base, 4
        )
    if ndcg:
        summary["ndcg@10"] = ndcg
    return {"summary": summary, "per_precision": per, "retrieval": quality}


if __name__ == "__main__":
    main()
