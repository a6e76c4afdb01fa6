"""Embedded vs PostgreSQL side by side in one run, on the same articles and questions: ingest
chunks/s (end to end with the model; the store alone from the same vectors, into an empty index
and again replacing every document), `ask` p50/p95 (on the index as built, and on the copy just
after every document was replaced, while the replaced passages are still kept), and recall@10 of
pgvector's HNSW index against an exact scan of the same vectors. With --from-index the model
ingest is skipped: the PostgreSQL index is made by `healthqa index copy` (timed) from the
embedded one.

    .venv/bin/python -m bench.backends --files 40 --questions 50           # a small subset
    .venv/bin/python -m bench.backends --files 0 --pg-url postgresql://...  # all of MedQuAD
    .venv/bin/python -m bench.backends --from-index data/bench-index/whole  # no model ingest

Without --pg-url a PostgreSQL 16 + pgvector server from the `pgserver` wheel is started in the
work folder (a test dependency). Results: bench/results/backends.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from psycopg import sql

from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from bench.common import MEDIQA, SHARED, median, percentile, write_results
from bench.ingest import spread
from healthqa.evaluation.beir import load_beir
from healthqa.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder, Vectors
from index.location import IndexLocation, describe, open_reader, open_writer
from index.manifest import manifest_for
from index.postgres.reader import PostgresReader
from index.protocols import IndexReading
from index.transfer import copy_documents
from index.transfer import copy_index as transfer_index
from ingest.discover import discover
from ingest.pipeline import ingest_paths

RESULTS = Path(__file__).resolve().parent / "results" / "backends.json"
BACKENDS = ("embedded", "postgres")


@contextmanager
def postgres_server(url: str | None, work: Path) -> Iterator[str]:
    if url:
        yield url
        return
    from pgserver.postgres_server import get_server

    server = get_server(work / "pgdata", cleanup_mode="delete")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()


def new_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    prefix, _, rest = server_url.partition("?")
    base = prefix.rsplit("/", 1)[0]
    return f"{base}/{name}" + (f"?{rest}" if rest else "")


def copy_index(source: IndexReading, target: IndexLocation) -> int:
    """Writes every document of `source` into `target` from its stored vectors (no model), as
    `healthqa index copy` does; the target may hold the same documents already (replaced)."""
    with open_writer(target, source.manifest) as writer:
        _, copied = copy_documents(source, writer)
        writer.commit()
    return copied


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--medquad", type=Path, default=SHARED / "medquad")
    parser.add_argument("--files", type=int, default=40, help="MedQuAD files, spread; 0: all")
    parser.add_argument(
        "--from-index",
        type=Path,
        help="an embedded index already built (e.g. data/bench-index/whole): no model ingest, "
        "the PostgreSQL index is copied from it",
    )
    parser.add_argument("--questions", type=int, default=50, help="MEDIQA questions; 0: all")
    parser.add_argument("--pg-url", help="a server to make the benchmark databases on")
    parser.add_argument("--work", type=Path, help="folder for the indexes (default: a temp one)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    questions = list(load_beir(MEDIQA).queries.values())
    questions = questions[: args.questions] if args.questions else questions
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-backends-"))
    work.mkdir(parents=True, exist_ok=True)
    base = Settings.from_env()
    embedder = SentenceTransformerEmbedder(base.embedding_model, batch_size=base.embed_batch_size)
    results: dict[str, Any] = {"questions": len(questions), "backends": {n: {} for n in BACKENDS}}

    with postgres_server(args.pg_url, work) as server:
        locations: dict[str, IndexLocation] = {
            "embedded": args.from_index or work / "embedded",
            "postgres": new_database(server, "healthqa_bench"),
        }
        if args.from_index is None:
            files = sorted(s.path for s in discover([args.medquad]) if s.path.suffix == ".xml")
            files = spread(files, args.files or None)
            results["files"] = len(files)
            for name in BACKENDS:
                results["backends"][name].update(
                    ingest(files, base.with_index(locations[name]), embedder)
                )
        copies = {
            "embedded": work / "embedded-copy",
            "postgres": new_database(server, "healthqa_bench_copy"),
        }
        with open_reader(locations["embedded"]) as source:
            for name in BACKENDS:
                results["backends"][name].update(store_rates(source, copies[name]))
        if args.from_index is not None:
            results["backends"]["postgres"].update(
                index_copy(args.from_index, str(locations["postgres"]))
            )
        for name in BACKENDS:
            settings = base.with_index(locations[name])
            results["backends"][name].update(ask_latency(settings, embedder, questions))
            # Replaced passages stay (retired) for ten minutes: asks just after a whole re-ingest.
            after = ask_latency(base.with_index(copies[name]), embedder, questions)
            results["backends"][name].update({f"{k}_after_replace": v for k, v in after.items()})
        results["recall_at_10"] = recall(locations, base, embedder, questions)

    write_results(args.output, results)
    print(json.dumps(results, indent=2))


def ingest(files: list[Path], settings: Settings, embedder: Embedder) -> dict[str, float]:
    """The whole ingest (load, chunk, embed, store) of `files` into an empty index."""
    print(f"ingesting {len(files)} files into {describe(settings.index_location)} ...", flush=True)
    started = time.perf_counter()
    report = ingest_paths(files, settings=settings, embedder=embedder)
    seconds = time.perf_counter() - started
    with open_reader(settings.index_location) as reader:
        chunks = reader.stats().chunks
    return {
        "documents": len(report.added),
        "chunks": chunks,
        "ingest_s": round(seconds, 1),
        "ingest_chunks_per_s": round(chunks / seconds, 1),
    }


def store_rates(source: IndexReading, target: IndexLocation) -> dict[str, float]:
    """The store alone: `source`'s vectors written into an empty index, then again (every
    document replaced, the vector index in place)."""
    rates = {}
    for label in ("store_chunks_per_s", "store_replace_chunks_per_s"):
        started = time.perf_counter()
        copied = copy_index(source, target)
        rates[label] = round(copied / (time.perf_counter() - started), 1)
    return rates


def index_copy(source: Path, target: str) -> dict[str, float]:
    """`healthqa index copy` of the embedded index into an empty database, timed whole (the
    HNSW index built at the end and the copy counted against the source included)."""
    started = time.perf_counter()
    copied = transfer_index(source, target)
    seconds = time.perf_counter() - started
    with psycopg.connect(target, autocommit=True) as connection:
        connection.execute("ANALYZE")  # as autovacuum would shortly after a bulk load
    return {
        "index_copy_s": round(seconds, 1),
        "index_copy_chunks_per_s": round(copied.chunks / seconds, 1),
    }


def ask_latency(settings: Settings, embedder: Embedder, questions: list[str]) -> dict[str, float]:
    assistant = build_assistant(settings, embedder=embedder)
    assistant.answer(Conversation(), questions[0])  # warm caches
    latencies = []
    for question in questions:
        started = time.perf_counter()
        assistant.answer(Conversation(), question)
        latencies.append((time.perf_counter() - started) * 1000)
    assistant.reader.close()
    return {
        "ask_p50_ms": round(median(latencies), 1),
        "ask_p95_ms": round(percentile(latencies, 0.95), 1),
    }


def recall(
    locations: dict[str, IndexLocation], base: Settings, embedder: Embedder, questions: list[str]
) -> dict[str, float]:
    vectors = embedder.embed_queries(questions)
    manifest = manifest_for(base, embedder)
    with (
        open_reader(locations["postgres"], manifest) as postgres,
        open_reader(locations["embedded"], manifest) as embedded,
    ):
        assert isinstance(postgres, PostgresReader)
        hnsw, exact = (
            _keyed(postgres, postgres.dense_search),
            _keyed(postgres, postgres.exact_search),
        )
        flat = _keyed(embedded, embedded.dense_search)
        return {
            "hnsw_vs_exact_scan": round(_recall(hnsw, exact, vectors), 4),
            "exact_scan_vs_faiss_flat": round(_recall(exact, flat, vectors), 4),
        }


Search = Callable[[Vectors, int], set[tuple[str, int]]]


def _keyed(
    reader: IndexReading, search: Callable[[Vectors, int], list[tuple[int, float]]]
) -> Search:
    """Hits as (doc_id, ordinal): chunk ids differ between two indexes of the same articles."""

    def keys(vector: Vectors, k: int) -> set[tuple[str, int]]:
        ids = [chunk_id for chunk_id, _ in search(vector, k)]
        return {(s.chunk.doc_id, s.chunk.ordinal) for s in reader.chunks(ids)}

    return keys


def _recall(found: Search, truth: Search, vectors: Vectors, k: int = 10) -> float:
    """Mean share of the true top k that `found` returns in its top k."""
    shares = []
    for vector in vectors:
        wanted = truth(vector, k)
        if wanted:
            shares.append(len(wanted & found(vector, k)) / len(wanted))
    return float(np.mean(shares)) if shares else 0.0


if __name__ == "__main__":
    main()
