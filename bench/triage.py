"""Latency of the safety triage per message on one core, over the test split of the team's set:
the whole `classify` (the forward pass included: the service hands its vector to the search, so
the triage's own cost is the difference) and the message's embedding alone; and a 10,000-character
message with itself as the earlier turn, whose cost the read limit bounds (classifier.READ_LIMIT).

    .venv/bin/python -m bench.triage [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

import torch

from assistant.triage import load_triage
from assistant.triage.examples import select, team_examples
from bench.common import median, percentile
from healthqa.settings import default_embedding_model
from index.embedder import SentenceTransformerEmbedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the messages")
    args = parser.parse_args()
    torch.set_num_threads(1)
    embedder = SentenceTransformerEmbedder(default_embedding_model())
    classifier = load_triage(embedder)
    cases = list(select(team_examples(), "test"))
    for case in cases[:20]:  # warm up the model and the regex caches
        classifier.classify(case.text, case.earlier)

    whole: list[float] = []
    embedding: list[float] = []
    for _ in range(args.repeat):
        for case in cases:
            started = time.perf_counter()
            classifier.classify(case.text, case.earlier)
            whole.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            embedder.embed_queries([case.text])
            embedding.append((time.perf_counter() - started) * 1000)

    print(f"{len(cases)} test messages x {args.repeat}, one thread")
    beyond = [w - e for w, e in zip(whole, embedding, strict=True)]
    rows: tuple[tuple[str, list[float]], ...] = (
        ("classify", whole),
        ("the embedding alone", embedding),
        ("classify beyond it", beyond),
    )
    long_message = ("my knee aches after running and I wonder about stretching. " * 200)[:10_000]
    long_times: list[float] = []
    for _ in range(args.repeat * 3):
        started = time.perf_counter()
        classifier.classify(long_message, [long_message])
        long_times.append((time.perf_counter() - started) * 1000)
    rows = (*rows, ("a 10 KB message", long_times))
    for name, times in rows:
        print(
            f"{name:24s} p50 {median(times):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
        )


if __name__ == "__main__":
    main()
