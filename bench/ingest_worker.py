"""One side of bench.ingest: a process that loads the model in one precision and ingests, embeds
questions or scores retrieval when told, one JSON command a line on stdin, one JSON answer a line
on stdout.

    python -m bench.ingest_worker fp32|bf16|head

`head` runs the code of the last commit (unpacked by bench.ingest, given on PYTHONPATH) with its
own embedder: the fp32 path as it was before this benchmark's changes. So this file imports only
what both versions have.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder, Vectors
from index.reader import IndexReader
from index.records import Span
from ingest.pipeline import ingest_paths


class TimedEmbedder:
    """The real embedder, adding up the time spent in the model (not a mock)."""

    def __init__(self, inner: SentenceTransformerEmbedder) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.dimension = inner.dimension
        self.max_tokens = inner.max_tokens
        if hasattr(inner, "token_counter"):  # lets the loader process chunk (newer versions)
            self.token_counter = inner.token_counter
        self.passages_s = 0.0
        self.headers_s = 0.0

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_queries(self, texts: Sequence[str]) -> Vectors:
        started = time.perf_counter()
        try:
            return self.inner.embed_queries(texts)
        finally:
            self.headers_s += time.perf_counter() - started

    def embed_passages(
        self, texts: Sequence[str], sentence_spans: Sequence[Sequence[Span]]
    ) -> tuple[Vectors, list[Vectors]]:
        started = time.perf_counter()
        try:
            return self.inner.embed_passages(texts, sentence_spans)
        finally:
            self.passages_s += time.perf_counter() - started


def _cpu_seconds() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _chunk_count(index_dir: Path) -> int:
    if not (index_dir / "CURRENT").exists():
        return 0
    with IndexReader.open(index_dir) as reader:
        return reader.stats().chunks


def _ingest(command: dict[str, Any], embedder: TimedEmbedder, base: Settings) -> dict[str, Any]:
    index_dir = Path(command["index"])
    before = _chunk_count(index_dir)
    embedder.passages_s = embedder.headers_s = 0.0
    own0, children0 = _cpu_seconds()
    started = time.perf_counter()
    report = ingest_paths(
        [Path(f) for f in command["files"]], settings=base.with_index(index_dir), embedder=embedder
    )
    wall = time.perf_counter() - started
    own1, children1 = _cpu_seconds()
    return {
        "chunks": _chunk_count(index_dir) - before,
        "documents": len(report.added) + len(report.updated),
        "unchanged": len(report.unchanged),
        "failed": len(report.failed),
        "wall_s": wall,
        "cpu_s": own1 - own0,
        "loader_cpu_s": children1 - children0,
        "passages_s": embedder.passages_s,
        "headers_s": embedder.headers_s,
        "rss_mb": _peak_mb(resource.RUSAGE_SELF),
        "loader_rss_mb": _peak_mb(resource.RUSAGE_CHILDREN),
    }


def _queries(command: dict[str, Any], embedder: TimedEmbedder) -> dict[str, Any]:
    times = []
    for text in command["texts"]:
        started = time.perf_counter()
        embedder.inner.embed_queries([text])
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": times}


def _evaluate(command: dict[str, Any], embedder: TimedEmbedder, base: Settings) -> dict[str, Any]:
    from assistant.service import build_assistant
    from healthqa.evaluation.beir import load_beir
    from healthqa.evaluation.retrieval_eval import run_retrieval_eval

    dataset = load_beir(Path(command["dataset"]))
    assistant = build_assistant(base.with_index(Path(command["index"])), embedder=embedder.inner)
    return {
        split: run_retrieval_eval(assistant, dataset, split).metrics for split in command["splits"]
    }


def main(variant: str) -> None:
    base = Settings.from_env()
    started = time.perf_counter()
    # Every core, as the ingest command uses.
    if variant == "head":
        inner = SentenceTransformerEmbedder(base.embedding_model, batch_size=base.embed_batch_size)
    else:
        inner = SentenceTransformerEmbedder(
            base.embedding_model,
            batch_size=base.embed_batch_size,
            precision=variant,  # type: ignore[arg-type]
            threads=os.cpu_count(),
        )
    inner.embed_queries(["warm up"])
    embedder = TimedEmbedder(inner)
    print(json.dumps({"ready": True, "load_s": time.perf_counter() - started}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "ingest":
            answer = _ingest(command, embedder, base)
        elif command["op"] == "queries":
            answer = _queries(command, embedder)
        elif command["op"] == "eval":
            answer = _evaluate(command, embedder, base)
        else:
            return
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
