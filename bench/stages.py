"""What each kept stage of answering costs: the time `ask` spends in every step, per question,
over the MEDIQA questions against the whole-MedQuAD index (the README's "speed cost of each kept
change").

Every reader call the retriever makes is timed through a proxy (dense search, BM25 candidates,
the section-header and sentence vectors the ranking reads, the chunks themselves), as are the
triage, the near-duplicate removal, the neighbours read for the composer and the composition.
Medians and 95th percentiles per question, with each stage's share of the median `ask`.

    .venv/bin/python -m bench.stages [--index data/bench-index/whole] [--limit N]
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import assistant.retrieval.hybrid as hybrid
import assistant.service as service
from assistant.service import build_assistant
from assistant.understanding.conversation import Conversation
from bench.common import (
    MEDIQA,
    ensure_index,
    median,
    percentile,
    whole_index_arguments,
    write_results,
)
from healthqa.evaluation.beir import load_beir

# Reader methods and what the README calls the stage that needs them.
READER_STAGES = {
    "dense_search": "dense candidates (FAISS)",
    "lexical_search": "BM25 candidates",
    "chunks": "chunk rows",
    "vectors": "passage vectors",
    "header_vectors": "section-header vectors (header signal)",
    "sentence_vectors": "sentence vectors (best-sentence signal, composer)",
    "chunks_of": "neighbouring chunks (composer context)",
}


class StageClock:
    """Milliseconds spent per stage during the current question."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.spent[name] += (time.perf_counter() - started) * 1000

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.stage(name):
                return function(*args, **kwargs)

        return timed


class TimedReader:
    """The index reader with every stage method timed; everything else passes through."""

    def __init__(self, inner: Any, clock: StageClock) -> None:
        self._inner = inner
        for method, stage in READER_STAGES.items():
            setattr(self, method, clock.wrap(stage, getattr(inner, method)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _patch(module: object, name: str, clock: StageClock, stage: str) -> None:
    """Time a function where the pipeline looks it up: the module that imported it."""
    setattr(module, name, clock.wrap(stage, getattr(module, name)))


# The triage's forward pass gives the question's vector the search reuses, so it is timed here.
TRIAGE_STAGE = "triage (with the question's forward pass)"


def main() -> None:
    args = whole_index_arguments(__doc__.splitlines()[0])

    settings, embedder = ensure_index(args.index, args.sources)
    assistant = build_assistant(settings, embedder=embedder)
    clock = StageClock()
    reader = TimedReader(assistant.reader, clock)
    assistant.reader = reader  # type: ignore[assignment]
    assistant.retriever.reader = reader  # type: ignore[assignment]
    embedder.embed_queries = clock.wrap(  # type: ignore[method-assign]
        "question embedding", embedder.embed_queries
    )
    assistant.triage.classify = clock.wrap(  # type: ignore[method-assign]
        TRIAGE_STAGE, assistant.triage.classify
    )
    _patch(hybrid, "near_duplicates", clock, "near-duplicate removal")
    assistant.composer.compose = clock.wrap(  # type: ignore[method-assign]
        "extractive composition", assistant.composer.compose
    )
    _patch(service, "analyze", clock, "question analysis")

    questions = list(load_beir(MEDIQA).queries.values())
    if args.limit:
        questions = questions[: args.limit]
    assistant.answer(Conversation(), questions[0])  # warm caches

    per_stage: dict[str, list[float]] = defaultdict(list)
    totals: list[float] = []
    for question in questions:
        clock.spent.clear()
        started = time.perf_counter()
        assistant.answer(Conversation(), question)
        total = (time.perf_counter() - started) * 1000
        totals.append(total)
        named = sum(clock.spent.values())
        for stage in [*READER_STAGES.values(), "question embedding",
                      TRIAGE_STAGE, "near-duplicate removal",
                      "extractive composition", "question analysis"]:
            per_stage[stage].append(clock.spent.get(stage, 0.0))
        per_stage["everything else (rewriting, spelling, scoring, checks)"].append(
            max(0.0, total - named)
        )

    ask_p50 = median(totals)
    results: dict[str, Any] = {
        "questions": len(questions),
        "ask_p50_ms": round(ask_p50, 1),
        "ask_p95_ms": round(percentile(totals, 0.95), 1),
        "stages": {
            stage: {
                "p50_ms": round(median(values), 2),
                "p95_ms": round(percentile(values, 0.95), 2),
                "mean_share_of_ask": round(sum(values) / sum(totals), 3),
            }
            for stage, values in per_stage.items()
        },
    }
    print(f"ask p50 {results['ask_p50_ms']} ms, p95 {results['ask_p95_ms']} ms "
          f"({len(questions)} questions)")
    print("| stage | p50 ms | p95 ms | share of ask time |")
    print("|---|---|---|---|")
    stages = results["stages"]
    for stage, figures in sorted(stages.items(), key=lambda kv: -kv[1]["mean_share_of_ask"]):
        print(f"| {stage} | {figures['p50_ms']} | {figures['p95_ms']} | "
              f"{figures['mean_share_of_ask']:.1%} |")
    out = Path(__file__).with_name("results") / "stages.json"
    write_results(out, results)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
