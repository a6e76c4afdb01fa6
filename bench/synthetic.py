"""A large index made from MedQuAD, for both backends: build time, `ask` p50/p95, the app
process's memory, and disk, at a size the real collection does not reach.

The generator (documented, seeded): the whole-MedQuAD embedded index's documents, copied as they
are (copy 0, so real questions still find real passages) and then `--copies - 1` more times with
ids `DOC_ID#n`, the same text, and every vector (passage, sentence, section header) moved by
Gaussian noise of `--noise` per dimension and normalised again (0.025 on 384 dimensions puts a
copy at cosine about 0.9 to its original: near, never equal). The text repeats, so keyword
search meets every word `--copies` times as often, as a larger collection on the same topics
would. No model runs to build it.

    .venv/bin/python -m bench.synthetic --from-index data/bench-index/whole --copies 6 \
        --pg-url postgresql://...
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import psycopg

from bench.backends import new_database
from bench.common import write_results
from bench.processes import run_config, serve
from index.embedder import Vectors
from index.location import IndexLocation, describe, open_reader, open_writer
from index.protocols import IndexReading, IndexWriting

RESULTS = Path(__file__).resolve().parent / "results" / "synthetic.json"


def perturbed(vectors: Vectors, rng: np.random.Generator, noise: float) -> Vectors:
    moved = vectors + rng.normal(0.0, noise, vectors.shape).astype(np.float32)
    norms = np.linalg.norm(moved, axis=-1, keepdims=True)
    unit: Vectors = (moved / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def write_copies(
    source: IndexReading, writer: IndexWriting, copies: int, noise: float, seed: int = 15
) -> int:
    """Upserts `copies` copies of every source document (the first unchanged); returns chunks."""
    rng = np.random.default_rng(seed)
    written = 0
    for record in source.documents():
        stored = source.chunks_of(record.doc_id)
        ids = [s.chunk_id for s in stored]
        vectors = source.vectors(ids)
        sentences = source.sentence_vectors(ids)
        sections = source.sections_of(record.doc_id)
        for n in range(copies):
            doc_id = record.doc_id if n == 0 else f"{record.doc_id}#{n}"
            move = (lambda v: v) if n == 0 else (lambda v: perturbed(v, rng, noise))
            writer.upsert(
                replace(record, doc_id=doc_id),
                [replace(s.chunk, doc_id=doc_id) for s in stored],
                move(vectors),
                [move(sentences[i]) for i in ids],
                {i: (header, move(vector[None, :])[0]) for i, (header, vector) in sections.items()},
            )
            written += len(stored)
    return written


def build(source: Path, target: IndexLocation, copies: int, noise: float) -> dict[str, float]:
    started = time.perf_counter()
    with open_reader(source) as reader, open_writer(target, reader.manifest) as writer:
        chunks = write_copies(reader, writer, copies, noise)
        writer.commit()
    seconds = time.perf_counter() - started
    print(f"built {describe(target)}: {chunks} chunks in {seconds:.0f} s", flush=True)
    return {"chunks": chunks, "build_s": round(seconds, 1), "disk_mb": round(disk(target) / 1e6)}


def disk(location: IndexLocation) -> int:
    if isinstance(location, Path):
        return sum(f.stat().st_size for f in location.rglob("*") if f.is_file())
    with psycopg.connect(location) as connection:
        row = connection.execute("SELECT pg_database_size(current_database())").fetchone()
    return int(row[0]) if row else 0


def ask(location: IndexLocation, questions: int) -> dict[str, float]:
    """One app process (its own, so its memory is the app's alone), one asker."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    worker = context.Process(target=serve, args=(str(location), theirs))
    worker.start()
    try:
        if ours.recv() != "ready":
            raise RuntimeError("the app process did not start")
        level, (rss,) = run_config([ours], 1, questions)
    finally:
        ours.send(None)
        worker.join(timeout=120)
    return {
        "ask_p50_ms": level.p50_ms,
        "ask_p95_ms": level.p95_ms,
        "errors": level.errors,
        "app_rss_mb": round(rss),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-index", type=Path, default=Path("data/bench-index/whole"))
    parser.add_argument("--copies", type=int, default=6, help="copies of every document")
    parser.add_argument("--noise", type=float, default=0.025, help="per-dimension noise")
    parser.add_argument("--questions", type=int, default=200, help="MEDIQA questions asked")
    parser.add_argument("--pg-url", required=True, help="a server to make the database on")
    parser.add_argument("--work", type=Path, default=Path("data/bench-synthetic"))
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    folder = args.work / "embedded"
    shutil.rmtree(folder, ignore_errors=True)
    locations: dict[str, IndexLocation] = {
        "embedded": folder,
        "postgres": new_database(args.pg_url, "healthqa_synthetic"),
    }
    results: dict[str, object] = {"copies": args.copies, "noise": args.noise}
    for name, location in locations.items():
        figures = build(args.from_index, location, args.copies, args.noise)
        figures |= ask(location, args.questions)
        results[name] = figures
        print(name, json.dumps(figures), flush=True)
    write_results(args.output, results)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
