"""Two app processes sharing one index under load, as two app replicas behind a load balancer
share one PostgreSQL database: their combined questions/s and latency against one process with
as many askers in all.

Each worker process builds its own assistant (model, reader, connection pool) on the same
--index and answers with bench/load.py's askers (threads, MEDIQA questions in turn). At each
level of askers in all, one process runs them all, then two processes run half each, started
together; questions/s counts every answered question over the wall time from the first start to
the last finish, and latencies are pooled. Configurations take turns for several rounds; each
reports its median round. Several --index values (a database, a folder) run one after another.

    .venv/bin/python -m bench.processes --index postgresql://... data/bench-index/whole \
        [--askers 2 8] [--per-level 200] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from dataclasses import asdict, replace
from multiprocessing.connection import Connection
from pathlib import Path

from assistant.service import build_assistant
from bench.common import MEDIQA, write_results
from bench.load import Level, Timings, ask_concurrently, level_of, median_level, rss_mb
from healthqa.evaluation.beir import load_beir
from healthqa.settings import Settings, is_database_url
from index.embedder import SentenceTransformerEmbedder
from index.location import IndexLocation, describe

RESULTS = Path(__file__).resolve().parent / "results" / "processes.json"
PROCESSES = (1, 2)


def location_of(text: str) -> IndexLocation:
    return text if is_database_url(text) else Path(text)


def serve(location: str, pipe: Connection) -> None:
    """A worker: one assistant on `location`; answers each (askers, questions) it is sent with
    (start, end, latencies, errors, rss) until it is sent None."""
    settings = Settings.from_env().with_index(location_of(location))
    embedder = SentenceTransformerEmbedder(
        settings.embedding_model, batch_size=settings.embed_batch_size
    )
    assistant = build_assistant(settings, embedder=embedder)
    questions = list(load_beir(MEDIQA).queries.values())
    ask_concurrently(assistant, questions, 2, 60)  # warm-up: speller, caches, pool
    pipe.send("ready")
    while (task := pipe.recv()) is not None:
        askers, total = task
        started = time.time()
        timings = ask_concurrently(assistant, questions, askers, total)
        pipe.send((started, time.time(), timings.latencies, timings.errors, rss_mb()))
    assistant.reader.close()


def run_config(pipes: list[Connection], askers: int, total: int) -> tuple[Level, list[float]]:
    """`askers` in all split over the processes behind `pipes`, `total` questions in all."""
    for pipe in pipes:
        pipe.send((askers // len(pipes), total // len(pipes)))
    replies = [pipe.recv() for pipe in pipes]
    latencies = [ms for reply in replies for ms in reply[2]]
    wall = max(reply[1] for reply in replies) - min(reply[0] for reply in replies)
    timings = Timings(latencies=latencies, errors=sum(reply[3] for reply in replies), seconds=wall)
    return level_of(askers, total, timings), [reply[4] for reply in replies]


def bench_location(location: str, levels: list[int], total: int, rounds: int) -> dict[str, object]:
    context = multiprocessing.get_context("spawn")
    pipes: list[Connection] = []
    workers = []
    for _ in range(max(PROCESSES)):
        ours, theirs = context.Pipe()
        worker = context.Process(target=serve, args=(location, theirs))
        worker.start()
        pipes.append(ours)
        workers.append(worker)
    for pipe in pipes:
        if pipe.recv() != "ready":
            raise RuntimeError("a worker did not start")
    runs: dict[tuple[int, int], list[Level]] = {}
    rss: list[float] = []
    try:
        for _ in range(rounds):
            for askers in levels:
                for processes in PROCESSES:
                    level, memory = run_config(pipes[:processes], askers, total)
                    runs.setdefault((askers, processes), []).append(level)
                    rss = memory if processes == max(PROCESSES) else rss
                    print(describe(location_of(location)), processes, json.dumps(asdict(level)))
    finally:
        for pipe in pipes:
            pipe.send(None)
        for worker in workers:
            worker.join(timeout=60)
    rows = []
    for askers in levels:
        one = median_level(runs[(askers, 1)])
        for processes in PROCESSES:
            level = median_level(runs[(askers, processes)])
            speedup = round(level.questions_per_s / one.questions_per_s, 2)
            rows.append({"processes": processes, **asdict(replace(level, speedup=speedup))})
    return {"index": describe(location_of(location)), "levels": rows, "worker_rss_mb": rss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", nargs="+", required=True, help="postgresql:// URLs or folders")
    parser.add_argument("--askers", type=int, nargs="+", default=[2, 8], help="askers in all")
    parser.add_argument("--per-level", type=int, default=200, help="questions in all per run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = {
        "rounds": args.rounds,
        "questions_per_run": args.per_level,
        "indexes": [
            bench_location(location, args.askers, args.per_level, args.rounds)
            for location in args.index
        ],
    }
    write_results(args.output, results)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
