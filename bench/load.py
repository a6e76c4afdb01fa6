"""Many visitors at once: 1, 4 and 8 concurrent askers on one shared assistant (as the app
shares one cached assistant between browser sessions), then memory over many questions.

Each asker is a thread with its own conversation, asking the MEDIQA consumer questions in turn;
every level answers the same number of questions, and the levels take turns for several rounds.
Reported per level (its median round): questions/s, p50/p95/p99 latency, errors, and the ratio of
questions/s to one asker's in the same run.

    .venv/bin/python -m bench.load [--index data/bench-index/whole] [--per-level 400]
        [--askers 1 4 8] [--memory-questions 10000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.service import Assistant, build_assistant
from assistant.understanding.conversation import Conversation
from bench.common import MEDIQA, SHARED, ensure_index, median, percentile, write_results
from healthqa.evaluation.beir import load_beir

PAGE = 4096


@dataclass(frozen=True)
class Level:
    askers: int
    questions: int
    seconds: float
    questions_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    errors: int
    speedup: float = 1.0


def rss_mb() -> float:
    """The process's resident memory now (not its peak), in MB."""
    resident_pages = Path("/proc/self/statm").read_text(encoding="ascii").split()[1]
    return int(resident_pages) * PAGE / 1e6


@dataclass(frozen=True)
class Timings:
    """One level's raw figures: latencies of the answered questions, failures, wall time."""

    latencies: list[float]
    errors: int
    seconds: float


def run_level(assistant: Assistant, questions: Sequence[str], askers: int, total: int) -> Level:
    """`askers` threads share `total` questions; each keeps one conversation per question."""
    return level_of(askers, total, ask_concurrently(assistant, questions, askers, total))


def ask_concurrently(
    assistant: Assistant, questions: Sequence[str], askers: int, total: int
) -> Timings:
    feed = itertools.islice(itertools.cycle(questions), total)
    feed_lock = threading.Lock()
    latencies: list[float] = []
    errors: list[BaseException] = []
    record_lock = threading.Lock()
    start = threading.Barrier(askers + 1)

    def ask() -> None:
        start.wait()
        while True:
            with feed_lock:
                question = next(feed, None)
            if question is None:
                return
            began = time.perf_counter()
            try:
                assistant.answer(Conversation(), question)
            except Exception as error:  # every failure counts as an error
                with record_lock:
                    errors.append(error)
                continue
            with record_lock:
                latencies.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=ask) for _ in range(askers)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    for error in errors[:3]:
        print(f"  error: {type(error).__name__}: {error}")
    return Timings(latencies=latencies, errors=len(errors), seconds=seconds)


def level_of(askers: int, total: int, timings: Timings) -> Level:
    latencies = timings.latencies
    return Level(
        askers=askers,
        questions=total,
        seconds=round(timings.seconds, 1),
        questions_per_s=round(len(latencies) / timings.seconds, 1),
        p50_ms=round(median(latencies), 1),
        p95_ms=round(percentile(latencies, 0.95), 1),
        p99_ms=round(percentile(latencies, 0.99), 1),
        mean_ms=round(sum(latencies) / max(len(latencies), 1), 1),
        errors=timings.errors,
    )


def median_level(rounds: Sequence[Level]) -> Level:
    """The round with the median questions/s."""
    ordered = sorted(rounds, key=lambda level: level.questions_per_s)
    return ordered[len(ordered) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/bench-index/whole"))
    parser.add_argument("--sources", type=Path, nargs="+", default=[SHARED / "medquad"])
    parser.add_argument("--per-level", type=int, default=400, help="questions at each level")
    parser.add_argument("--askers", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument(
        "--rounds", type=int, default=3, help="levels run in turn this many times; medians kept"
    )
    parser.add_argument(
        "--memory-questions", type=int, default=10_000, help="questions of the memory run (0: skip)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).with_name("results") / "load.json"
    )
    args = parser.parse_args()

    settings, model = ensure_index(args.index, args.sources)
    assistant = build_assistant(settings, embedder=model)
    questions = list(load_beir(MEDIQA).queries.values())
    # Warm-up: the speller, caches and allocator reach their working size before anything counts.
    run_level(assistant, questions, max(args.askers), min(len(questions), args.per_level))

    # The levels take turns (1, 4, 8, 1, 4, 8, ...) so a noisy spell on a shared machine
    # does not land on one level; each level reports its median round.
    rounds: dict[int, list[Level]] = {askers: [] for askers in args.askers}
    for _ in range(args.rounds):
        for askers in args.askers:
            level = run_level(assistant, questions, askers, args.per_level)
            rounds[askers].append(level)
            print(json.dumps(asdict(level)), flush=True)
    levels: list[Level] = []
    for askers in args.askers:
        middle = median_level(rounds[askers])
        base = levels[0].questions_per_s if levels else middle.questions_per_s
        levels.append(
            Level(**{**asdict(middle), "speedup": round(middle.questions_per_s / base, 2)})
        )
    for level in levels:
        print("median:", json.dumps(asdict(level)), flush=True)

    memory: dict[str, float | int] = {}
    if args.memory_questions:
        askers = max(args.askers)
        before = rss_mb()
        level = run_level(assistant, questions, askers, args.memory_questions)
        after = rss_mb()
        memory = {
            "questions": args.memory_questions,
            "askers": askers,
            "rss_before_mb": round(before),
            "rss_after_mb": round(after),
            "growth_mb": round(after - before, 1),
            "errors": level.errors,
            "questions_per_s": level.questions_per_s,
        }
        print(json.dumps(memory), flush=True)

    results = {
        "index": str(args.index),
        "chunks": assistant.reader.stats().chunks,
        "distinct_questions": len(questions),
        "levels": [asdict(level) for level in levels],
        "memory": memory,
    }
    write_results(args.out, results)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
